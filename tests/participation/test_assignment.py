"""Ideas assigned to a department or an officer, with internal notes: written through the
services on the review, filtered in the queue ("Assigned to me"), refused to those without
the right, and never shown on any public page, feed, report, open-data file or export."""

import json

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from portal.budgets import services as budget_services
from portal.budgets.models import BudgetProject
from portal.core.roles import StaffRole
from portal.pages.models import RestitutionPage
from portal.participation import services
from portal.participation.models import Idea, IdeaNote, IdeaStatus
from portal.participation.portability import export
from portal.reports.restitution import report_context
from tests import factories
from tests.factories import IdeaBoxFactory, IdeaFactory

from .test_moderation import IDEAS, edit_url, in_english, titles, user_in

MARKER = "Zqx7Interne"
NONCE = "Wvy8Absent"


@pytest.fixture
def box(home):
    page = factories.consultation(factories.consultation_index(home), "La place du Marché")
    return IdeaBoxFactory(consultation=page)


@pytest.fixture
def moderator(django_user_model):
    return user_in(django_user_model, StaffRole.MODERATORS, "agent")


@pytest.fixture
def colleague(django_user_model):
    return user_in(django_user_model, StaffRole.MODERATORS, "collegue")


@pytest.fixture
def editor(django_user_model):
    return user_in(django_user_model, StaffRole.EDITORS, "redaction")


def review_fields(idea, **data):
    """What the review posts when only the assignment and the note change."""
    return {
        "title": idea.title,
        "description": idea.description,
        "new_status": "",
        "note": "",
        "answer": idea.official_answer,
        "assignee": "",
        "assigned_department": "",
        "new_note": "",
        **data,
    }


def test_a_moderator_assigns_an_idea_and_adds_dated_notes(client, box, moderator, colleague):
    idea = IdeaFactory(box=box, status=IdeaStatus.PUBLISHED)
    client.force_login(moderator)
    page = BeautifulSoup(client.get(edit_url(idea)).content, "html.parser")
    offered = [option.get_text(strip=True) for option in page.select("#id_assignee option")]
    assert offered == ["Nobody", "agent", "collegue"]
    response = client.post(
        edit_url(idea),
        review_fields(
            idea,
            assignee=colleague.pk,
            assigned_department="  Espaces   verts ",
            new_note="Appeler le service.",
        ),
    )
    assert response.status_code == 302
    idea.refresh_from_db()
    assert (idea.assignee, idea.assigned_department) == (colleague, "Espaces verts")
    assert idea.status == IdeaStatus.PUBLISHED
    client.post(edit_url(idea), review_fields(idea, assignee=colleague.pk, new_note="Rappelé."))
    notes = list(idea.internal_notes.values_list("author__username", "text"))
    assert notes == [("agent", "Appeler le service."), ("agent", "Rappelé.")]
    page = BeautifulSoup(client.get(edit_url(idea)).content, "html.parser")
    shown = page.select_one(".internal-notes").get_text(" ", strip=True)
    assert "Appeler le service." in shown and "Rappelé." in shown
    assert page.select_one(".internal-notes time")["datetime"]


def test_assigned_to_me_and_not_assigned_filter_the_queue(client, box, moderator, colleague):
    mine = IdeaFactory(box=box, title="À moi", confirmed=True)
    theirs = IdeaFactory(box=box, title="À un collègue", confirmed=True)
    department = IdeaFactory(box=box, title="Au service", confirmed=True)
    IdeaFactory(box=box, title="Personne", confirmed=True)
    services.assign_idea(idea=mine, assignee=moderator)
    services.assign_idea(idea=theirs, assignee=colleague)
    services.assign_idea(idea=department, department="Voirie")
    client.force_login(moderator)
    assert titles(client.get(f"{IDEAS}?assigned=me")) == ["À moi"]
    assert titles(client.get(f"{IDEAS}?assigned=nobody")) == ["Personne"]
    assert len(titles(client.get(IDEAS))) == 4
    listing = client.get(f"{IDEAS}?status=all&assigned=me").content.decode()
    assert "Assigned to me" in listing
    # The column says who handles each idea.
    rows = BeautifulSoup(client.get(IDEAS).content, "html.parser").get_text(" ")
    assert "collegue" in rows and "Voirie" in rows
    assert client.get(f"{IDEAS}?assigned=%00<script>").status_code == 200


def test_only_moderators_may_be_assigned(box, moderator, editor):
    idea = IdeaFactory(box=box)
    with pytest.raises(ValidationError):
        services.assign_idea(idea=idea, assignee=editor)
    services.assign_idea(idea=idea, assignee=moderator)
    assert Idea.objects.get(pk=idea.pk).assignee == moderator


def test_an_officer_who_lost_the_right_stays_assigned_until_replaced(
    client, box, moderator, colleague
):
    idea = IdeaFactory(box=box, status=IdeaStatus.PUBLISHED)
    services.assign_idea(idea=idea, assignee=colleague)
    colleague.groups.clear()
    client.force_login(moderator)
    page = BeautifulSoup(client.get(edit_url(idea)).content, "html.parser")
    assert page.select_one("#id_assignee option[selected]").get_text(strip=True) == "collegue"
    response = client.post(edit_url(idea), review_fields(idea, assignee=colleague.pk))
    assert response.status_code == 302
    response = client.post(edit_url(idea), review_fields(idea, assignee=moderator.pk))
    assert Idea.objects.get(pk=idea.pk).assignee == moderator
    with pytest.raises(ValidationError):
        services.assign_idea(idea=idea, assignee=colleague)


