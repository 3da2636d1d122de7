"""A resident reads a consultation's results and takes the printed report home."""

import re
import subprocess

import pytest

from .checks import assert_accessible, assert_valid_html
from .conftest import screenshot

CONSULTATION = "/fr/concertations/parc-des-tilleuls/"
RESTITUTION = "/fr/concertations/parc-des-tilleuls/restitution/"
REPORT_LINK = "a[href*='/media/reports/'][download]"


def squeezed(value):
    return "".join(value.split()).casefold()


def test_resident_reads_the_figures_and_answers_then_downloads_the_report(new_page):
    page = new_page("phone")
    page.goto(CONSULTATION)
    page.locator(".callout--results a").click()
    page.wait_for_url(re.compile(re.escape(RESTITUTION) + "$"))
    participants, contributions, supports = page.locator(".block-figures__value").all_inner_texts()
    assert all(re.fullmatch(r"\d[\d\s]*", value) for value in (participants, contributions))
    answer = page.locator(".answer__text p:not(.answer__label)").first.inner_text()
    assert len(answer) > 20

    link = page.locator(REPORT_LINK)
    description = link.inner_text()
    assert "PDF" in description
    pages = int(re.search(r"(\d+) pages?", description)[1])
    with page.expect_download() as download:
        link.click()
    path = download.value.path()
    with open(path, "rb") as report:
        assert report.read(5) == b"%PDF-"
    text = squeezed(subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True).stdout)
    for expected in (f"{participants} participants", answer, "Nos décisions"):
        assert squeezed(expected) in text, expected
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    assert re.search(rf"^Pages:\s+{pages}$", info, re.MULTILINE)
    assert re.search(r"^Tagged:\s+yes$", info, re.MULTILINE)


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_the_restitution_with_its_report_link_is_accessible(new_page, width):
    page = new_page(width)
    assert page.goto(RESTITUTION).status == 200
    assert page.locator(REPORT_LINK).is_visible()
    screenshot(page, f"restitution-report-{width}")
    assert_accessible(page)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the restitution scrolls sideways by {overflow}px at {width}"


def test_the_restitution_with_its_report_link_is_valid_html(new_page, server):
    page = new_page()
    assert_valid_html(("restitution", page.request.get(server + RESTITUTION).text()))
