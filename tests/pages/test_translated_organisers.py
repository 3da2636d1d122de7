"""Organisers in the visitor's language: translated with wagtail-localize, shown in English on
English events whether the page was translated with it or copied, listed once in the
agenda's filter, at no cost per card."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from portal.pages.models import Organiser
from tests import factories

ENGLISH = {
    "Les Amis du Parc": "Friends of the Park",
    "Une association de quartier qui anime le parc.": "A neighbourhood association.",
    "Pique-nique": "Picnic",
    "Troc de plantes": "Plant swap",
}


@pytest.fixture(autouse=True)
def _render_every_time(settings):
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def agendas(home, english_home):
    french = factories.agenda(home)
    english = french.copy_for_translation(english_home.locale)
    english.title, english.slug = "Events", "events"
    english.save_revision().publish()
    english.refresh_from_db()
    return french, english


@pytest.fixture
def organiser(locales):
    return Organiser.objects.create(
        name="Les Amis du Parc",
        kind=Organiser.Kind.ASSOCIATION,
        description="Une association de quartier qui anime le parc.",
        website="https://amis-du-parc.example.org/",
        locale=locales[0],
    )


@pytest.fixture
def events(agendas, organiser):
    french, _english = agendas
    soon = timezone.now() + timedelta(days=3)
    return [
        factories.event(french, "Pique-nique", soon, organiser=organiser),
        factories.event(french, "Troc de plantes", soon + timedelta(days=1), organiser=organiser),
    ]


def soup_of(client, url, query=None):
    response = client.get(url, query or {})
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def organiser_fact(soup, label="Organiser"):
    """What the event page's practical information says of its organiser."""
    term = next(dt for dt in soup.select(".facts dt") if dt.get_text(strip=True) == label)
    return term.find_next_sibling("dd").get_text(" ", strip=True)


def card_organisers(soup):
    return [
        meta.get_text(strip=True)
        for meta in soup.select(".event-card__meta")
        if meta.select_one("use[href$='#users']")
    ]


def filter_options(soup):
    return [option.get_text(strip=True) for option in soup.select("select[name=organiser] option")]


def test_an_event_translated_with_wagtail_localize_points_to_the_english_organiser(
    client, events, organiser, locales, localize
):
    english_organiser = localize(organiser, locales[1], ENGLISH)
    english_event = localize(events[0], locales[1], ENGLISH)

    assert english_event.organiser_id == english_organiser.pk
    assert (english_organiser.kind, english_organiser.website) == (
        organiser.kind,
        organiser.website,
    )
    fact = organiser_fact(soup_of(client, english_event.url))
    assert "Friends of the Park" in fact and "A neighbourhood association." in fact
    assert "Amis" not in fact
    french_fact = organiser_fact(soup_of(client, events[0].url), "Organisateur")
    assert "Les Amis du Parc" in french_fact and "Une association de quartier" in french_fact


def test_a_copied_event_shows_the_organiser_in_its_language_everywhere(
    client, agendas, events, organiser, locales, localize
):
    """A page copied without wagtail-localize keeps the French organiser: pages, cards,
    JSON-LD and calendars name its English translation."""
    localize(organiser, locales[1], ENGLISH)
    english_event = events[0].copy_for_translation(locales[1])
    english_event.title = "Picnic"
    english_event.save_revision().publish()
    english_event.refresh_from_db()
    assert english_event.organiser_id == organiser.pk

    page = soup_of(client, english_event.url)
    assert "Friends of the Park" in organiser_fact(page)
    assert "Friends of the Park" in page.find("script", type="application/ld+json").string
    assert card_organisers(soup_of(client, agendas[1].url)) == ["Friends of the Park"]
    assert card_organisers(soup_of(client, agendas[0].url)) == ["Les Amis du Parc"] * 2
    with translation.override("en"):
        feed = client.get(reverse("calendar:agenda")).content.decode()
    assert 'ORGANIZER;CN="Friends of the Park"' in feed and "Amis" not in feed


def test_the_english_agenda_lists_an_organiser_once_in_english(
    client, agendas, events, organiser, locales, localize
):
    english_organiser = localize(organiser, locales[1], ENGLISH)
    localize(events[0], locales[1], ENGLISH)  # points to the English organiser
    copied = events[1].copy_for_translation(locales[1])  # points to the French one
    copied.title = "Plant swap"
    copied.save_revision().publish()
    french, english = agendas
    other = Organiser.objects.create(name="Mairie", locale=locales[0])
    factories.event(english, "Town hall walk", timezone.now() + timedelta(days=9), organiser=other)

    soup = soup_of(client, english.url)
    assert filter_options(soup)[1:] == ["Friends of the Park", "Mairie"]
    assert filter_options(soup_of(client, french.url))[1:] == ["Les Amis du Parc"]
    filtered = soup_of(client, english.url, {"organiser": english_organiser.pk})
    assert not filtered.select(".listing .notice")
    assert [link.get_text(strip=True) for link in filtered.select(".event-card__title a")] == [
        "Picnic",
        "Plant swap",
    ]
    with translation.override("en"):
        feed = client.get(reverse("calendar:organiser", args=[english_organiser.pk]))
    body = feed.content.decode()
    assert "Friends of the Park" in body and body.count("BEGIN:VEVENT") == 2
    assert f"?organiser={english_organiser.pk}" in body.replace("\r\n ", "")


def test_the_english_agenda_costs_the_same_whatever_its_organisers(
    client, agendas, organiser, locales, localize
):
    localize(organiser, locales[1], ENGLISH)
    english = agendas[1]
    soon = timezone.now() + timedelta(days=2)

    def count():
        client.get(english.url)
        with CaptureQueriesContext(connection) as captured:
            client.get(english.url)
        return len(captured)

    factories.event(english, "Walk", soon, organiser=organiser)
    few = count()
    for number in range(6):
        other = Organiser.objects.create(name=f"Collectif {number}", locale=locales[0])
        factories.event(english, f"Walk {number}", soon, organiser=other)
    assert count() == few
