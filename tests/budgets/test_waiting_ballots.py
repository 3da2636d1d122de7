"""Ballots cast in a name the browser has not proven: they wait on its link, count once it is
used (in place of the participant's ballot), and go with what never counted; a counted ballot
outlives its voter's erasure."""

from datetime import timedelta

import pytest
from django.utils import timezone

from portal.budgets import services
from portal.budgets.models import Ballot, BallotChannel
from portal.participation import identity
from portal.participation import services as participation
from portal.participation.models import Participant
from tests.factories import confirmed, named

from .factories import EnvelopeFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def projects(envelope):
    return ProjectFactory(envelope=envelope, title="Arbres"), ProjectFactory(
        envelope=envelope, title="Bancs"
    )


def votes(envelope):
    return {r.project.title: r.votes for r in services.results(envelope).projects if r.votes}


def test_a_waiting_ballot_counts_once_its_link_is_used(envelope, projects):
    trees, benches = projects
    participant = named("nadia@example.org")
    services.cast_ballot(envelope=envelope, participant=participant, choices=[trees, benches])
    assert votes(envelope) == {} and services.results(envelope).ballots == 0
    assert identity.waiting_items(participant.confirmation) == [
        f"vote in “{envelope.title}” for: Arbres, Bancs"
    ]
    participation.confirm(confirmation=participant.confirmation)
    assert votes(envelope) == {"Arbres": 1, "Bancs": 1}
    ballot = Ballot.objects.get()
    assert ballot.confirmed and ballot.confirmation is None and ballot.participant == participant


def test_casting_again_while_waiting_replaces_the_waiting_choices(envelope, projects):
    trees, benches = projects
    participant = named("nadia@example.org")
    services.cast_ballot(envelope=envelope, participant=participant, choices=[trees])
    services.cast_ballot(envelope=envelope, participant=participant, choices=[benches])
    assert Ballot.objects.count() == 1
    participation.confirm(confirmation=participant.confirmation)
    assert votes(envelope) == {"Bancs": 1}


def test_a_ballot_changed_after_the_link_page_was_shown_is_not_confirmed(envelope, projects):
    trees, _benches = projects
    participant = named("nadia@example.org")
    shown_at = timezone.now()
    services.cast_ballot(
        envelope=envelope,
        participant=participant,
        choices=[trees],
        now=shown_at + timedelta(seconds=5),
    )
    participation.confirm(confirmation=participant.confirmation, shown_at=shown_at)
    assert not Ballot.objects.exists()


def test_points_are_listed_with_the_ballot(consultation_page):
    envelope = EnvelopeFactory(consultation=consultation_page, method="points", points=10)
    trees = ProjectFactory(envelope=envelope, title="Arbres")
    participant = named("nadia@example.org")
    services.cast_ballot(envelope=envelope, participant=participant, choices={trees: 7})
    assert identity.waiting_items(participant.confirmation) == [
        f"vote in “{envelope.title}” for: Arbres (7 points)"
    ]


def test_erasure_keeps_counted_ballots_without_their_voter_and_deletes_waiting_ones(
    consultation_page, envelope, projects
):
    trees, benches = projects
    other = EnvelopeFactory(consultation=consultation_page)
    elsewhere = ProjectFactory(envelope=other)
    participant = confirmed("nadia@example.org")
    services.cast_ballot(envelope=envelope, participant=participant, choices=[trees])
    waiting = named("nadia@example.org")  # typed again, in another browser
    services.cast_ballot(envelope=other, participant=waiting, choices=[elsewhere])
    participation.erase(participant=participant)
    assert votes(envelope) == {"Arbres": 1}  # still counted, nobody's
    assert Ballot.objects.get().participant is None
    assert not Ballot.objects.filter(envelope=other).exists()


def test_unused_links_are_purged_with_their_ballots(envelope, projects):
    participant = named("inconnu@example.org")
    services.cast_ballot(envelope=envelope, participant=participant, choices=[projects[0]])
    later = timezone.now() + timedelta(days=30)
    assert participation.purge_unconfirmed(now=later) == 1
    assert not Ballot.objects.exists()
    assert not Participant.objects.filter(email="inconnu@example.org").exists()


def test_officers_ballots_count_at_once(envelope, projects, officer):
    services.enter_paper_ballot(
        envelope=envelope,
        user=officer,
        choices=[projects[0]],
        collected_at="Mairie annexe",
        district=None,
        channel=BallotChannel.IN_PERSON,
    )
    assert votes(envelope) == {"Arbres": 1}
    assert Ballot.objects.get().confirmed
