"""A consultation's phases are translated with its page (wagtail-localize), keep the
original's dates, and supports follow the original's phases whichever language they are
given in."""

import importlib
import uuid
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.utils import timezone
from wagtail.models import Revision

from portal.core import page_cache
from portal.pages.models import Phase
from portal.pages.phases import accepts_supports
from portal.participation import services
from portal.participation.errors import ParticipationClosed
from portal.participation.models import Petition
from tests import factories

ENGLISH = {
    "Place du Marché": "Market Square",
    "place-du-marche": "market-square",
    "Concertation": "Consultation",
    "Ateliers ouverts à toutes et tous.": "Workshops open to everyone.",
    "Synthèse": "Summary",
}


@pytest.fixture
def consultation(home, english_home):
    """A French consultation whose first phase, open today, takes supports."""
    today = timezone.localdate()
    index = factories.consultation_index(home)
    english_index = index.copy_for_translation(english_home.locale)
    english_index.title, english_index.slug = "Consultations", "consultations"
    english_index.save_revision().publish()
    page = factories.consultation(
        index,
        "Place du Marché",
        phases=(
            (today - timedelta(days=5), today + timedelta(days=5), None),
            (today + timedelta(days=6), today + timedelta(days=20), None),
        ),
    )
    first, second = page.phases.order_by("sort_order")
    first.title, first.description, first.allows_supports = (
        "Concertation",
        "Ateliers ouverts à toutes et tous.",
        True,
    )
    second.title = "Synthèse"
    first.save()
    second.save()
    page.save_revision().publish()
    return page


def phases_of(page):
    return list(Phase.objects.filter(page=page).order_by("sort_order"))


def stepper(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.select_one("ol.phases").get_text(" ", strip=True)


def test_wagtail_localize_translates_the_phases_with_their_page(
    client, consultation, locales, localize
):
    english = localize(consultation, locales[1], ENGLISH)

    french_phases, english_phases = phases_of(consultation), phases_of(english)
    assert [phase.title for phase in english_phases] == ["Consultation", "Summary"]
    assert english_phases[0].description == "Workshops open to everyone."
    assert {phase.locale_id for phase in english_phases} == {locales[1].pk}
    for french, translated in zip(french_phases, english_phases, strict=True):
        assert translated.translation_key == french.translation_key
        assert (translated.start, translated.end, translated.allows_supports) == (
            french.start,
            french.end,
            french.allows_supports,
        )
    assert "Consultation" in stepper(client, english) and "Concertation" not in stepper(
        client, english
    )
    assert "Concertation" in stepper(client, consultation)


def test_a_date_changed_on_the_original_reaches_the_translation_when_synced(
    consultation, locales, localize
):
    english = localize(consultation, locales[1], ENGLISH)
    kept = [phase.pk for phase in phases_of(english)]
    page = consultation.get_latest_revision_as_object()
    later = timezone.localdate() + timedelta(days=30)
    second = sorted(page.phases.all(), key=lambda phase: phase.sort_order)[1]
    second.end = later  # as the editor's Phases tab does
    page.save_revision().publish()

    localize(consultation, locales[1], ENGLISH)  # "Sync translated pages"

    english_phases = phases_of(english)
    assert english_phases[1].end == later
    assert [phase.title for phase in english_phases] == ["Consultation", "Summary"]
    assert [phase.pk for phase in english_phases] == kept


def test_a_copy_for_translation_keeps_the_phases_paired(consultation, locales):
    """What the demo does: the copy's phases are in English, paired with the original's."""
    english = consultation.copy_for_translation(locales[1], copy_parents=True)
    english.save_revision().publish()
    assert [(phase.locale_id, phase.translation_key) for phase in phases_of(english)] == [
        (locales[1].pk, phase.translation_key) for phase in phases_of(consultation)
    ]


def test_supports_given_in_either_language_follow_the_original_phases(
    consultation, locales, localize
):
    english = localize(consultation, locales[1], ENGLISH)
    on_french = Petition.objects.create(title="Un banc", text="…", consultation=consultation)
    on_english = Petition.objects.create(title="A bench", text="…", consultation=english)
    resident = factories.confirmed("habitante@example.org")

    assert accepts_supports(consultation.pk) and accepts_supports(english.pk)
    assert services.support(participant=resident, petition=on_french)
    assert services.support(participant=resident, petition=on_english)

    # A translation not synced yet changes nothing: the original's phases decide.
    # (Phases change when their page is published, which makes what is kept stale.)
    Phase.objects.filter(page=english).update(allows_supports=False)
    page_cache.invalidate()
    assert accepts_supports(english.pk)
    Phase.objects.filter(page=english).update(allows_supports=True)
    Phase.objects.filter(page=consultation).update(allows_supports=False)
    page_cache.invalidate()
    assert not accepts_supports(english.pk) and not accepts_supports(consultation.pk)
    with pytest.raises(ParticipationClosed):
        services.support(participant=factories.confirmed("autre@example.org"), petition=on_english)


def test_the_migration_pairs_existing_phases_by_sort_order(consultation, locales):
    """Rows and revisions from before phases had a language get the page's language and
    the original's keys (matched by sort_order)."""
    english = consultation.copy_for_translation(locales[1], copy_parents=True)
    english.save_revision().publish()
    for phase in Phase.objects.all():  # unpaired, as fresh keys would leave them
        Phase.objects.filter(pk=phase.pk).update(translation_key=uuid.uuid4())
    migration = importlib.import_module(
        "portal.pages.migrations.0012_translatable_phases_organisers_data"
    )

    migration.forwards(apps, None)

    french, translated = phases_of(consultation), phases_of(english)
    assert [phase.translation_key for phase in translated] == [
        phase.translation_key for phase in french
    ]
    assert {phase.locale_id for phase in translated} == {locales[1].pk}
    revision = Revision.objects.filter(object_id=str(english.pk)).latest("pk")
    assert [phase["translation_key"] for phase in revision.content["phases"]] == [
        str(phase.translation_key) for phase in translated
    ]
