"""Budget projects assigned to a department or an officer, with internal notes: on the
review, with or without a decision, filtered in the queue, refused to editors and anonymous
visitors, and never on the project's public page (the public "studied by" is the study's)."""

import pytest

from portal.budgets import services
from portal.budgets.models import ProjectStatus
from portal.core.roles import StaffRole

from .factories import ProjectFactory
from .test_admin import PROJECTS, listed, review, soup, staff

MARKER = "Zqx7Interne"


@pytest.fixture
def moderator(django_user_model):
    return staff(django_user_model, StaffRole.MODERATORS, "agent")


@pytest.fixture
def editor(django_user_model):
    return staff(django_user_model, StaffRole.EDITORS, "redaction")


def test_an_officer_assigns_a_project_and_notes_it_without_deciding(client, envelope, moderator):
    project = ProjectFactory(envelope=envelope, title="Jardin", status=ProjectStatus.UNDER_STUDY)
    client.force_login(moderator)
    response = review(
        client,
        project,
        assignee=moderator.pk,
        assigned_department="Espaces verts",
        new_note="Devis demandé.",
    )
    assert response.status_code == 303
    project.refresh_from_db()
    assert (project.assignee, project.assigned_department) == (moderator, "Espaces verts")
    assert project.status == ProjectStatus.UNDER_STUDY and project.department == ""
    assert project.internal_notes.get().text == "Devis demandé."
    page = soup(client.get(f"{PROJECTS}edit/{project.pk}/"))
    assert "Devis demandé." in page.select_one(".internal-notes").get_text()
    # A decision and a note together: both taken, the note stays internal.
    response = review(
        client,
        project,
        decision="feasible",
        estimated_cost="1000",
        assignee=moderator.pk,
        new_note="Chiffré.",
    )
    assert response.status_code == 303
    project.refresh_from_db()
    assert project.status == ProjectStatus.FEASIBLE and project.internal_notes.count() == 2
    assert "Chiffré." not in "".join(project.steps.values_list("note", flat=True))


def test_a_review_that_changes_nothing_asks_for_a_decision(client, envelope, moderator):
    project = ProjectFactory(envelope=envelope, status=ProjectStatus.UNDER_STUDY)
    client.force_login(moderator)
    response = review(client, project, assignee="", assigned_department="")
    assert response.status_code == 200
    assert soup(response).select(".w-field--error")


def test_a_refused_decision_keeps_the_assignment_and_note_unwritten(client, envelope, moderator):
    project = ProjectFactory(envelope=envelope, status=ProjectStatus.UNDER_STUDY, cost=10**6)
    client.force_login(moderator)
    response = review(client, project, decision="on_ballot", new_note="Note", assignee=moderator.pk)
    assert response.status_code == 200
    project.refresh_from_db()
    assert project.assignee is None and not project.internal_notes.exists()


def test_assigned_to_me_filters_the_feasibility_queue(
    client, envelope, moderator, django_user_model
):
    other = staff(django_user_model, StaffRole.MODERATORS, "collegue")
    mine = ProjectFactory(envelope=envelope, title="Le mien", status=ProjectStatus.PROPOSED)
    theirs = ProjectFactory(envelope=envelope, title="Le sien", status=ProjectStatus.PROPOSED)
    ProjectFactory(envelope=envelope, title="Personne", status=ProjectStatus.PROPOSED)
    services.assign_project(project=mine, assignee=moderator)
    services.assign_project(project=theirs, assignee=other)
    client.force_login(moderator)
    assert listed(client.get(f"{PROJECTS}?assigned=me")) == ["Le mien"]
    assert listed(client.get(f"{PROJECTS}?assigned=nobody")) == ["Personne"]


def test_editors_and_anonymous_visitors_neither_read_nor_write_notes(
    client, envelope, editor, moderator
):
    project = ProjectFactory(envelope=envelope, status=ProjectStatus.UNDER_STUDY)
    services.note_project(project=project, user=moderator, text=MARKER)
    services.assign_project(project=project, department=MARKER, assignee=moderator)
    url = f"{PROJECTS}edit/{project.pk}/"
    response = client.post(url, {"new_note": "anonyme"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    public = client.get(project.get_absolute_url())
    assert public.status_code == 200 and MARKER not in public.content.decode()
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code in (302, 403) and MARKER not in response.content.decode()
    client.post(url, {"new_note": "rédaction", "assignee": editor.pk})
    assert list(project.internal_notes.values_list("text", flat=True)) == [MARKER]
