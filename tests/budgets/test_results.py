"""Results and winners against hand-computed fixtures."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.budgets import services
from portal.budgets.errors import BudgetError
from portal.budgets.models import BudgetProject, ProjectStatus, VotingMethod
from tests.factories import ParticipantFactory

from .factories import EnvelopeFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def vote(envelope, count, choices):
    for _ in range(count):
        services.cast_ballot(envelope=envelope, participant=ParticipantFactory(), choices=choices)


def test_winners_skip_a_project_that_no_longer_fits_and_break_ties_by_cost(consultation_page):
    """A 100,000 € envelope (N = 3 choices, so that a ballot may cost more than it):

    | project  | cost   | votes | remaining before | outcome                          |
    |----------|--------|-------|------------------|----------------------------------|
    | school   | 50,000 | 5     | 100,000          | wins (50,000 left)               |
    | pool     | 60,000 | 4     | 50,000           | skipped: no longer fits          |
    | benches  | 20,000 | 3     | 50,000           | wins, tie with trees but cheaper |
    | trees    | 25,000 | 3     | 30,000           | wins (5,000 left)                |
    | kiosk    | 10,000 | 2     | 5,000            | skipped                          |
    | fountain | 5,000  | 1     | 5,000            | wins (0 left)                    |
    | mural    | 1,000  | 0     | 0                | no vote, no win                  |
    """
    envelope = EnvelopeFactory(
        consultation=consultation_page, amount=100_000, method=VotingMethod.CHOICES, max_choices=3
    )
    costs = {
        "school": 50_000,
        "pool": 60_000,
        "trees": 25_000,  # created before benches: the cost decides the tie, not the date
        "benches": 20_000,
        "kiosk": 10_000,
        "fountain": 5_000,
        "mural": 1_000,
    }
    p = {
        name: ProjectFactory(envelope=envelope, title=name, cost=cost)
        for name, cost in costs.items()
    }
    vote(envelope, 2, [p["school"], p["pool"], p["trees"]])
    vote(envelope, 2, [p["school"], p["pool"], p["benches"]])
    vote(envelope, 1, [p["school"], p["kiosk"], p["fountain"]])
    vote(envelope, 1, [p["trees"], p["benches"], p["kiosk"]])
    counted = services.results(envelope)
    assert [(r.project.title, r.votes) for r in counted.projects] == [
        ("school", 5),
        ("pool", 4),
        ("benches", 3),
        ("trees", 3),
        ("kiosk", 2),
        ("fountain", 1),
        ("mural", 0),
    ]
    assert [project.title for project in services.winners(envelope)] == [
        "school",
        "benches",
        "trees",
        "fountain",
    ]


def test_a_tie_at_the_same_cost_goes_to_the_earlier_project(envelope):
    first, second = ProjectFactory.create_batch(2, envelope=envelope, cost=60_000)
    vote(envelope, 1, [second])
    vote(envelope, 1, [first])
    assert services.winners(envelope) == [first]


def test_points_are_summed(consultation_page):
    envelope = EnvelopeFactory(
        consultation=consultation_page, method=VotingMethod.POINTS, points=10
    )
    square, trees = ProjectFactory.create_batch(2, envelope=envelope)
    vote(envelope, 2, {square: 7, trees: 3})
    vote(envelope, 1, {trees: 10})
    counted = services.results(envelope)
    assert [(r.project, r.votes, r.ballots) for r in counted.projects] == [
        (trees, 16, 3),
        (square, 14, 2),
    ]


def test_results_cost_the_same_queries_whatever_the_number_of_ballots(envelope, districts):
    projects = ProjectFactory.create_batch(4, envelope=envelope, cost=1_000)
    services.cast_ballot(
        envelope=envelope,
        participant=ParticipantFactory(),
        choices=projects[:1],
        district=districts[0],
    )
    with CaptureQueriesContext(connection) as few:
        services.results(envelope)
    for index, district in enumerate(districts * 5):
        services.cast_ballot(
            envelope=envelope,
            participant=ParticipantFactory(),
            choices=projects[: index % 4 + 1],
            district=district,
        )
    with CaptureQueriesContext(connection) as many:
        counted = services.results(envelope)
    assert len(many) == len(few) == 4
    assert counted.ballots == 11


def test_results_are_declared_once_the_last_paper_ballots_are_in(envelope, officer):
    cheap, dear, unloved = (
        ProjectFactory(envelope=envelope, cost=cost) for cost in (30_000, 80_000, 10_000)
    )
    vote(envelope, 2, [dear])
    vote(envelope, 1, [cheap])
    with pytest.raises(BudgetError, match="once the last paper ballots are in"):
        services.declare_results(
            envelope=envelope, user=officer, now=envelope.closes_at + timedelta(hours=23)
        )
    after = envelope.closes_at + timedelta(days=1)
    assert services.declare_results(envelope=envelope, user=officer, now=after) == [dear]
    statuses = {p.title: p.status for p in BudgetProject.objects.filter(envelope=envelope)}
    assert statuses == {
        dear.title: ProjectStatus.WINNER,
        cheap.title: ProjectStatus.NOT_SELECTED,  # 30,000 € no longer fit in 20,000 €
        unloved.title: ProjectStatus.NOT_SELECTED,
    }
    assert dear.steps.get().to_status == ProjectStatus.WINNER
    assert services.declare_results(envelope=envelope, user=officer, now=after) == []
    # Winners stay counted in the results once declared.
    assert [r.project for r in services.results(envelope).projects][:1] == [dear]
