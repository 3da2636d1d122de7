"""Participatory budgets in the admin, end to end, on the demo's "Budget participatif 2027":
an officer types in a paper ballot (over the number of choices first, then a good one) and
sees it counted in the vote's dashboard; the feasibility queue and a project's review.

Like the other admin screens of the suite, these are looked at in screenshots at both widths
(Wagtail's own markup is not ours to check with axe-core); none may scroll sideways.
"""

import re

import pytest

from .conftest import WIDTHS, screenshot
from .test_ideas import log_in_as_moderator

ENVELOPES = "/admin/snippets/budgets/envelope/"
PROJECTS = "/admin/snippets/budgets/budgetproject/"
DISTRICT_ENVELOPE = "Quartier des Tilleuls"  # two favourite projects, in the demo's 2027 budget


def vote_links(page, envelope=DISTRICT_ENVELOPE):
    """The envelope's dashboard and paper ballot form, from the envelope list (the 2027
    budget's: 2026 had a "Toute la ville" too)."""
    page.goto(ENVELOPES)
    row = page.locator("tbody tr", has_text=envelope).filter(has_text="Budget participatif 2027")
    dashboard = row.get_by_role("link", name="Tableau de bord du vote").get_attribute("href")
    ballots = row.get_by_role("link", name="Saisir des bulletins papier").get_attribute("href")
    return dashboard, ballots


def counted(page):
    """The dashboard's ballots: in all, and on paper."""
    total = int(page.locator(".budget-admin__summary strong").inner_text().split()[0])
    channels = page.locator("table.budget-bars", has_text="Bulletins par canal").inner_text()
    return total, int(re.search(r"Sur papier\s+(\d+)", channels).group(1))


def test_an_officer_enters_a_paper_ballot_and_sees_it_counted(new_page, server):
    officer = new_page("desktop")
    log_in_as_moderator(officer)
    dashboard, ballots = vote_links(officer)
    screenshot(officer, "budget-envelopes-admin")
    officer.goto(dashboard)
    total, on_paper = counted(officer)

    officer.goto(ballots)
    officer.get_by_label("Lieu de collecte").fill("Fête de quartier des Tilleuls")
    officer.get_by_label("Quartier de la personne qui vote").select_option(label="Les Tilleuls")
    for title in ("Un jardin partagé", "Des jeux d’eau", "Des tables de pique-nique"):
        officer.get_by_label(re.compile(title)).check()
    officer.get_by_role("button", name="Saisir ce bulletin").click()
    officer.wait_for_load_state("load")
    summary = officer.locator(".budget-error-summary").inner_text()
    assert "Vous pouvez choisir jusqu’à 2 projets ; vous en avez choisi 3." in summary
    assert officer.get_by_label(re.compile("Des jeux d’eau")).is_checked()
    assert officer.get_by_label("Lieu de collecte").input_value() == "Fête de quartier des Tilleuls"
    screenshot(officer, "budget-paper-ballot-error-admin")

    officer.get_by_label(re.compile("Des tables de pique-nique")).uncheck()
    officer.get_by_role("button", name="Saisir ce bulletin").click()
    officer.wait_for_load_state("load")
    assert re.search(r"Bulletin n° \d+ saisi", officer.locator(".messages").inner_text())
    assert officer.get_by_label("Lieu de collecte").input_value() == "Fête de quartier des Tilleuls"
    district = officer.get_by_label("Quartier de la personne qui vote")
    assert district.locator("option:checked").inner_text() == "Les Tilleuls"
    assert not officer.get_by_label(re.compile("Un jardin partagé")).is_checked()
    screenshot(officer, "budget-paper-ballot-entered-admin")

    officer.goto(dashboard)
    assert counted(officer) == (total + 1, on_paper + 1)
    screenshot(officer, "budget-dashboard-admin")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_budget_screens_at_each_width(new_page, server, width):
    officer = new_page(width)
    log_in_as_moderator(officer)
    dashboard, ballots = vote_links(officer, "Toute la ville")
    screens = (("dashboard", dashboard), ("paper-ballot", ballots), ("queue", PROJECTS))
    for name, url in screens:
        officer.goto(url)
        assert officer.locator("main").is_visible()
        scrolled = officer.evaluate("document.documentElement.scrollWidth")
        assert scrolled <= WIDTHS[width] + 1, (name, scrolled)
        screenshot(officer, f"budget-{name}-admin-{width}")
    officer.get_by_role("link", name="Un marché de producteurs le soir en été").click()
    officer.wait_for_load_state("load")
    assert "Lancer l’étude de faisabilité" in officer.locator("main").inner_text()
    screenshot(officer, f"budget-review-admin-{width}")
