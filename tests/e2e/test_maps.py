"""Maps in the browser: drawn only when the visitor asks (no Leaflet, no tile before), an
idea's place picked by keyboard or typed as an address (found by the server's geocoder, a
local stand-in here), the map of ideas next to their list, the agenda's map with its filters,
an idea's place on its page; accessible and valid at both widths. Tiles are answered by a
stub: nothing leaves the machine."""

import json
import re
import sqlite3
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

from tests.server import demo_server

from .checks import assert_accessible, assert_valid_html, unfold
from .conftest import screenshot
from .test_participation import CONSULTATION

# A 1×1 transparent PNG for every tile.
TILE = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)
TILES = re.compile(r"openstreetmap\.org")


def stub_tiles(page):
    tiles = []

    def answer(route):
        tiles.append(route.request.url)
        route.fulfill(status=200, content_type="image/png", body=TILE)

    page.route(TILES, answer)
    return tiles


def leaflet_loaded(page):
    return page.evaluate("typeof L !== 'undefined'")


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_a_resident_places_an_idea_by_keyboard_on_a_map_shown_on_request(new_page, width):
    page = new_page(width)
    tiles = stub_tiles(page)
    page.goto(CONSULTATION)
    form = unfold(page.locator("section.idea-form"))
    page.wait_for_load_state("networkidle")
    assert not leaflet_loaded(page) and tiles == []
    assert not form.locator(".leaflet-container").count()

    show = form.get_by_role("button", name="Choisir le lieu sur une carte")
    show.focus()
    page.keyboard.press("Enter")
    canvas = form.locator("[data-picker-canvas]")
    canvas.locator(".leaflet-tile-loaded").first.wait_for()
    assert leaflet_loaded(page) and tiles
    assert canvas.evaluate("element => element === document.activeElement")
    for key in ("ArrowUp", "ArrowUp", "ArrowLeft", "Equal"):
        page.keyboard.press(key)
    page.wait_for_timeout(400)  # panning and zooming are animated
    form.get_by_role("button", name="Placer l’épingle au centre de la carte").click()
    latitude = form.locator("input[name$='-latitude']")
    longitude = form.locator("input[name$='-longitude']")
    assert re.fullmatch(r"47\.\d{6}", latitude.input_value())
    assert re.fullmatch(r"0\.\d{6}", longitude.input_value())
    assert form.locator(".tour-pin").count() == 1
    assert "Épingle placée" in form.locator("[data-picker-status]").inner_text()
    screenshot(page, f"idea-form-map-{width}")
    assert_accessible(page)

    form.get_by_role("button", name="Retirer l’épingle").click()
    assert latitude.input_value() == "" and form.locator(".tour-pin").count() == 0
    # A click places it too.
    canvas.click(position={"x": 60, "y": 60})
    assert latitude.input_value() != ""
    assert_accessible(page)


def test_the_idea_form_and_its_map_button_are_valid_html(new_page, server):
    page = new_page()
    page.goto(CONSULTATION)
    assert_valid_html(("consultation with the map button", page.request.get(page.url).text()))


def test_without_javascript_the_place_is_typed_and_no_map_is_offered(new_page):
    page = new_page("phone", javascript=False)
    page.goto(CONSULTATION)
    form = unfold(page.locator("section.idea-form"))
    assert form.get_by_label("Lieu (facultatif)").is_visible()
    assert not form.get_by_role("button", name="Choisir le lieu sur une carte").is_visible()


class Geocoder(BaseHTTPRequestHandler):
    """The national address base's answer for any address: a point in the town centre."""

    def do_GET(self):
        self.server.requests.append(self.path)
        body = json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "geometry": {"type": "Point", "coordinates": [0.6905, 47.3901]},
                        "properties": {"label": "2 Place du Marché", "score": 0.93},
                    }
                ],
            }
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def geocoder():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Geocoder)
    server.requests = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def test_an_address_typed_without_javascript_places_the_idea(browser, server, workdir, geocoder):
    url = f"http://127.0.0.1:{geocoder.server_port}/search/"
    with demo_server(workdir, fresh=False, E2E_GEOCODER_URL=url) as base_url:
        context = browser.new_context(base_url=base_url, java_script_enabled=False)
        page = context.new_page()
        page.goto(CONSULTATION)
        form = unfold(page.locator("section.idea-form"))
        form.get_by_label("Titre de votre idée").fill("Un point d’eau place du Marché")
        form.get_by_label("Décrivez votre idée").fill("Pour les jours de marché en été.")
        form.get_by_label("Thème").select_option(label="Cadre de vie")
        form.get_by_label("Lieu (facultatif)").fill("2 place du Marché")
        form.get_by_label("Votre adresse électronique").fill("lea@example.org")
        form.get_by_role("button", name="Proposer mon idée").click()
        assert "Presque fini" in page.locator(".messages").inner_text()
        context.close()
    assert geocoder.requests and "q=2+place+du+March" in geocoder.requests[0]
    with sqlite3.connect(workdir / "db.sqlite3") as db:
        row = db.execute(
            "SELECT i.latitude, i.longitude, d.slug FROM participation_idea i "
            "LEFT JOIN pages_district d ON d.id = i.district_id WHERE i.title = ?",
            ("Un point d’eau place du Marché",),
        ).fetchone()
    assert (float(row[0]), float(row[1]), row[2]) == (47.3901, 0.6905, "centre-ville")


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_the_ideas_are_shown_on_a_map_next_to_their_list(new_page, width):
    page = new_page(width)
    tiles = stub_tiles(page)
    page.goto(CONSULTATION)
    preview = page.locator("section.idea-list")
    preview.get_by_role("link", name=re.compile(r"^Voir les \d+ idées$")).click()
    listing = page.locator("section.idea-list")
    page.wait_for_load_state("networkidle")
    assert not leaflet_loaded(page) and tiles == []
    cards = listing.locator(".idea-card").count()
    listing.get_by_role("button", name="Afficher les idées sur une carte").click()
    listing.locator(".ideas-map .leaflet-tile-loaded").first.wait_for()
    markers = listing.locator(".ideas-map .tour-pin, .ideas-map .map-cluster")
    assert markers.count() >= 1
    assert "placées sur la carte" in listing.locator("[data-map-status]").inner_text()
    assert listing.locator(".idea-card").count() == cards  # the list stays
    # Zoomed in on a pin, its popup leads to the idea.
    while listing.locator(".ideas-map .map-cluster").count():
        listing.locator(".ideas-map .map-cluster").first.click()
        page.wait_for_timeout(400)
    listing.locator(".ideas-map .tour-pin").first.click()
    popup_link = listing.locator(".leaflet-popup-content a")
    assert "/participation/idees/" in popup_link.get_attribute("href")
    screenshot(page, f"ideas-map-{width}")
    assert_accessible(page)
    if width == "desktop":
        assert_valid_html(("idea list with its map", page.request.get(page.url).text()))


