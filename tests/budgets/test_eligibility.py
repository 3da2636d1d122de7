"""One register entry votes once per envelope: a second participant with the same reference
is refused with the reason, a participant changing their own ballot keeps their entry, and
paper ballots count against the register too."""

import pytest

from portal.budgets import services
from portal.budgets.models import Ballot, BallotChannel, BallotChoice
from portal.participation import eligibility
from portal.participation import services as participation
from portal.participation.errors import NotEligible
from portal.participation.models import EligibilityRule, RegisterEntry
from tests.factories import ParticipantFactory

from .factories import EnvelopeFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def register(consultation_page):
    rule = EligibilityRule.objects.create(
        consultation=consultation_page, residence_required=False, register_required=True
    )
    participation.import_register(rule=rule, content=b"AB-1\nAB-2\n")
    return rule


def entry(reference):
    return RegisterEntry.objects.get(reference=reference)


def test_a_register_entry_votes_once_and_a_second_voter_is_told_why(envelope, register):
    square = ProjectFactory(envelope=envelope, cost=40_000)
    first, second = ParticipantFactory.create_batch(2)
    declaration = eligibility.check(register, {"register_reference": "ab-1"})
    ballot = services.cast_ballot(
        envelope=envelope,
        participant=first,
        choices=[square],
        register_entry=declaration.register_entry,
    )
    assert ballot.register_entry == entry("AB-1")
    with pytest.raises(NotEligible) as refused:
        services.cast_ballot(
            envelope=envelope, participant=second, choices=[square], register_entry=entry("AB-1")
        )
    assert refused.value.errors == {
        "register_reference": "This reference has already been used to vote."
    }
    assert Ballot.objects.count() == 1 and BallotChoice.objects.count() == 1
    # another reference votes; the same reference votes in another envelope
    services.cast_ballot(
        envelope=envelope, participant=second, choices=[square], register_entry=entry("AB-2")
    )
    district_envelope = EnvelopeFactory(consultation=envelope.consultation, amount=50_000)
    kiosk = ProjectFactory(envelope=district_envelope, cost=5_000)
    services.cast_ballot(
        envelope=district_envelope,
        participant=first,
        choices=[kiosk],
        register_entry=entry("AB-1"),
    )
    assert Ballot.objects.filter(register_entry=entry("AB-1")).count() == 2


def test_a_participant_changing_their_ballot_keeps_their_entry(envelope, register, districts):
    square = ProjectFactory(envelope=envelope, cost=40_000)
    trees = ProjectFactory(envelope=envelope, cost=30_000)
    voter = ParticipantFactory()
    services.cast_ballot(
        envelope=envelope,
        participant=voter,
        choices=[square],
        register_entry=entry("AB-1"),
        district=districts[0],
        age_declared=True,
    )
    ballot = services.cast_ballot(
        envelope=envelope,
        participant=voter,
        choices=[square, trees],
        register_entry=entry("AB-2"),  # another reference: the ballot keeps its own
        district=districts[1],
        age_declared=True,
    )
    ballot.refresh_from_db()
    assert (ballot.register_entry, ballot.district, ballot.age_declared) == (
        entry("AB-1"),
        districts[1],
        True,
    )
    assert set(ballot.choices.values_list("project", flat=True)) == {square.pk, trees.pk}
    assert not Ballot.objects.filter(register_entry=entry("AB-2")).exists()


def test_a_ballot_cast_before_the_register_takes_its_entry_when_changed(envelope, register):
    square = ProjectFactory(envelope=envelope, cost=40_000)
    voter, other = ParticipantFactory.create_batch(2)
    services.cast_ballot(envelope=envelope, participant=voter, choices=[square])
    services.cast_ballot(
        envelope=envelope, participant=other, choices=[square], register_entry=entry("AB-2")
    )
    with pytest.raises(NotEligible):  # someone else's entry
        services.cast_ballot(
            envelope=envelope, participant=voter, choices=[square], register_entry=entry("AB-2")
        )
    ballot = services.cast_ballot(
        envelope=envelope, participant=voter, choices=[square], register_entry=entry("AB-1")
    )
    assert Ballot.objects.get(pk=ballot.pk).register_entry == entry("AB-1")


def test_a_paper_ballot_counts_against_the_register(envelope, register, officer, districts):
    square = ProjectFactory(envelope=envelope, cost=40_000)
    services.cast_ballot(
        envelope=envelope,
        participant=ParticipantFactory(),
        choices=[square],
        register_entry=entry("AB-1"),
    )
    with pytest.raises(NotEligible):
        services.enter_paper_ballot(
            envelope=envelope,
            user=officer,
            choices=[square],
            collected_at="Mairie annexe",
            district=districts[0],
            register_entry=entry("AB-1"),
        )
    paper = services.enter_paper_ballot(
        envelope=envelope,
        user=officer,
        choices=[square],
        collected_at="Mairie annexe",
        district=districts[0],
        channel=BallotChannel.IN_PERSON,
        register_entry=entry("AB-2"),
    )
    assert paper.register_entry == entry("AB-2")
    assert Ballot.objects.count() == 2


def test_an_entry_that_voted_cannot_be_deleted_with_its_rule(envelope, register):
    from django.db.models import ProtectedError

    square = ProjectFactory(envelope=envelope, cost=40_000)
    services.cast_ballot(
        envelope=envelope,
        participant=ParticipantFactory(),
        choices=[square],
        register_entry=entry("AB-1"),
    )
    with pytest.raises(ProtectedError):
        register.delete()


def test_the_kept_rule_follows_each_change(consultation_page, register, districts):
    """Every contribution reads its consultation's rule as kept (`eligibility.rule_for`):
    a change to the rule, to its districts alone, or its removal is read by the next one."""
    assert eligibility.rule_for(consultation_page).minimum_age is None
    register.minimum_age = 16
    register.save()
    assert eligibility.rule_for(consultation_page.pk).minimum_age == 16
    register.districts.set([districts[1]])
    assert list(eligibility.rule_for(consultation_page).districts.all()) == [districts[1]]
    register.districts.clear()
    assert list(eligibility.rule_for(consultation_page).districts.all()) == []
    register.delete()
    assert eligibility.rule_for(consultation_page) is None
