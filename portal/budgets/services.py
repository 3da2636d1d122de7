"""Every write of budget data: projects and their study, ballots; and the results.

Rules (docs/architecture.md, "Participatory budgets"):
- a ballot is taken between the envelope's `opens_at` and `closes_at` (excluded); online
  ballots and in-person votes only then, paper ballots also up to `PAPER_GRACE` after closing
  (those collected in the last hours are typed in the next day);
- BASKET: the chosen projects cost at most the envelope's amount; CHOICES: at most N
  projects; POINTS: whole points, at least 1 per chosen project, at most P in all ("spread up
  to P", as Paris does);
- one online ballot per participant and envelope (a partial unique constraint); casting again
  replaces the choices while the vote is open; after closing a ballot is final;
- the first ballot locks the voting rules (`Envelope.method_locked_at`), atomically;
- winners: most votes first, each taken while it fits in what remains of the amount, one that
  no longer fits skipped; ties go to the cheaper project, then the earlier created, then the
  lower id. A project without votes does not win.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import transaction
from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal.pages.taxonomy import District

from .errors import BudgetError, InvalidBallot, InvalidProjectStep, MethodLocked, VotingClosed
from .models import (
    BALLOT_STATUSES,
    PROJECT_WORKFLOW,
    Ballot,
    BallotChannel,
    BallotChoice,
    BudgetProject,
    Envelope,
    ProjectStatus,
    VotingMethod,
    euros,
)

# How long after closing officers may still type in paper ballots collected before it.
PAPER_GRACE = timedelta(days=1)


# Projects and their feasibility study


@transaction.atomic
def create_project(*, envelope, user, title, summary="", cost=0, now=None, **fields):
    """A project entered by officers; it starts as proposed. `fields`: theme, district."""
    now = now or timezone.now()
    project = BudgetProject.objects.create(
        envelope=envelope, title=title, summary=summary, cost=cost, created_at=now, **fields
    )
    PROJECT_WORKFLOW.record(project, to_status=ProjectStatus.PROPOSED, user=user, at=now)
    return project


@transaction.atomic
def merge_ideas(*, envelope, ideas, user, title, summary="", now=None, **fields):
    """A project made of one or more ideas of the envelope's consultation, whose authors
    stay credited (`BudgetProject.credited_authors`). The ideas must be public."""
    ideas = list(ideas)
    if not ideas:
        raise InvalidProjectStep(_("Choose at least one idea to make a project of."))
    for idea in ideas:
        if not idea.is_public:
            raise InvalidProjectStep(
                _("“%(title)s” is not public: only published ideas become projects.")
                % {"title": idea.title}
            )
        if idea.box.consultation_id != envelope.consultation_id:
            raise InvalidProjectStep(
                _("“%(title)s” belongs to another consultation.") % {"title": idea.title}
            )
    project = create_project(
        envelope=envelope, user=user, title=title, summary=summary, now=now, **fields
    )
    project.source_ideas.set(ideas)
    return project


@transaction.atomic
def change_project_status(*, project, to_status, user, note="", now=None, **changes):
    """Move a project along its workflow and record who did it, when and why.

    Not feasible needs a note: it becomes the public reason. Putting a project on the ballot,
    or taking it off, is refused once voting has started.
    """
    now = now or timezone.now()
    to_status = ProjectStatus(to_status)
    PROJECT_WORKFLOW.check(project, to_status)
    note = PROJECT_WORKFLOW.check_message(to_status, note)
    if ProjectStatus.ON_BALLOT in (project.status, to_status) and to_status in (
        ProjectStatus.ON_BALLOT,
        ProjectStatus.FEASIBLE,
    ):
        envelope = Envelope.objects.get(pk=project.envelope_id)
        if envelope.method_locked_at is not None:
            raise MethodLocked(
                _("Voting has started: the projects on the ballot cannot change any more.")
            )
        if to_status == ProjectStatus.ON_BALLOT and project.cost > envelope.amount:
            raise InvalidProjectStep(
                _("“%(title)s” costs %(cost)s, more than the envelope's %(amount)s.")
                % {
                    "title": project.title,
                    "cost": euros(project.cost),
                    "amount": euros(envelope.amount),
                }
            )
    if to_status == ProjectStatus.NOT_FEASIBLE:
        changes["public_reason"] = note
    PROJECT_WORKFLOW.move(project, to_status, user=user, at=now, note=note, **changes)
    return project


def study_project(*, project, user, department, note="", now=None):
    """The feasibility study starts, by a department."""
    return change_project_status(
        project=project,
        to_status=ProjectStatus.UNDER_STUDY,
        user=user,
        note=note,
        now=now,
        department=department,
    )


def mark_feasible(*, project, user, cost, note="", now=None):
    """The study found it feasible, for `cost` euros (the officers' estimate)."""
    return change_project_status(
        project=project, to_status=ProjectStatus.FEASIBLE, user=user, note=note, now=now, cost=cost
    )


def mark_not_feasible(*, project, user, reason, now=None):
    """The study found it not feasible; `reason` is published."""
    return change_project_status(
        project=project, to_status=ProjectStatus.NOT_FEASIBLE, user=user, note=reason, now=now
    )


def put_on_ballot(*, project, user, now=None):
    return change_project_status(
        project=project, to_status=ProjectStatus.ON_BALLOT, user=user, now=now
    )


# Ballots


def _check_window(envelope, channel, now):
    """Refuse a ballot the envelope does not take now, saying when it does."""
    if now < envelope.opens_at:
        raise VotingClosed(
            _("Voting opens on %(date)s.")
            % {"date": date_format(timezone.localtime(envelope.opens_at), "DATETIME_FORMAT")}
        )
    closes_at = envelope.closes_at
    if channel == BallotChannel.PAPER:
        closes_at += PAPER_GRACE
    if now >= closes_at:
        if channel == BallotChannel.PAPER:
            raise VotingClosed(
                _(
                    "Voting closed on %(date)s: paper ballots could be entered for a day "
                    "afterwards, no longer."
                )
                % {"date": date_format(timezone.localtime(envelope.closes_at), "DATETIME_FORMAT")}
            )
        raise VotingClosed(
            _("Voting closed on %(date)s: ballots are final.")
            % {"date": date_format(timezone.localtime(envelope.closes_at), "DATETIME_FORMAT")}
        )


def _requested(choices):
    """{project id: points} from {project or id: points} or an iterable of projects or ids;
    projects given 0 points are not chosen."""
    if not isinstance(choices, dict):
        choices = dict.fromkeys(choices, 1)
    requested = {}
    for project, points in choices.items():
        project_id = getattr(project, "pk", project)
        if isinstance(points, bool) or not isinstance(points, int) or points < 0:
            raise InvalidBallot(_("Points are whole numbers, 0 or more."))
        if points:
            requested[int(project_id)] = points
    return requested


def _checked_choices(envelope, choices):
    """{project: points} of a ballot that keeps the envelope's rules; else InvalidBallot."""
    requested = _requested(choices)
    if not requested:
        raise InvalidBallot(_("Choose at least one project."))
    projects = BudgetProject.objects.filter(
        envelope=envelope, status=ProjectStatus.ON_BALLOT, pk__in=requested
    ).in_bulk()
    if len(projects) < len(requested):
        missing = [pk for pk in requested if pk not in projects]
        # Named only when it is this envelope's (a project of another is none of its business).
        title = (
            BudgetProject.objects.filter(envelope=envelope, pk=missing[0])
            .values_list("title", flat=True)
            .first()
        )
        if title:
            raise InvalidBallot(_("“%(title)s” is not on this ballot.") % {"title": title})
        raise InvalidBallot(_("One of the projects chosen is not on this ballot."))
    if envelope.method == VotingMethod.POINTS:
        total = sum(requested.values())
        if total > envelope.points:
            raise InvalidBallot(
                _("You spread %(total)s points, %(over)s more than the %(points)s you have.")
                % {"total": total, "over": total - envelope.points, "points": envelope.points}
            )
        return {projects[pk]: points for pk, points in requested.items()}
    if envelope.method == VotingMethod.CHOICES and len(requested) > envelope.max_choices:
        raise InvalidBallot(
            ngettext(
                "You may choose %(max)s project; you chose %(count)s.",
                "You may choose up to %(max)s projects; you chose %(count)s.",
                envelope.max_choices,
            )
            % {"max": envelope.max_choices, "count": len(requested)}
        )
    if envelope.method == VotingMethod.BASKET:
        total = sum(project.cost for project in projects.values())
        if total > envelope.amount:
            raise InvalidBallot(
                _(
                    "Your basket costs %(total)s, %(over)s over the envelope's %(amount)s: "
                    "take a project out."
                )
                % {
                    "total": euros(total),
                    "over": euros(total - envelope.amount),
                    "amount": euros(envelope.amount),
                }
            )
    return dict.fromkeys(projects.values(), 1)


def _locked_envelope(envelope, now):
    """Lock the voting rules if this is the first ballot, and read them as stored.

    The conditional UPDATE is atomic: of concurrent first ballots one sets the date, the
    others find it set. A refused ballot rolls the lock back with it.
    """
    Envelope.objects.filter(pk=envelope.pk, method_locked_at__isnull=True).update(
        method_locked_at=now
    )
    return Envelope.objects.get(pk=envelope.pk)  # the rules as locked, not as the caller read them


def _write_choices(ballot, checked):
    BallotChoice.objects.bulk_create(
        BallotChoice(ballot=ballot, project=project, points=points)
        for project, points in checked.items()
    )


@transaction.atomic
def cast_ballot(*, envelope, participant, choices, district=None, now=None):
    """A participant's online ballot; cast again while the vote is open, it replaces their
    choices. `choices`: {project: points} or an iterable of projects (see `_requested`).

    One ballot per participant and envelope even under concurrency: the partial unique
    constraint decides between concurrent first ballots (get_or_create retries the read),
    and the ballot's row is locked while its choices are replaced.
    """
    now = now or timezone.now()
    envelope = _locked_envelope(envelope, now)
    _check_window(envelope, BallotChannel.ONLINE, now)
    checked = _checked_choices(envelope, choices)
    ballot, created = Ballot.objects.select_for_update().get_or_create(
        envelope=envelope,
        participant=participant,
        defaults={"district": district, "created_at": now, "updated_at": now},
    )
    if not created:
        ballot.choices.all().delete()
        ballot.district = district
        ballot.updated_at = now
        ballot.save(update_fields=["district", "updated_at"])
    _write_choices(ballot, checked)
    return ballot


@transaction.atomic
def enter_paper_ballot(
    *, envelope, user, choices, collected_at, district, channel=BallotChannel.PAPER, now=None
):
    """A ballot typed in by an officer: a paper ballot (where it was collected), or the vote of
    a resident who came in person. Same rules as online ballots; paper ones are taken up to
    `PAPER_GRACE` after closing, in-person votes only while the vote is open."""
    now = now or timezone.now()
    channel = BallotChannel(channel)
    if channel == BallotChannel.ONLINE:
        raise ValueError("Officers enter paper or in-person ballots.")
    envelope = _locked_envelope(envelope, now)
    _check_window(envelope, channel, now)
    checked = _checked_choices(envelope, choices)
    ballot = Ballot.objects.create(
        envelope=envelope,
        channel=channel,
        collected_at=collected_at,
        entered_by=user,
        district=district,
        created_at=now,
        updated_at=now,
    )
    _write_choices(ballot, checked)
    return ballot


# Results


@dataclass
class ProjectResult:
    project: BudgetProject
    votes: int = 0  # ballots choosing it; in a vote by points, the sum of its points
    ballots: int = 0
    by_channel: dict = field(default_factory=dict)  # channel: votes
    by_district: dict = field(default_factory=dict)  # district id (None: unknown): votes


@dataclass
class Results:
    envelope: Envelope
    projects: list  # ProjectResult, most votes first (ties as `winners` breaks them)
    ballots: int
    ballots_by_channel: dict
    ballots_by_district: dict  # district id (None: unknown): ballots
    districts: dict  # district id: District, for the names


def _rank(result):
    """Most votes first; ties go to the cheaper project, then the earlier created one."""
    project = result.project
    return (-result.votes, project.cost, project.created_at, project.pk)


def results(envelope):
    """The votes of each project on the ballot, by channel and by district, and the ballots
    counted: four queries, whatever the number of ballots (the sums are the database's)."""
    projects = {
        project.pk: ProjectResult(project)
        for project in BudgetProject.objects.filter(envelope=envelope, status__in=BALLOT_STATUSES)
    }
    rows = (
        BallotChoice.objects.filter(ballot__envelope=envelope)
        .values_list("project_id", "ballot__channel", "ballot__district_id")
        .annotate(ballots=Count("id"), points=Sum("points"))
        .order_by()
    )
    for project_id, channel, district_id, ballots, points in rows:
        result = projects.get(project_id)
        if result is None:  # taken off the ballot since: not counted
            continue
        result.votes += points
        result.ballots += ballots
        result.by_channel[channel] = result.by_channel.get(channel, 0) + points
        result.by_district[district_id] = result.by_district.get(district_id, 0) + points
    by_channel, by_district, total = defaultdict(int), defaultdict(int), 0
    counted = (
        Ballot.objects.filter(envelope=envelope)
        .values_list("channel", "district_id")
        .annotate(count=Count("id"))
        .order_by()
    )
    for channel, district_id, count in counted:
        by_channel[channel] += count
        by_district[district_id] += count
        total += count
    return Results(
        envelope=envelope,
        projects=sorted(projects.values(), key=_rank),
        ballots=total,
        ballots_by_channel=dict(by_channel),
        ballots_by_district=dict(by_district),
        districts=District.objects.in_bulk([pk for pk in by_district if pk is not None]),
    )


def winners(envelope, counted=None):
    """The projects funded: most votes first, each while it fits in what remains of the
    envelope's amount; one that no longer fits is skipped and the next one tried (as Paris
    does). Ties: the cheaper project first, then the earlier created. No vote, no win."""
    counted = counted or results(envelope)
    remaining, funded = envelope.amount, []
    for result in counted.projects:
        if result.votes and result.project.cost <= remaining:
            funded.append(result.project)
            remaining -= result.project.cost
    return funded


@transaction.atomic
def declare_results(*, envelope, user, now=None):
    """Once the last paper ballots are in (`PAPER_GRACE` after closing), mark the winners
    "winner" and the other projects on the ballot "not selected", each step recorded.
    Returns the winners; declared again, it changes nothing."""
    now = now or timezone.now()
    envelope = Envelope.objects.select_for_update().get(pk=envelope.pk)
    if now < envelope.closes_at + PAPER_GRACE:
        raise BudgetError(
            _("Results can be declared from %(date)s, once the last paper ballots are in.")
            % {
                "date": date_format(
                    timezone.localtime(envelope.closes_at + PAPER_GRACE), "DATETIME_FORMAT"
                )
            }
        )
    funded = {project.pk for project in winners(envelope)}
    declared = []
    for project in envelope.projects.filter(status=ProjectStatus.ON_BALLOT).order_by("pk"):
        if project.pk in funded:
            to_status = ProjectStatus.WINNER
            declared.append(project)
        else:
            to_status = ProjectStatus.NOT_SELECTED
        PROJECT_WORKFLOW.move(project, to_status, user=user, at=now)
    return declared
