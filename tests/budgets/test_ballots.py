"""The ballot's rules: what is refused says why and stores nothing; a ballot can be changed
until the vote closes; paper ballots count with the others, by district."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from portal.budgets import services
from portal.budgets.errors import InvalidBallot, MethodLocked, VotingClosed
from portal.budgets.models import (
    Ballot,
    BallotChannel,
    BallotChoice,
    Envelope,
    ProjectStatus,
    VotingMethod,
)
from tests.factories import ParticipantFactory

from .factories import EnvelopeFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def nothing_stored(envelope):
    return not Ballot.objects.filter(envelope=envelope).exists() and not (
        BallotChoice.objects.exists()
    )


def test_a_basket_over_the_amount_is_refused_saying_by_how_much(envelope):
    square = ProjectFactory(envelope=envelope, cost=60_000)
    trees = ProjectFactory(envelope=envelope, cost=45_000)
    with pytest.raises(InvalidBallot) as refused:
        services.cast_ballot(
            envelope=envelope, participant=ParticipantFactory(), choices={square, trees}
        )
    assert "5,000 €" in str(refused.value)  # 105,000 € for 100,000 €
    assert "105,000 €" in str(refused.value)
    assert nothing_stored(envelope)
    envelope.refresh_from_db()
    assert envelope.method_locked_at is None  # a refused ballot locks nothing


def test_a_basket_within_the_amount_is_stored(envelope):
    square = ProjectFactory(envelope=envelope, cost=60_000)
    trees = ProjectFactory(envelope=envelope, cost=40_000)
    ballot = services.cast_ballot(
        envelope=envelope, participant=ParticipantFactory(), choices=[square, trees]
    )
    assert {(c.project, c.points) for c in ballot.choices.all()} == {(square, 1), (trees, 1)}
    assert ballot.channel == BallotChannel.ONLINE


def test_more_choices_than_allowed_are_refused(consultation_page):
    envelope = EnvelopeFactory(
        consultation=consultation_page, method=VotingMethod.CHOICES, max_choices=2
    )
    projects = ProjectFactory.create_batch(3, envelope=envelope)
    with pytest.raises(InvalidBallot, match="up to 2 projects; you chose 3"):
        services.cast_ballot(envelope=envelope, participant=ParticipantFactory(), choices=projects)
    assert nothing_stored(envelope)
    # N choices may cost more than the envelope: the amount binds the winners, not the voter.
    expensive = ProjectFactory.create_batch(2, envelope=envelope, cost=90_000)
    ballot = services.cast_ballot(
        envelope=envelope, participant=ParticipantFactory(), choices=expensive
    )
    assert ballot.choices.count() == 2


def test_more_points_than_the_voter_has_are_refused(consultation_page):
    envelope = EnvelopeFactory(
        consultation=consultation_page, method=VotingMethod.POINTS, points=100
    )
    square, trees, bikes = ProjectFactory.create_batch(3, envelope=envelope)
    with pytest.raises(InvalidBallot, match="You spread 110 points, 10 more than the 100"):
        services.cast_ballot(
            envelope=envelope, participant=ParticipantFactory(), choices={square: 60, trees: 50}
        )
    assert nothing_stored(envelope)
    with pytest.raises(InvalidBallot, match="whole numbers"):
        services.cast_ballot(
            envelope=envelope, participant=ParticipantFactory(), choices={square: -5, trees: 50}
        )
    # Up to P: fewer points are fine, and a project given 0 points is not chosen.
    ballot = services.cast_ballot(
        envelope=envelope,
        participant=ParticipantFactory(),
        choices={square: 70, trees: 20, bikes: 0},
    )
    assert {(c.project, c.points) for c in ballot.choices.all()} == {(square, 70), (trees, 20)}


def test_an_empty_ballot_is_refused(envelope):
    ProjectFactory(envelope=envelope)
    with pytest.raises(InvalidBallot, match="Choose at least one project"):
        services.cast_ballot(envelope=envelope, participant=ParticipantFactory(), choices=[])
    assert nothing_stored(envelope)


def test_a_project_not_on_this_ballot_is_refused(envelope, consultation_page):
    studied = ProjectFactory(envelope=envelope, status=ProjectStatus.FEASIBLE, title="Un kiosque")
    elsewhere = ProjectFactory(envelope=EnvelopeFactory(consultation=consultation_page))
    with pytest.raises(InvalidBallot, match="“Un kiosque” is not on this ballot"):
        services.cast_ballot(envelope=envelope, participant=ParticipantFactory(), choices=[studied])
    with pytest.raises(InvalidBallot, match="One of the projects chosen is not on this ballot"):
        services.cast_ballot(
            envelope=envelope, participant=ParticipantFactory(), choices=[elsewhere]
        )
    assert nothing_stored(envelope)


def test_voting_again_replaces_the_ballot(envelope, districts):
    square, trees, bikes = ProjectFactory.create_batch(3, envelope=envelope)
    resident = ParticipantFactory()
    first = services.cast_ballot(envelope=envelope, participant=resident, choices=[square, trees])
    second = services.cast_ballot(
        envelope=envelope, participant=resident, choices=[bikes], district=districts[0]
    )
    assert second.pk == first.pk
    assert Ballot.objects.filter(envelope=envelope).count() == 1
    assert [c.project for c in second.choices.all()] == [bikes]
    assert Ballot.objects.get().district == districts[0]
    # A refused change keeps the ballot as it was.
    with pytest.raises(InvalidBallot):
        services.cast_ballot(envelope=envelope, participant=resident, choices=[])
    assert [c.project for c in first.choices.all()] == [bikes]


def test_only_a_unique_conflict_of_a_first_ballot_is_cast_again(envelope, monkeypatch):
    """Voting again costs a first try that meets the ballot there is; any other failure is
    said as it is, not taken for a register entry used by another."""
    from django.db import IntegrityError

    from portal.budgets.services import ballots

    project = ProjectFactory(envelope=envelope)
    resident = ParticipantFactory()
    services.cast_ballot(envelope=envelope, participant=resident, choices=[project])
    tries = []
    cast = ballots._cast
    monkeypatch.setattr(ballots, "_cast", lambda **kw: tries.append(kw["first"]) or cast(**kw))
    services.cast_ballot(envelope=envelope, participant=resident, choices=[project])
    assert tries == [True, False]

    def failing(ballot, checked):
        raise IntegrityError("a project deleted meanwhile")

    monkeypatch.setattr(ballots, "_write_choices", failing)
    tries.clear()
    with pytest.raises(IntegrityError, match="deleted meanwhile"):
        services.cast_ballot(envelope=envelope, participant=ParticipantFactory(), choices=[project])
    assert tries == [True]


def test_no_ballot_before_the_vote_opens_nor_after_it_closes(envelope):
    project = ProjectFactory(envelope=envelope)
    resident = ParticipantFactory()
    services.cast_ballot(envelope=envelope, participant=resident, choices=[project])
    with pytest.raises(VotingClosed, match="ballots are final"):
        services.cast_ballot(
            envelope=envelope, participant=resident, choices=[], now=envelope.closes_at
        )
    with pytest.raises(VotingClosed, match="Voting opens on"):
        services.cast_ballot(
            envelope=envelope,
            participant=ParticipantFactory(),
            choices=[project],
            now=envelope.opens_at - timedelta(seconds=1),
        )
    assert Ballot.objects.get().choices.get().project == project  # the final ballot


def test_paper_ballots_are_counted_by_district_with_online_ones(envelope, districts, officer):
    square, trees = ProjectFactory.create_batch(2, envelope=envelope)
    centre, hauts = districts
    for district, choices in ((centre, [square]), (centre, [square, trees]), (hauts, [trees])):
        services.enter_paper_ballot(
            envelope=envelope,
            user=officer,
            choices=choices,
            collected_at="Mairie annexe des Hauts",
            district=district,
        )
    services.enter_paper_ballot(
        envelope=envelope,
        user=officer,
        choices=[square],
        collected_at="",
        district=hauts,
        channel=BallotChannel.IN_PERSON,
    )
    services.cast_ballot(
        envelope=envelope, participant=ParticipantFactory(), choices=[square], district=centre
    )
    counted = services.results(envelope)
    assert counted.ballots == 5
    assert counted.ballots_by_channel == {"paper": 3, "in_person": 1, "online": 1}
    assert counted.ballots_by_district == {centre.pk: 3, hauts.pk: 2}
    assert counted.districts == {centre.pk: centre, hauts.pk: hauts}
    by_project = {result.project: result for result in counted.projects}
    assert by_project[square].votes == 4
    assert by_project[square].by_district == {centre.pk: 3, hauts.pk: 1}
    assert by_project[square].by_channel == {"paper": 2, "in_person": 1, "online": 1}
    assert by_project[trees].by_district == {centre.pk: 1, hauts.pk: 1}
    paper = Ballot.objects.filter(channel=BallotChannel.PAPER).first()
    assert paper.participant is None
    assert paper.entered_by == officer
    assert paper.collected_at == "Mairie annexe des Hauts"


def test_paper_ballots_are_taken_for_a_day_after_closing_in_person_votes_are_not(
    envelope, districts, officer
):
    project = ProjectFactory(envelope=envelope)
    paper = {"envelope": envelope, "user": officer, "choices": [project], "collected_at": "Mairie"}
    services.enter_paper_ballot(
        **paper, district=districts[0], now=envelope.closes_at + timedelta(hours=23)
    )
    with pytest.raises(VotingClosed, match="for a day afterwards"):
        services.enter_paper_ballot(
            **paper, district=districts[0], now=envelope.closes_at + timedelta(days=1)
        )
    with pytest.raises(VotingClosed, match="ballots are final"):
        services.enter_paper_ballot(
            **paper,
            district=districts[0],
            channel=BallotChannel.IN_PERSON,
            now=envelope.closes_at,
        )
    assert Ballot.objects.count() == 1


def test_the_first_ballot_locks_the_voting_rules(envelope):
    project = ProjectFactory(envelope=envelope)
    envelope.method = VotingMethod.CHOICES
    envelope.max_choices = 3
    envelope.full_clean()  # before any ballot, the editor may change the method
    envelope.save()
    services.cast_ballot(envelope=envelope, participant=ParticipantFactory(), choices=[project])
    envelope.refresh_from_db()
    assert envelope.method_locked_at is not None
    envelope.method = VotingMethod.BASKET
    envelope.amount = 200_000
    envelope.max_choices = 2
    with pytest.raises(ValidationError) as refused:
        envelope.full_clean()
    assert set(refused.value.message_dict) == {"method", "amount", "max_choices"}
    assert "the voting rules cannot change any more" in refused.value.message_dict["method"][0]
    envelope.refresh_from_db()
    envelope.title = "Enveloppe du centre"  # what does not change the vote still may
    envelope.full_clean()


def test_a_save_from_a_stale_envelope_neither_unlocks_nor_changes_the_rules(envelope):
    stale = Envelope.objects.get(pk=envelope.pk)  # as an editor's form read it, before voting
    project = ProjectFactory(envelope=envelope)
    services.cast_ballot(envelope=envelope, participant=ParticipantFactory(), choices=[project])
    stale.title = "Enveloppe du centre"
    stale.save()
    stale.refresh_from_db()
    assert stale.method_locked_at is not None
    stale.amount = 1_000_000
    with pytest.raises(MethodLocked, match="cannot change any more"):
        stale.save()
    assert Envelope.objects.get().amount == 100_000
