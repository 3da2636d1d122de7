"""A resident reads the results of a participatory budget's vote on its restitution, on a phone
and on a computer."""

import pytest

from tests.server import demo_server

from .checks import assert_accessible, assert_valid_html
from .conftest import screenshot

CONSULTATION = "/fr/concertations/budget-participatif-essai/"
RESTITUTION = CONSULTATION + "resultats/"

# Until the demo town has its own participatory budget: a closed vote with two envelopes (a
# basket for the town, points for a district), ballots online, on paper and in person, and a
# restitution holding the results block.
BUDGET_RESTITUTION = """
from datetime import timedelta
from django.utils import timezone
from portal.budgets import services
from portal.budgets.models import BallotChannel, BudgetProject, Envelope, ProjectStatus
from portal.pages.models import ConsultationIndexPage, ConsultationPage, District, Phase
from portal.pages.models import RestitutionPage
from portal.participation.models import Participant

now = timezone.now()
index = ConsultationIndexPage.objects.get(locale__language_code="fr")
page = ConsultationPage(
    title="Budget participatif (essai)",
    slug="budget-participatif-essai",
    contribution_use="<p>Les projets lauréats seront réalisés.</p>",
)
page.phases = [Phase(title="Vote", start=(now - timedelta(days=40)).date(),
                     end=(now - timedelta(days=10)).date(), sort_order=1)]
index.add_child(instance=page)
page.save_revision().publish()
districts = list(District.objects.filter(locale=page.locale).order_by("name")[:3])
during = now - timedelta(days=20)
town = Envelope.objects.create(
    consultation=page, title="Enveloppe de la ville", amount=200_000,
    opens_at=now - timedelta(days=30), closes_at=now - timedelta(days=10),
)
district = Envelope.objects.create(
    consultation=page, title="Enveloppe du quartier", amount=50_000, method="points",
    points=10, district=districts[0],
    opens_at=now - timedelta(days=30), closes_at=now - timedelta(days=10),
)
titles = [
    ("Des arbres dans la cour de l’école Jules-Ferry", 60_000),
    ("Un skatepark au Port", 120_000),
    ("Rénover les bancs du parc des Tilleuls", 25_000),
    ("Des toilettes publiques accessibles à la gare", 90_000),
    ("Éclairer le chemin du lavoir", 30_000),
]
projects = [BudgetProject.objects.create(envelope=town, title=title, cost=cost,
                                         status=ProjectStatus.ON_BALLOT)
            for title, cost in titles]
garden, books = (BudgetProject.objects.create(envelope=district, title=title, cost=cost,
                                              status=ProjectStatus.ON_BALLOT)
                 for title, cost in (("Un jardin partagé", 20_000), ("Une boîte à livres", 2_000)))
def voter():
    return Participant.objects.create(email=f"votant{Participant.objects.count()}@example.org",
                                      confirmed_at=now)
for number in range(24):
    services.cast_ballot(envelope=town, participant=voter(),
                         choices=projects[number % 3: number % 3 + 2],
                         district=districts[number % len(districts)], now=during)
    services.cast_ballot(envelope=district, participant=voter(),
                         choices={garden: 7, books: 3} if number % 2 else {books: 10},
                         district=districts[0], now=during)
for channel in (BallotChannel.PAPER, BallotChannel.IN_PERSON):
    services.enter_paper_ballot(envelope=town, user=None, choices=projects[3:],
                                collected_at="Mairie", district=None, channel=channel, now=during)
restitution = RestitutionPage(title="Les résultats du vote", slug="resultats", body=[
    {"type": "paragraph", "value": "<p>Merci aux votants.</p>"},
    {"type": "budget_results",
     "value": {"heading": "Les résultats du vote", "envelopes": [], "show_districts": True}},
])
page.add_child(instance=restitution)
restitution.save_revision().publish()
"""


@pytest.fixture(scope="module")
def budget_server(server, workdir):
    """The demo's database with the budget above, served by a second gunicorn."""
    with demo_server(workdir, fresh=False, setup=[BUDGET_RESTITUTION]) as base_url:
        yield base_url


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_the_budget_results_are_readable_and_accessible(new_page, budget_server, width):
    page = new_page(width)
    assert page.goto(budget_server + RESTITUTION).status == 200
    block = page.locator(".block-budget")
    assert block.locator("h3").all_inner_texts()[0].startswith("Enveloppe de la ville")
    winners = block.locator(".block-budget__winners").first.locator("li").all_inner_texts()
    assert winners and all("€" in winner for winner in winners)
    assert block.locator("table.data-table").count() == 4  # projects and districts, twice
    screenshot(page, f"budget-results-{width}")
    assert_accessible(page)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the results scroll sideways by {overflow}px at {width}"


def test_the_budget_results_are_valid_html(new_page, budget_server):
    page = new_page()
    assert_valid_html(("budget-results", page.request.get(budget_server + RESTITUTION).text()))