AGENDA = "/fr/agenda/"


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_the_agenda_s_events_are_shown_on_a_map_on_request(new_page, width):
    page = new_page(width)
    tiles = stub_tiles(page)
    page.goto(AGENDA)
    page.wait_for_load_state("networkidle")
    assert not leaflet_loaded(page) and tiles == []
    events_map = page.locator(".listing [data-points-map]")
    assert events_map.locator(".leaflet-container").count() == 0
    cards = page.locator(".event-card").count()
    show = events_map.get_by_role("button", name="Afficher les événements sur une carte")
    show.click()
    events_map.locator(".leaflet-tile-loaded").first.wait_for()
    assert leaflet_loaded(page) and tiles
    assert show.get_attribute("aria-expanded") == "true"
    markers = events_map.locator(".tour-pin, .map-cluster")
    assert markers.count() >= 1
    expect(events_map.locator("[data-map-status]")).to_contain_text("placés sur la carte")
    assert page.locator(".event-card").count() == cards  # the list stays
    while events_map.locator(".map-cluster").count():
        events_map.locator(".map-cluster").first.click()
        page.wait_for_timeout(400)
    events_map.locator(".tour-pin").first.click()
    popup_link = events_map.locator(".leaflet-popup-content a")
    event_url = popup_link.get_attribute("href")
    assert event_url.startswith(AGENDA)
    page.wait_for_timeout(400)  # the popup fades in, the map pans to show it
    screenshot(page, f"agenda-map-{width}")
    assert_accessible(page)
    if width == "desktop":
        assert_valid_html(("agenda with its map", page.request.get(page.url).text()))
    title = popup_link.inner_text()
    page.goto(event_url)
    expect(page.locator("h1")).to_have_text(title)  # the event's own page


def test_the_agenda_s_map_follows_its_filters(new_page):
    page = new_page()
    stub_tiles(page)
    page.goto(AGENDA + "?district=centre-ville")
    events_map = page.locator(".listing [data-points-map]")
    assert events_map.get_attribute("data-url") == AGENDA + "map/?district=centre-ville"
    everywhere = page.request.get(AGENDA + "map/").json()["points"]
    centre = page.request.get(AGENDA + "map/?district=centre-ville").json()["points"]
    assert 0 < len(centre) < len(everywhere)


def test_without_javascript_the_agenda_offers_no_map_and_lists_every_event(new_page):
    page = new_page("phone", javascript=False)
    page.goto(AGENDA)
    assert page.locator(".event-card").count() > 0
    assert not page.get_by_role("button", name="Afficher les événements sur une carte").is_visible()


def idea_address(workdir, title):
    with sqlite3.connect(workdir / "db.sqlite3") as db:
        (pk,) = db.execute("SELECT id FROM participation_idea WHERE title = ?", (title,)).fetchone()
    return f"/fr/participation/idees/{pk}/idee/"  # redirected to its address


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_an_idea_s_page_shows_its_place_in_words_and_on_a_map_on_request(new_page, workdir, width):
    page = new_page(width)
    tiles = stub_tiles(page)
    page.goto(idea_address(workdir, "Planter des arbres à grand développement côté mairie"))
    facts = page.locator(".facts")
    assert "Place du Marché, côté mairie" in facts.inner_text()
    page.wait_for_load_state("networkidle")
    assert not leaflet_loaded(page) and tiles == []
    place_map = page.locator(".ideas-map--place")
    place_map.get_by_role("button", name="Afficher le lieu sur une carte").click()
    place_map.locator(".leaflet-tile-loaded").first.wait_for()
    assert place_map.locator(".tour-pin").count() == 1
    place_map.locator(".tour-pin").click()
    expect(place_map.locator(".leaflet-popup-content")).to_contain_text("côté mairie")
    page.wait_for_timeout(400)  # the popup fades in
    screenshot(page, f"idea-map-{width}")
    assert_accessible(page)
    if width == "desktop":
        assert_valid_html(("idea with its map", page.request.get(page.url).text()))
