"""The map next to the agenda's list: the points of the events the list shows (its filters,
upcoming or past), each linking to its page, at a constant number of queries whatever their
number; offered only when some event has a point, the list staying the way to every event."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from portal.pages.agenda import EventState
from portal.pages.models import District, Organiser, Theme
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _render_every_time(settings):
    """Query counts measure rendering, not the page cache."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def taxonomy(locales):
    fr = locales[0]
    return {
        "mobility": Theme.objects.create(name="Mobilité", slug="mobilite", locale=fr),
        "centre": District.objects.create(name="Centre-ville", slug="centre-ville", locale=fr),
        "station": District.objects.create(name="La Gare", slug="la-gare", locale=fr),
    }


def at(latitude, longitude):
    return {"latitude": Decimal(latitude), "longitude": Decimal(longitude)}


@pytest.fixture
def agenda_events(home, taxonomy):
    agenda = factories.agenda(home)
    now = timezone.now()
    bikes = Organiser.objects.create(name="Association Vélo Lauze", kind="association")
    consultation = factories.consultation(factories.consultation_index(home), "La gare")
    events = {
        "soon": factories.event(
            agenda,
            "Atelier vélo",
            now + timedelta(days=2),
            organiser=bikes,
            themes=[taxonomy["mobility"]],
            districts=[taxonomy["station"]],
            consultation=consultation,
            place_name="Parvis de la gare",
            **at("47.393560", "0.684210"),
        ),
        "later": factories.event(
            agenda,
            "Forum",
            now + timedelta(days=40),
            districts=[taxonomy["centre"]],
            state=EventState.CANCELLED,
            **at("47.390300", "0.688900"),
        ),
        "nowhere": factories.event(agenda, "En ligne", now + timedelta(days=3)),
        "past": factories.event(agenda, "Balade", now - timedelta(days=3), **at("47.39", "0.69")),
    }
    tour = factories.tour(agenda)
    events["stop"] = factories.event(
        tour,
        "Étape place du Marché",
        now + timedelta(days=5),
        districts=[taxonomy["centre"]],
        **at("47.390600", "0.689300"),
    )
    return agenda, events


def points(client, agenda, route="map/", **query):
    response = client.get(agenda.url + route, query)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()["points"]


def titles(items):
    return [item["title"] for item in items]


def test_the_points_of_the_upcoming_events_that_have_one(client, agenda_events):
    agenda, events = agenda_events
    items = points(client, agenda)
    assert titles(items) == ["Atelier vélo", "Étape place du Marché", "Forum"]
    first = items[0]
    assert set(first) == {"title", "lat", "lng", "url", "status", "when", "place"}
    assert (first["lat"], first["lng"], first["place"]) == (47.39356, 0.68421, "Parvis de la gare")
    assert first["url"] == events["soon"].url and client.get(first["url"]).status_code == 200
    assert first["status"] == "" and first["when"]
    assert items[2]["status"] == "Annulé"
    assert titles(points(client, agenda, "archives/map/")) == ["Balade"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"district": "centre-ville"}, ["Étape place du Marché", "Forum"]),
        ({"theme": "mobilite"}, ["Atelier vélo"]),
        ({"district": "la-gare", "theme": "mobilite"}, ["Atelier vélo"]),
        ({"district": "la-gare", "theme": "mobilite", "organiser": "999999"}, ["Atelier vélo"]),
    ],
)
def test_the_list_s_filters_apply(client, agenda_events, query, expected):
    agenda, _events = agenda_events
    assert titles(points(client, agenda, **query)) == expected


def test_the_organiser_consultation_and_period_filters_apply(client, agenda_events):
    agenda, events = agenda_events
    soon = events["soon"]
    assert titles(points(client, agenda, organiser=soon.organiser_id)) == ["Atelier vélo"]
    assert titles(points(client, agenda, consultation=soon.consultation_id)) == ["Atelier vélo"]
    start = timezone.localdate() + timedelta(days=4)
    end = timezone.localdate() + timedelta(days=10)
    period = {"start": start.isoformat(), "end": end.isoformat()}
    assert titles(points(client, agenda, **period)) == ["Étape place du Marché"]


