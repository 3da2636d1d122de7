"""Every write of participation data goes through here: views, blocks, admin and commands.

Counting is left to the database: a unique constraint makes a second support from the same
participant impossible, and threshold crossings are claimed with a conditional UPDATE, so
that concurrent supports neither double-count nor double-notify.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal.core import mail, page_cache, roles
from portal.core.http import absolute_url, page_url
from portal.core.roles import StaffRole

from . import tasks
from .errors import (  # noqa: F401 (callers catch them as services.…)
    AlreadyAnswered,
    InvalidLink,
    LinkUsed,
    ParticipationClosed,
    ParticipationError,
    RateLimited,
)
from .identity import data_token
from .models import (
    Answer,
    Confirmation,
    Idea,
    IdeaSource,
    IdeaStatus,
    IdeaSupport,
    IdeaTransition,
    Participant,
    Petition,
    Support,
    SurveyResponse,
    Threshold,
)
from .models.ideas import REASON_REQUIRED, TRANSITIONS
from .signals import contributions_confirmed


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
    confirmation.ideas.filter(confirmed=False).update(
        confirmed=True, author_name=participant.display_name
    )
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
    contributions_confirmed.send(sender=Confirmation, confirmation=confirmation, now=now)
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


def _waiting_on(participant):
    """The confirmation a contribution by `participant` waits on; None if it counts now."""
    if participant.counts_now:
        return None
    if participant.confirmation is None:
        raise ValueError("A participant not proven by this browser needs a confirmation.")
    return participant.confirmation


def support_count(petition):
    return Support.objects.filter(petition=petition, confirmed=True).count()


def support(*, participant, petition, now=None):
    """Record a support; returns False if this participant already supported the petition."""
    now = now or timezone.now()
    if not petition.is_open(now):
        raise ParticipationClosed(_("This petition is not open for support."))
    try:
        with transaction.atomic():
            Support.objects.create(
                participant=participant,
                petition=petition,
                confirmed=participant.counts_now,
                confirmation=_waiting_on(participant),
                created_at=now,
            )
    except IntegrityError:
        return False
    if participant.counts_now:
        record_crossed_thresholds(petition, now=now)
    return True


def withdraw(*, participant, petition, now=None):
    """Take a support back, while the petition is open."""
    if not petition.is_open(now or timezone.now()):
        raise ParticipationClosed(_("This petition is closed: supports can no longer change."))
    Support.objects.filter(participant=participant, petition=petition).delete()


def record_crossed_thresholds(petition, now=None):
    """Date the thresholds the count has reached; tell the moderators of each, once."""
    now = now or timezone.now()
    count = support_count(petition)
    crossed = []
    candidates = Threshold.objects.filter(
        petition=petition, crossed_at__isnull=True, count__lte=count
    )
    for threshold in candidates:
        # Only the request whose UPDATE changes the row announces the crossing.
        claimed = Threshold.objects.filter(pk=threshold.pk, crossed_at__isnull=True).update(
            crossed_at=now
        )
        if claimed:
            threshold.crossed_at = now
            crossed.append(threshold)
    if crossed:
        transaction.on_commit(lambda: notify_moderators(petition, crossed, count))
    return crossed


def moderator_emails():
    """The addresses of the moderators (whatever their group is called) and administrators."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    moderators = users.filter(pk__in=roles.members(StaffRole.MODERATORS)) | users.filter(
        is_superuser=True
    )
    return sorted(set(moderators.values_list("email", flat=True)))


def notify_moderators(petition, thresholds, count):
    recipients = moderator_emails()
    if not recipients:
        return
    context = {"petition": petition, "thresholds": thresholds, "count": count}
    mail.send(
        subject=_("Threshold reached: %(title)s") % {"title": petition.title},
        body=render_to_string("participation/email/threshold.txt", context),
        to=recipients,
    )


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


def delete_idea(idea):
    """Delete an idea and, once that is committed, its files."""
    files = [(f.storage, f.name) for f in (idea.image, idea.attachment) if f]
    idea.delete()
    for storage, name in files:
        transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))


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


