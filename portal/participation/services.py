"""Every write of participation data goes through here: views, blocks, admin and commands.

Counting is left to the database: a unique constraint makes a second support from the same
participant impossible, and threshold crossings are claimed with a conditional UPDATE, so
that concurrent supports neither double-count nor double-notify.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Participant, Petition, Support, Threshold

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
    participant, _created = Participant.objects.get_or_create(email=normalise_email(email))
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


def limit_rate(*, action, ip, email):
    """Apply the per-IP and per-address limits of PARTICIPATION_RATE_LIMITS to an action."""
    per_ip, per_email = settings.PARTICIPATION_RATE_LIMITS[action]
    check_rate(scope=f"{action}-ip", key=ip, limit=per_ip, period=3600)
    check_rate(scope=f"{action}-email", key=normalise_email(email), limit=per_email, period=3600)


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
    send_mail(
        subject=_("Confirm your e-mail address"),
        message=render_to_string("participation/email/confirm.txt", context, request=request),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[participant.email],
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
                confirmed=participant.is_confirmed,
                created_at=now,
            )
    except IntegrityError:
        return False
    if participant.is_confirmed:
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
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    moderators = users.filter(groups__name="Moderators") | users.filter(is_superuser=True)
    return sorted(set(moderators.values_list("email", flat=True)))


def notify_moderators(petition, thresholds, count):
    recipients = moderator_emails()
    if not recipients:
        return
    context = {"petition": petition, "thresholds": thresholds, "count": count}
    send_mail(
        subject=_("Threshold reached: %(title)s") % {"title": petition.title},
        message=render_to_string("participation/email/threshold.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=recipients,
    )


@transaction.atomic
def erase(*, participant):
    """Delete a participant at their request: the address, the name and the supports."""
    petitions = list(Petition.objects.filter(supports__participant=participant))
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
    expired = Participant.objects.filter(erased_at__isnull=True, created_at__lt=limit).exclude(
        supports__created_at__gte=limit
    )
    count = 0
    for participant in expired:
        participant.email = f"erased-{participant.pk}@invalid"
        participant.display_name = ""
        participant.wants_results = False
        participant.erased_at = now
        participant.save(update_fields=["email", "display_name", "wants_results", "erased_at"])
        count += 1
    return count


SESSION_KEY = "participant_id"


def participant_in_session(request):
    """The participant this browser confirmed or identified itself as, if any."""
    participant_id = request.session.get(SESSION_KEY)
    if not participant_id:
        return None
    return Participant.objects.filter(pk=participant_id).first()


def remember(request, participant):
    request.session.cycle_key()
    request.session[SESSION_KEY] = participant.pk


def forget(request):
    request.session.pop(SESSION_KEY, None)
