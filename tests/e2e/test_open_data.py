"""The open-data page: accessible at both widths, valid HTML, reachable from the footer; a
restitution links to its consultation's files."""

import json

import pytest

from .checks import assert_accessible, assert_valid_html
from .conftest import screenshot

OPEN_DATA = "/fr/donnees-ouvertes/"


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_the_open_data_page_is_accessible_at_both_widths(new_page, width):
    page = new_page(width)
    assert page.goto(OPEN_DATA).status == 200
    screenshot(page, f"open-data-{width}")
    assert_accessible(page)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the open-data page scrolls sideways by {overflow}px at {width}"


def test_the_open_data_page_serves_valid_html(new_page, server):
    page = new_page()
    assert_valid_html(("open-data", page.request.get(server + OPEN_DATA).text()))


def test_a_resident_finds_the_files_from_the_footer_and_a_restitution(new_page, server):
    page = new_page("phone", javascript=False)
    page.goto("/fr/")
    page.locator("footer").get_by_role("link", name="Données ouvertes").click()
    assert page.locator("h1").inner_text() == "Données ouvertes"
    page.goto("/fr/concertations/parc-des-tilleuls/restitution/")
    section = page.locator("section.open-data")
    link = section.get_by_role("link", name="Les idées et leurs réponses, JSON")
    data = json.loads(page.request.get(server + link.get_attribute("href")).text())
    assert data["licence"]["id"] == "etalab-2.0"
    assert data["consultation"]["title"]
    csv = page.request.get(
        server + section.get_by_role("link", name="Agenda, CSV").get_attribute("href")
    )
    assert csv.headers["content-type"] == "text/csv; charset=utf-8"
    assert csv.body().startswith("\ufeff".encode())
