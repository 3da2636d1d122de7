"""Pages hold still while they load on a phone, and the main menu folds without a script.

The menu is a <details> closed in the HTML: folded on a phone from the first paint, opened by
a tap or the keyboard with or without JavaScript. Layout shifts are read from the browser's
own record (the entries the Cumulative Layout Shift metric adds up) while scripts and fonts
arrive late, as on a slow phone network: the page must not wait for them to settle.
"""

import re

import pytest

from .checks import assert_accessible
from .conftest import screenshot

PAGES = {
    "home": "/fr/",
    "standard": "/fr/comment-participer/",
    "consultation-index": "/fr/concertations/",
    "consultation": "/fr/concertations/reamenagement-place-du-marche/",
    "agenda": "/fr/agenda/",
    "tour": "/fr/agenda/agora-itinerante/",
    "restitution": "/fr/concertations/parc-des-tilleuls/restitution/",
    "search": "/fr/recherche/?q=participation",
}
LATE = 1500  # ms: scripts and fonts arrive well after the first paint

# Every layout shift recorded since the page began to load, but those right after an input
# (which the metric leaves out too); all are summed, which is never less than CLS.
LAYOUT_SHIFTS = """
() => new Promise(resolve => {
  const shifts = [];
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput) shifts.push(entry.value);
    }
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(shifts), 300);
})
"""


def late_scripts_and_fonts(page):
    """Scripts and fonts answer LATE ms after they are asked for."""

    def answer_late(route):
        page.wait_for_timeout(LATE)
        route.continue_()

    page.route(re.compile(r"\.(js|woff2)$"), answer_late)


def first_event_url(page):
    page.goto("/fr/agenda/")
    return page.locator(".event-card__title a").first.get_attribute("href")


@pytest.mark.parametrize("name", [*PAGES, "event"])
def test_pages_do_not_shift_while_loading_on_a_phone(new_page, name):
    page = new_page("phone")
    url = first_event_url(page) if name == "event" else PAGES[name]
    late_scripts_and_fonts(page)
    page.goto(url, wait_until="commit")
    page.wait_for_load_state("load")  # the late scripts and fonts have arrived
    page.wait_for_timeout(300)  # and done their work
    shifts = page.evaluate(LAYOUT_SHIFTS)
    assert sum(shifts) < 0.1, f"{name} shifts by {sum(shifts):.3f} while loading: {shifts}"


def test_phone_menu_is_folded_without_javascript_and_opens(new_page):
    page = new_page("phone", javascript=False)
    page.goto("/fr/")
    toggle = page.locator(".main-menu__toggle")
    menu = page.locator(".main-menu__list")
    assert toggle.is_visible()
    assert not menu.is_visible()
    folded_height = page.locator(".site-header").bounding_box()["height"]
    toggle.focus()
    page.keyboard.press("Enter")
    assert menu.is_visible()
    assert page.locator(".main-menu__disclosure").get_attribute("open") is not None
    screenshot(page, "menu-open-phone-no-js")
    for _link in range(4):  # Accueil, La participation…, Comment participer ?, Concertations
        page.keyboard.press("Tab")
    assert page.locator(":focus").inner_text() == "Concertations"
    page.keyboard.press("Enter")
    page.wait_for_url("**/fr/concertations/")
    # With JavaScript the header is as tall as without: nothing waits for the script.
    scripted = new_page("phone")
    scripted.goto("/fr/")
    assert scripted.locator(".site-header").bounding_box()["height"] == folded_height


def test_phone_menu_opens_and_closes_by_keyboard(new_page):
    page = new_page("phone")
    page.goto("/fr/")
    toggle = page.locator(".main-menu__toggle")
    menu = page.locator(".main-menu__list")
    assert not menu.is_visible()
    toggle.focus()
    page.keyboard.press("Enter")
    assert menu.is_visible()
    assert_accessible(page)
    page.keyboard.press("Tab")
    assert page.locator(":focus").inner_text() == "Accueil"
    page.keyboard.press("Escape")  # closes, and focus goes back to "Menu"
    assert not menu.is_visible()
    assert toggle.evaluate("el => el === document.activeElement")
    page.keyboard.press(" ")
    assert menu.is_visible()
    page.keyboard.press("Enter")
    assert not menu.is_visible()


@pytest.mark.parametrize("javascript", [True, False])
def test_wide_screen_shows_the_menu_without_menu_button(new_page, javascript):
    page = new_page("desktop", javascript=javascript)
    page.goto("/fr/")
    assert not page.locator(".main-menu__toggle").is_visible()
    first = page.locator(".main-menu__list a").first
    assert first.is_visible()
    page.locator(".site-search__button").focus()
    page.keyboard.press("Tab")  # from the search, the next stop is the menu's first link
    assert page.locator(":focus").inner_text() == "Accueil"
    if javascript:  # styles are read by a script
        assert first.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"


def test_video_play_button_is_there_before_the_script_and_only_where_scripts_run(new_page):
    page = new_page("phone")
    late_scripts_and_fonts(page)
    page.goto(PAGES["standard"], wait_until="commit")
    page.wait_for_selector(".block-video__consent")
    assert page.locator("[data-video-play]").is_visible()  # portal.js has not arrived
    no_script = new_page("phone", javascript=False)
    no_script.goto(PAGES["standard"])
    assert not no_script.locator("[data-video-play]").is_visible()
    assert no_script.locator(".block-video__actions a").is_visible()  # the video's own page
