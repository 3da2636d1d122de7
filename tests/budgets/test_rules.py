"""An envelope's rules as residents read them, in French and in English, in Paris time."""

from datetime import date

import pytest
from django.utils import timezone, translation
from wagtail.models import Locale

from portal.budgets import rules
from portal.budgets.models import VotingMethod
from tests.factories import paris

from .factories import EnvelopeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def envelope(consultation_page):
    """1 M€, from Monday 1 March 2027 at 9:00 to the end of Wednesday 31 March (midnight)."""
    return EnvelopeFactory(
        consultation=consultation_page,
        amount=1_000_000,
        opens_at=paris(date(2027, 3, 1), 9),
        closes_at=paris(date(2027, 4, 1)),
    )


def sentences(envelope, language):
    with translation.override(language), timezone.override("UTC"):  # the server's zone
        return [" ".join(text.replace("\xa0", " ").split()) for text in rules.describe(envelope)]


@pytest.mark.parametrize(
    ("method", "fields", "french", "english"),
    [
        (
            VotingMethod.BASKET,
            {},
            "Choisissez des projets dont le coût total ne dépasse pas 1 000 000 €.",
            "Choose projects whose total cost stays within 1,000,000 €.",
        ),
        (
            VotingMethod.CHOICES,
            {"max_choices": 2},
            "Choisissez jusqu’à 2 projets.",
            "Choose up to 2 projects.",
        ),
        (
            VotingMethod.CHOICES,
            {"max_choices": 1},
            "Choisissez 1 projet.",
            "Choose 1 project.",
        ),
        (
            VotingMethod.POINTS,
            {"points": 100},
            "Répartissez jusqu’à 100 points entre les projets que vous préférez, au moins "
            "1 point par projet choisi.",
            "Spread up to 100 points among the projects you prefer, at least 1 point for each "
            "project you choose.",
        ),
    ],
)
def test_each_method_is_said_in_french_and_english(envelope, method, fields, french, english):
    envelope.method = method
    for name, value in fields.items():
        setattr(envelope, name, value)
    assert sentences(envelope, "fr")[0] == french
    assert sentences(envelope, "en")[0] == english


def test_the_amount_dates_who_and_paper_ballots_are_said(envelope):
    assert sentences(envelope, "fr")[1:] == [
        "Les projets qui recueillent le plus de voix sont financés, dans cet ordre, tant qu’ils "
        "tiennent dans l’enveloppe de 1 000 000 €.",
        # Closing at midnight is the end of the day before.
        "Vote du lundi 1er mars 2027 à 09:00 au mercredi 31 mars 2027 à minuit.",
        "Ouvert à tous les habitants et habitantes.",
        "Vous pouvez modifier votre vote en ligne jusqu’à la clôture.",
        "Vous pouvez aussi voter sur papier ou sur place, en mairie.",
    ]
    assert sentences(envelope, "en")[1:] == [
        "The projects with the most votes are funded, in that order, as long as they fit "
        "within the envelope of 1,000,000 €.",
        "Vote from Monday 1 March 2027 at 9 a.m. until Wednesday 31 March 2027 at midnight.",
        "Open to every resident.",
        "You can change your online ballot until the vote closes.",
        "You can also vote on paper or in person at the town hall.",
    ]


def test_an_opening_at_midnight_is_the_day_itself(envelope):
    envelope.opens_at = paris(date(2027, 3, 1))
    envelope.closes_at = paris(date(2027, 3, 31), 18, 30)
    with translation.override("fr"):
        assert rules.describe(envelope).when == (
            "Vote du lundi 1er mars 2027 au mercredi 31 mars 2027 à 18:30."
        )


def test_a_district_envelope_names_its_district_in_the_reader_language(envelope, districts):
    hauts = districts[1]
    english = hauts.copy_for_translation(Locale.objects.get(language_code="en"))
    english.name = "The Heights"
    english.save()
    envelope.district = hauts
    assert (
        sentences(envelope, "fr")[3] == "Ouvert aux habitants et habitantes du quartier Les Hauts."
    )
    assert sentences(envelope, "en")[3] == "Open to residents of The Heights."
