"""Consultation index and agenda: filters, bad input, and a constant number of queries."""

from datetime import timedelta
from decimal import Decimal
from io import BytesIO

import pytest
from bs4 import BeautifulSoup
from django.core.files.images import ImageFile
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model

from portal.pages.models import District, Organiser, Theme
from tests import factories


@pytest.fixture(autouse=True)
def _render_every_time(settings):
    """These tests measure rendering: no page cache (tested in tests/core/test_page_cache.py)."""
    settings.PAGE_CACHE_SECONDS = 0


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def queries(client, url):
    client.get(url)  # warm the per-process caches (site root, content types), as on a server
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response


@pytest.fixture
def taxonomy(locales):
    fr = locales[0]
    return {
        "mobility": Theme.objects.create(name="Mobilité", slug="mobilite", locale=fr),
        "green": Theme.objects.create(name="Espaces verts", slug="espaces-verts", locale=fr),
        "centre": District.objects.create(name="Centre-ville", slug="centre-ville", locale=fr),
        "station": District.objects.create(name="La Gare", slug="la-gare", locale=fr),
    }


def days(start, end, extended=None):
    today = timezone.localdate()
    return (
        today + timedelta(days=start),
        today + timedelta(days=end),
        today + timedelta(days=extended) if extended else None,
    )


@pytest.fixture
def consultations(home, taxonomy):
    index = factories.consultation_index(home)
    pages = {
        "closed": factories.consultation(index, "Stade", phases=(days(-60, -30),)),
        "upcoming": factories.consultation(
            index, "Plan vélo", phases=(days(10, 40),), themes=[taxonomy["mobility"]]
        ),
        "open": factories.consultation(
            index,
            "Place du Marché",
            phases=(days(-5, 5, 20),),
            themes=[taxonomy["green"]],
            districts=[taxonomy["centre"]],
        ),
        "results": factories.consultation(
            index,
            "Parc",
            phases=(days(-90, -60),),
            themes=[taxonomy["green"]],
            districts=[taxonomy["station"]],
        ),
    }
    factories.restitution(pages["results"])
    return index, pages


def titles(soup):
    return [a.get_text(strip=True) for a in soup.select(".card__title a")]


def test_index_lists_open_consultations_first_with_status_badges(client, consultations):
    index, _ = consultations
    soup = soup_of(client.get(index.url))
    assert titles(soup) == ["Place du Marché", "Plan vélo", "Parc", "Stade"]
    badges = [p.get_text(strip=True) for p in soup.select(".card .badge")]
    assert badges == ["Ouverte", "À venir", "Résultats publiés", "Terminée"]
    assert "Phase en cours" in soup.select(".card")[0].get_text()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"status": "open"}, ["Place du Marché"]),
        ({"status": "results"}, ["Parc"]),
        ({"theme": "espaces-verts"}, ["Place du Marché", "Parc"]),
        ({"theme": "espaces-verts", "district": "la-gare"}, ["Parc"]),
        ({"theme": "mobilite", "status": "closed"}, []),
    ],
)
def test_index_filters_combine(client, consultations, query, expected):
    index, _ = consultations
    soup = soup_of(client.get(index.url, query))
    assert titles(soup) == expected
    if not expected:
        assert "Aucune concertation ne correspond" in soup.select_one(".empty-state").get_text()


@pytest.mark.parametrize(
    "query",
    [
        {"theme": "inconnu"},
        {"status": "<script>alert(1)</script>"},
        {"district": "x" * 3000},
        {"page": "9999"},
        {"page": "abc"},
        {"page": "-3"},
        {"theme": "espaces-verts\x00"},
    ],
)
def test_index_survives_bad_filter_input_with_a_clear_message(client, consultations, query):
    index, _ = consultations
    soup = soup_of(client.get(index.url, query))
    assert soup.select_one(".listing .notice"), "the visitor is told what was ignored"
    assert soup.select(".card")  # and still sees consultations
    assert "<script>alert" not in str(soup)


