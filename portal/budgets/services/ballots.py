"""Ballots: cast online by participants, entered by officers from paper or in person."""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal.participation.eligibility import ALREADY_VOTED, REGISTER
from portal.participation.errors import NotEligible

from ..errors import InvalidBallot, VotingClosed
from ..models import (
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
        try:
            project_id = int(getattr(project, "pk", project))
        except (TypeError, ValueError):
            project_id = 0
        if not 0 < project_id < 2**63:  # what no row can have: refused before any query
            raise InvalidBallot(_("One of the projects chosen is not on this ballot."))
        if isinstance(points, bool) or not isinstance(points, int) or points < 0:
            raise InvalidBallot(_("Points are whole numbers, 0 or more."))
        if points:
            requested[project_id] = points
    return requested


def _checked_choices(envelope, choices):
    """{project: points} of a ballot that keeps the envelope's rules; else InvalidBallot."""
    requested = _requested(choices)
    if not requested:
        raise InvalidBallot(_("Choose at least one project."))
    # The limits that need no project are checked first: an oversized ballot costs no query.
    if envelope.method == VotingMethod.POINTS:
        total = sum(requested.values())
        if total > envelope.points:
            raise InvalidBallot(
                ngettext(
                    "You spread %(total)s point, %(over)s more than the %(points)s you have.",
                    "You spread %(total)s points, %(over)s more than the %(points)s you have.",
                    total,
                )
                % {"total": total, "over": total - envelope.points, "points": envelope.points}
            )
    if envelope.method == VotingMethod.CHOICES and len(requested) > envelope.max_choices:
        raise InvalidBallot(
            ngettext(
                "You may choose %(max)s project; you chose %(count)s.",
                "You may choose up to %(max)s projects; you chose %(count)s.",
                envelope.max_choices,
            )
            % {"max": envelope.max_choices, "count": len(requested)}
        )
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
        return {projects[pk]: points for pk, points in requested.items()}
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


def _register_entry_used():
    """The refusal of a ballot whose register entry already voted in this envelope."""
    return NotEligible({REGISTER: ALREADY_VOTED})


@transaction.atomic
def cast_ballot(
    *,
    envelope,
    participant,
    choices,
    district=None,
    register_entry=None,
    age_declared=False,
    now=None,
):
    """A participant's online ballot; cast again while the vote is open, it replaces their
    choices. `choices`: {project: points} or an iterable of projects (see `_requested`).
    `district`, `register_entry` and `age_declared`: what the consultation's eligibility rule
    asked (participation.eligibility.check's `Declaration`).

    One ballot per participant and envelope even under concurrency: the partial unique
    constraint decides between concurrent first ballots (get_or_create retries the read),
    and the ballot's row is locked while its choices are replaced. One ballot per register
    entry likewise: a second participant's ballot with the same entry is refused
    (`NotEligible`); a ballot changed by its own participant keeps its entry.
    """
    if participant is None:  # else it would match officers' ballots, which have none
        raise ValueError("An online ballot needs its participant.")
    now = now or timezone.now()
    envelope = _locked_envelope(envelope, now)
    _check_window(envelope, BallotChannel.ONLINE, now)
    checked = _checked_choices(envelope, choices)
    try:
        with transaction.atomic():
            ballot, created = Ballot.objects.select_for_update().get_or_create(
                envelope=envelope,
                participant=participant,
                defaults={
                    "district": district,
                    "register_entry": register_entry,
                    "age_declared": age_declared,
                    "created_at": now,
                    "updated_at": now,
                },
            )
            if not created:
                ballot.choices.all().delete()
                ballot.district = district
                ballot.age_declared = age_declared
                ballot.updated_at = now
                if ballot.register_entry_id is None:  # cast before the register was asked
                    ballot.register_entry = register_entry
                ballot.save(
                    update_fields=["district", "age_declared", "register_entry", "updated_at"]
                )
    except IntegrityError:  # not this participant's ballot: the entry's, someone else's
        raise _register_entry_used() from None
    _write_choices(ballot, checked)
    return ballot


@transaction.atomic
def enter_paper_ballot(
    *,
    envelope,
    user,
    choices,
    collected_at,
    district,
    channel=BallotChannel.PAPER,
    register_entry=None,
    now=None,
):
    """A ballot typed in by an officer: a paper ballot (where it was collected), or the vote of
    a resident who came in person. Same rules as online ballots; paper ones are taken up to
    `PAPER_GRACE` after closing, in-person votes only while the vote is open. A register
    entry votes once, online or not (`NotEligible`)."""
    now = now or timezone.now()
    channel = BallotChannel(channel)
    if channel == BallotChannel.ONLINE:
        raise ValueError("Officers enter paper or in-person ballots.")
    envelope = _locked_envelope(envelope, now)
    _check_window(envelope, channel, now)
    checked = _checked_choices(envelope, choices)
    try:
        with transaction.atomic():
            ballot = Ballot.objects.create(
                envelope=envelope,
                channel=channel,
                collected_at=collected_at,
                entered_by=user,
                district=district,
                register_entry=register_entry,
                created_at=now,
                updated_at=now,
            )
    except IntegrityError:
        raise _register_entry_used() from None
    _write_choices(ballot, checked)
    return ballot
