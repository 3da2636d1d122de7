"""Who takes part: an address proven by a link, and what waits for that link.

Typing an address in a form proves nothing. What a browser contributes in a name it has not
proven waits on a Confirmation: one per browser and address, e-mailed as a link whose e-mail
and page list exactly what it confirms. Opening the link shows that list and one button;
pressing it (a POST: a mail scanner that follows links confirms nothing) makes those
contributions count, applies the public name typed with them and remembers the browser as
the participant (services.confirm). A link works once. Nothing another browser typed in the
same name is touched, and nothing waiting blocks the owner: uniqueness (one support, one
answer) holds among contributions that count.
"""

from datetime import datetime, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal.core import mail
from portal.core.http import absolute_url

from . import waiting
from .errors import InvalidLink, LinkUsed
from .limits import allow_email
from .models import Confirmation, Participant

CONFIRMATION_SALT = "portal.participation.confirm"
SHOWN_SALT = "portal.participation.confirm-page"
CONFIRMATION_MAX_AGE = timedelta(days=2)
DATA_SALT = "portal.participation.my-data"
DATA_LINK_MAX_AGE = timedelta(days=30)

# The participant this browser proved to be, by using a link sent to their address; and the
# confirmation its contributions in a name not proven yet wait on.
SESSION_KEY = "participant_id"
PENDING_KEY = "pending_confirmation_id"


def normalise_email(email):
    return email.strip().lower()


def register(*, email):
    """The participant for this address, created unconfirmed if new.

    Nothing typed with the address (a public name, a wish) is applied here: it waits with
    the contribution on its confirmation (`await_confirmation`).
    """
    participant, _created = Participant.objects.get_or_create(
        email=normalise_email(email),
        defaults={"language": translation.get_language() or settings.LANGUAGE_CODE},
    )
    return participant


@transaction.atomic
def await_confirmation(
    *, participant, session, display_name="", wants_results=False, next_url="", now=None
):
    """`participant`, marked as named but not proven by this browser, with the confirmation
    its contributions from here wait on: the one this browser started for that address and
    has not used, or a new one. The session remembers it."""
    now = now or timezone.now()
    confirmation = None
    pending_id = session.get(PENDING_KEY)
    if pending_id:
        # Expired too: sending it again gives it 48 hours more, and nothing waiting is lost.
        confirmation = Confirmation.objects.filter(
            pk=pending_id, participant=participant, used_at__isnull=True
        ).first()
    language = translation.get_language() or settings.LANGUAGE_CODE
    if confirmation is None:
        confirmation = Confirmation.objects.create(
            participant=participant,
            display_name=display_name,
            wants_results=wants_results,
            next_url=next_url,
            language=language,
            created_at=now,
            expires_at=now + CONFIRMATION_MAX_AGE,
        )
    else:
        if display_name:
            confirmation.display_name = display_name
        confirmation.wants_results = confirmation.wants_results or wants_results
        confirmation.next_url = next_url or confirmation.next_url
        confirmation.language = language
        confirmation.save(update_fields=["display_name", "wants_results", "next_url", "language"])
    session[PENDING_KEY] = confirmation.pk
    participant.confirmation = confirmation
    return participant


def waiting_on(participant):
    """The confirmation a contribution by `participant` waits on; None if it counts now."""
    if participant.counts_now:
        return None
    if participant.confirmation is None:
        raise ValueError("A participant not proven by this browser needs a confirmation.")
    return participant.confirmation


# Signed links


def confirmation_token(confirmation):
    return signing.dumps({"c": confirmation.pk}, salt=CONFIRMATION_SALT)


def _signed(token, salt, max_age):
    try:
        return signing.loads(token, salt=salt, max_age=max_age.total_seconds())
    except signing.SignatureExpired:
        raise InvalidLink(expired=True) from None
    except signing.BadSignature:
        raise InvalidLink(expired=False) from None


def reissuable(token):
    """The confirmation an expired link was sent for, if it was never used: asking for a new
    link from its page sends that same confirmation again, so nothing waiting is lost."""
    try:
        data = signing.loads(token, salt=CONFIRMATION_SALT)
    except signing.BadSignature:
        return None
    return (
        Confirmation.objects.select_related("participant")
        .filter(pk=data.get("c"), used_at__isnull=True)
        .first()
    )


def shown_token(confirmation, now=None):
    """What the confirmation page showed (when, and under which public name), signed into its
    form: pressing the button confirms that and nothing added since."""
    return signing.dumps(
        {
            "c": confirmation.pk,
            "at": (now or timezone.now()).isoformat(),
            "name": confirmation.display_name,
        },
        salt=SHOWN_SALT,
    )


def read_shown_token(token, confirmation):
    """(when, public name) the page showed; InvalidLink if the form was tampered with."""
    try:
        data = signing.loads(token, salt=SHOWN_SALT, max_age=CONFIRMATION_MAX_AGE.total_seconds())
    except signing.BadSignature:
        raise InvalidLink(expired=False) from None
    if data.get("c") != confirmation.pk:
        raise InvalidLink(expired=False)
    return datetime.fromisoformat(data["at"]), data.get("name", "")


