"""Ballots: cast online by participants, entered by officers from paper or in person."""

import functools
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal.core import page_cache
from portal.participation.eligibility import ALREADY_VOTED, REGISTER
from portal.participation.errors import NotEligible
from portal.participation.identity import waiting_on
from portal.participation.models import Confirmation

from ..errors import BudgetError, InvalidBallot, VotingClosed
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


def _checked_choices(envelope, choices, on_ballot=None):
    """{project: points} of a ballot that keeps the envelope's rules; else InvalidBallot.
    `on_ballot`: the envelope's projects as the caller just read them, else read here."""
    requested = _requested(choices)
    if not requested:
        raise InvalidBallot(_("Choose at least one project."))
    # The limits that need no project are checked first: an oversized ballot costs no query.
    if envelope.method != VotingMethod.BASKET:
        check_rules(envelope, requested)
    if on_ballot is None:
        projects = BudgetProject.objects.filter(
            envelope=envelope, status=ProjectStatus.ON_BALLOT, pk__in=requested
        ).in_bulk()
    else:
        projects = {
            project.pk: project
            for project in on_ballot
            if project.pk in requested
            and project.envelope_id == envelope.pk
            and project.status == ProjectStatus.ON_BALLOT
        }
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
    chosen = {projects[pk]: points for pk, points in requested.items()}
    if envelope.method == VotingMethod.BASKET:
        check_rules(envelope, chosen)
    if envelope.method == VotingMethod.POINTS:
        return chosen
    return dict.fromkeys(chosen, 1)


def check_rules(envelope, chosen):
    """Raise InvalidBallot, saying why, when `chosen` ({project: points}; project ids will
    do but in a basket, which adds up costs) breaks the envelope's rules: over the points,
    over N, over the amount. The ballot form asks the same while the resident fills it in,
    before anything is stored."""
    if envelope.method == VotingMethod.POINTS:
        total = sum(chosen.values())
        if total > envelope.points:
            raise InvalidBallot(
                ngettext(
                    "You spread %(total)s point, %(over)s more than the %(points)s you have.",
                    "You spread %(total)s points, %(over)s more than the %(points)s you have.",
                    total,
                )
                % {"total": total, "over": total - envelope.points, "points": envelope.points}
            )
    elif envelope.method == VotingMethod.CHOICES:
        if len(chosen) > envelope.max_choices:
            raise InvalidBallot(
                ngettext(
                    "You may choose %(max)s project; you chose %(count)s.",
                    "You may choose up to %(max)s projects; you chose %(count)s.",
                    envelope.max_choices,
                )
                % {"max": envelope.max_choices, "count": len(chosen)}
            )
    else:
        total = sum(project.cost for project in chosen)
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


def check_open(envelope, now=None):
    """Raise VotingClosed, saying when it opens or closed, unless `envelope` takes online
    ballots now."""
    _check_window(envelope, BallotChannel.ONLINE, now or timezone.now())


def _locked_envelope(envelope, now):
    """Lock the voting rules if this is the first ballot, and read them as stored.

    Rules read once locked are final (`Envelope.save` refuses to change them): such an
    envelope is taken as given, at no query. Otherwise the conditional UPDATE is atomic: of
    concurrent first ballots one sets the date, the others find it set. A refused ballot
    rolls the lock back with it.
    """
    if envelope.method_locked_at is not None:
        return envelope
    if Envelope.objects.filter(pk=envelope.pk, method_locked_at__isnull=True).update(
        method_locked_at=now
    ):
        # The envelope kept for the ballots is kept locked once the lock is committed (a
        # refused ballot rolls it back, and changes nothing kept).
        transaction.on_commit(page_cache.invalidate)
    return Envelope.objects.get(pk=envelope.pk)  # the rules as locked, not as the caller read them


def _write_choices(ballot, checked):
    BallotChoice.objects.bulk_create(
        BallotChoice(ballot=ballot, project=project, points=points)
        for project, points in checked.items()
    )


def _register_entry_used():
    """The refusal of a ballot whose register entry already voted in this envelope."""
    return NotEligible({REGISTER: ALREADY_VOTED})