@pytest.fixture
def agenda_events(home, taxonomy):
    agenda = factories.agenda(home)
    now = timezone.now()
    walk = Organiser.objects.create(name="Association Vélo Lauze", kind="association")
    events = {
        "soon": factories.event(
            agenda,
            "Atelier vélo",
            now + timedelta(days=2),
            organiser=walk,
            themes=[taxonomy["mobility"]],
            districts=[taxonomy["station"]],
        ),
        "later": factories.event(
            agenda, "Forum", now + timedelta(days=40), districts=[taxonomy["centre"]]
        ),
        "past": factories.event(agenda, "Balade", now - timedelta(days=3)),
    }
    tour = factories.tour(agenda)
    events["stop"] = factories.event(
        tour, "Étape place du Marché", now + timedelta(days=5), districts=[taxonomy["centre"]]
    )
    return agenda, events


def event_titles(soup):
    return [a.get_text(strip=True) for a in soup.select(".event-card__title a")]


def test_agenda_lists_upcoming_events_grouped_by_month_with_tour_stops(client, agenda_events):
    agenda, _ = agenda_events
    soup = soup_of(client.get(agenda.url))
    assert event_titles(soup) == ["Atelier vélo", "Étape place du Marché", "Forum"]
    assert soup.select(".month__title")


def test_agenda_archive_lists_past_events(client, agenda_events):
    agenda, _ = agenda_events
    soup = soup_of(client.get(agenda.url + "archives/"))
    assert event_titles(soup) == ["Balade"]
    assert soup.find("h1").get_text(strip=True) == "Événements passés"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"district": "centre-ville"}, ["Étape place du Marché", "Forum"]),
        ({"theme": "mobilite"}, ["Atelier vélo"]),
        ({"district": "la-gare", "theme": "mobilite"}, ["Atelier vélo"]),
    ],
)
def test_agenda_filters_combine(client, agenda_events, query, expected):
    agenda, _ = agenda_events
    assert event_titles(soup_of(client.get(agenda.url, query))) == expected


def test_agenda_filters_by_organiser_and_period(client, agenda_events):
    agenda, events = agenda_events
    organiser = events["soon"].organiser
    assert event_titles(soup_of(client.get(agenda.url, {"organiser": organiser.pk}))) == [
        "Atelier vélo"
    ]
    start = timezone.localdate() + timedelta(days=4)
    end = timezone.localdate() + timedelta(days=10)
    soup = soup_of(client.get(agenda.url, {"start": start.isoformat(), "end": end.isoformat()}))
    assert event_titles(soup) == ["Étape place du Marché"]


@pytest.mark.parametrize(
    "query",
    [
        {"start": "31/02/2026"},
        {"start": "2026-13-45"},
        {"end": "demain"},
        {"start": "2026-12-10", "end": "2026-12-01"},
        {"organiser": "abc"},
        {"organiser": "999999"},
        {"consultation": "1 OR 1=1"},
        {"page": "9999"},
        {"page": "abc"},
    ],
)
def test_agenda_survives_bad_filter_input_with_a_clear_message(client, agenda_events, query):
    agenda, _ = agenda_events
    soup = soup_of(client.get(agenda.url, query))
    assert soup.select_one(".listing .notice")
    assert soup.select(".event-card")


def test_event_page_carries_schema_org_json_ld(client, agenda_events):
    import json

    _, events = agenda_events
    event = events["soon"]
    event.place_name = "Maison du vélo"
    event.address = "2 rue de la Gare, 00000 Bellecombe-sur-Lauze"
    event.latitude, event.longitude = Decimal("47.39"), Decimal("0.688")
    event.summary = "Réparer son vélo </script><script>alert(1)</script>"
    event.save_revision().publish()
    soup = soup_of(client.get(event.url))
    scripts = soup.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    data = json.loads(scripts[0].string)
    assert data["@type"] == "Event"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["location"]["geo"]["latitude"] == 47.39
    assert data["organizer"]["name"] == "Association Vélo Lauze"
    assert data["startDate"].endswith(("+01:00", "+02:00"))  # Paris time, with its offset
    assert "</script>" not in scripts[0].string
    # The map link's coordinates are numbers, not French decimals ("47,39").
    link = soup.find("a", href=lambda href: href and "openstreetmap.org" in href)
    assert link["href"] == (
        "https://www.openstreetmap.org/?mlat=47.390000&mlon=0.688000#map=18/47.390000/0.688000"
    )


