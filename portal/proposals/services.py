"""Every write of event proposals goes through here: the public form, the follow link, the admin.

A proposal waits for its contact's address to be confirmed, then for a moderator; a moderator
approves it (the event is published in the agenda), asks for changes or refuses it. The contact
is e-mailed at each step, in the language they proposed in, with the signed link to follow it.
The event page itself is made in agenda.py.
"""

import contextlib
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale

from portal.core import mail
from portal.core.http import absolute_url, page_url
from portal.pages.models import Organiser
from portal.participation.services import InvalidLink, data_token

from .agenda import agenda_for, publish_event  # noqa: F401 (views use services.agenda_for)
from .errors import ProposalError
from .models import PROPOSAL_WORKFLOW, EventProposal, ProposalStatus

FOLLOW_SALT = "portal.proposals.follow"
FOLLOW_MAX_AGE = timedelta(days=60)

# What the association reads in the subject of each e-mail.
SUBJECTS = {
    ProposalStatus.SUBMITTED: gettext_lazy("Your event proposal “%(title)s” is received"),
    ProposalStatus.CHANGES_REQUESTED: gettext_lazy(
        "Your event proposal “%(title)s”: changes requested"
    ),
    ProposalStatus.APPROVED: gettext_lazy("Your event “%(title)s” is in the agenda"),
    ProposalStatus.PUBLISHED_DIRECTLY: gettext_lazy("Your event “%(title)s” is in the agenda"),
    ProposalStatus.REJECTED: gettext_lazy("Your event proposal “%(title)s” was not accepted"),
}


# The signed link to follow a proposal


def follow_token(proposal):
    return signing.dumps({"e": proposal.pk}, salt=FOLLOW_SALT)


def read_follow_token(token):
    """The proposal a follow link points to; InvalidLink says whether the link expired."""
    try:
        data = signing.loads(token, salt=FOLLOW_SALT, max_age=FOLLOW_MAX_AGE.total_seconds())
    except signing.SignatureExpired:
        raise InvalidLink(expired=True) from None
    except signing.BadSignature:
        raise InvalidLink(expired=False) from None
    proposal = EventProposal.objects.filter(pk=data.get("e")).first()
    if proposal is None:  # erased with its contact
        raise InvalidLink(expired=False)
    return proposal


def follow_url(proposal):
    """The path of the follow page, in the active language."""
    return reverse("proposals:follow", args=[follow_token(proposal)])


# Steps


def move(proposal, to_status, *, user, now, note="", message=None, **changes):
    """Take one step of the workflow: check it, save the proposal and record the step.

    `message`, when given, replaces what the association reads from the moderators.
    """
    if message is not None:
        changes["moderator_message"] = message
    PROPOSAL_WORKFLOW.move(
        proposal, to_status, user=user, at=now, note=note, updated_at=now, **changes
    )


def _with_relations(proposal, themes, districts):
    if themes is not None:
        proposal.themes.set(themes)
    if districts is not None:
        proposal.districts.set(districts)


@transaction.atomic
def submit_proposal(
    *, contact, themes=(), districts=(), image=None, now=None, notify=True, **fields
):
    """Store a proposal from the public form.

    It waits for the link sent for it to the contact's address (`contact.confirmation`),
    unless this browser already proved it owns the address (`contact.counts_now`): then it
    goes to the queue at once, or to the agenda if the contact is the one moderators trusted
    for this organiser.
    `fields` are the event's fields as EventProposal names them; `notify=False` is for
    loading data that nobody should be e-mailed about.
    """
    now = now or timezone.now()
    proposal = EventProposal(
        contact=contact,
        confirmation=contact.confirmation if not contact.counts_now else None,
        language=translation.get_language() or settings.LANGUAGE_CODE,
        created_at=now,
        updated_at=now,
        **fields,
    )
    if image:
        proposal.image = image
    proposal.save()
    _with_relations(proposal, themes, districts)
    PROPOSAL_WORKFLOW.record(
        proposal, to_status=ProposalStatus.AWAITING_CONFIRMATION, user=None, at=now
    )
    if contact.counts_now:
        release(proposal, now=now, notify=notify)
    return proposal


def trusted_organiser(proposal):
    """The organiser whose trust this proposal's contact holds, under the name it gives.

    Trust belongs to the confirmed contact moderators chose: typing the name of a trusted
    organiser from another address proves nothing. It is read on the organiser's original
    row (translations never hold it), found under its name in any language.
    """
    return (
        Organiser.objects.named(proposal.organiser_name)
        .originals()
        .filter(trusted=True, contact_id=proposal.contact_id)
        .first()
    )


def release(proposal, *, now, notify=True):
    """The contact is proven: to the agenda if trusted, else to the moderation queue."""
    organiser = trusted_organiser(proposal)
    event = None
    if organiser is not None:
        # No agenda, or a page the agenda refuses: then moderators decide.
        with contextlib.suppress(ProposalError), transaction.atomic():
            event = publish_event(proposal, organiser=organiser, user=None)
    if event is not None:
        move(
            proposal,
            ProposalStatus.PUBLISHED_DIRECTLY,
            user=None,
            now=now,
            organiser=organiser,
            event=event,
        )
    else:
        move(proposal, ProposalStatus.SUBMITTED, user=None, now=now)
    if notify:
        transaction.on_commit(lambda: notify_contact(proposal))