@pytest.mark.parametrize(
    "data",
    [
        {"assignee": "999999"},
        {"assignee": "x' OR 1=1"},
        {"new_note": "n" * 2001},
        {"new_note": "nul\x00byte"},
        {"assigned_department": "d" * 201},
    ],
)
def test_hostile_assignments_are_refused_on_their_field(client, box, moderator, editor, data):
    idea = IdeaFactory(box=box, status=IdeaStatus.PUBLISHED)
    client.force_login(moderator)
    response = client.post(edit_url(idea), review_fields(idea, **data))
    assert response.status_code == 200
    assert BeautifulSoup(response.content, "html.parser").select(".w-field--error")
    assert not IdeaNote.objects.exists()
    assert Idea.objects.get(pk=idea.pk).assignee is None


def test_an_editor_cannot_assign_to_an_editor(client, box, moderator, editor):
    idea = IdeaFactory(box=box, status=IdeaStatus.PUBLISHED)
    client.force_login(moderator)
    response = client.post(edit_url(idea), review_fields(idea, assignee=editor.pk))
    assert response.status_code == 200
    assert Idea.objects.get(pk=idea.pk).assignee is None


def test_editors_and_anonymous_visitors_neither_read_nor_write_notes(client, box, editor):
    idea = IdeaFactory(box=box, status=IdeaStatus.PUBLISHED)
    services.note_idea(idea=idea, user=None, text=MARKER)
    # Anonymous: the sign-in page, nothing written.
    response = client.post(edit_url(idea), review_fields(idea, new_note="anonyme"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert MARKER not in client.get(edit_url(idea)).content.decode()
    # Editors build idea boxes but do not moderate (the existing grants).
    client.force_login(editor)
    for url in (edit_url(idea), f"{IDEAS}?assigned=me"):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert MARKER not in response.content.decode()
    client.post(edit_url(idea), review_fields(idea, new_note="rédaction", assignee=editor.pk))
    assert list(idea.internal_notes.values_list("text", flat=True)) == [MARKER]
    assert Idea.objects.get(pk=idea.pk).assignee is None


def test_an_administrator_reads_and_writes_notes(client, box, django_user_model):
    idea = IdeaFactory(box=box, status=IdeaStatus.PUBLISHED)
    root = in_english(django_user_model.objects.create_superuser("root", "r@example.org", "x"))
    client.force_login(root)
    client.post(edit_url(idea), review_fields(idea, new_note="Vu.", assignee=root.pk))
    assert Idea.objects.get(pk=idea.pk).assignee == root
    assert idea.internal_notes.get().author == root


# Never public


def public_addresses(client):
    """Every public address of the demo town where ideas or projects may show."""
    urls = [page.url for page in Page.objects.live().specific() if page.depth > 1]
    urls += [idea.get_absolute_url() for idea in Idea.objects.public()]
    urls += [project.get_absolute_url() for project in BudgetProject.objects.all()]
    for language in ("fr", "en"):
        with translation.override(language):
            urls += [
                reverse("search") + f"?q={MARKER}",
                reverse("search") + "?q=idée",
                reverse("opendata:index"),
                reverse("calendar:agenda"),
            ]
            for link in BeautifulSoup(client.get(reverse("opendata:index")).content, "html.parser")(
                "a", href=True
            ):
                if "/open-data/" in link["href"] or "/donnees-ouvertes/" in link["href"]:
                    urls.append(link["href"])
    urls += ["/sitemap.xml"]
    return [url for url in dict.fromkeys(urls) if url and url.startswith("/")]


def test_assignment_and_internal_notes_appear_on_no_public_surface(client, demo, moderator):
    everyone = list(Idea.objects.all())
    assert everyone
    for idea in everyone:
        services.assign_idea(idea=idea, department=f"Service {MARKER}", assignee=moderator)
        services.note_idea(idea=idea, user=moderator, text=f"Note {MARKER}")
    moderator.first_name = f"Agent{MARKER}"
    moderator.save()
    for project in BudgetProject.objects.all():
        budget_services.assign_project(project=project, department=MARKER, assignee=moderator)
        budget_services.note_project(project=project, user=moderator, text=MARKER)

    urls = public_addresses(client)
    assert any(url.endswith(".csv") for url in urls) and any(url.endswith(".json") for url in urls)
    opened = 0
    for url in urls:
        response = client.get(url)
        if response.status_code != 200:
            continue
        opened += 1
        body = b"".join(response) if response.streaming else response.content
        if MARKER in url:  # a search echoes its words: as often as it echoes other words
            echoed = client.get(url.replace(MARKER, NONCE)).content.count(NONCE.encode())
            assert body.count(MARKER.encode()) == echoed, url
        else:
            assert MARKER.encode() not in body, url
    assert opened > 30

    # The restitution reports' text, and each author's own data (page and file).
    restitutions = RestitutionPage.objects.live()
    assert restitutions
    for page in restitutions:
        html = render_to_string("reports/report.html", report_context(page))
        assert MARKER not in html
    authors = {idea.participant for idea in everyone if idea.participant}
    assert authors
    for participant in authors:
        assert MARKER not in json.dumps(export(participant), ensure_ascii=False)
        page = client.get(reverse("participation:my_data", args=[services.data_token(participant)]))
        assert page.status_code == 200 and MARKER not in page.content.decode()

    # Where they belong: the review, for the officers.
    client.force_login(moderator)
    assert MARKER in client.get(edit_url(everyone[0])).content.decode()
