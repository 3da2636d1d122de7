"""A resident reads a consultation's results and takes the printed report home."""

import re
import subprocess

import pytest
from playwright.sync_api import expect

from tests.server import EDITOR_LOGIN

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


def test_an_editor_s_survey_results_block_offers_only_the_chosen_survey_s_questions(new_page):
    """In the page editor, a new "Résultats d’une enquête" block lists the questions of the
    survey chosen beside them, and no other survey's (the server refuses those too)."""
    page = new_page("desktop")
    page.goto("/admin/login/")
    page.locator("#id_username").fill(EDITOR_LOGIN[0])
    page.locator("#id_password").fill(EDITOR_LOGIN[1])
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url("**/admin/")
    page.goto("/admin/pages/search/?q=entendu")
    page.get_by_role("link", name="Ce que nous avons entendu, ce que nous décidons").first.click()
    page.wait_for_url("**/edit/")
    blocks_before = page.locator("input[name$='-survey']").count()
    page.locator("button.c-sf-add-button").last.click()
    page.get_by_role("option", name="Résultats d’une enquête").click()
    survey = page.locator("input[name$='-survey']").nth(blocks_before)
    expect(survey).to_have_value("")
    name = survey.get_attribute("name").removesuffix("-survey")
    questions = page.locator(f"input[name='{name}-questions']")
    offered = page.locator(f"label:has(input[name='{name}-questions']:not([disabled]))")
    expect(offered).to_have_count(questions.count())  # every survey's, before a choice
    survey.locator("xpath=..").get_by_role("button", name="Choisir questionnaire").click()
    page.locator(".modal-dialog").get_by_role(
        "link", name="Comment vivez-vous la place du Marché ?"
    ).click()
    expect(survey).not_to_have_value("")
    expect(offered.first).to_be_visible()
    shown = [text.strip() for text in offered.all_inner_texts()]
    assert shown and all(
        text.startswith("Comment vivez-vous la place du Marché ?") for text in shown
    )
    hidden = page.locator(f"label:has(input[name='{name}-questions'][disabled])")
    assert hidden.count() == questions.count() - len(shown) > 0
    for index in range(hidden.count()):
        expect(hidden.nth(index)).to_be_hidden()
    offered.first.scroll_into_view_if_needed()
    screenshot(page, "survey-results-block-editor")