def release_confirmed(sender, *, confirmation, now, **kwargs):
    """Receiver of `contributions_confirmed`: the proposals that link was sent for move on,
    and only those; others waiting in the same name wait for their own link."""
    waiting = confirmation.event_proposals.filter(status=ProposalStatus.AWAITING_CONFIRMATION)
    for proposal in waiting.order_by("pk"):
        release(proposal, now=now)


@transaction.atomic
def update_proposal(
    *,
    proposal,
    themes=None,
    districts=None,
    image=None,
    remove_image=False,
    now=None,
    **fields,
):
    """The association changes its proposal through the follow link: back to the queue.

    A new image replaces the old one; `remove_image` drops it. Allowed while the proposal
    waits for a moderator or for the changes they asked for.
    """
    now = now or timezone.now()
    proposal = EventProposal.objects.select_for_update().get(pk=proposal.pk)
    if not proposal.is_editable:
        raise ProposalError(_("This proposal can no longer be changed."))
    old_image = proposal.image.name if proposal.image else ""
    for name, value in fields.items():
        setattr(proposal, name, value)
    if image:
        proposal.image = image
    elif remove_image:
        proposal.image = ""
        proposal.image_alt = ""
    proposal.save()
    _with_relations(proposal, themes, districts)
    if old_image and old_image != proposal.image.name:
        delete_file_later(proposal.image.storage, old_image)
    move(
        proposal,
        ProposalStatus.SUBMITTED,
        user=None,
        now=now,
        note=_("Updated by the association."),
    )
    transaction.on_commit(lambda: notify_contact(proposal))
    return proposal


# Moderation


def _decidable(proposal, to_status, message):
    """The proposal, locked against a second moderator deciding at the same time, and the
    message; refused if the workflow does not allow the step or the message is missing."""
    proposal = EventProposal.objects.select_for_update().get(pk=proposal.pk)
    PROPOSAL_WORKFLOW.check(proposal, to_status)
    return proposal, PROPOSAL_WORKFLOW.check_message(to_status, message)


@transaction.atomic
def approve(*, proposal, user, trust=False, message="", now=None):
    """Publish the event in the agenda of the proposal's language, under its organiser.

    The organiser is found by name (any case, any language) in the default language, or
    created there as an association; pages show it in their own language. `trust` lets this
    contact publish this organiser's next events without moderation: granted on its
    original row, which holds it.
    """
    now = now or timezone.now()
    proposal, message = _decidable(proposal, ProposalStatus.APPROVED, message)
    organiser = (
        Organiser.objects.named(proposal.organiser_name).in_default_locale().order_by("pk").first()
    )
    if organiser is None:
        organiser = Organiser.objects.create(
            name=proposal.organiser_name,
            kind=Organiser.Kind.ASSOCIATION,
            locale=Locale.get_default(),
        )
    note = message
    if trust:
        holder = organiser.original
        holder.trusted = True
        holder.contact = proposal.contact
        holder.save(update_fields=["trusted", "contact"])
        note = "\n".join(filter(None, [message, _("The organiser is now trusted.")]))
    event = publish_event(proposal, organiser=organiser, user=user)
    move(
        proposal,
        ProposalStatus.APPROVED,
        user=user,
        now=now,
        note=note,
        message=message,
        organiser=organiser,
        event=event,
    )
    transaction.on_commit(lambda: notify_contact(proposal))
    return proposal


@transaction.atomic
def request_changes(*, proposal, user, message, now=None):
    """Ask the association to change its proposal; the message says what."""
    return _decide(proposal, ProposalStatus.CHANGES_REQUESTED, user=user, text=message, now=now)


@transaction.atomic
def reject(*, proposal, user, reason, now=None):
    """Refuse the proposal; the association is told why."""
    return _decide(proposal, ProposalStatus.REJECTED, user=user, text=reason, now=now)


def _decide(proposal, status, *, user, text, now):
    """A decision whose text is the history's note and the association's message."""
    proposal, text = _decidable(proposal, status, text)
    move(proposal, status, user=user, now=now or timezone.now(), note=text, message=text)
    transaction.on_commit(lambda: notify_contact(proposal))
    return proposal


# Files and e-mails


def delete_file_later(storage, name):
    """Delete a stored file once the transaction that stopped using it has committed."""
    transaction.on_commit(lambda: storage.delete(name))


def delete_image(sender, instance, **kwargs):
    """Receiver of post_delete: an erased proposal takes its image with it."""
    if instance.image:
        delete_file_later(instance.image.storage, instance.image.name)


def notify_contact(proposal):
    """E-mail the contact where their proposal stands, in the language they proposed in.

    Links are on PUBLIC_BASE_URL: the e-mail may leave from a moderator's request in the
    admin, or from the contact's confirmation, whatever host either used.
    """
    contact = proposal.contact
    status = ProposalStatus(proposal.status)
    if status not in SUBJECTS or contact.erased_at or not contact.is_confirmed:
        return
    with translation.override(proposal.language):
        context = {
            "proposal": proposal,
            "status": status,
            "event_link": page_url(proposal.event) if proposal.event_id else "",
            "follow_link": absolute_url(follow_url(proposal)),
            "days": FOLLOW_MAX_AGE.days,
            "data_link": absolute_url(reverse("participation:my_data", args=[data_token(contact)])),
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        mail.send(
            subject=SUBJECTS[status] % {"title": proposal.title},
            body=render_to_string("proposals/email/status.txt", context),
            to=[contact.email],
        )