@pytest.mark.parametrize("hostile", ["abc", "-1", "9" * 40, "1 OR 1=1", "\x00", "2026-13-45"])
def test_bad_filter_values_are_ignored_as_the_list_ignores_them(client, agenda_events, hostile):
    agenda, _events = agenda_events
    query = dict.fromkeys(("theme", "district", "organiser", "consultation", "start"), hostile)
    assert len(points(client, agenda, **query)) == 3


def test_private_and_draft_events_have_no_point(client, agenda_events):
    agenda, events = agenda_events
    events["soon"].unpublish()
    assert "Atelier vélo" not in titles(points(client, agenda))


def many_events(agenda, count, district):
    start = timezone.now() + timedelta(days=1)
    for number in range(count):
        factories.event(
            agenda,
            f"Atelier {number}",
            start + timedelta(hours=6 * number),
            revision=False,
            districts=[district],
            **at(f"47.{390000 + number}", "0.690000"),
        )


@pytest.mark.parametrize("count", [5, 50])
def test_the_map_costs_the_same_queries_whatever_the_count(
    client, home, taxonomy, count, django_assert_num_queries
):
    agenda = factories.agenda(home)
    many_events(agenda, count, taxonomy["centre"])
    url = agenda.url + "map/"
    client.get(url)  # the per-process caches (site root paths, content types), as on a server
    # Serving the page (site, locale, route, privacy), the filters' choices (themes,
    # districts, organisers, consultations), the events: as many for 5 as for 50.
    with django_assert_num_queries(18):
        response = client.get(url, {"district": "centre-ville"})
    assert len(response.json()["points"]) == count


# Serving, the filters' choices, the cards, their count, whether any has a point, the menus…
QUERIES_OF_THE_LIST = 26


@pytest.mark.parametrize("count", [5, 50])
def test_the_list_with_its_map_costs_the_same_queries_whatever_the_count(
    client, home, taxonomy, count, django_assert_num_queries
):
    agenda = factories.agenda(home)
    many_events(agenda, count, taxonomy["centre"])
    client.get(agenda.url)
    with django_assert_num_queries(QUERIES_OF_THE_LIST):
        response = client.get(agenda.url, {"district": "centre-ville"})
    assert BeautifulSoup(response.content, "html.parser").select_one("[data-points-map]")


def test_the_list_offers_the_map_with_its_filters(client, agenda_events):
    agenda, _events = agenda_events
    html = BeautifulSoup(
        client.get(agenda.url, {"district": "centre-ville", "organiser": "abc"}).content,
        "html.parser",
    )
    events_map = html.select_one("[data-points-map]")
    assert events_map["data-url"] == agenda.url + "map/?district=centre-ville"
    assert events_map.select_one("[data-map-canvas]").has_attr("hidden")
    assert "Afficher les événements sur une carte" in events_map.get_text()
    assert len(html.select(".event-card")) == 2  # the list stays, the map only adds
    past = BeautifulSoup(client.get(agenda.url + "archives/").content, "html.parser")
    assert past.select_one("[data-points-map]")["data-url"] == agenda.url + "archives/map/"
    period = {"start": date(2030, 1, 1).isoformat()}
    later = BeautifulSoup(client.get(agenda.url, period).content, "html.parser")
    assert not later.select("[data-points-map]")  # none of these events has a point


def test_no_map_is_offered_when_no_event_has_a_point(client, home):
    agenda = factories.agenda(home)
    factories.event(agenda, "En ligne", timezone.now() + timedelta(days=2))
    html = BeautifulSoup(client.get(agenda.url).content, "html.parser")
    assert html.select(".event-card") and not html.select("[data-points-map]")
