"""Projects: entered by officers or merged from ideas, and their feasibility study."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.core import assignment
from portal.participation.places import locate, main_districts, moved

from ..errors import InvalidProjectStep, MethodLocked
from ..models import PROJECT_WORKFLOW, BudgetProject, Envelope, ProjectStatus, euros


@transaction.atomic
def create_project(*, envelope, user, title, summary="", cost=0, now=None, **fields):
    """A project entered by officers; it starts as proposed. `fields`: theme, district,
    place, latitude and longitude (its point gives the district not chosen), image with
    image_alt (or image_decorative). A place typed without a point is looked up, as an idea's
    is."""
    now = now or timezone.now()
    fields = locate(fields, main_districts(), geocode=True)
    project = BudgetProject(
        envelope=envelope, title=title, summary=summary, cost=cost, created_at=now, **fields
    )
    if problem := project.image_problem():
        raise InvalidProjectStep(problem)
    project.save()
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
    if to_status in (ProjectStatus.WINNER, ProjectStatus.NOT_SELECTED):
        raise InvalidProjectStep(_("Only the declaration of results marks winners."))
    PROJECT_WORKFLOW.check(project, to_status)
    note = PROJECT_WORKFLOW.check_message(to_status, note)
    if ProjectStatus.ON_BALLOT in (project.status, to_status) and to_status in (
        ProjectStatus.ON_BALLOT,
        ProjectStatus.FEASIBLE,
    ):
        # Locked: the first ballot's lock (services.ballots) waits for this step, or it for it.
        envelope = Envelope.objects.select_for_update().get(pk=project.envelope_id)
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


@transaction.atomic
def locate_project(*, project, user, now=None, **fields):
    """Correct where a project is (place, latitude, longitude, district): located as a new
    project is when its place or point changed, saved and recorded in its history only if
    something differs."""
    now = now or timezone.now()
    stored = BudgetProject.objects.get(pk=project.pk)
    if moved(stored, fields):
        fields = locate(fields, main_districts(), geocode=True)
    return PROJECT_WORKFLOW.correct(project, stored, fields, user=user, at=now)


def assign_project(*, project, department="", assignee=None):
    """Assign a project to a department and/or a staff person: internal, never public (the
    public "studied by" department is the study's, `study_project`)."""
    return assignment.assign(project, department=department, assignee=assignee)


def note_project(*, project, user, text, now=None):
    """Add an officer's internal note to a project: read in the admin only."""
    return assignment.add_note(project, user=user, text=text, now=now)
