"""Results: votes per project by channel and district, the winners, and their declaration."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from portal.pages.taxonomy import District

from ..errors import BudgetError
from ..models import (
    BALLOT_STATUSES,
    PROJECT_WORKFLOW,
    Ballot,
    BallotChoice,
    BudgetProject,
    Envelope,
    ProjectStatus,
)
from .ballots import PAPER_GRACE


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
    counted (not those waiting on a confirmation link): four queries, whatever the number of
    ballots (the sums are the database's)."""
    projects = {
        project.pk: ProjectResult(project)
        for project in BudgetProject.objects.filter(envelope=envelope, status__in=BALLOT_STATUSES)
    }
    rows = (
        BallotChoice.objects.filter(ballot__envelope=envelope, ballot__confirmed=True)
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
        Ballot.objects.filter(envelope=envelope, confirmed=True)
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
