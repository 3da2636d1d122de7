"""The budget results block of a restitution: figures right against a hand-counted vote,
frozen at publication, never a live count while results are hidden."""

from datetime import date, timedelta

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.budgets import services
from portal.budgets.models import BallotChannel
from portal.pages.models import RestitutionPage
from tests import factories
from tests.factories import ParticipantFactory, paris

from .factories import EnvelopeFactory, ProjectFactory

OPENS = paris(date(2027, 3, 1), 9)
CLOSES = paris(date(2027, 4, 1))  # midnight: the vote ends with 31 March
DURING = paris(date(2027, 3, 15), 12)
PROVISIONAL = CLOSES + timedelta(hours=2)  # paper ballots may still come
FINAL = CLOSES + timedelta(days=2)


@pytest.fixture
def envelope(consultation_page):
    return EnvelopeFactory(
        consultation=consultation_page,
        title="Enveloppe de la ville",
        amount=100_000,
        opens_at=OPENS,
        closes_at=CLOSES,
    )


@pytest.fixture
def projects(envelope):
    return {
        name: ProjectFactory(envelope=envelope, title=title, cost=cost)
        for name, title, cost in (
            ("skatepark", "Un skatepark au Port", 60_000),
            ("trees", "Des arbres rue Haute", 30_000),
            ("benches", "Des bancs partout", 20_000),
            ("fountain", "Une fontaine", 15_000),
        )
    }


@pytest.fixture
def vote(envelope, projects, districts, officer):
    """Seven ballots, counted by hand:

    | ballots                | channel   | district    | choices             |
    |------------------------|-----------|-------------|---------------------|
    | 3                      | online    | Centre-ville | skatepark, trees   |
    | 2                      | online    | Les Hauts   | benches, trees      |
    | 1                      | paper     | Centre-ville | benches, fountain  |
    | 1                      | in person | not given   | skatepark           |

    Votes: trees 5, skatepark 4, benches 3, fountain 1. Winners: trees (30,000 €, 70,000 €
    left), skatepark (60,000 €, 10,000 € left); benches (20,000 €) and fountain (15,000 €) no
    longer fit. 90,000 € used.
    """
    p = projects
    centre, hauts = districts
    for count, choices, district in (
        (3, [p["skatepark"], p["trees"]], centre),
        (2, [p["benches"], p["trees"]], hauts),
    ):
        for _ in range(count):
            services.cast_ballot(
                envelope=envelope,
                participant=ParticipantFactory(),
                choices=choices,
                district=district,
                now=DURING,
            )
    services.enter_paper_ballot(
        envelope=envelope,
        user=officer,
        choices=[p["benches"], p["fountain"]],
        collected_at="Mairie annexe",
        district=centre,
        now=DURING,
    )
    services.enter_paper_ballot(
        envelope=envelope,
        user=officer,
        choices=[p["skatepark"]],
        collected_at="",
        district=None,
        channel=BallotChannel.IN_PERSON,
        now=DURING,
    )


BLOCK = {
    "type": "budget_results",
    "value": {"heading": "Le vote", "envelopes": [], "show_districts": True},
    "id": "vote",
}


def publish_restitution(consultation_page, at):
    with time_machine.travel(at, tick=False):
        return factories.restitution(consultation_page, body=[BLOCK])


def frozen(page):
    return RestitutionPage.objects.get(pk=page.pk).results["budgets"]["envelopes"][0]


def soup_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one("#vote")


def text_of(element):
    """The text as read: one space between words, French thin spaces as spaces."""
    return " ".join(element.get_text(" ", strip=True).replace("\xa0", " ").split())


@pytest.mark.django_db
def test_the_results_are_frozen_with_the_winners_and_the_figures(consultation_page, envelope, vote):
    page = publish_restitution(consultation_page, FINAL)
    data = frozen(page)
    assert data["state"] == "final"
    assert [(row["title"], row["votes"], row["winner"]) for row in data["projects"]] == [
        ("Des arbres rue Haute", 5, True),
        ("Un skatepark au Port", 4, True),
        ("Des bancs partout", 3, False),
        ("Une fontaine", 1, False),
    ]
    assert data["ballots"] == 7
    assert data["by_channel"] == {"online": 5, "paper": 1, "in_person": 1}
    assert data["by_district"] == [
        {"name": "Centre-ville", "ballots": 4},
        {"name": "Les Hauts", "ballots": 2},
        {"name": "", "ballots": 1},
    ]
    assert data["used"] == 90_000 and data["amount"] == 100_000


