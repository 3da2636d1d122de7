"""What a restitution tells of a consultation's participatory budget, as data frozen at
publication (next to participation's, `participation.accountability.snapshot`).

Per envelope: its rules, the state of its vote, and, once its results are public (the vote
has closed, or the editor unticked `results_hidden_while_open`), the ballots by channel and
by district and every project on the ballot with its votes, the winners marked. While
results are not public (the vote is open and the editor hides them, or it has not opened)
only the rules and dates are kept: a restitution frozen then never holds a live count, and
says when the results come.
"""

from django.utils import timezone

from portal.pages.taxonomy import District
from portal.participation.accountability import term_names
from portal.participation.membership import language_versions

from . import services
from .models import BallotChannel, Envelope
from .services import PAPER_GRACE


class VoteState:
    """Where an envelope's vote stood when the data was taken."""

    UPCOMING = "upcoming"  # not open yet: nothing to count
    HIDDEN = "hidden"  # open, results hidden until it closes
    OPEN = "open"  # open, and the editor shows the results as they come
    PROVISIONAL = "provisional"  # closed, paper ballots may still be typed in
    FINAL = "final"  # closed, the last paper ballots in

    COUNTED = (OPEN, PROVISIONAL, FINAL)


def vote_state(envelope, now):
    if now < envelope.opens_at:
        return VoteState.UPCOMING
    if now < envelope.closes_at:
        return VoteState.HIDDEN if envelope.results_hidden_while_open else VoteState.OPEN
    if now < envelope.closes_at + PAPER_GRACE:
        return VoteState.PROVISIONAL
    return VoteState.FINAL


def snapshot(consultation, locale, now=None):
    """{"envelopes": [...]}: each envelope of `consultation` (in every language), as JSON."""
    now = now or timezone.now()
    envelopes = list(
        Envelope.objects.filter(consultation__in=language_versions(consultation))
        .select_related("district")
        .order_by("district__name", "title", "pk")
    )
    rows = []
    for envelope in envelopes:
        state = vote_state(envelope, now)
        row = envelope_row(envelope, state, locale)
        if state in VoteState.COUNTED:
            row.update(counted_row(envelope, locale))
        rows.append(row)
    return {"envelopes": rows}


def envelope_row(envelope, state, locale):
    district = ""
    if envelope.district_id:
        district = term_names(District, [envelope.district_id], locale)[envelope.district_id]
    return {
        "id": envelope.pk,
        "title": envelope.title,
        "district": district,
        "method": envelope.method,
        "amount": envelope.amount,
        "max_choices": envelope.max_choices,
        "points": envelope.points,
        "opens_at": envelope.opens_at.isoformat(),
        "closes_at": envelope.closes_at.isoformat(),
        "paper_until": (envelope.closes_at + PAPER_GRACE).isoformat(),
        "state": state,
    }


def counted_row(envelope, locale):
    """The ballots and the votes of each project, most votes first, the winners marked."""
    counted = services.results(envelope)
    funded = {project.pk for project in services.winners(envelope, counted)}
    names = term_names(
        District, [pk for pk in counted.ballots_by_district if pk is not None], locale
    )
    by_district = sorted(
        (
            {"name": names.get(pk, ""), "ballots": ballots}
            for pk, ballots in counted.ballots_by_district.items()
        ),
        # Most ballots first; ballots without a district last.
        key=lambda row: (not row["name"], -row["ballots"], row["name"]),
    )
    projects = [
        {
            "id": result.project.pk,
            "title": result.project.title,
            "cost": result.project.cost,
            "votes": result.votes,
            "ballots": result.ballots,
            "winner": result.project.pk in funded,
        }
        for result in counted.projects
    ]
    return {
        "ballots": counted.ballots,
        "by_channel": {
            channel.value: counted.ballots_by_channel.get(channel, 0) for channel in BallotChannel
        },
        "by_district": by_district,
        "projects": projects,
        "used": sum(project["cost"] for project in projects if project["winner"]),
    }
