"""Projects' feasibility study, through the workflow; ideas merged into projects stay credited."""

import pytest

from portal.budgets import services
from portal.budgets.errors import InvalidProjectStep, MethodLocked
from portal.budgets.models import ProjectStatus
from portal.participation.models import IdeaStatus
from tests import factories
from tests.factories import IdeaBoxFactory, IdeaFactory, ParticipantFactory

from .factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(envelope, officer):
    return services.create_project(
        envelope=envelope, user=officer, title="Des bancs au parc", summary="À l’ombre."
    )


def test_a_project_is_studied_then_found_feasible_each_step_recorded(project, officer):
    services.study_project(project=project, user=officer, department="Espaces verts")
    services.mark_feasible(project=project, user=officer, cost=18_000, note="Devis reçu.")
    project.refresh_from_db()
    assert project.status == ProjectStatus.FEASIBLE
    assert (project.cost, project.department) == (18_000, "Espaces verts")
    steps = [(s.from_status, s.to_status, s.user, s.note) for s in project.steps.all()]
    assert steps == [
        ("", ProjectStatus.PROPOSED, officer, ""),
        (ProjectStatus.PROPOSED, ProjectStatus.UNDER_STUDY, officer, ""),
        (ProjectStatus.UNDER_STUDY, ProjectStatus.FEASIBLE, officer, "Devis reçu."),
    ]


def test_not_feasible_needs_a_public_reason(project, officer):
    services.study_project(project=project, user=officer, department="Voirie")
    with pytest.raises(InvalidProjectStep, match="Give a public reason"):
        services.mark_not_feasible(project=project, user=officer, reason="  ")
    project.refresh_from_db()
    assert project.status == ProjectStatus.UNDER_STUDY
    services.mark_not_feasible(
        project=project, user=officer, reason="La rue appartient au département."
    )
    project.refresh_from_db()
    assert project.status == ProjectStatus.NOT_FEASIBLE
    assert project.public_reason == "La rue appartient au département."


def test_the_workflow_refuses_a_skipped_study(project, officer):
    with pytest.raises(InvalidProjectStep, match="cannot go from “Proposed” to “On the ballot”"):
        services.put_on_ballot(project=project, user=officer)


def test_the_ballot_is_fixed_once_voting_has_started(envelope, officer):
    on_ballot = ProjectFactory(envelope=envelope)
    late = ProjectFactory(envelope=envelope, status=ProjectStatus.FEASIBLE)
    too_dear = ProjectFactory(envelope=envelope, status=ProjectStatus.FEASIBLE, cost=100_001)
    with pytest.raises(InvalidProjectStep, match="more than the envelope's 100,000 €"):
        services.put_on_ballot(project=too_dear, user=officer)
    services.cast_ballot(envelope=envelope, participant=ParticipantFactory(), choices=[on_ballot])
    with pytest.raises(MethodLocked):
        services.put_on_ballot(project=late, user=officer)
    with pytest.raises(MethodLocked):
        services.change_project_status(
            project=on_ballot, to_status=ProjectStatus.FEASIBLE, user=officer
        )


def test_ideas_merged_into_a_project_keep_their_authors_credited(
    envelope, consultation_page, officer
):
    box = IdeaBoxFactory(consultation=consultation_page)
    shade = IdeaFactory(box=box, author_name="Nadia", status=IdeaStatus.PUBLISHED)
    benches = IdeaFactory(box=box, author_name="Karim", status=IdeaStatus.UNDER_STUDY)
    paper = IdeaFactory(box=box, author_name="", participant=None, status=IdeaStatus.PUBLISHED)
    project = services.merge_ideas(
        envelope=envelope,
        ideas=[shade, benches, paper],
        user=officer,
        title="Un parc ombragé",
        summary="Des arbres et des bancs.",
    )
    assert project.status == ProjectStatus.PROPOSED
    assert set(project.source_ideas.all()) == {shade, benches, paper}
    assert project.credited_authors() == ["Karim", "Nadia"]


def test_only_public_ideas_of_the_same_consultation_are_merged(
    envelope, consultation_page, officer
):
    waiting = IdeaFactory(box=IdeaBoxFactory(consultation=consultation_page))  # unmoderated
    other = factories.consultation(consultation_page.get_parent().specific, "Autre concertation")
    elsewhere = IdeaFactory(box=IdeaBoxFactory(consultation=other), status=IdeaStatus.PUBLISHED)
    with pytest.raises(InvalidProjectStep, match="is not public"):
        services.merge_ideas(envelope=envelope, ideas=[waiting], user=officer, title="X")
    with pytest.raises(InvalidProjectStep, match="belongs to another consultation"):
        services.merge_ideas(envelope=envelope, ideas=[elsewhere], user=officer, title="X")