def read_confirmation_token(token, now=None):
    """The confirmation a link was sent for; InvalidLink when forged or out of date,
    LinkUsed when it has been used already."""
    data = _signed(token, CONFIRMATION_SALT, CONFIRMATION_MAX_AGE)
    confirmation = (
        Confirmation.objects.select_related("participant").filter(pk=data.get("c")).first()
    )
    if confirmation is None:  # erased with its participant
        raise InvalidLink(expired=False)
    if confirmation.used_at is not None:
        raise LinkUsed
    if not confirmation.is_usable(now):
        raise InvalidLink(expired=True)
    return confirmation


def data_token(participant):
    return signing.dumps({"p": participant.pk}, salt=DATA_SALT)


def read_data_token(token):
    """The participant a "my data" link was sent to."""
    data = _signed(token, DATA_SALT, DATA_LINK_MAX_AGE)
    participant = Participant.objects.filter(pk=data.get("p")).first()
    if participant is None:
        raise InvalidLink(expired=False)
    return participant


def data_url(participant):
    """The absolute "my data" link, for e-mails."""
    return absolute_url(reverse("participation:my_data", args=[data_token(participant)]))


# What a link confirms


def waiting_items(confirmation):
    """What using this link makes count, one sentence each, oldest first."""
    items = []
    for support in confirmation.supports.select_related("petition"):
        title = {"title": support.petition.title}
        items.append((support.created_at, _("support the petition “%(title)s”") % title))
    for support in confirmation.idea_supports.select_related("idea"):
        title = {"title": support.idea.title}
        items.append((support.created_at, _("support the idea “%(title)s”") % title))
    for idea in confirmation.ideas.all():
        title = {"title": idea.title}
        items.append((idea.created_at, _("propose the idea “%(title)s”") % title))
    for response in confirmation.survey_responses.select_related("survey"):
        title = {"title": response.survey.title}
        items.append((response.created_at, _("answer the survey “%(title)s”") % title))
    for proposal in confirmation.event_proposals.all():
        event = {"title": proposal.title, "organiser": proposal.organiser_name}
        # Where its links lead, by site name: never a link to click in our own e-mail.
        sites = sorted(
            {
                urlsplit(url).hostname or url
                for url in (proposal.registration_url, proposal.online_url)
                if url
            }
        )
        if sites:
            text = _(
                "propose the event “%(title)s” (organiser: %(organiser)s) for the agenda, "
                "with links to %(sites)s"
            ) % {**event, "sites": ", ".join(sites)}
        else:
            text = _("propose the event “%(title)s” (organiser: %(organiser)s) for the agenda")
            text %= event
        items.append((proposal.created_at, text))
    items += waiting.listed(confirmation)
    return [text for _at, text in sorted(items, key=lambda item: item[0])]


def send_confirmation(*, confirmation, client, now=None):
    """E-mail the link, saying exactly what it will confirm; the link then lasts 48 hours.

    False, and nothing sent, when the address has had its share of links this hour from this
    client (`client`: its address) or in all (limits.allow_email): typing someone's address
    again and again cannot flood them.
    """
    participant = confirmation.participant
    if not allow_email(participant.email, client=client):
        return False
    now = now or timezone.now()
    confirmation.sent_at = now
    confirmation.expires_at = now + CONFIRMATION_MAX_AGE
    confirmation.save(update_fields=["sent_at", "expires_at"])
    with translation.override(confirmation.language):
        items = waiting_items(confirmation)
        context = {
            "items": items,
            "display_name": confirmation.display_name,
            "wants_results": confirmation.wants_results,
            "link": absolute_url(
                reverse("participation:confirm", args=[confirmation_token(confirmation)])
            ),
            "data_link": data_url(participant),
            "hours": int(CONFIRMATION_MAX_AGE.total_seconds() // 3600),
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        if len(items) == 1:
            subject = _("Please confirm: %(item)s") % {"item": items[0]}
        elif items:
            subject = ngettext(
                "Please confirm your %(count)s contribution",
                "Please confirm your %(count)s contributions",
                len(items),
            ) % {"count": len(items)}
        else:
            subject = _("Confirm your e-mail address")
        mail.send(
            subject=subject,
            body=render_to_string("participation/email/confirm.txt", context),
            to=[participant.email],
        )
    return True


# The browser's session


def participant_in_session(request):
    """The participant this browser proved to be, if any (looked up once per request)."""
    if not hasattr(request, "_participant"):
        participant_id = request.session.get(SESSION_KEY)
        request._participant = (
            Participant.objects.filter(pk=participant_id).first() if participant_id else None
        )
    return request._participant


def pending_in_session(request, now=None):
    """The confirmation this browser's contributions wait on, while it can still be used."""
    pending_id = request.session.get(PENDING_KEY)
    if not pending_id:
        return None
    return (
        Confirmation.objects.select_related("participant")
        .filter(pk=pending_id, used_at__isnull=True, expires_at__gt=now or timezone.now())
        .first()
    )


def own_contributions(request):
    """A filter for the contributions (supports, responses) this browser may call its own:
    those that count for the participant it proved to be, or those waiting on its link.
    None when it is neither."""
    participant = participant_in_session(request)
    if participant is not None:
        return Q(participant=participant, confirmed=True)
    pending = pending_in_session(request)
    if pending is not None:
        return Q(confirmation=pending)
    return None


def remember(request, participant):
    """This browser used the link: it acts as the participant from now on."""
    request.session.cycle_key()
    request.session.pop(PENDING_KEY, None)
    request.session[SESSION_KEY] = participant.pk
    request._participant = participant


def forget(request):
    request.session.pop(SESSION_KEY, None)
    request.session.pop(PENDING_KEY, None)
    request._participant = None
