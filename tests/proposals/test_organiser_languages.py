"""Trust belongs to the organiser's original row: a translation never carries it, and
proposals in any language find and create organisers in the default language."""

from datetime import timedelta

from django.utils import timezone, translation

from portal.pages.models import Organiser
from portal.proposals import services
from portal.proposals.models import ProposalStatus

from .conftest import confirmed

ENGLISH = {"Les Amis du Parc": "Friends of the Park", "Pique-nique": "Picnic"}


def submit(contact, **fields):
    start = timezone.now() + timedelta(days=20)
    values = {
        "organiser_name": "Les Amis du Parc",
        "title": "Pique-nique des voisins",
        "summary": "Chacun apporte un plat.",
        "start": start,
        "end": start + timedelta(hours=4),
        "place_name": "Parc des Tilleuls",
        **fields,
    }
    return services.submit_proposal(contact=contact, **values)


def test_a_translated_organiser_never_carries_trust(agenda, locales, localize):
    contact = confirmed()
    original = Organiser.objects.create(
        name="Les Amis du Parc", kind="association", trusted=True, contact=contact
    )

    english = localize(original, locales[1], ENGLISH)  # wagtail-localize copies every field
    assert english.name == "Friends of the Park"
    assert (english.trusted, english.contact_id) == (False, None)
    copied = Organiser.objects.get(pk=english.pk)
    copied.trusted, copied.contact = True, contact  # a moderator ticks the box in English
    copied.save()
    copied.refresh_from_db()
    assert (copied.trusted, copied.contact_id) == (False, None)
    # Written around save(): still not read there.
    Organiser.objects.filter(pk=english.pk).update(trusted=True, contact=contact)
    original.trusted = False
    original.save()
    with translation.override("en"):
        proposal = submit(contact, organiser_name="Friends of the Park")
    assert proposal.status == ProposalStatus.SUBMITTED


def test_trust_is_read_on_the_original_under_any_of_its_names(agenda, locales, localize):
    contact = confirmed()
    original = Organiser.objects.create(
        name="Les Amis du Parc", kind="association", trusted=True, contact=contact
    )
    localize(original, locales[1], ENGLISH)
    with translation.override("en"):
        proposal = submit(contact, organiser_name="friends of the park")
    assert proposal.status == ProposalStatus.PUBLISHED_DIRECTLY
    assert proposal.organiser == original
    stranger = submit(confirmed("autre@example.org"), organiser_name="Friends of the Park")
    assert stranger.status == ProposalStatus.SUBMITTED


def test_approval_finds_and_trusts_the_organiser_in_the_default_language(agenda, locales, localize):
    original = Organiser.objects.create(name="Les Amis du Parc", kind="association")
    english = localize(original, locales[1], ENGLISH)
    contact = confirmed()
    with translation.override("en"):
        proposal = submit(contact, organiser_name="Friends of the Park")
    services.approve(proposal=proposal, user=None, trust=True)
    proposal.refresh_from_db()
    assert proposal.organiser == original
    original.refresh_from_db()
    english.refresh_from_db()
    assert (original.trusted, original.contact) == (True, contact)
    assert not english.trusted

    with translation.override("en"):
        newcomer = submit(confirmed("b@example.org"), organiser_name="Garden Club")
    services.approve(proposal=newcomer, user=None)
    assert Organiser.objects.get(name="Garden Club").locale == locales[0]
