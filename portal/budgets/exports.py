"""An envelope's vote as spreadsheets read it: the results per project, and every ballot.

Rows only; `participation.survey_results.spreadsheet_lines` writes them as the survey export
does. Nothing identifies a voter: no e-mail address, no name, no participant; a ballot is its
number, its channel, the voter's district, its date and where it was collected. Dates are in
the authority's time zone. A few queries whatever the number of ballots.
"""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.pages.taxonomy import District

from .models import BallotChannel, BallotChoice, BudgetProject, VotingMethod
from .services import results, winners


def district_name(districts, district_id):
    """A voter's district as the figures name it, from {id: District}."""
    if district_id is None:
        return _("District not given")
    district = districts.get(district_id)
    return district.name if district else ""


def results_rows(envelope):
    """A header, then a row per project on the ballot, most votes first: its votes, by
    channel and by district, and whether it wins (as counted now, `services.winners`)."""
    counted = results(envelope)
    funded = {project.pk for project in winners(envelope, counted)}
    district_ids = sorted(counted.ballots_by_district, key=lambda pk: (pk is None, pk or 0))
    yield [
        _("Project"),
        _("Title"),
        _("Cost (euros)"),
        _("Status"),
        _("Votes"),
        _("Ballots"),
        *(label for _value, label in BallotChannel.choices),
        *(district_name(counted.districts, pk) for pk in district_ids),
        _("Winner"),
    ]
    for result in counted.projects:
        project = result.project
        yield [
            project.pk,
            project.title,
            project.cost,
            project.get_status_display(),
            result.votes,
            result.ballots,
            *(result.by_channel.get(channel, 0) for channel in BallotChannel.values),
            *(result.by_district.get(pk, 0) for pk in district_ids),
            _("yes") if project.pk in funded else _("no"),
        ]


def ballot_rows(envelope):
    """A header, then a row per ballot, oldest first: its number, channel, the voter's
    district, when it was cast, where it was collected, and its choices (titles, with their
    points in a vote by points), joined with " | "."""
    paris = ZoneInfo(settings.TIME_ZONE)
    titles = dict(BudgetProject.objects.filter(envelope=envelope).values_list("pk", "title"))
    counted = envelope.ballots.filter(confirmed=True)  # not those waiting on a link
    ballots = (
        counted.order_by("created_at", "pk")
        .only("pk", "channel", "district_id", "created_at", "collected_at")
        .prefetch_related(
            Prefetch(
                "choices",
                queryset=BallotChoice.objects.only("ballot_id", "project_id", "points").order_by(
                    "pk"
                ),
            )
        )
    )
    districts = District.objects.in_bulk(
        counted.exclude(district=None).values_list("district_id", flat=True).distinct()
    )
    points = envelope.method == VotingMethod.POINTS
    yield [
        _("Ballot"),
        _("Channel"),
        _("Voter's district"),
        _("Date"),
        _("Collected at"),
        _("Choices"),
    ]
    for ballot in ballots.iterator(chunk_size=500):
        choices = [
            _("%(title)s (%(points)s points)")
            % {"title": titles[choice.project_id], "points": choice.points}
            if points
            else titles[choice.project_id]
            for choice in ballot.choices.all()
        ]
        yield [
            ballot.pk,
            ballot.get_channel_display(),
            district_name(districts, ballot.district_id),
            timezone.localtime(ballot.created_at, paris).strftime("%Y-%m-%d %H:%M"),
            ballot.collected_at,
            " | ".join(choices),
        ]
