"""Budget projects as residents meet them in the demo town: the list of the 2027 budget with
its filters (by keyboard, with and without JavaScript), a project's page, and the 2026
winners' realisation on the restitution."""

import re

import pytest

from .checks import assert_accessible, assert_valid_html
from .conftest import screenshot

BUDGET_2027 = "/fr/concertations/budget-participatif-2027/"
RESULTS_2026 = "/fr/concertations/budget-participatif-2026/resultats/"
SCHOOL_YARD = "Végétaliser la cour de l’école Jean-Zay"


def euros(text):
    return int(re.sub(r"\D", "", text))


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_the_list_filters_by_keyboard_and_leads_to_a_project_page(new_page, width):
    page = new_page(width)
    page.goto(BUDGET_2027)
    listing = page.locator("section.project-list")
    assert "dans un ordre aléatoire" in listing.locator("[role=status]").inner_text()
    assert listing.locator(".card__title").count() == 6  # a first page
    screenshot(page, f"budget-projects-{width}")
    assert_accessible(page)

    # The filters are reached and used with the keyboard alone.
    listing.locator("h2").first.click()  # the keyboard goes on from the list's heading
    fields = listing.locator("form.filters select, form.filters input:not([type=hidden])")
    expected = [fields.nth(n).get_attribute("id") for n in range(fields.count())]
    reached = []
    for _ in range(len(expected) + 1):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.id"))
    assert reached[: len(expected)] == expected
    assert page.evaluate("document.activeElement.textContent") == "Appliquer les filtres"
    listing.get_by_label("Coût maximal (€)").focus()
    page.keyboard.type("30000")
    page.keyboard.press("Enter")  # submits the GET form
    page.wait_for_url(re.compile(r"projects-cost_max=30000"))
    costs = listing.locator(".project-card__cost").all_inner_texts()
    assert costs and all(euros(cost) <= 30_000 for cost in costs)
    # The random order stays while the visitor browses: its seed is in the address.
    assert "projects-seed=" in page.url
    order = listing.locator(".card__title").all_inner_texts()
    page.reload()
    assert listing.locator(".card__title").all_inner_texts() == order

    listing.locator(".card__link").first.click()
    page.wait_for_url(re.compile(r"/fr/budgets/projets/\d+/"))
    assert page.locator("h1").inner_text()
    assert page.locator(".breadcrumbs a").last.get_attribute("href") == BUDGET_2027
    screenshot(page, f"budget-project-page-{width}")
    assert_accessible(page)


def test_the_filters_work_without_javascript_and_the_pages_are_valid(new_page):
    page = new_page("phone", javascript=False)
    page.goto(BUDGET_2027)
    listing = page.locator("section.project-list")
    listing.get_by_label("État").select_option(label="Non faisable")
    listing.get_by_role("button", name="Appliquer les filtres").click()
    page.wait_for_load_state("load")
    badges = listing.locator(".card .badge").all_inner_texts()
    assert badges and set(badges) == {"Non faisable"}
    listing.locator(".card__link").first.click()
    page.wait_for_load_state("load")
    assert page.locator(".official-answer").inner_text().startswith("Pourquoi il n’est pas")
    screenshot(page, "budget-project-not-feasible-phone")
    assert_accessible(page)
    hostile = page.request.get(BUDGET_2027 + "?projects-cost_min=-5&projects-district=x")
    assert hostile.status == 200 and "a été ignoré" in hostile.text()
    assert_valid_html(
        ("budget page", page.request.get(BUDGET_2027).text()),
        ("filtered", page.request.get(BUDGET_2027 + "?projects-sort=cheapest").text()),
        ("not feasible project", page.request.get(page.url).text()),
    )


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_the_restitution_follows_the_winners_realisation(new_page, width):
    page = new_page(width)
    page.goto(RESULTS_2026)
    winners = page.locator("section.realisations")
    assert "Dernière étape" in winners.inner_text()
    screenshot(page, f"budget-realisations-{width}")
    assert_accessible(page)
    winners.get_by_role("link", name=SCHOOL_YARD).click()
    page.wait_for_load_state("load")
    stages = page.locator(".realisation li")
    assert stages.count() == 3
    assert stages.last.locator("img").get_attribute("alt").startswith("Des arbres")
    assert page.locator(".project-result").is_visible()  # the vote is closed: results public
    screenshot(page, f"budget-project-realised-{width}")
    assert_accessible(page)
    assert_valid_html(
        ("restitution", page.request.get(RESULTS_2026).text()),
        ("realised project", page.request.get(page.url).text()),
    )
