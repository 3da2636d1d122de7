"""Participatory budgets in the admin, end to end: an officer types in paper ballots (a rule
broken first, then a good one) and sees them counted in the vote's dashboard; the feasibility
queue and a project's review.

The demo town has no budget yet: `BUDGET` creates an envelope through the services in the
served database. Like the other admin screens of the suite, these are looked at in
screenshots (Wagtail's own markup is not ours to check with axe-core).
"""

import re

import pytest

from tests.server import demo_server

from .conftest import WIDTHS, screenshot
from .test_ideas import log_in_as_moderator

ENVELOPE = "Budget participatif 2027 (essai)"
ENVELOPES = "/admin/snippets/budgets/envelope/"
PROJECTS = "/admin/snippets/budgets/budgetproject/"

# A 100,000 € basket open since three days, with three projects on the ballot, one waiting
# for its study, and one paper ballot entered yesterday.
BUDGET = f"""
from datetime import timedelta
from django.contrib.auth.models import User
from django.utils import timezone
from portal.budgets import services
from portal.budgets.models import Envelope
from portal.pages.models import ConsultationPage

now = timezone.now()
officer = User.objects.get(username="administratrice")
consultation = ConsultationPage.objects.live().filter(locale__language_code="fr").first()
envelope = Envelope.objects.create(
    consultation=consultation, title={ENVELOPE!r}, amount=100_000,
    opens_at=now - timedelta(days=3), closes_at=now + timedelta(days=10),
)
projects = []
for title, cost in (("Jardin partagé", 60_000), ("Bancs à l’ombre", 30_000), ("Fontaine", 20_000)):
    project = services.create_project(envelope=envelope, user=officer, title=title)
    services.study_project(project=project, user=officer, department="Espaces verts")
    services.mark_feasible(project=project, user=officer, cost=cost)
    services.put_on_ballot(project=project, user=officer)
    projects.append(project)
services.create_project(
    envelope=envelope, user=officer, title="Une piste cyclable", summary="Le long du canal."
)
services.enter_paper_ballot(
    envelope=envelope, user=officer, choices=projects[1:], collected_at="Mairie annexe",
    district=None, now=now - timedelta(days=1),
)
"""


@pytest.fixture(scope="module")
def budget(server, workdir):
    """The envelope, written in the served database (a second server runs the setup)."""
    with demo_server(workdir, fresh=False, setup=[BUDGET], workers=1):
        pass
    return ENVELOPE


def vote_links(page):
    """The envelope's dashboard and paper ballot form, from the envelope list."""
    page.goto(ENVELOPES)
    row = page.locator("tbody tr", has_text=ENVELOPE)
    dashboard = row.get_by_role("link", name="Tableau de bord du vote").get_attribute("href")
    ballots = row.get_by_role("link", name="Saisir des bulletins papier").get_attribute("href")
    return dashboard, ballots


def test_an_officer_enters_a_paper_ballot_and_sees_it_counted(new_page, budget):
    officer = new_page("desktop")
    log_in_as_moderator(officer)
    dashboard, ballots = vote_links(officer)
    screenshot(officer, "budget-envelopes-admin")

    officer.goto(ballots)
    officer.get_by_label("Lieu de collecte").fill("Marché du samedi")
    for title in ("Jardin partagé", "Bancs à l’ombre", "Fontaine"):
        officer.get_by_label(re.compile(title)).check()
    officer.get_by_role("button", name="Saisir ce bulletin").click()
    officer.wait_for_load_state("load")
    summary = officer.locator(".budget-error-summary").inner_text()
    assert "Votre panier coûte 110" in summary and "retirez un projet" in summary
    assert officer.get_by_label(re.compile("Jardin partagé")).is_checked()
    assert officer.get_by_label("Lieu de collecte").input_value() == "Marché du samedi"
    screenshot(officer, "budget-paper-ballot-error-admin")

    officer.get_by_label(re.compile("Jardin partagé")).uncheck()
    officer.get_by_role("button", name="Saisir ce bulletin").click()
    officer.wait_for_load_state("load")
    assert re.search(r"Bulletin n° \d+ saisi", officer.locator(".messages").inner_text())
    assert officer.get_by_label("Lieu de collecte").input_value() == "Marché du samedi"
    assert not officer.get_by_label(re.compile("Fontaine")).is_checked()
    screenshot(officer, "budget-paper-ballot-entered-admin")

    officer.goto(dashboard)
    summary = officer.locator(".budget-admin__summary").inner_text()
    assert summary.startswith("2 bulletins")
    channels = officer.locator("table.budget-bars", has_text="Bulletins par canal").inner_text()
    assert re.search(r"Sur papier\s+2", channels)
    ranking = officer.locator(".budget-ranking tbody tr").all_inner_texts()
    assert ranking[0].split("\t")[1] in ("Bancs à l’ombre", "Fontaine")
    screenshot(officer, "budget-dashboard-admin")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_budget_screens_at_each_width(new_page, budget, width):
    officer = new_page(width)
    log_in_as_moderator(officer)
    dashboard, ballots = vote_links(officer)
    for name, url in (("dashboard", dashboard), ("paper-ballot", ballots), ("queue", PROJECTS)):
        officer.goto(url)
        assert officer.locator("main").is_visible()
        width_px = officer.evaluate("document.documentElement.scrollWidth")
        assert width_px <= WIDTHS[width] + 1, (name, width_px)
        screenshot(officer, f"budget-{name}-admin-{width}")
    officer.get_by_role("link", name="Une piste cyclable").click()
    officer.wait_for_load_state("load")
    assert "Lancer l’étude de faisabilité" in officer.locator("main").inner_text()
    screenshot(officer, f"budget-review-admin-{width}")