def _entry_used_by_another(envelope, register_entry, participant):
    """Whether another voter's counted ballot in this envelope holds the register entry."""
    return (
        Ballot.objects.filter(envelope=envelope, register_entry=register_entry, confirmed=True)
        .exclude(participant=participant)
        .exists()
    )


def cast_ballot(
    *,
    envelope,
    participant,
    choices,
    district=None,
    register_entry=None,
    age_declared=False,
    on_ballot=None,
    now=None,
):
    """A participant's online ballot; cast again while the vote is open, it replaces their
    choices. `choices`: {project: points} or an iterable of projects (see `_requested`).
    `district`, `register_entry` and `age_declared`: what the consultation's eligibility rule
    asked (participation.eligibility.check's `Declaration`). `on_ballot`: the envelope's
    projects as the caller just read them (the ballot form's), else read here.

    Cast in a name this browser has not proven (`participant.counts_now` is false), it waits
    on the browser's confirmation link, one per link and envelope, and counts once the link is
    used (`release_confirmed`). One counted ballot per participant and envelope even under
    concurrency: the partial unique constraint decides between concurrent first ballots, and
    the ballot's row is locked while its choices are replaced. One counted ballot per register
    entry likewise: another participant's ballot with the same entry is refused
    (`NotEligible`), when cast and again when its link is used; a ballot changed by its own
    participant keeps its entry.

    The ballot is inserted at once, as most residents vote once (no savepoint to pay): when
    the insert fails on a unique constraint (a ballot of theirs, or of a concurrent request,
    or their register entry used by another), the whole cast is rolled back and done again,
    reading and locking the ballot they have; finding none, the entry was another's. Any
    other failure (at the commit, say) is not retried.
    """
    if participant is None:  # else it would match officers' ballots, which have none
        raise ValueError("An online ballot needs its participant.")
    cast = functools.partial(
        _cast,
        envelope=envelope,
        participant=participant,
        choices=choices,
        declared={
            "district": district,
            "register_entry": register_entry,
            "age_declared": age_declared,
        },
        on_ballot=on_ballot,
        now=now or timezone.now(),
    )
    try:
        return cast(first=True)
    except _Conflict:
        return cast(first=False)


class _Conflict(Exception):
    """A first ballot's insert met a unique constraint: the cast is rolled back, to be done
    again reading the ballot there is."""


@transaction.atomic
def _cast(*, first, envelope, participant, choices, declared, on_ballot, now):
    """`cast_ballot` in one transaction: a new ballot inserted if `first`, else the
    participant's ballot (counted, or waiting on this browser's link) read, locked and
    replaced, or inserted if they have none."""
    envelope = _locked_envelope(envelope, now)
    _check_window(envelope, BallotChannel.ONLINE, now)
    checked = _checked_choices(envelope, choices, on_ballot)
    confirmation = waiting_on(participant)
    register_entry = declared["register_entry"]
    if register_entry is not None and _entry_used_by_another(envelope, register_entry, participant):
        raise _register_entry_used()
    if confirmation is None:
        owner, defaults = {"participant": participant, "confirmed": True}, declared
    else:
        # Locked as `confirm` locks it: a ballot never joins a link as it is being used.
        if not Confirmation.objects.select_for_update().filter(
            pk=confirmation.pk, used_at__isnull=True
        ):
            raise BudgetError(_("Your confirmation link was used just now: please vote again."))
        owner, defaults = {"confirmation": confirmation}, {"participant": participant, **declared}
    ballot = None
    if not first:
        ballot = Ballot.objects.select_for_update().filter(envelope=envelope, **owner).first()
    try:
        if ballot is None:
            ballot = Ballot.objects.create(
                envelope=envelope, **owner, **defaults, created_at=now, updated_at=now
            )
        else:
            ballot.choices.all().delete()
            ballot.district = declared["district"]
            ballot.age_declared = declared["age_declared"]
            ballot.updated_at = now
            if ballot.register_entry_id is None:  # cast before the register was asked
                ballot.register_entry = register_entry
            ballot.save(update_fields=["district", "age_declared", "register_entry", "updated_at"])
    except IntegrityError:
        if first:
            raise _Conflict from None
        raise _register_entry_used() from None  # no ballot of theirs: the entry's, another's
    _write_choices(ballot, checked)
    return ballot


