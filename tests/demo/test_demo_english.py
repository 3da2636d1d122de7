"""The demo town in English: every consultation, event, tour and restitution has a live
English version, written in English and wired to the English pages around it."""

from django.utils import translation
from wagtail.models import Locale

from portal.demo import budgets, projects
from portal.demo.loader import CONSULTATIONS, EMBEDDING_BLOCKS
from portal.pages.models import (
    AgendaPage,
    ConsultationIndexPage,
    ConsultationPage,
    EventPage,
    EventTourPage,
    RestitutionPage,
)
from portal.participation.models import IdeaBox, Petition, Survey

TRANSLATED_TYPES = (
    ConsultationIndexPage,
    ConsultationPage,
    RestitutionPage,
    AgendaPage,
    EventPage,
    EventTourPage,
)


def english(page):
    return page.get_translation(Locale.objects.get(language_code="en")).specific


def test_every_french_page_of_the_consultations_and_agenda_has_a_live_english_version(demo):
    french = [
        page
        for model in TRANSLATED_TYPES
        for page in model.objects.live().filter(locale__language_code="fr")
    ]
    assert len(french) >= 2 + 6 + 2 + 14 + 1 + 5
    for page in french:
        translated = page.get_translation_or_none(english(demo).locale)
        assert translated is not None and translated.live, page.title
        assert translated.title != page.title, page.title
        assert not translated.alias_of_id


def test_english_pages_answer_in_english_under_english_parents(demo, client):
    for model in TRANSLATED_TYPES:
        for page in model.objects.live().filter(locale__language_code="en"):
            assert page.get_parent().locale_id == page.locale_id
            assert page.url.startswith("/en/"), page.url
            response = client.get(page.url)
            assert response.status_code == 200, page.url
            assert 'lang="en"' in response.content.decode()


def test_english_consultation_embeds_the_french_items_and_shows_english_phases(demo):
    for spec in CONSULTATIONS:
        french = ConsultationPage.objects.get(locale__language_code="fr", slug=spec["slug"])
        translated = english(french)
        assert translated.title == spec["en"]["title"]
        assert [block.block_type for block in translated.body] == [
            block.block_type for block in french.body
        ]
        embedded = [
            (block["type"], block["value"])
            for block in french.body.raw_data
            if block["type"] in EMBEDDING_BLOCKS
        ]
        assert embedded or spec["slug"] != projects.SQUARE
        mine_all = [
            block for block in translated.body.raw_data if block["type"] in EMBEDDING_BLOCKS
        ]
        assert [block["type"] for block in mine_all] == [kind for kind, _value in embedded]
        for (_kind, value), mine in zip(embedded, mine_all, strict=True):
            # The English version of each item, as wagtail-localize names it: its original is
            # the French page's item, which every answer, idea and support goes to.
            for field, model in (("survey", Survey), ("petition", Petition), ("idea_box", IdeaBox)):
                if value.get(field) is None:
                    continue
                item = model.objects.get(pk=mine["value"][field])
                assert item.locale_id == translated.locale_id
                assert item.original_id == value[field]
        assert [phase.title for phase in translated.ordered_phases] == [
            phase["title"] for phase in spec["en"]["phases"]
        ]
        assert [(phase.start, phase.end) for phase in translated.ordered_phases] == [
            (phase.start, phase.end) for phase in french.ordered_phases
        ]
        assert {theme.locale_id for theme in translated.themes.all()} == {translated.locale_id}
        assert translated.status() == french.status()


def test_english_events_and_stops_link_to_english_consultations(demo):
    events = EventPage.objects.live().filter(locale__language_code="en", consultation__isnull=False)
    assert events.count() >= 10
    for event in events:
        assert event.consultation.locale_id == event.locale_id
    tour = english(EventTourPage.objects.get(locale__language_code="fr"))
    assert [stop.title for stop in tour.stops()] == [
        stop["title"] for stop in projects.TOUR["en"]["stops"]
    ]


def test_english_restitutions_keep_their_own_data_in_english(demo, client):
    for slug in (projects.PARK, budgets.BUDGET_2026):
        french = ConsultationPage.objects.get(locale__language_code="fr", slug=slug)
        restitution = english(french.restitution)
        assert restitution.results["consultation"]["title"] == english(french).title
        assert restitution.results["figures"] == french.restitution.specific.results["figures"] | {
            key: restitution.results["figures"][key] for key in ("by_theme", "by_district")
        }
    park = english(ConsultationPage.objects.get(locale__language_code="fr", slug=projects.PARK))
    with translation.override("en"):
        page = client.get(park.restitution.url).content.decode()
    assert "What we heard, what we decided" in page and "Parks and green spaces" in page
    assert "Ce que nous avons entendu" not in page


def test_english_home_highlights_english_pages(demo):
    home = english(demo)
    linked = [block.value["page"] for block in home.highlights]
    assert linked and all(page.locale_id == home.locale_id for page in linked)
    assert home.hero_link.locale_id == home.locale_id


def test_english_texts_of_the_items_match_their_french_specs():
    """The lead wires these into the items' translations: same questions, same options."""
    for spec in (projects.SURVEY, projects.PARK_SURVEY):
        assert len(spec["en"]["questions"]) == len(spec["questions"])
        for french, words in zip(spec["questions"], spec["en"]["questions"], strict=True):
            assert len(words["choices"].splitlines()) == len(french.get("choices", "").splitlines())
            assert bool(words["help_text"]) == bool(french.get("help_text"))
    for spec in (projects.IDEA_BOX, projects.PARK_IDEA_BOX, budgets.IDEA_BOX):
        assert len(spec["en"]["extra_fields"]) == len(spec["extra_fields"])
        for french, words in zip(spec["extra_fields"], spec["en"]["extra_fields"], strict=True):
            assert len(words["choices"].splitlines()) == len(french["choices"].splitlines())
    assert len(projects.PETITION["en"]["thresholds"]) == len(projects.PETITION["thresholds"])
    assert all(spec["en"]["name"] and spec["en"]["description"] for spec in projects.ORGANISERS)
    for spec in CONSULTATIONS:
        assert len(spec["en"]["phases"]) == len(spec["phases"])
