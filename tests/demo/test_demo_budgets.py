"""The demo's participatory budgets: 2027 with its vote open and projects at every step of the
feasibility study, 2026 closed with its results declared and a restitution."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from portal.budgets import services
from portal.budgets.models import (
    Ballot,
    BallotChannel,
    BudgetProject,
    Envelope,
    ProjectStatus,
    VotingMethod,
)
from portal.demo import budgets
from portal.demo.loader import DemoLoader
from portal.pages.models import ConsultationPage

PARIS = ZoneInfo("Europe/Paris")
STUDY_STATUSES = {
    ProjectStatus.PROPOSED,
    ProjectStatus.UNDER_STUDY,
    ProjectStatus.FEASIBLE,
    ProjectStatus.NOT_FEASIBLE,
    ProjectStatus.ON_BALLOT,
}


def envelope(slug, title):
    return Envelope.objects.get(consultation__slug=slug, title=title)


def snapshot():
    return (
        list(Envelope.objects.order_by("pk").values_list("pk", "method_locked_at")),
        list(BudgetProject.objects.order_by("pk").values_list("pk", "status", "cost")),
        Ballot.objects.count(),
        list(ConsultationPage.objects.order_by("pk").values_list("pk", "latest_revision_id")),
    )


def test_2027_vote_is_open_in_both_envelopes(demo):
    page = ConsultationPage.objects.get(slug=budgets.BUDGET_2027)
    assert page.current_phase().title == "Vote"
    town = envelope(budgets.BUDGET_2027, "Toute la ville")
    district = envelope(budgets.BUDGET_2027, "Quartier des Tilleuls")
    now = timezone.now()
    for open_envelope in (town, district):
        assert open_envelope.is_open(now) and open_envelope.method_locked_at is not None
        assert open_envelope.results_hidden_while_open
    assert (town.amount, town.method, town.district) == (600_000, VotingMethod.BASKET, None)
    assert (district.amount, district.method, district.max_choices) == (
        80_000,
        VotingMethod.CHOICES,
        2,
    )
    assert district.district.slug == "les-tilleuls"


def test_2027_has_projects_at_every_step_of_the_study(demo):
    town = envelope(budgets.BUDGET_2027, "Toute la ville")
    district = envelope(budgets.BUDGET_2027, "Quartier des Tilleuls")
    assert set(town.projects.values_list("status", flat=True)) == STUDY_STATUSES
    on_ballot = town.projects.filter(status=ProjectStatus.ON_BALLOT)
    costs = sorted(on_ballot.values_list("cost", flat=True))
    assert len(costs) == 8 and costs[0] == 15_000 and costs[-1] == 250_000
    assert sum(costs) > town.amount  # a basket has to choose
    assert district.projects.filter(status=ProjectStatus.ON_BALLOT).count() == 4
    studied = BudgetProject.objects.filter(envelope__in=[town, district]).exclude(
        status=ProjectStatus.PROPOSED
    )
    assert "" not in studied.values_list("department", flat=True)
    for project in studied.filter(status=ProjectStatus.NOT_FEASIBLE):
        assert project.public_reason
    skatepark = town.projects.get(title="Un skatepark sur les quais du Port")
    assert skatepark.credited_authors() == ["Inès K.", "Lucas D."]


def test_2027_ballots_online_on_paper_and_in_person_keep_the_rules(demo):
    town = envelope(budgets.BUDGET_2027, "Toute la ville")
    district = envelope(budgets.BUDGET_2027, "Quartier des Tilleuls")
    channels = set(Ballot.objects.filter(envelope=town).values_list("channel", flat=True))
    assert channels == set(BallotChannel.values)
    paper = Ballot.objects.filter(envelope=district, channel=BallotChannel.PAPER)
    assert set(paper.values_list("collected_at", flat=True)) == {"Mairie annexe des Tilleuls"}
    for ballot in Ballot.objects.filter(envelope=town).prefetch_related("choices__project"):
        assert sum(choice.project.cost for choice in ballot.choices.all()) <= town.amount
    for ballot in Ballot.objects.filter(envelope=district).prefetch_related("choices"):
        assert 1 <= len(ballot.choices.all()) <= 2
    # Some demo residents have not voted yet: a browser test can vote as one of them.
    assert Ballot.objects.filter(envelope=town, participant__isnull=False).count() < 12


def test_2026_results_are_declared_with_a_restitution(demo):
    page = ConsultationPage.objects.get(slug=budgets.BUDGET_2026)
    assert page.closes < timezone.localdate() and page.restitution.live
    closed = envelope(budgets.BUDGET_2026, "Toute la ville")
    assert closed.closes_at < timezone.now()
    counted = services.results(closed)
    assert counted.ballots == 72
    assert counted.ballots_by_channel == {"online": 12, "paper": 50, "in_person": 10}
    winners = services.winners(closed, counted)
    assert sum(project.cost for project in winners) == 405_000
    won = {ProjectStatus.WINNER, ProjectStatus.REALISED}
    assert {project.pk for project in winners} == set(
        closed.projects.filter(status__in=won).values_list("pk", flat=True)
    )
    # The kiosk came fourth but no longer fitted: the restitution says so.
    ranking = [result.project.title for result in counted.projects]
    assert ranking[3] == "Rénover le kiosque à musique du parc"
    assert closed.projects.get(title=ranking[3]).status == ProjectStatus.NOT_SELECTED
    assert closed.projects.filter(status=ProjectStatus.REALISED).count() == 1
    figures = next(
        block.value for block in page.restitution.specific.body if block.block_type == "key_figures"
    )
    assert [figure["value"] for figure in figures["figures"]] == ["72", "50", "5", "405 000 €"]


def test_2026_restitution_shows_the_results_frozen_after_the_vote(demo, client):
    restitution = ConsultationPage.objects.get(slug=budgets.BUDGET_2026).restitution.specific
    frozen = {row["title"]: row for row in restitution.results["budgets"]["envelopes"]}
    town = frozen["Toute la ville"]
    assert town["state"] == "final"
    assert town["ballots"] == 72 and town["used"] == 405_000
    assert town["by_channel"] == {"online": 12, "paper": 50, "in_person": 10}
    html = client.get(restitution.url).content.decode()
    assert "Les résultats du vote" in html
    assert "Rénover le kiosque à musique du parc" in html and "Non financé" in html


def test_2027_page_shows_the_idea_box_and_figures_read_from_the_data(demo, client):
    page = ConsultationPage.objects.get(slug=budgets.BUDGET_2027)
    types = [block.block_type for block in page.body]
    assert {"key_figures", "idea_list"} <= set(types) and "idea_form" not in types
    figures = next(block.value for block in page.body if block.block_type == "key_figures")
    assert [figure["value"] for figure in figures["figures"]] == ["680\xa0000 €", "12", "12"]
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "projets soumis au vote" in html and "12 idées" in html


def test_loading_again_changes_no_budget_data(demo):
    before = snapshot()
    assert DemoLoader(log=lambda message: None).run() == 0
    assert snapshot() == before


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2027, 3, 28, 1, tzinfo=PARIS),  # the night clocks go forward
        datetime(2028, 1, 1, 0, 30, tzinfo=PARIS),
    ],
)
def test_vote_open_and_results_declared_whatever_the_day_of_loading(db, moment):
    with time_machine.travel(moment, tick=False):
        DemoLoader(log=lambda message: None).run()
        assert envelope(budgets.BUDGET_2027, "Toute la ville").is_open(timezone.now())
        closed = envelope(budgets.BUDGET_2026, "Toute la ville")
        assert closed.projects.filter(status=ProjectStatus.WINNER).count() == 4
