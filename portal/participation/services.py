"""Every write of participation data goes through here: views, blocks, admin and commands.

Counting is left to the database: a unique constraint makes a second support from the same
participant impossible, and threshold crossings are claimed with a conditional UPDATE, so
that concurrent supports neither double-count nor double-notify.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal.core import mail, page_cache, roles
from portal.core.http import rate_key
from portal.core.roles import StaffRole

from .models import (
    Answer,
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
from .signals import participant_confirmed

CONFIRMATION_SALT = "portal.participation.confirm"
CONFIRMATION_MAX_AGE = timedelta(days=2)
DATA_SALT = "portal.participation.my-data"
DATA_LINK_MAX_AGE = timedelta(days=30)


class ParticipationError(Exception):
    """A participation refused for a reason the participant must be told."""


class ParticipationClosed(ParticipationError):
    pass


class RateLimited(ParticipationError):
    pass


class InvalidLink(Exception):
    def __init__(self, expired):
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def normalise_email(email):
    return email.strip().lower()


@transaction.atomic
def register(*, email, display_name="", wants_results=False):
    """The participant for this address, created unconfirmed if new; choices are kept."""
    participant, _created = Participant.objects.get_or_create(
        email=normalise_email(email), defaults={"language": translation.get_language() or "fr"}
    )
    changed = []
    if display_name and display_name != participant.display_name:
        participant.display_name = display_name
        changed.append("display_name")
    if wants_results and not participant.wants_results:
        participant.wants_results = True
        changed.append("wants_results")
    if changed:
        participant.save(update_fields=changed)
    return participant


def check_rate(*, scope, key, limit, period):
    """Refuse more than `limit` actions per `period` seconds for this scope and key.

    Kept in the shared cache, so that every app server counts the same.
    """
    cache_key = f"rate:{scope}:{key}"
    cache.add(cache_key, 0, timeout=period)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=period)
        count = 1
    if count > limit:
        raise RateLimited(_("Too many attempts. Please try again in a little while."))


def limit_rate(*, action, ip, email=None):
    """Apply the per-IP and per-address limits of PARTICIPATION_RATE_LIMITS to an action.

    Without an address (anonymous surveys), only the per-IP limit applies.
    """
    per_ip, per_email = settings.PARTICIPATION_RATE_LIMITS[action]
    check_rate(scope=f"{action}-ip", key=rate_key(ip), limit=per_ip, period=3600)
    if email is not None:
        check_rate(
            scope=f"{action}-email", key=normalise_email(email), limit=per_email, period=3600
        )


def confirmation_token(participant, next_url):
    return signing.dumps({"p": participant.pk, "n": next_url}, salt=CONFIRMATION_SALT)


def _read_signed(token, salt, max_age):
    """(participant, data) of a signed link; InvalidLink says whether it expired."""
    try:
        data = signing.loads(token, salt=salt, max_age=max_age.total_seconds())
    except signing.SignatureExpired:
        raise InvalidLink(expired=True) from None
    except signing.BadSignature:
        raise InvalidLink(expired=False) from None
    participant = Participant.objects.filter(pk=data.get("p")).first()
    if participant is None:
        raise InvalidLink(expired=False)
    return participant, data


def read_confirmation_token(token):
    """(participant, next URL) for a valid confirmation link."""
    participant, data = _read_signed(token, CONFIRMATION_SALT, CONFIRMATION_MAX_AGE)
    return participant, data.get("n") or "/"


def data_token(participant):
    return signing.dumps({"p": participant.pk}, salt=DATA_SALT)


def read_data_token(token):
    """The participant a "my data" link was sent to."""
    return _read_signed(token, DATA_SALT, DATA_LINK_MAX_AGE)[0]


def send_confirmation(*, participant, next_url, request):
    """E-mail the signed link that confirms the address and comes back to `next_url`."""
    link = request.build_absolute_uri(
        reverse("participation:confirm", args=[confirmation_token(participant, next_url)])
    )
    context = {
        "participant": participant,
        "link": link,
        "data_link": request.build_absolute_uri(
            reverse("participation:my_data", args=[data_token(participant)])
        ),
        "hours": int(CONFIRMATION_MAX_AGE.total_seconds() // 3600),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    mail.send(
        subject=_("Confirm your e-mail address"),
        body=render_to_string("participation/email/confirm.txt", context, request=request),
        to=[participant.email],
    )


@transaction.atomic
def confirm(*, participant, now=None):
    """Confirm the address: contributions held until now start to count."""
    now = now or timezone.now()
    if participant.confirmed_at is None:
        participant.confirmed_at = now
        participant.save(update_fields=["confirmed_at"])
    held = list(participant.supports.filter(confirmed=False).values_list("petition_id", flat=True))
    participant.supports.filter(confirmed=False).update(confirmed=True)
    for petition in Petition.objects.filter(pk__in=held):
        record_crossed_thresholds(petition, now=now)
    participant.ideas.filter(confirmed=False).update(confirmed=True)
    held_ideas = list(
        participant.idea_supports.filter(confirmed=False).values_list("idea_id", flat=True)
    )
    participant.idea_supports.filter(confirmed=False).update(confirmed=True)
    Idea.objects.filter(pk__in=held_ideas).update(support_count=F("support_count") + 1)
    participant.survey_responses.filter(confirmed=False).update(confirmed=True)
    participant_confirmed.send(sender=Participant, participant=participant, now=now)
    return participant


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

    The address and name go, supports are withdrawn and survey answers deleted; their ideas
    stay published, without any name.
    """
    petitions = list(Petition.objects.filter(supports__participant=participant))
    for support_ in participant.idea_supports.filter(confirmed=True):
        Idea.objects.filter(pk=support_.idea_id).update(support_count=F("support_count") - 1)
    participant.ideas.update(author_name="", participant=None)
    participant.delete()
    for petition in petitions:
        record_crossed_thresholds(petition)