def release_confirmed(sender, *, confirmation, now, shown_at=None, **kwargs):
    """Receiver of `contributions_confirmed`: the ballots that link was sent for count, each
    in place of its participant's counted ballot in that envelope (changing one's vote), and
    only those. A ballot changed after the link's page was shown is deleted (nobody confirmed
    it); one whose vote closed meanwhile is dropped. Returns what was dropped, said."""
    dropped = []
    waiting = Ballot.objects.filter(confirmation=confirmation, confirmed=False)
    for ballot in waiting.select_related("envelope").order_by("pk"):
        if shown_at is not None and ballot.updated_at > shown_at:
            ballot.delete()
        elif now >= ballot.envelope.closes_at:
            ballot.delete()
            dropped.append(
                _("The vote “%(title)s” closed before you confirmed: your ballot is not counted.")
                % {"title": ballot.envelope.title}
            )
        else:
            try:
                with transaction.atomic():
                    _count(ballot, now)
            except IntegrityError:  # its register entry voted meanwhile, in another name
                ballot.delete()
                dropped.append(
                    _(
                        "In the vote “%(title)s”, your register reference was used by another "
                        "ballot before you confirmed: your ballot is not counted."
                    )
                    % {"title": ballot.envelope.title}
                )
    return dropped


def _count(waiting, now):
    """Make a waiting ballot count: its choices move to the participant's counted ballot,
    locked (or created) as `cast_ballot` does, and the waiting one goes."""
    ballot, created = Ballot.objects.select_for_update().get_or_create(
        envelope=waiting.envelope,
        participant=waiting.participant,
        confirmed=True,
        defaults={
            "district": waiting.district,
            "register_entry": waiting.register_entry,
            "age_declared": waiting.age_declared,
            "created_at": waiting.created_at,
            "updated_at": now,
        },
    )
    if not created:
        ballot.choices.all().delete()
        ballot.district = waiting.district
        ballot.age_declared = waiting.age_declared
        ballot.updated_at = now
        if ballot.register_entry_id is None:
            ballot.register_entry = waiting.register_entry
        ballot.save(update_fields=["district", "age_declared", "register_entry", "updated_at"])
    waiting.choices.update(ballot=ballot)
    waiting.delete()


def waiting_ballots(confirmation):
    """What a confirmation link makes count, for its e-mail and page: "vote in “…” for …",
    with the choices, so that the owner of the address sees what was typed in their name."""
    ballots = Ballot.objects.filter(confirmation=confirmation, confirmed=False)
    return [(ballot.updated_at, described(ballot)) for ballot in _with_choices(ballots)]


def participant_ballots(participant):
    """A participant's ballots as their data page lists them, those still waiting on a link
    said so."""
    ballots = Ballot.objects.filter(participant=participant).order_by("-updated_at")
    return [
        (
            ballot.updated_at,
            described(ballot)
            if ballot.confirmed
            else _("%(vote)s (not confirmed: does not count)") % {"vote": described(ballot)},
        )
        for ballot in _with_choices(ballots)
    ]


def _with_choices(ballots):
    return ballots.select_related("envelope").prefetch_related(
        Prefetch("choices", BallotChoice.objects.select_related("project"))
    )


def described(ballot):
    """ "vote in “…” for: …", the projects (and their points) in alphabetical order."""
    choices = sorted(ballot.choices.all(), key=lambda choice: choice.project.title)
    if ballot.envelope.method == VotingMethod.POINTS:
        names = [
            ngettext("%(title)s (%(count)s point)", "%(title)s (%(count)s points)", c.points)
            % {"title": c.project.title, "count": c.points}
            for c in choices
        ]
    else:
        names = [choice.project.title for choice in choices]
    return _("vote in “%(envelope)s” for: %(projects)s") % {
        "envelope": ballot.envelope.title,
        "projects": ", ".join(names),
    }


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
                confirmed=True,
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
