"""Residents' journeys through consultations, the agenda, the tour and a restitution."""

import re

import pytest
from playwright.sync_api import expect

from .checks import assert_accessible, assert_valid_html
from .conftest import screenshot

PAGES = {
    "consultation-index": "/fr/concertations/",
    "consultation-index-filtered": "/fr/concertations/?status=zzz&theme=espaces-verts",
    "consultation": "/fr/concertations/reamenagement-place-du-marche/",
    "consultation-upcoming": "/fr/concertations/plan-velo/",
    "agenda": "/fr/agenda/",
    "agenda-archive": "/fr/agenda/archives/",
    "tour": "/fr/agenda/agora-itinerante/",
    "restitution": "/fr/concertations/parc-des-tilleuls/restitution/",
    "budget-vote-open": "/fr/concertations/budget-participatif-2027/",
    "budget-results": "/fr/concertations/budget-participatif-2026/resultats/",
}


def first_event_url(page):
    page.goto("/fr/agenda/")
    return page.locator(".event-card__title a").first.get_attribute("href")


@pytest.mark.parametrize("width", ["desktop", "phone"])
@pytest.mark.parametrize("name", PAGES)
def test_new_page_types_are_accessible_at_both_widths(new_page, name, width):
    page = new_page(width)
    assert page.goto(PAGES[name]).status == 200
    screenshot(page, f"{name}-{width}")
    assert_accessible(page)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at {width}"


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_event_page_is_accessible(new_page, width):
    page = new_page(width)
    page.goto(first_event_url(page))
    screenshot(page, f"event-{width}")
    assert_accessible(page)


def test_new_pages_serve_valid_html(new_page, server):
    page = new_page()
    urls = {**PAGES, "event": first_event_url(page)}
    assert_valid_html(
        *[(name, page.request.get(server + url).text()) for name, url in urls.items()]
    )


def test_resident_finds_the_open_consultation_from_home_and_sees_its_phase(new_page):
    page = new_page("phone")
    page.goto("/fr/")
    section = page.locator("section", has=page.locator("h2", has_text="Concertations ouvertes"))
    section.locator(".card__title a", has_text="Réaménagement de la place du Marché").click()
    assert page.locator("h1").inner_text() == "Réaménagement de la place du Marché"
    assert "fin de l’étape « Consultation »" in page.locator(".key-facts").inner_text()
    current = page.locator('.phase[aria-current="step"]')
    assert current.count() == 1
    assert "En cours" in current.inner_text()


def test_resident_filters_the_agenda_by_district_without_javascript(new_page):
    page = new_page(javascript=False)
    page.goto("/fr/agenda/")
    all_events = page.locator(".event-card").count()
    page.select_option("#id_district", label="Les Tilleuls")
    page.get_by_role("button", name="Appliquer les filtres").click()
    page.wait_for_url(re.compile(r"district=les-tilleuls"))
    filtered = page.locator(".event-card").count()
    assert 0 < filtered < all_events
    assert page.locator("#id_district").input_value() == "les-tilleuls"
    page.get_by_role("link", name="Effacer les filtres").click()
    expect(page.locator(".event-card")).to_have_count(all_events)


def test_resident_opens_the_tour_and_sees_its_next_stop(new_page):
    page = new_page()
    tiles = []
    page.route(re.compile(r"openstreetmap\.org"), lambda route: (tiles.append(1), route.abort()))
    page.goto("/fr/agenda/")
    page.locator(".event-card__title a", has_text="Agora").first.click()
    page.locator(".breadcrumbs a", has_text="L’Agora itinérante").click()
    next_stop = page.locator('.stop[aria-current="step"]')
    assert next_stop.count() == 1
    assert "Prochaine étape" in next_stop.inner_text()
    assert page.locator(".stop--past").count() >= 1
    # The map enhances the list, and asks before fetching tiles from OpenStreetMap.
    page.locator(".tour__map").wait_for(state="visible")  # revealed by the script
    page.wait_for_load_state("networkidle")
    assert page.locator(".leaflet-marker-icon").count() == 0 and tiles == []
    page.get_by_role("button", name="Afficher la carte des étapes").click()
    page.locator(".leaflet-marker-icon").nth(3).wait_for()  # four stops at least
    assert_accessible(page)


def test_tour_reads_as_a_list_without_javascript(new_page):
    page = new_page(javascript=False)
    page.goto("/fr/agenda/agora-itinerante/")
    assert not page.locator(".tour__map").is_visible()
    assert page.locator(".stops > li").count() >= 4


def test_resident_reaches_the_restitution_from_its_consultation(new_page):
    page = new_page("phone")
    page.goto("/fr/concertations/?status=results")
    page.locator(".card__title a").first.click()
    expect(page.locator(".badge", has_text="Résultats publiés").first).to_be_visible()
    page.get_by_role("link", name="Lire ce qui a été entendu et décidé").click()
    assert page.locator("h1").inner_text().startswith("Ce que nous avons entendu")
    assert page.locator(".block-decision").count() >= 3
    assert page.locator(".block-timeline__step").count() >= 3