def purge_expired(*, now=None):
    """Anonymise participants inactive for longer than the retention period.

    The supports stay (published counts do not change); nothing links them to a person.
    Returns the number of participants anonymised.
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
        participant.email = f"erased-{participant.pk}@invalid"
        participant.display_name = ""
        participant.wants_results = False
        participant.erased_at = now
        participant.save(update_fields=["email", "display_name", "wants_results", "erased_at"])
        count += 1
    return count


# The participant this browser proved to be, by opening a link sent to their address; and
# the one it only named, whose contributions wait for that link.
SESSION_KEY = "participant_id"
PENDING_KEY = "pending_participant_id"


def participant_in_session(request):
    """The participant this browser proved to be, if any."""
    participant_id = request.session.get(SESSION_KEY)
    if not participant_id:
        return None
    return Participant.objects.filter(pk=participant_id).first()


def pending_in_session(request):
    """The participant this browser named but has not proven to be yet, if any."""
    participant_id = request.session.get(PENDING_KEY)
    if not participant_id:
        return None
    participant = Participant.objects.filter(pk=participant_id).first()
    if participant is not None:
        participant.proven = False
    return participant


def remember(request, participant):
    """This browser opened the link: it acts as the participant from now on."""
    request.session.cycle_key()
    request.session.pop(PENDING_KEY, None)
    request.session[SESSION_KEY] = participant.pk


def remember_pending(request, participant):
    request.session[PENDING_KEY] = participant.pk


def forget(request):
    request.session.pop(SESSION_KEY, None)
    request.session.pop(PENDING_KEY, None)


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
    return Idea.objects.create(
        box=box,
        participant=participant,
        author_name=participant.display_name,
        confirmed=participant.counts_now,
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
def change_status(*, idea, to_status, user, note="", now=None, site_url=None, notify=True):
    """Move an idea along the workflow, record who did it and why, and tell its author.

    The note is required to reject (it stays private) and to not retain (it is published
    as the reason). `notify=False` is for loading data that nobody should be e-mailed about.
    """
    now = now or timezone.now()
    to_status = IdeaStatus(to_status)
    from_status = IdeaStatus(idea.status)
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
    if notify and to_status != IdeaStatus.REJECTED:
        transaction.on_commit(lambda: notify_author(idea, site_url=site_url))
    return idea


@transaction.atomic
def answer_idea(*, idea, user, answer, now=None, site_url=None, notify=True):
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
        transaction.on_commit(lambda: notify_author(idea, site_url=site_url))
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


def notify_author(idea, site_url=None):
    """E-mail the author where their idea stands, in the language they used."""
    participant = idea.participant
    if participant is None or participant.erased_at or not participant.is_confirmed:
        return
    base = (site_url or settings.WAGTAILADMIN_BASE_URL).rstrip("/")
    with translation.override(participant.language):
        context = {
            "idea": idea,
            "status": IdeaStatus(idea.status).label,
            "link": base + idea.get_absolute_url(),
            "data_link": base + reverse("participation:my_data", args=[data_token(participant)]),
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        mail.send(
            subject=_("Your idea “%(title)s”: %(status)s")
            % {"title": idea.title, "status": context["status"]},
            body=render_to_string("participation/email/idea_status.txt", context),
            to=[participant.email],
        )


def idea_accepts_supports(idea, now=None):
    """Supports go to published ideas, while the consultation's phase accepts them."""
    now = now or timezone.now()
    from portal.pages.consultation import accepts_supports  # pages import participation

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


class AlreadyAnswered(ParticipationError):
    def __init__(self):
        super().__init__(_("You have already answered this survey."))


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
    key = _once_key(survey, participant)
    if key is not None and survey.responses.filter(once_key=key).exists():
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
            response = SurveyResponse.objects.create(
                survey=survey,
                participant=participant,
                once_key=_once_key(survey, participant),
                confirmed=participant is None or participant.counts_now,
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