# Ideas


class InvalidTransition(ParticipationError):
    """A status change the workflow does not allow, or one missing its reason."""


def record_step(*, idea, to_status, user, at, from_status="", note=""):
    """Keep a step in the idea's history; pages listing ideas, cached whole, are refreshed."""
    IdeaTransition.objects.create(
        idea=idea, from_status=from_status, to_status=to_status, user=user, at=at, note=note
    )
    transaction.on_commit(page_cache.invalidate)


def submit_idea(*, box, participant, now=None, **fields):
    """Store an idea proposed online; it waits for confirmation, then for moderation.

    `fields` are the cleaned values of the idea form (title, description, theme, district,
    image, image_alt, attachment, place, extra).
    """
    now = now or timezone.now()
    if not box.is_open(now):
        raise ParticipationClosed(_("This idea box is closed."))
    # A waiting idea takes its author's public name when its link is used (services.confirm).
    return Idea.objects.create(
        box=box,
        participant=participant,
        author_name=participant.display_name if participant.counts_now else "",
        confirmed=participant.counts_now,
        confirmation=_waiting_on(participant),
        created_at=now,
        **fields,
    )


@transaction.atomic
def enter_paper_idea(*, box, user, collected_at, author_name="", now=None, **fields):
    """Record an idea written on paper at an event; the officer's entry publishes it."""
    now = now or timezone.now()
    idea = Idea.objects.create(
        box=box,
        author_name=author_name,
        source=IdeaSource.PAPER,
        collected_at=collected_at,
        confirmed=True,
        created_at=now,
        **fields,
    )
    record_step(idea=idea, to_status=IdeaStatus.SUBMITTED, user=user, at=now)
    change_status(idea=idea, to_status=IdeaStatus.PUBLISHED, user=user, now=now)
    return idea


@transaction.atomic
def change_status(*, idea, to_status, user, note="", now=None, notify=True):
    """Move an idea along the workflow, record who did it and why, and tell its author.

    The note is required to reject (it goes to the author, never on the site) and to not
    retain (it is published as the reason). `notify=False` is for loading data that nobody
    should be e-mailed about.
    """
    now = now or timezone.now()
    to_status = IdeaStatus(to_status)
    from_status = IdeaStatus(idea.status)
    if not idea.confirmed:
        raise InvalidTransition(
            _(
                "“%(title)s” waits for its author to confirm their address: it cannot be "
                "moderated yet."
            )
            % {"title": idea.title}
        )
    if to_status not in TRANSITIONS[from_status]:
        raise InvalidTransition(
            _("An idea cannot go from “%(from)s” to “%(to)s”.")
            % {"from": from_status.label, "to": to_status.label}
        )
    note = note.strip()
    if to_status in REASON_REQUIRED and not note:
        raise InvalidTransition(
            _("Give a reason to mark an idea “%(to)s”.") % {"to": to_status.label}
        )
    idea.status = to_status
    changed = ["status"]
    if to_status == IdeaStatus.PUBLISHED and idea.published_at is None:
        idea.published_at = now
        changed.append("published_at")
    if to_status == IdeaStatus.NOT_RETAINED:
        idea.public_reason = note
        changed.append("public_reason")
    idea.save(update_fields=changed)
    record_step(
        idea=idea, from_status=from_status, to_status=to_status, user=user, at=now, note=note
    )
    if notify:
        tell_author(idea)
    return idea


@transaction.atomic
def answer_idea(*, idea, user, answer, now=None, notify=True):
    """Publish (or correct) the authority's official answer to an idea."""
    now = now or timezone.now()
    answer = answer.strip()
    if answer == idea.official_answer:
        return idea
    idea.official_answer = answer
    idea.answered_at = now if answer else None
    idea.save(update_fields=["official_answer", "answered_at"])
    record_step(
        idea=idea,
        from_status=idea.status,
        to_status=idea.status,
        user=user,
        at=now,
        note=_("Official answer updated."),
    )
    if notify and answer and idea.is_public:
        tell_author(idea)
    return idea