@override_settings(PUBLIC_BASE_URL="https://participation.example.fr")
def test_the_json_ld_gives_the_public_addresses(client, agenda_events, settings, tmp_path):
    """Search engines index the address residents use, not the Site record's (localhost)."""
    import json

    settings.MEDIA_ROOT = tmp_path
    image_file = BytesIO()
    PILImage.new("RGB", (40, 30), "#2a6f4e").save(image_file, "PNG")
    _, events = agenda_events
    event = events["soon"]
    event.image = get_image_model().objects.create(
        title="Atelier", file=ImageFile(image_file, "atelier.png")
    )
    event.save_revision().publish()
    script = soup_of(client.get(event.url)).find("script", type="application/ld+json")
    data = json.loads(script.string)
    assert data["url"] == "https://participation.example.fr" + event.url
    assert data["image"].startswith("https://participation.example.fr/media/images/")


def test_cancelled_event_is_shown_prominently(client, agenda_events):
    _, events = agenda_events
    event = events["later"]
    event.state = "cancelled"
    event.state_note = "En raison des intempéries."
    event.save_revision().publish()
    soup = soup_of(client.get(event.url))
    assert "Cet événement est annulé." in soup.select_one(".callout--danger").get_text()
    data = soup.find("script", type="application/ld+json").string
    assert "EventCancelled" in data


def test_tour_highlights_the_next_stop_and_marks_past_ones(client, home):
    agenda = factories.agenda(home)
    tour = factories.tour(agenda)
    now = timezone.now()
    for offset, name in (
        (-14, "Place de la Gare"),
        (-7, "Square des Tilleuls"),
        (3, "Place du Marché"),
        (10, "Quai du Port"),
    ):
        factories.event(
            tour,
            name,
            now + timedelta(days=offset),
            latitude=Decimal("47.39"),
            longitude=Decimal("0.688"),
            place_name=name,
        )
    soup = soup_of(client.get(tour.url))
    stops = soup.select(".stops > li")
    assert [s.select_one(".stop__title a").get_text() for s in stops] == [
        "Place de la Gare",
        "Square des Tilleuls",
        "Place du Marché",
        "Quai du Port",
    ]
    assert [("stop--past" in s["class"], "stop--next" in s["class"]) for s in stops] == [
        (True, False),
        (True, False),
        (False, True),
        (False, False),
    ]
    assert stops[2]["aria-current"] == "step"
    assert "Place du Marché" in soup.select_one(".callout").get_text()
    assert soup.select_one("#tour-map")["data-stops"].count('"lat"') == 4


CONSULTATION_COUNT = 500
EVENT_COUNT = 1000


def test_index_of_500_consultations_costs_a_constant_number_of_queries(client, home, taxonomy):
    index = factories.consultation_index(home)
    few = [
        factories.consultation(
            index, f"C{i}", phases=(days(-5, 5),), revision=False, themes=[taxonomy["green"]]
        )
        for i in range(3)
    ]
    small, _ = queries(client, index.url)
    for i in range(CONSULTATION_COUNT - len(few)):
        factories.consultation(
            index,
            f"Concertation {i}",
            phases=(days(i - 300, i - 250),),
            revision=False,
            themes=[taxonomy["mobility"]],
            districts=[taxonomy["centre"]],
        )
    large, response = queries(client, index.url)
    assert large == small
    soup = soup_of(response)
    assert len(soup.select(".card")) == 12
    assert "500 concertations" in soup.select_one(".listing__count").get_text()
    last, response = queries(client, index.url + "?page=42&theme=mobilite")
    assert last == small


def test_agenda_of_1000_events_costs_a_constant_number_of_queries(client, home, taxonomy):
    agenda = factories.agenda(home)
    start = timezone.now() + timedelta(days=1)
    organiser = Organiser.objects.create(name="Mission participation citoyenne")
    for i in range(3):
        factories.event(
            agenda, f"E{i}", start + timedelta(hours=i), revision=False, organiser=organiser
        )
    small, _ = queries(client, agenda.url)
    for i in range(EVENT_COUNT - 3):
        factories.event(
            agenda,
            f"Atelier {i}",
            start + timedelta(hours=6 * i),
            revision=False,
            organiser=organiser,
            themes=[taxonomy["green"]],
            districts=[taxonomy["station"]],
        )
    large, response = queries(client, agenda.url)
    assert large == small
    soup = soup_of(response)
    assert len(soup.select(".event-card")) == 20
    assert "1000 événements" in soup.select_one(".listing__count").get_text().replace("\u202f", "")
    deep, _ = queries(client, agenda.url + "?page=40&district=la-gare")
    assert deep == small
