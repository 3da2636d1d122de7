"""The event in the agenda: the page a proposal becomes once approved, or published directly."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.models import Locale

from portal.core import page_cache
from portal.pages.models import AgendaPage, EventPage

from .errors import ProposalError


def agenda_for(language):
    """The live agenda of that language, else the main language's: where the event goes."""
    agendas = AgendaPage.objects.live()
    return (
        agendas.filter(locale__language_code=language).first()
        or agendas.filter(locale=Locale.get_default()).first()
    )


def publish_event(proposal, *, organiser, user):
    """Create and publish the event page, its revision in the moderator's name.

    Publishing sends `page_published`, which makes the page cache stale at once; it is made
    stale again after the commit, so that no request caches the agenda as it was meanwhile.
    """
    agenda = agenda_for(proposal.language)
    if agenda is None:
        raise ProposalError(_("There is no agenda to publish the event in."))
    event = EventPage(
        title=proposal.title,
        summary=proposal.summary,
        start=proposal.start,
        end=proposal.end,
        all_day=proposal.all_day,
        place_name=proposal.place_name,
        address=proposal.address,
        online_url=proposal.online_url,
        free_entry=proposal.free_entry,
        registration_url=proposal.registration_url,
        step_free_access=proposal.step_free_access,
        sign_language=proposal.sign_language,
        induction_loop=proposal.induction_loop,
        accessibility_notes=proposal.accessibility_notes,
        organiser=organiser,
        consultation=proposal.consultation,
        image=agenda_image(proposal, user),
        image_alt=proposal.image_alt,
        owner=user,
        live=False,
    )
    event.themes = list(proposal.themes.all())
    event.districts = list(proposal.districts.all())
    try:
        agenda.add_child(instance=event)
    except ValidationError as error:
        raise ProposalError(" ".join(error.messages)) from None
    # Approving is the moderators' decision; they have no rights on pages themselves.
    event.save_revision(user=user, log_action=True).publish(user=user, skip_permission_checks=True)
    transaction.on_commit(page_cache.invalidate)
    return event


def agenda_image(proposal, user):
    """A copy of the proposal's (already re-encoded) image in the image library."""
    if not proposal.image:
        return None
    with proposal.image.open("rb") as handle:
        content = handle.read()
    image = get_image_model()(
        title=proposal.title,
        file=ContentFile(content, name=Path(proposal.image.name).name),
        uploaded_by_user=user,
    )
    image.save()
    return image
