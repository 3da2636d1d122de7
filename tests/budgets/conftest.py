import pytest
from django.utils import translation

from portal.pages.models import District
from tests import factories

from .factories import EnvelopeFactory


@pytest.fixture(autouse=True)
def _english():
    """Refusals are read in the source language, amounts written "5,000 €"."""
    with translation.override("en"):
        yield


@pytest.fixture
def consultation_page(home):
    return factories.consultation(factories.consultation_index(home), "Budget participatif 2027")


@pytest.fixture
def envelope(consultation_page):
    """A 100,000 € basket, open since yesterday until tomorrow."""
    return EnvelopeFactory(consultation=consultation_page, amount=100_000)


@pytest.fixture
def districts(locales):
    return [
        District.objects.create(locale=locales[0], name=name, slug=slug)
        for name, slug in (("Centre-ville", "centre"), ("Les Hauts", "hauts"))
    ]


@pytest.fixture
def officer(django_user_model, db):
    return django_user_model.objects.create_user("agent", "agent@example.org", "secret")