@transaction.atomic
def correct_idea(*, idea, user, now=None, **fields):
    """Correct an idea's wording or classification (title, description, theme, district).

    Only what differs from the stored idea is saved, and the correction is recorded in the
    history, so that a resident's proposal is never rewritten silently. Nobody is e-mailed.
    """
    now = now or timezone.now()
    stored = Idea.objects.get(pk=idea.pk)
    for name, value in fields.items():
        setattr(idea, name, value)
    changed = [
        field
        for field in (Idea._meta.get_field(name) for name in fields)
        if field.value_from_object(idea) != field.value_from_object(stored)
    ]
    if not changed:
        return idea
    idea.save(update_fields=[field.name for field in changed])
    record_step(
        idea=idea,
        from_status=idea.status,
        to_status=idea.status,
        user=user,
        at=now,
        note=_("Corrected: %(fields)s.")
        % {"fields": ", ".join(str(field.verbose_name) for field in changed)},
    )
    return idea


def tell_author(idea):
    """Have the author told of this change, with whatever follows it shortly, in one e-mail.

    The e-mail leaves PARTICIPATION_NOTICE_DELAY later, from a task that reads the idea as
    it is then. Each change numbers its notice; a task that finds a later number leaves the
    telling to the later task, so publishing, answering and retaining an idea in a row send
    one e-mail with the final state, not three. Backends that cannot wait (the immediate one,
    in development and tests) send at the end of the transaction instead.
    """
    if idea.participant_id is None:
        return
    Idea.objects.filter(pk=idea.pk).update(notice_version=F("notice_version") + 1)
    idea.refresh_from_db(fields=["notice_version"])
    idea_id, version = idea.pk, idea.notice_version
    transaction.on_commit(
        lambda: tasks.enqueue_later(
            tasks.notify_author,
            timedelta(seconds=settings.PARTICIPATION_NOTICE_DELAY),
            idea_id,
            version,
        ),
        robust=True,  # a queue that is down must not fail the moderator's request
    )