@pytest.mark.django_db
def test_the_block_shows_winners_every_project_and_the_rule_in_french(
    client, consultation_page, envelope, vote
):
    page = publish_restitution(consultation_page, FINAL)
    with time_machine.travel(FINAL, tick=False):
        block = soup_of(client, page)
    assert block.select_one("h2").get_text() == "Le vote"
    assert [li.select_one(".block-budget__project").get_text() for li in block.select("ol li")] == [
        "Des arbres rue Haute",
        "Un skatepark au Port",
    ]
    assert text_of(block.select_one("ol li")) == "Des arbres rue Haute 30 000 € · 5 voix"
    text = text_of(block)
    assert "Choisissez des projets dont le coût total ne dépasse pas 100 000 €." in text
    assert (
        "90 000 € de l’enveloppe de 100 000 € vont aux projets financés (10 000 € restants)."
        in text
    )
    assert "À égalité de voix, le projet le moins cher passe d’abord" in text  # the tie rule
    figures = [text_of(li) for li in block.select(".block-figures__item")]
    assert figures == ["7 bulletins", "5 En ligne", "1 Sur papier", "1 En personne, à la mairie"]
    charts = block.select("svg.bar-chart")
    assert len(charts) == 2
    for chart in charts:
        assert chart["role"] == "img"
        assert block.find(id=chart["aria-labelledby"]) is not None
        toggle = chart.find_next_sibling()  # the same figures, behind "Afficher le tableau"
        assert toggle.name == "details" and toggle.find("table", class_="data-table")
    rows = [
        [text_of(cell) for cell in row.select("th, td")]
        for row in charts[0].find_next_sibling("details").select("tbody tr")
    ]
    assert rows[0] == ["Des arbres rue Haute", "30 000 €", "5", "71 %", "Financé"]
    assert rows[2] == ["Des bancs partout", "20 000 €", "3", "43 %", "Non financé"]
    districts = charts[1].find_next_sibling("details").select("tbody tr")
    assert [row.th.get_text() for row in districts] == [
        "Centre-ville",
        "Les Hauts",
        "Quartier non indiqué",
    ]


@pytest.mark.django_db
def test_frozen_values_do_not_change_when_ballots_come_afterwards(
    client, consultation_page, envelope, projects, vote, officer
):
    page = publish_restitution(consultation_page, PROVISIONAL)
    assert frozen(page)["state"] == "provisional"
    # A paper ballot collected before closing is typed in the next morning.
    services.enter_paper_ballot(
        envelope=envelope,
        user=officer,
        choices=[projects["fountain"]],
        collected_at="Mairie",
        district=None,
        now=CLOSES + timedelta(hours=10),
    )
    with time_machine.travel(FINAL, tick=False):
        page = RestitutionPage.objects.get(pk=page.pk)
        page.title = "Les résultats (corrigé)"
        page.save_revision().publish()
        assert frozen(page)["ballots"] == 7
        assert "Résultats provisoires : les bulletins papier" in text_of(soup_of(client, page))
        page = RestitutionPage.objects.get(pk=page.pk)
        page.refresh_results = True
        page.save_revision().publish()
    data = frozen(page)
    assert data["ballots"] == 8 and data["state"] == "final"
    assert data["by_channel"]["paper"] == 2


@pytest.mark.django_db
@pytest.mark.parametrize("moment", [OPENS - timedelta(days=1), DURING])
def test_a_restitution_frozen_before_closing_holds_no_count(
    client, settings, consultation_page, envelope, vote, moment
):
    settings.PAGE_CACHE_SECONDS = 0  # the page is read again at another moment below
    page = publish_restitution(consultation_page, moment)
    data = frozen(page)
    assert data["state"] in ("upcoming", "hidden")
    for figure in ("projects", "ballots", "by_channel", "by_district", "used"):
        assert figure not in data
    with time_machine.travel(moment, tick=False):
        block = soup_of(client, page)
    assert "Le vote est ouvert jusqu’au mercredi 31 mars 2027 à minuit" in text_of(block)
    assert not block.select("table, svg, ol")
    for title in ("Des arbres rue Haute", "Un skatepark au Port"):
        assert title not in str(block)
    # Once the vote has closed, the stale page says the results will be added.
    with time_machine.travel(FINAL, tick=False):
        assert "ses résultats seront ajoutés à cette page" in text_of(soup_of(client, page))


@pytest.mark.django_db
def test_a_draft_preview_hides_a_live_count_too(consultation_page, envelope, vote):
    with time_machine.travel(DURING, tick=False):
        page = RestitutionPage(title="Brouillon", slug="brouillon", body=[BLOCK])
        consultation_page.add_child(instance=page)
        data = page.participation_data()["budgets"]["envelopes"][0]
    assert data["state"] == "hidden" and "projects" not in data


