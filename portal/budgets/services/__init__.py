"""Every write of budget data: projects and their study, ballots, realisation; and the results.

One module per concern (projects, ballots, counting, realisation); callers use the names
gathered here (`services.cast_ballot(...)`).

Rules (docs/architecture.md, "Participatory budgets"):
- a ballot is taken between the envelope's `opens_at` and `closes_at` (excluded); online
  ballots and in-person votes only then, paper ballots also up to `PAPER_GRACE` after closing
  (those collected in the last hours are typed in the next day);
- BASKET: the chosen projects cost at most the envelope's amount; CHOICES: at most N
  projects; POINTS: whole points, at least 1 per chosen project, at most P in all ("spread up
  to P", as Paris does);
- one counted online ballot per participant and envelope (a partial unique constraint);
  casting again replaces the choices while the vote is open; after closing a ballot is final;
  a ballot cast in a name the browser has not proven waits on its confirmation link and,
  once the link is used, replaces the participant's counted ballot;
- the first ballot locks the voting rules (`Envelope.method_locked_at`), atomically;
- winners: most votes first, each taken while it fits in what remains of the amount, one that
  no longer fits skipped; ties go to the cheaper project, then the earlier created, then the
  lower id. A project without votes does not win;
- realisation: winners get dated stages (a photo each, optional); the stage marked
  `realised` moves the project to "realised" through the workflow.
"""

from .ballots import (
    PAPER_GRACE,
    cast_ballot,
    check_open,
    check_rules,
    enter_paper_ballot,
    participant_ballots,
    release_confirmed,
    waiting_ballots,
)
from .counting import ProjectResult, Results, declare_results, results, winners
from .projects import (
    assign_project,
    change_project_status,
    create_project,
    locate_project,
    mark_feasible,
    mark_not_feasible,
    merge_ideas,
    note_project,
    put_on_ballot,
    study_project,
)
from .realisation import add_realisation_stage

__all__ = [
    "PAPER_GRACE",
    "ProjectResult",
    "Results",
    "add_realisation_stage",
    "assign_project",
    "cast_ballot",
    "check_open",
    "check_rules",
    "change_project_status",
    "create_project",
    "locate_project",
    "declare_results",
    "enter_paper_ballot",
    "mark_feasible",
    "mark_not_feasible",
    "merge_ideas",
    "note_project",
    "participant_ballots",
    "put_on_ballot",
    "release_confirmed",
    "results",
    "study_project",
    "waiting_ballots",
    "winners",
]
