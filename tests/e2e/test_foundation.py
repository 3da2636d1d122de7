"""The foundation as residents meet it: home, a standard page, search, in both widths."""

import re

import pytest

from .checks import assert_accessible, assert_valid_html
from .conftest import screenshot

PAGES = {
    "home": "/fr/",
    "standard": "/fr/comment-participer/",
    "legal": "/fr/declaration-accessibilite/",
    "search": "/fr/recherche/?q=participation",
    "search-ideas": "/fr/recherche/?q=fontaines",
    "search-empty": "/fr/recherche/?q=zzzz",
    "home-en": "/en/",
}


@pytest.mark.parametrize("width", ["desktop", "phone"])
@pytest.mark.parametrize("name", PAGES)
def test_pages_are_accessible_at_both_widths(new_page, name, width):
    page = new_page(width)
    response = page.goto(PAGES[name])
    assert response.status == 200
    screenshot(page, f"{name}-{width}")
    assert_accessible(page)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at {width}"


def test_served_html_is_valid(new_page, server):
    page = new_page()
    documents = [(name, page.request.get(server + url).text()) for name, url in PAGES.items()]
    assert_valid_html(*documents)


def test_keyboard_user_skips_to_the_content(new_page):
    page = new_page()
    page.goto("/fr/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-links a").first
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.bounding_box()["y"] >= 0  # visible once focused
    outline = skip.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline == "solid"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_resident_reads_and_searches_without_javascript(new_page):
    page = new_page("phone", javascript=False)
    page.goto("/fr/")
    assert page.locator(".main-menu__toggle").is_visible()  # the menu, folded
    page.fill("#search-field", "données personnelles")
    page.press("#search-field", "Enter")
    page.wait_for_url(re.compile(r"/fr/recherche/\?q="))
    assert page.locator("#search-page-field").input_value() == "données personnelles"
    page.locator(".search-result__title a", has_text="Données personnelles").click()
    assert page.locator("h1").inner_text() == "Données personnelles"


def test_search_finds_ideas_and_budget_projects(new_page):
    page = new_page("phone", javascript=False)
    page.goto("/fr/recherche/?q=fontaines")
    kinds = page.locator(".search-result__type").all_inner_texts()
    assert {"Idée", "Projet du budget participatif"} <= set(kinds)
    page.locator(".search-result--idea .search-result__title a").first.click()
    assert "/fr/participation/idees/" in page.url
    assert "fontaines" in page.locator("h1").inner_text().lower()


def test_phone_menu_opens_and_closes_with_javascript(new_page):
    page = new_page("phone")
    page.goto("/fr/")
    toggle = page.locator(".main-menu__toggle")
    assert toggle.is_visible()
    assert not page.locator(".main-menu__list").is_visible()
    toggle.click()
    assert page.locator(".main-menu__disclosure").get_attribute("open") is not None
    assert page.locator(".main-menu__list").is_visible()
    page.locator(".main-menu__list a", has_text="Comment participer").click()
    assert page.locator("h1").inner_text().startswith("Comment participer")


def test_language_switcher_leads_to_the_translated_page(new_page):
    page = new_page()
    page.goto("/fr/mentions-legales/")
    page.locator('.language-switcher a[hreflang="en"]').click()
    assert page.url.endswith("/en/legal-notice/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Legal notice"


def test_video_player_loads_only_after_the_visitor_asks(new_page):
    page = new_page()
    third_party = []
    page.route(
        re.compile(r"^https?://(?!127\.0\.0\.1)"),
        lambda route: (third_party.append(route.request.url), route.abort()),
    )
    page.goto("/fr/comment-participer/")
    page.wait_for_load_state("networkidle")
    assert third_party == []
    assert page.locator("iframe").count() == 0
    page.locator("[data-video-play]").click()
    iframe = page.locator("iframe.block-video__player")
    assert iframe.get_attribute("title")
    assert iframe.get_attribute("src").startswith("https://www.youtube-nocookie.com/embed/")


def test_layout_holds_at_200_percent_zoom(new_page):
    # 200 % zoom on a 1280 px screen lays the page out in 640 CSS pixels.
    for width in (640, 320):
        page = new_page(width)
        page.goto("/fr/comment-participer/")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"scrolls sideways by {overflow}px at {width}px"
