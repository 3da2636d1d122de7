"""The authority's identity on the demo: the home hero, the event page's header, the tour's
numbered map, the results' tables behind their charts, plain zeros, and no page wider than a
320 px screen."""

import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest

from .checks import assert_accessible, assert_valid_html
from .conftest import screenshot
from .test_csp import tile

EVENT = "/fr/agenda/atelier-dessinons-la-place-du-marche/"
TOUR = "/fr/agenda/agora-itinerante/"
RESTITUTION = "/fr/concertations/parc-des-tilleuls/restitution/"
# Pages that are not in the sitemap: views, a filtered listing, an idea's own page.
VIEWS = [
    "/fr/recherche/?q=parc",
    "/fr/concertations/?status=open",
    "/fr/agenda/archives/",
    "/fr/agenda-associatif/proposer/",
]
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_the_home_hero_carries_the_identity_and_leads_to_open_consultations(new_page, width):
    page = new_page(width)
    page.goto("/fr/")
    logo = page.locator(".site-brand__logo")
    assert logo.evaluate("img => img.complete && img.naturalWidth > 0")
    hero = page.locator(".hero")
    assert hero.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(29, 91, 121)"
    assert page.locator(".hero__image").evaluate("img => img.naturalWidth") > 0
    screenshot(page, f"identity-home-{width}")
    assert_accessible(page)
    hero.get_by_role("link", name="Je participe").click()
    page.wait_for_url(re.compile(r"/fr/concertations/\?status=open$"))
    badges = page.locator(".card--consultation .badge").all_inner_texts()
    assert badges and set(badges) == {"Ouverte"}
    people = page.locator(".card--consultation .card__people").first.inner_text()
    assert re.fullmatch(r"\d+ participants?", people.strip())
    assert page.locator(".card__deadline").count() == len(badges)


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_the_event_page_says_when_and_where_under_its_title(new_page, width):
    page = new_page(width)
    page.goto(EVENT)
    title = page.locator("h1").bounding_box()
    facts = page.locator(".event-when-where")
    assert page.locator("h1 + .event-when-where").count() == 1
    box = facts.bounding_box()
    assert 0 <= box["y"] - (title["y"] + title["height"]) < 40
    items = facts.locator("li").all_inner_texts()
    assert re.search(r"\d{1,2} \w+ \d{4}, de \d{1,2}:\d\d à \d{1,2}:\d\d", items[0])
    assert "Maison des associations" in items[1]
    # The image beside them on a wide screen, below them on a phone; the practical boxes
    # after the header, across the whole width: no empty column.
    text = page.locator(".event-header__text").bounding_box()
    image = page.locator(".event-header__image").bounding_box()
    if width == "desktop":
        assert image["x"] >= text["x"] + text["width"]
    else:
        assert image["y"] >= text["y"] + text["height"]
    header = page.locator(".event-header").bounding_box()
    boxes = page.locator(".event-layout__boxes").bounding_box()
    content_width = page.locator(".event-layout").evaluate(
        "el => { const s = getComputedStyle(el);"
        " return el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight); }"
    )
    assert boxes["y"] >= header["y"] + header["height"]
    assert boxes["width"] >= content_width - 1
    columns = {
        round(box.bounding_box()["x"]) for box in page.locator(".event-layout__boxes > *").all()
    }
    assert len(columns) == (3 if width == "desktop" else 1)
    screenshot(page, f"identity-event-{width}")
    assert_accessible(page)


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_the_tour_map_numbers_its_pins_as_the_list_and_marks_the_next_stop(new_page, width):
    page = new_page(width)
    page.context.route(re.compile(r"^https://[^/]*tile\.openstreetmap\.org/"), tile)
    page.goto(TOUR)
    numbers = page.locator(".stops .stop__number").all_inner_texts()
    next_number = page.locator(".stop--next .stop__number").inner_text()
    assert page.locator(".stop--next").get_attribute("aria-current") == "step"
    page.get_by_role("button", name="Afficher la carte des étapes").click()
    pins = page.locator(".tour-pin")
    pins.first.wait_for()
    assert pins.all_inner_texts() == numbers
    assert page.locator(".tour-pin--next").all_inner_texts() == [next_number]
    label = page.locator(".tour-pin--next").get_attribute("title")
    assert label.startswith(f"{next_number}. ") and label.endswith("(Prochaine étape)")
    assert page.locator(".tour-pin--past").count() == int(next_number) - 1
    screenshot(page, f"identity-tour-map-{width}")
    assert_accessible(page)


def test_without_javascript_the_tour_is_its_list(new_page):
    page = new_page("phone", javascript=False)
    page.goto(TOUR)
    assert not page.locator(".tour__map").is_visible()
    assert page.locator(".stop--next .badge").inner_text() == "Prochaine étape"
    assert page.locator(".stops > li").count() == 5


@pytest.mark.parametrize("javascript", [True, False])
def test_each_chart_has_its_table_behind_a_toggle(new_page, javascript):
    page = new_page("phone", javascript=javascript)
    page.goto(RESTITUTION)
    charts = page.locator(".bar-chart")
    toggles = page.locator(".bar-chart + details.chart-table")
    assert charts.count() >= 2 and toggles.count() == charts.count()
    first = toggles.first
    table = first.locator("table")
    assert not table.is_visible()
    first.locator("summary").click()
    assert table.is_visible()
    assert first.locator("summary").inner_text() == "Afficher le tableau"
    if javascript:
        screenshot(page, "identity-restitution-table-phone")
        assert_accessible(page)


def test_body_text_gets_the_plain_zero(new_page):
    page = new_page()
    page.goto(EVENT)
    page.evaluate("document.fonts.ready")
    loaded = page.evaluate(
        """() => Array.from(document.fonts)
            .filter(face => face.unicodeRange === 'U+30' && face.status === 'loaded')
            .map(face => face.weight)"""
    )
    assert "400" in loaded


def every_page(page, server):
    """The sitemap's pages (every page type of the demo), an idea's page and the views."""
    sitemap = page.request.get(server + "/sitemap.xml").text()
    urls = [urlsplit(loc.text).path for loc in ET.fromstring(sitemap).iter(f"{SITEMAP}loc")]
    page.goto("/fr/concertations/reamenagement-place-du-marche/")
    idea = page.locator(".idea-card__title a").first.get_attribute("href")
    return [*urls, idea, *VIEWS]


def test_no_page_is_wider_than_a_320_pixel_screen(new_page, server):
    page = new_page(320)
    wider = {}
    templates = set()
    for url in every_page(page, server):
        assert page.goto(url).status == 200, url
        templates.add(page.evaluate("document.body.className"))
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            wider[url] = width
    assert not wider, f"Pages wider than 320 px: {wider}"
    assert len(templates) >= 8, templates  # the sitemap did hold every page type


def test_the_pages_changed_here_serve_valid_html(new_page, server):
    page = new_page()
    urls = ["/fr/", "/fr/concertations/", EVENT, TOUR, RESTITUTION]
    assert_valid_html(*[(url, page.request.get(server + url).text()) for url in urls])
