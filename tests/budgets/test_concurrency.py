"""One counted ballot per participant and envelope, and per register entry, exact under
concurrency: the partial unique constraints and the ballot's row lock decide, not Python, also
when a ballot waiting on its link is released as its owner votes again."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from portal.budgets import services
from portal.budgets.models import Ballot, BallotChoice, Envelope
from portal.participation import eligibility
from portal.participation import services as participation
from portal.participation.errors import NotEligible
from portal.participation.models import EligibilityRule, RegisterEntry
from tests import factories
from tests.factories import ParticipantFactory, confirmed, named

from .factories import EnvelopeFactory, ProjectFactory

PARTICIPANTS = 200
WAITING = 60

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs a database with real concurrency"
)


@pytest.mark.django_db(transaction=True)
def test_200_distinct_and_100_duplicate_ballots_count_each_participant_once(home):
    consultation = factories.consultation(factories.consultation_index(home), "Budget 2027")
    envelope = EnvelopeFactory(consultation=consultation, amount=100_000)
    square, trees = ProjectFactory.create_batch(2, envelope=envelope, cost=40_000)
    participants = ParticipantFactory.create_batch(PARTICIPANTS)

    def cast(job):
        participant, choices = job
        try:
            return services.cast_ballot(envelope=envelope, participant=participant, choices=choices)
        finally:
            connections.close_all()

    # Each participant votes for the square; half of them vote again at once, for both.
    jobs = [(participant, [square]) for participant in participants]
    jobs += [(participant, [square, trees]) for participant in participants[: PARTICIPANTS // 2]]
    with ThreadPoolExecutor(max_workers=16) as pool:
        ballots = list(pool.map(cast, jobs))
    assert len({ballot.pk for ballot in ballots}) == PARTICIPANTS
    assert Ballot.objects.filter(envelope=envelope).count() == PARTICIPANTS
    # Every ballot holds one whole set of choices, the first or the second, never a mix.
    assert BallotChoice.objects.filter(project=square).count() == PARTICIPANTS
    per_ballot = {
        ballot.pk: {choice.project_id for choice in ballot.choices.all()}
        for ballot in Ballot.objects.prefetch_related("choices")
    }
    assert set(map(frozenset, per_ballot.values())) <= {
        frozenset({square.pk}),
        frozenset({square.pk, trees.pk}),
    }
    counted = services.results(envelope)
    assert counted.ballots == PARTICIPANTS
    assert Envelope.objects.get().method_locked_at is not None


ENTRIES = 50


@pytest.mark.django_db(transaction=True)
def test_100_participants_on_50_register_entries_cast_50_ballots(home):
    consultation = factories.consultation(factories.consultation_index(home), "Budget 2027")
    rule = EligibilityRule.objects.create(
        consultation=consultation, residence_required=False, register_required=True
    )
    participation.import_register(
        rule=rule, content="\n".join(f"REF-{n}" for n in range(ENTRIES)).encode()
    )
    entries = list(RegisterEntry.objects.filter(rule=rule))
    envelope = EnvelopeFactory(consultation=consultation, amount=100_000)
    square = ProjectFactory(envelope=envelope, cost=40_000)
    participants = ParticipantFactory.create_batch(2 * ENTRIES)

    def cast(job):
        participant, entry = job
        try:
            return services.cast_ballot(
                envelope=envelope, participant=participant, choices=[square], register_entry=entry
            )
        except NotEligible as refused:
            return refused
        finally:
            connections.close_all()

    # Two distinct participants per entry, at once.
    jobs = [(participant, entries[n % ENTRIES]) for n, participant in enumerate(participants)]
    with ThreadPoolExecutor(max_workers=16) as pool:
        outcomes = list(pool.map(cast, jobs))
    refusals = [outcome for outcome in outcomes if isinstance(outcome, NotEligible)]
    assert len(refusals) == ENTRIES
    assert all(
        refusal.errors == {eligibility.REGISTER: eligibility.ALREADY_VOTED} for refusal in refusals
    )
    assert Ballot.objects.filter(envelope=envelope).count() == ENTRIES
    assert Ballot.objects.values("register_entry").distinct().count() == ENTRIES
    assert BallotChoice.objects.count() == ENTRIES
    assert services.results(envelope).ballots == ENTRIES


@pytest.mark.django_db(transaction=True)
def test_a_link_used_while_its_owner_votes_again_leaves_one_whole_ballot_each(home):
    """Releasing a waiting ballot and casting again take the same row locks: each participant
    ends with one counted ballot holding one whole set of choices, and nothing waiting."""
    consultation = factories.consultation(factories.consultation_index(home), "Budget 2027")
    envelope = EnvelopeFactory(consultation=consultation, amount=100_000)
    square, trees = ProjectFactory.create_batch(2, envelope=envelope, cost=40_000)
    voters = [confirmed(f"voter{n}@example.org") for n in range(WAITING)]
    for voter in voters:
        services.cast_ballot(envelope=envelope, participant=voter, choices=[square])
    links = []
    for voter in voters:  # the same address typed in another browser, voting otherwise
        typed = named(voter.email)
        services.cast_ballot(envelope=envelope, participant=typed, choices=[trees])
        links.append(typed.confirmation)

    def run(job):
        try:
            if job[0] == "confirm":
                participation.confirm(confirmation=job[1])
            else:
                services.cast_ballot(envelope=envelope, participant=job[1], choices=job[2])
        finally:
            connections.close_all()

    jobs = [("confirm", link) for link in links]
    jobs += [("cast", voter, [square, trees]) for voter in voters]
    with ThreadPoolExecutor(max_workers=16) as pool:
        list(pool.map(run, jobs))
    assert not Ballot.objects.filter(confirmed=False).exists()
    assert Ballot.objects.filter(envelope=envelope, confirmed=True).count() == WAITING
    per_ballot = {
        ballot.participant_id: frozenset(choice.project_id for choice in ballot.choices.all())
        for ballot in Ballot.objects.prefetch_related("choices")
    }
    assert set(per_ballot) == {voter.pk for voter in voters}
    assert set(per_ballot.values()) <= {frozenset({trees.pk}), frozenset({square.pk, trees.pk})}
    assert services.results(envelope).ballots == WAITING
