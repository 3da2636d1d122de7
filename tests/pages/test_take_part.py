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
    assert response.status_code == 404  # its address may say what it is about
    assert client.get(address(page)).status_code == 404
    assert not Ballot.objects.exists()


def test_a_restriction_on_an_ancestor_or_its_source_counts_too(client, page, ballot):
    """As Wagtail counts them: those of the page's ancestors, and for an ancestor that is
    an alias, those of the page it mirrors."""
    index = page.get_parent()
    restriction = PageViewRestriction.objects.create(
        page=index, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert client.post(address(page), ballot).status_code == 404
    restriction.delete()

    from portal.pages.standard import StandardPage

    source = factories.publish(index.get_parent(), StandardPage(title="Ailleurs", slug="ailleurs"))
    alias = source.create_alias(parent=index.get_parent(), update_slug="ailleurs-alias")
    page.move(alias, pos="last-child")
    page.refresh_from_db()
    PageViewRestriction.objects.create(
        page=source, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    response = client.post(address(page), ballot)
    assert response.status_code == 404  # its address may say what it is about
    assert client.get(address(page)).status_code == 404
    assert not Ballot.objects.exists()


def test_a_page_remembered_as_another_type_is_looked_up_again(client, page, ballot):
    """Ids are not reused by PostgreSQL, but a test database's may be: a process that
    remembers another type for the id reads the page's type again."""
    from portal.pages import views
    from portal.pages.standard import StandardPage

    views._page_models[page.pk] = StandardPage
    assert client.post(address(page), ballot).status_code == 303
    assert views._page_models[page.pk] is type(page)
    assert Ballot.objects.filter(confirmed=True).count() == 1
