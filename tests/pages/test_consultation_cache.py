"""A consultation page with thousands of ideas, served fast and never stale.

Newcomers (no session) get the page stored with holes for their CSRF token, until the next
contribution or publish; a participant always gets a fresh page, made of the fragments every
visitor shares (figures, the latest ideas) and their own forms. The page shows a preview of
the ideas, and it and the full list cost the same queries whatever the number of ideas.
"""

import re
from datetime import date

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from portal.core import page_cache
from portal.participation import services
from portal.participation.models import Idea, IdeaBox, IdeaStatus
from tests import factories
from tests.conftest import confirm_by_link, make_standard_page
from tests.factories import paris

TODAY = date(2026, 6, 10)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(paris(TODAY, 12), tick=False):
        yield


@pytest.fixture
def consultation(home):
    page = factories.consultation(
        factories.consultation_index(home),
        "La place du Marché",
        phases=((date(2026, 5, 18), date(2026, 8, 1), None),),
    )
    page.phases.update(allows_supports=True)
    return page


@pytest.fixture
def box(consultation):
    return IdeaBox.objects.create(
        title="Vos idées",
        consultation=consultation,
        opens_at=paris(date(2026, 5, 18)),
        closes_at=paris(date(2026, 8, 1)),
    )


@pytest.fixture
def list_page(home, box):
    return make_standard_page(
        home,
        "Toutes les idées",
        body=[{"type": "idea_list", "value": {"idea_box": box.pk, "per_page": 4}, "id": "liste"}],
    )


@pytest.fixture
def page(consultation, box, list_page):
    preview = {"idea_box": box.pk, "heading": "", "number": 3, "list_page": list_page.pk}
    consultation.body = [
        {"type": "idea_preview", "value": preview, "id": "apercu"},
        {"type": "idea_form", "value": {"idea_box": box.pk, "heading": ""}, "id": "idees"},
    ]
    consultation.save_revision().publish()
    return consultation


def publish_ideas(box, count, prefix="Idée"):
    ideas = []
    for number in range(count):
        idea = Idea.objects.create(
            box=box, title=f"{prefix} {number}", description="…", confirmed=True
        )
        ideas.append(services.change_status(idea=idea, to_status=IdeaStatus.PUBLISHED, user=None))
    return ideas


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def preview_titles(response):
    return [h.get_text(strip=True) for h in soup_of(response).select("#block-apercu h3")]


def csrf_tokens(response):
    return [field["value"] for field in soup_of(response).select("[name=csrfmiddlewaretoken]")]


def test_the_preview_shows_the_latest_ideas_their_number_and_a_link_to_them_all(
    client, page, box, list_page
):
    publish_ideas(box, 5)
    response = client.get(page.url)
    assert preview_titles(response) == ["Idée 4", "Idée 3", "Idée 2"]
    section = soup_of(response).select_one("#block-apercu")
    assert "5 idées publiées" in section.get_text(" ", strip=True)
    link = section.select_one(".idea-list__all a")
    assert (link["href"], link.get_text(strip=True)) == (list_page.url, "Voir les 5 idées")


def test_a_newcomer_gets_the_stored_page_with_a_csrf_token_of_their_own(page, box):
    publish_ideas(box, 2)
    first = Client(enforce_csrf_checks=True)
    assert first.get(page.url)["X-Page-Cache"] == "miss"
    newcomer = Client(enforce_csrf_checks=True)
    with CaptureQueriesContext(connection) as queries:
        response = newcomer.get(page.url)
    assert (response["X-Page-Cache"], len(queries)) == ("hit", 0)
    assert page_cache.CSRF_HOLE not in response.content.decode()
    token = csrf_tokens(response)[0]
    assert token not in csrf_tokens(first.get(page.url))
    # Their token is theirs: their cookie came with it, and their form is accepted.
    fields = {"idees-title": "Des arbres", "idees-description": "De l’ombre."}
    fields |= {"idees-email": "lea@example.org", "idees-display_name": ""}
    answer = newcomer.post(page.url, {"block_id": "idees", "csrfmiddlewaretoken": token, **fields})
    assert answer.status_code == 303
    assert Idea.objects.filter(title="Des arbres").exists()


def test_a_participant_sees_their_support_at_once_and_so_does_everyone(
    client, page, box, django_capture_on_commit_callbacks
):
    idea = publish_ideas(box, 1)[0]
    assert Client().get(page.url)["X-Page-Cache"] == "miss"
    # Committed as each request commits its own (the test's transaction never is).
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            idea.get_absolute_url(),
            {"action": "support", "email": "lea@example.org", "display_name": ""},
        )
        link = re.search(r"https?://\S+", mail.outbox[-1].body).group(0)
        confirm_by_link(client, link)
    response = client.get(page.url)  # a participant: never the stored page
    assert "X-Page-Cache" not in response
    assert response.context["figures"].supports == 1
    card = soup_of(response).select_one("#block-apercu .idea-card")
    assert "1 soutien" in card.get_text(" ", strip=True)
    newcomer = Client().get(page.url)
    assert newcomer["X-Page-Cache"] == "miss"
    assert "1 soutien" in soup_of(newcomer).select_one("#block-apercu .idea-card").get_text()


def test_moderation_refreshes_the_stored_page(
    client, page, box, django_capture_on_commit_callbacks
):
    publish_ideas(box, 1)
    client.get(page.url)
    assert client.get(page.url)["X-Page-Cache"] == "hit"
    idea = Idea.objects.create(box=box, title="Des arbres", description="…", confirmed=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.change_status(idea=idea, to_status=IdeaStatus.PUBLISHED, user=None)
    response = client.get(page.url)
    assert response["X-Page-Cache"] == "miss"
    assert preview_titles(response)[0] == "Des arbres"


def test_an_editor_changing_the_idea_box_refreshes_the_stored_page(client, page, box):
    client.get(page.url)
    assert client.get(page.url)["X-Page-Cache"] == "hit"
    box.title = "Vos idées pour la place"
    box.save()
    response = client.get(page.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Vos idées pour la place" in response.content.decode()


def test_pages_cost_the_same_queries_whatever_the_number_of_ideas(page, box, list_page):
    """Rendered fresh (a session: a participant's page; the list with a parameter no cache
    keeps), with 3 ideas and with 40, and the list never counts them."""

    def queries(url):
        client = Client()
        client.cookies["sessionid"] = "a-visitor-with-a-session"
        client.get(url)  # renditions, menus
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return [query["sql"] for query in captured]

    publish_ideas(box, 3)
    few = {url: queries(url) for url in (page.url, f"{list_page.url}?fresh=1")}
    publish_ideas(box, 37, prefix="Autre")
    many = {url: queries(url) for url in few}
    assert {url: len(sql) for url, sql in many.items()} == {
        url: len(sql) for url, sql in few.items()
    }
    counting = [sql for sql in many[f"{list_page.url}?fresh=1"] if "COUNT(" in sql.upper()]
    assert not [sql for sql in counting if "participation_idea" in sql]
