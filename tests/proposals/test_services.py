"""Proposals behind the pages: where events go, the page cache, personal data."""

from datetime import timedelta

from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from portal.pages.models import AgendaPage, EventPage, Organiser
from portal.participation import services as participation
from portal.participation.models import Participant
from portal.proposals import services
from portal.proposals.models import EventProposal, ProposalStatus

from .conftest import confirmed, jpeg, soup_of


def submit(contact, **fields):
    values = {
        "organiser_name": "Les Amis du Parc",
        "title": "Pique-nique des voisins",
        "summary": "Chacun apporte un plat.",
        "start": timezone.now() + timedelta(days=20),
        "end": timezone.now() + timedelta(days=20, hours=4),
        "place_name": "Parc des Tilleuls",
        **fields,
    }
    return services.submit_proposal(contact=contact, **values)


def test_approval_refreshes_the_cached_agenda(agenda, commit):
    visitor = Client()
    visitor.get(agenda.url)
    assert visitor.get(agenda.url)["X-Page-Cache"] == "hit"
    proposal = submit(confirmed())
    commit(services.approve, proposal=proposal, user=None)
    response = visitor.get(agenda.url)
    assert "Pique-nique des voisins" in response.content.decode()


def test_an_english_proposal_goes_to_the_english_agenda_or_else_the_main_one(agenda, locales):
    from django.utils import translation

    with translation.override("en"):
        proposal = submit(confirmed())
    assert proposal.language == "en"
    services.approve(proposal=proposal, user=None)
    assert EventPage.objects.get().get_parent().specific == agenda  # no English agenda yet

    english = agenda.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    english.save_revision().publish()
    with translation.override("en"):
        second = submit(confirmed("b@example.org"), title="Troc de plantes")
    services.approve(proposal=second, user=None)
    second.refresh_from_db()
    assert second.event.get_parent().specific == AgendaPage.objects.get(locale__language_code="en")


def test_a_failing_direct_publication_leaves_the_proposal_in_the_queue(home):
    """Trusted, but there is no agenda: moderators will see it rather than nobody."""
    contact = confirmed()
    Organiser.objects.create(name="Les Amis du Parc", trusted=True, contact=contact)
    proposal = submit(contact)
    assert proposal.status == ProposalStatus.SUBMITTED
    assert not EventPage.objects.exists()


def test_the_my_data_page_lists_proposals_and_erasure_deletes_them(client, agenda, commit):
    contact = confirmed()
    published = submit(contact, title="Déjà publié")
    services.approve(proposal=published, user=None, trust=True)
    pending = submit(
        contact,
        organiser_name="Un autre collectif",  # not the organiser trusted for this contact
        title="En attente",
        image=ContentFile(jpeg(), name="a.jpg"),
    )
    assert pending.status == ProposalStatus.SUBMITTED
    image = pending.image
    url = reverse("participation:my_data", args=[participation.data_token(contact)])
    page = soup_of(client.get(url)).select_one(".facts").get_text()
    assert "Déjà publié" in page and "En attente" in page and "Les Amis du Parc" in page

    erase = reverse("participation:erase_my_data", args=[participation.data_token(contact)])
    response = commit(client.post, erase)
    assert response.status_code == 303
    assert not EventProposal.objects.exists()
    assert not image.storage.exists(image.name)
    event = EventPage.objects.get()
    assert (event.title, event.live) == ("Déjà publié", True)
    assert Organiser.objects.get().contact is None  # trust goes with its contact


def test_retention_counts_proposals_and_an_anonymised_contact_is_not_written_to(agenda, settings):
    old = confirmed("ancien@example.org")
    recent = confirmed("recent@example.org")
    long_ago = timezone.now() - timedelta(days=30 * settings.PARTICIPATION_RETENTION_MONTHS + 1)
    Participant.objects.update(created_at=long_ago)
    forgotten = submit(old, title="Il y a longtemps")
    EventProposal.objects.filter(pk=forgotten.pk).update(created_at=long_ago)
    submit(recent, title="Ce mois-ci")
    assert participation.purge_expired() == 1
    forgotten.refresh_from_db()
    assert forgotten.contact.erased_at is not None
    services.reject(proposal=forgotten, user=None, reason="Trop ancien.")
    from django.core import mail

    assert mail.outbox == []
