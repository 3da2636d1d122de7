"""A page's participation address (`take-part/<page id>/`): it answers a block's POST as the
page would, and never serves what the page would not."""

import pytest
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from portal.budgets.models import Ballot
from portal.participation import identity
from tests import factories
from tests.budgets.factories import EnvelopeFactory, ProjectFactory
from tests.factories import confirmed

BLOCK = "vote"


@pytest.fixture
def page(home):
    return factories.consultation(
        factories.consultation_index(home),
        "Budget participatif 2027",
        body=[{"type": "ballot", "value": {"heading": "", "envelope": ""}, "id": BLOCK}],
    )


@pytest.fixture
def ballot(page, client):
    """A signed-in resident's valid ballot, as the form sends it."""
    envelope = EnvelopeFactory(consultation=page, amount=100_000)
    project = ProjectFactory(envelope=envelope, cost=40_000)
    session = client.session
    session[identity.SESSION_KEY] = confirmed("k@example.org").pk
    session.save()
    return {
        "block_id": BLOCK,
        "envelope": str(envelope.pk),
        "action": "vote",
        f"{BLOCK}-{envelope.pk}-projects": [str(project.pk)],
    }


def address(page, language="fr"):
    with translation.override(language):
        return page.participation_url


def test_a_ballot_posted_there_counts_and_comes_back_to_the_page(client, page, ballot):
    response = client.post(address(page), ballot)
    assert response.status_code == 303
    assert response["Location"] == f"{page.url}#block-{BLOCK}-{ballot['envelope']}"
    assert Ballot.objects.filter(confirmed=True).count() == 1


def test_a_visit_goes_to_the_page(client, page):
    response = client.get(address(page))
    assert response.status_code == 303 and response["Location"] == page.url


def test_a_post_without_a_block_goes_to_the_page_and_stores_nothing(client, page, ballot):
    del ballot["block_id"]
    response = client.post(address(page), ballot)
    assert response.status_code == 303 and response["Location"] == page.url
    assert not Ballot.objects.exists()


def test_an_unknown_block_is_said_on_the_page(client, page, ballot):
    ballot["block_id"] = "gone"
    response = client.post(address(page), ballot, follow=True)
    assert "Ce formulaire n’existe plus" in response.content.decode()
    assert not Ballot.objects.exists()


def test_a_draft_page_or_a_page_without_blocks_is_not_found(client, page, ballot):
    root = Page.objects.get(depth=1)  # not a page of ours: no blocks
    assert client.post(f"/fr/participer/{root.pk}/", ballot).status_code == 404
    assert client.post("/fr/participer/999999999/", ballot).status_code == 404
    page.unpublish()
    assert client.post(address(page), ballot).status_code == 404
    assert not Ballot.objects.exists()


def test_a_page_is_not_reached_under_another_language(client, page, ballot):
    assert client.post(address(page, "en"), ballot).status_code == 404
    assert not Ballot.objects.exists()


def test_a_private_page_takes_nothing_from_who_has_not_its_password(client, page, ballot):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    response = client.post(address(page), ballot)
    assert response.status_code == 303 and response["Location"] == page.url
    assert not Ballot.objects.exists()
