"""A voter's ballots on the page that shows a participant everything the site holds about
them, and what erasing that data leaves of them."""

from django.test import Client
from django.urls import reverse

from portal.budgets import services
from portal.budgets.models import Ballot, VotingMethod
from portal.participation import identity
from portal.participation import services as participation
from tests.factories import confirmed

from .factories import EnvelopeFactory, ProjectFactory


def test_a_voter_sees_their_ballots_and_erasing_keeps_them_counted_without_a_name(
    consultation_page,
):
    voter = confirmed("v@example.org")
    basket = EnvelopeFactory(consultation=consultation_page, title="Toute la ville")
    points = EnvelopeFactory(
        consultation=consultation_page, title="Les Tilleuls", method=VotingMethod.POINTS, points=10
    )
    trees = ProjectFactory(envelope=basket, title="Arbres", cost=1_000)
    bench = ProjectFactory(envelope=points, title="Bancs", cost=1_000)
    services.cast_ballot(envelope=basket, participant=voter, choices=[trees])
    services.cast_ballot(envelope=points, participant=voter, choices={bench: 7})
    someone_else = confirmed("w@example.org")
    services.cast_ballot(envelope=basket, participant=someone_else, choices=[trees])
    token = identity.data_token(voter)

    page = Client().get(reverse("participation:my_data", args=[token])).content.decode()
    assert "Your votes" in page
    assert "Vote in “Toute la ville” for: Arbres" in page
    assert "Vote in “Les Tilleuls” for: Bancs (7 points)" in page
    assert page.count("Vote in") == 2  # not someone else's

    asked = Client().get(reverse("participation:erase_my_data", args=[token])).content.decode()
    assert "your votes: they stay counted, without your name." in asked
    participation.erase(participant=voter)
    assert Ballot.objects.filter(participant__isnull=True, confirmed=True).count() == 2
    assert services.results(basket).ballots == 2


def test_someone_who_never_voted_reads_none(consultation_page):
    token = identity.data_token(confirmed("n@example.org"))
    page = Client().get(reverse("participation:my_data", args=[token])).content.decode()
    votes = page.index("Your votes")
    assert "none" in page[votes : votes + 80]
    erase = Client().get(reverse("participation:erase_my_data", args=[token])).content.decode()
    assert "stay counted" not in erase