@pytest.mark.django_db
def test_results_shown_while_open_when_the_editor_chose_so(
    client, consultation_page, envelope, vote
):
    envelope.results_hidden_while_open = False
    envelope.save()
    page = publish_restitution(consultation_page, DURING)
    assert frozen(page)["state"] == "open"
    with time_machine.travel(DURING, tick=False):
        block = soup_of(client, page)
    assert "Résultats provisoires au 15 mars 2027" in text_of(block)
    assert block.select_one("h4").get_text() == "Projets financés si le vote s’arrêtait maintenant"


@pytest.mark.django_db
def test_points_are_shown_as_points_with_their_share(client, consultation_page):
    envelope = EnvelopeFactory(
        consultation=consultation_page,
        method="points",
        points=10,
        opens_at=OPENS,
        closes_at=CLOSES,
    )
    square, trees = ProjectFactory.create_batch(2, envelope=envelope, cost=1_000)
    services.cast_ballot(
        envelope=envelope,
        participant=ParticipantFactory(),
        choices={square: 7, trees: 3},
        now=DURING,
    )
    page = publish_restitution(consultation_page, FINAL)
    block = soup_of(client, page)
    assert text_of(block.select_one("ol li")).endswith("7 points")
    table = block.select_one("table")
    assert table.select("thead th")[2].get_text() == "Points"
    assert [text_of(td) for td in table.select("tbody tr")[0].select("td")][1:3] == ["7", "70 %"]
    assert "Répartissez jusqu’à 10 points" in text_of(block)


@pytest.mark.django_db
def test_an_envelope_without_projects_or_ballots_and_a_restitution_without_budget(
    client, consultation_page, envelope
):
    page = publish_restitution(consultation_page, FINAL)
    block = soup_of(client, page)
    assert "Aucun projet n’a reçu de voix." in text_of(block)
    other = factories.consultation(consultation_page.get_parent(), "Autre", slug="autre")
    with time_machine.travel(FINAL, tick=False):
        empty = factories.restitution(other, body=[BLOCK])
    assert "Aucun résultat de budget participatif" in text_of(soup_of(client, empty))


@pytest.mark.django_db
def test_the_editor_may_show_one_envelope_only(client, consultation_page, envelope, vote):
    EnvelopeFactory(
        consultation=consultation_page,
        title="Enveloppe des Hauts",
        opens_at=OPENS,
        closes_at=CLOSES,
    )
    body = {**BLOCK, "value": {**BLOCK["value"], "envelopes": [str(envelope.pk)]}}
    with time_machine.travel(FINAL, tick=False):
        page = factories.restitution(consultation_page, body=[body])
    titles = [h3.get_text(strip=True) for h3 in soup_of(client, page).select("h3")]
    assert titles == ["Enveloppe de la ville"]


@pytest.mark.django_db
def test_rendering_costs_no_query_per_project(client, settings, consultation_page, envelope):
    settings.PAGE_CACHE_SECONDS = 0
    ProjectFactory(envelope=envelope)
    page = publish_restitution(consultation_page, FINAL)
    client.get(page.url)
    with CaptureQueriesContext(connection) as few:
        client.get(page.url)
    ProjectFactory.create_batch(20, envelope=envelope)
    with time_machine.travel(FINAL, tick=False):
        page.refresh_results = True
        page.save_revision().publish()
    with CaptureQueriesContext(connection) as many:
        response = client.get(page.url)
    assert response.content.decode().count("Non financé") == 21
    assert len(many) == len(few)


@pytest.mark.django_db
def test_the_editor_cannot_pick_another_consultation_envelope(
    admin_client, consultation_page, envelope
):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    other = factories.consultation(consultation_page.get_parent(), "Autre", slug="autre")
    foreign = EnvelopeFactory(consultation=other, title="Enveloppe d’ailleurs")

    def post(chosen):
        data = nested_form_data(
            {
                "title": "Les résultats",
                "slug": "resultats",
                "summary": "",
                "body": streamfield(
                    [("budget_results", {"heading": "Le vote", "show_districts": "on"})]
                ),
            }
        )
        data["body-0-value-envelopes"] = [str(pk) for pk in chosen]  # checkboxes: one key
        return admin_client.post(
            f"/admin/pages/add/pages/restitutionpage/{consultation_page.pk}/", data
        )

    response = post([envelope.pk, foreign.pk])
    assert response.status_code == 200
    error = response.context["form"].errors.as_data()["body"][0].block_errors[0]
    assert " ".join(error.block_errors["envelopes"].messages).startswith(
        "Choisissez seulement des enveloppes de cette concertation"
    )
    assert not RestitutionPage.objects.exists()
    assert post([envelope.pk]).status_code == 302
    assert RestitutionPage.objects.get().body[0].value["envelopes"] == [str(envelope.pk)]
