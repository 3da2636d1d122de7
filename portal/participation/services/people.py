"""Participants and their links: what using a confirmation link makes count, erasure at a
participant's request, and the purges of what will never count or is kept too long."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ..errors import InvalidLink, LinkUsed
from ..models import Confirmation, Idea, Participant, Petition
from ..signals import contributions_confirmed
from .ideas import delete_idea, idea_accepts_supports
from .petitions import record_crossed_thresholds
from .surveys import _once_key


@dataclass
class Confirmed:
    """What using a confirmation link did: who the browser is now, and what it already had
    (a second support or answer is dropped, not counted twice)."""

    participant: Participant
    dropped: list = field(default_factory=list)


def _count(contribution, fields):
    """Save a waiting contribution as counted; False, and it is deleted, when the database
    refuses it because the same one already counts (one support, one answer)."""
    try:
        with transaction.atomic():
            contribution.save(update_fields=fields)
    except IntegrityError:
        contribution.delete()
        return False
    return True


@transaction.atomic
def confirm(*, confirmation, shown_at=None, display_name=None, now=None):
    """Use a confirmation link: what it was sent for counts, and only that.

    The row is locked, so that a link used twice at once counts once; a used or expired
    link raises LinkUsed or InvalidLink. `shown_at` and `display_name` are what its page
    showed: anything added since (by whoever typed the address) is deleted, not confirmed,
    and the public name shown is the one applied, with the wish and the language typed with
    the contributions. What can no longer count (a second support or answer, or one for a
    petition, survey, idea box or idea closed meanwhile) is dropped and said.
    """
    now = now or timezone.now()
    confirmation = (
        Confirmation.objects.select_for_update()
        .select_related("participant")
        .get(pk=confirmation.pk)
    )
    if confirmation.used_at is not None:
        raise LinkUsed
    if not confirmation.is_usable(now):
        raise InvalidLink(expired=True)
    confirmation.used_at = now
    confirmation.save(update_fields=["used_at"])
    if shown_at is not None:
        _drop_unseen(confirmation, shown_at)
    participant = confirmation.participant
    name = confirmation.display_name if display_name is None else display_name
    participant.confirmed_at = participant.confirmed_at or now
    participant.display_name = name or participant.display_name
    participant.wants_results = participant.wants_results or confirmation.wants_results
    participant.language = confirmation.language
    participant.save(update_fields=["confirmed_at", "display_name", "wants_results", "language"])
    dropped = []

    def drop(contribution, message, title):
        contribution.delete()
        dropped.append(message % {"title": title})

    closed = _("“%(title)s” closed before you confirmed: your contribution is not counted.")
    petitions = {}
    for support in confirmation.supports.filter(confirmed=False).select_related("petition"):
        support.confirmed = True
        if not support.petition.is_open(now):
            drop(support, closed, support.petition.title)
        elif _count(support, ["confirmed"]):
            petitions[support.petition_id] = support.petition
        else:
            dropped.append(
                _("You had already supported the petition “%(title)s”.")
                % {"title": support.petition.title}
            )
    for petition in petitions.values():
        record_crossed_thresholds(petition, now=now)
    for support in confirmation.idea_supports.filter(confirmed=False).select_related("idea"):
        support.confirmed = True
        if not idea_accepts_supports(support.idea, now):
            drop(support, closed, support.idea.title)
        elif _count(support, ["confirmed"]):
            Idea.objects.filter(pk=support.idea_id).update(support_count=F("support_count") + 1)
        else:
            dropped.append(
                _("You had already supported the idea “%(title)s”.") % {"title": support.idea.title}
            )
    for idea in confirmation.ideas.filter(confirmed=False).select_related("box"):
        if not idea.box.is_open(now):
            dropped.append(closed % {"title": idea.box.title})
            delete_idea(idea)
    # Signed with the name typed for them, if any: "leave empty to stay anonymous" holds even
    # for someone who gave a name another time.
    confirmation.ideas.filter(confirmed=False).update(confirmed=True, author_name=name)
    for response in confirmation.survey_responses.filter(confirmed=False).select_related("survey"):
        response.confirmed = True
        response.once_key = _once_key(response.survey, participant)
        if not response.survey.is_open(now):
            drop(response, closed, response.survey.title)
        elif not _count(response, ["confirmed", "once_key"]):
            dropped.append(
                _("You had already answered the survey “%(title)s”: this answer is not counted.")
                % {"title": response.survey.title}
            )
    for _receiver, notes in contributions_confirmed.send(
        sender=Confirmation, confirmation=confirmation, now=now, shown_at=shown_at
    ):
        dropped += notes or []
    return Confirmed(participant=participant, dropped=dropped)


def _drop_unseen(confirmation, shown_at):
    """Delete what joined a confirmation after its page was shown: nobody confirmed it."""
    for related in (
        confirmation.supports,
        confirmation.idea_supports,
        confirmation.survey_responses,
    ):
        related.filter(confirmed=False, created_at__gt=shown_at).delete()
    for idea in confirmation.ideas.filter(confirmed=False, created_at__gt=shown_at):
        delete_idea(idea)
    confirmation.event_proposals.filter(created_at__gt=shown_at).delete()


@transaction.atomic
def erase(*, participant):
    """Delete a participant at their request.

    The address and name go; supports are withdrawn, survey answers and event proposals
    deleted, and so are their ideas not published (with their files). Published ideas stay,
    without any name and without the answers given to confidential fields.
    """
    petitions = list(Petition.objects.filter(supports__participant=participant))
    for support_ in participant.idea_supports.filter(confirmed=True):
        Idea.objects.filter(pk=support_.idea_id).update(support_count=F("support_count") - 1)
    for idea in participant.ideas.select_related("box"):
        if idea.is_public:
            idea.participant = None
            idea.author_name = ""
            idea.extra = idea.public_answers()
            idea.save(update_fields=["participant", "author_name", "extra"])
        else:
            delete_idea(idea)
    participant.delete()
    for petition in petitions:
        record_crossed_thresholds(petition)


@transaction.atomic
def purge_unconfirmed(*, now=None):
    """Delete what waited on links left unused a week past their expiry, or that reached a
    link as it was being used: it will never count, and it holds what someone typed in an
    address's name. Addresses typed but never confirmed go too, once nothing is left of
    them. Returns how many unused links were deleted."""
    now = now or timezone.now()
    week_ago = now - timedelta(days=7)
    stale = list(Confirmation.objects.filter(used_at__isnull=True, expires_at__lt=week_ago))
    late = Confirmation.objects.filter(used_at__lt=week_ago)
    for confirmation in [*stale, *late]:
        confirmation.supports.filter(confirmed=False).delete()
        confirmation.idea_supports.filter(confirmed=False).delete()
        confirmation.survey_responses.filter(confirmed=False).delete()
        for idea in confirmation.ideas.filter(confirmed=False):
            delete_idea(idea)
    for confirmation in stale:
        confirmation.event_proposals.all().delete()  # released only by using the link
        confirmation.delete()
    Participant.objects.filter(
        confirmed_at__isnull=True,
        confirmations__isnull=True,
        supports__isnull=True,
        idea_supports__isnull=True,
        ideas__isnull=True,
        survey_responses__isnull=True,
        event_proposals__isnull=True,
    ).delete()
    return len(stale)


def purge_expired(*, now=None):
    """Anonymise participants inactive for longer than the retention period.

    The supports stay (published counts do not change); nothing links them to a person, and
    their ideas keep neither a name nor the answers given to confidential fields. Returns the
    number of participants anonymised.
    """
    now = now or timezone.now()
    limit = now - timedelta(days=30 * settings.PARTICIPATION_RETENTION_MONTHS)
    expired = (
        Participant.objects.filter(erased_at__isnull=True, created_at__lt=limit)
        .exclude(supports__created_at__gte=limit)
        .exclude(idea_supports__created_at__gte=limit)
        .exclude(ideas__created_at__gte=limit)
        .exclude(survey_responses__created_at__gte=limit)
        .exclude(event_proposals__created_at__gte=limit)
    )
    count = 0
    for participant in expired:
        participant.ideas.update(author_name="")
        for idea in participant.ideas.select_related("box"):
            idea.extra = idea.public_answers()
            idea.save(update_fields=["extra"])
        participant.confirmations.all().delete()  # the public names typed with them
        participant.email = f"erased-{participant.pk}@invalid"
        participant.display_name = ""
        participant.wants_results = False
        participant.erased_at = now
        participant.save(update_fields=["email", "display_name", "wants_results", "erased_at"])
        count += 1
    return count