def notify_author(idea):
    """E-mail the author where their idea stands, in the language they used; False when
    there is nobody to tell (no author, erased, or an address or idea never confirmed).

    A rejected idea gets the moderators' reason, which is never published; the others get
    their status, the public reason or answer, and a link to the idea's page.
    """
    participant = idea.participant
    if (
        participant is None
        or participant.erased_at
        or not participant.is_confirmed
        or not idea.confirmed
    ):
        return False
    status = IdeaStatus(idea.status)
    with translation.override(participant.language):
        context = {
            "idea": idea,
            "status": status.label,
            "data_link": absolute_url(
                reverse("participation:my_data", args=[data_token(participant)])
            ),
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        if status == IdeaStatus.REJECTED:
            rejection = idea.transitions.filter(to_status=IdeaStatus.REJECTED).last()
            context["reason"] = rejection.note if rejection else ""
            context["link"] = page_url(in_language(idea.box.consultation, participant.language))
            subject = _("Your idea “%(title)s” was not published") % {"title": idea.title}
            template = "participation/email/idea_rejected.txt"
        else:
            context["link"] = absolute_url(idea.get_absolute_url())
            subject = _("Your idea “%(title)s”: %(status)s") % {
                "title": idea.title,
                "status": status.label,
            }
            template = "participation/email/idea_status.txt"
        mail.send(
            subject=subject,
            body=render_to_string(template, context),
            to=[participant.email],
        )
    return True


def in_language(page, language):
    """The page's live translation in `language`, or the page itself."""
    translated = page.get_translations().live().filter(locale__language_code=language).first()
    return translated or page


def idea_accepts_supports(idea, now=None):
    """Supports go to published ideas, while the consultation's phase accepts them."""
    now = now or timezone.now()
    from portal.pages.phases import accepts_supports  # moves up once services are split

    return idea.is_public and accepts_supports(idea.box.consultation_id, timezone.localdate(now))


def support_idea(*, participant, idea, now=None):
    """Record a support; False if this participant already supports the idea."""
    now = now or timezone.now()
    if not idea_accepts_supports(idea, now):
        raise ParticipationClosed(_("Supports are not open for this idea."))
    try:
        with transaction.atomic():
            IdeaSupport.objects.create(
                participant=participant,
                idea=idea,
                confirmed=participant.counts_now,
                confirmation=_waiting_on(participant),
                created_at=now,
            )
            if participant.counts_now:
                Idea.objects.filter(pk=idea.pk).update(support_count=F("support_count") + 1)
    except IntegrityError:
        return False
    return True


@transaction.atomic
def withdraw_idea_support(*, participant, idea, now=None):
    """Take a support back, while supports are open."""
    if not idea_accepts_supports(idea, now):
        raise ParticipationClosed(_("Supports are closed: they can no longer change."))
    deleted = IdeaSupport.objects.filter(
        participant=participant, idea=idea, confirmed=True
    ).delete()
    if deleted[0]:
        Idea.objects.filter(pk=idea.pk).update(support_count=F("support_count") - 1)
    IdeaSupport.objects.filter(participant=participant, idea=idea).delete()


# Surveys


@dataclass(frozen=True)
class Other:
    """A free-text answer given instead of the options of a choice question."""

    text: str


def _once_key(survey, participant):
    """What the unique constraint on responses compares: the participant, when it applies."""
    if survey.one_answer_per_participant and participant is not None:
        return participant.pk
    return None


def check_answerable(*, survey, participant, now=None):
    """Raise why this participant cannot answer the survey now, if they cannot.

    Asked before the form is read, so that nobody fills it in for nothing; the unique
    constraint on responses remains what refuses a second answer under concurrency.
    """
    if not survey.is_open(now or timezone.now()):
        raise ParticipationClosed(_("This survey is not open."))
    if not survey.one_answer_per_participant or participant is None:
        return
    # A proven participant's answer that counts, or this browser's own answer waiting on its
    # link; what other browsers typed in the same name never blocks.
    if participant.counts_now:
        mine = Q(once_key=participant.pk)
    elif participant.confirmation is not None:
        mine = Q(confirmation=participant.confirmation)
    else:
        return
    if survey.responses.filter(mine).exists():
        raise AlreadyAnswered


@transaction.atomic
def answer_survey(*, survey, participant, answers, now=None):
    """Store a response and its answers; it counts once the participant is confirmed.

    `answers` maps questions of the survey to their value: a text, a number, a date, or for
    a choice question the list of options chosen, where `Other(text)` is a free-text answer.
    Anonymous surveys take no participant, and their responses count at once.
    """
    now = now or timezone.now()
    if (participant is None) != survey.anonymous:
        raise ValueError("Anonymous surveys take no participant; the others need one.")
    if any(question.survey_id != survey.pk for question in answers):
        raise ValueError("Every question answered must belong to the survey.")
    check_answerable(survey=survey, participant=participant, now=now)
    try:
        with transaction.atomic():
            counts = participant is None or participant.counts_now
            response = SurveyResponse.objects.create(
                survey=survey,
                participant=participant,
                once_key=_once_key(survey, participant) if counts else None,
                confirmed=counts,
                confirmation=None if participant is None else _waiting_on(participant),
                created_at=now,
            )
    except IntegrityError:
        raise AlreadyAnswered from None
    Answer.objects.bulk_create(
        Answer(response=response, question=question, **_answer_fields(item))
        for question, value in answers.items()
        for item in (value if isinstance(value, list) else [value])
    )
    return response


def _answer_fields(item):
    """How one value is stored: as text, and numbers also as numbers for the statistics."""
    if isinstance(item, Other):
        return {"value": item.text, "is_other": True}
    if isinstance(item, int | float) and not isinstance(item, bool):
        return {"value": f"{item:.15g}", "number": item}
    if isinstance(item, date):
        return {"value": item.isoformat()}
    return {"value": str(item)}
