"""The roles a town needs: who may do what in the admin, tried through the real admin URLs.

Each action is done as a person would (a POST to the admin's own form, a download) and is
judged by the data it leaves, or by what the page shows.
"""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.utils import timezone, translation
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from home.models import HomePage
from portal.budgets import services as budget_services
from portal.budgets.models import Ballot, BudgetProject, Envelope, ProjectStatus
from portal.core import roles
from portal.core.roles import StaffRole
from portal.pages.models import ConsultationPage, EventPage, Organiser, Theme
from portal.participation import services
from portal.participation.apps import grant_roles
from portal.participation.models import Idea, IdeaBox, IdeaStatus, QuestionKind
from portal.proposals.models import EventProposal, ProposalStatus
from tests import factories
from tests.budgets.factories import EnvelopeFactory, ProjectFactory
from tests.factories import ParticipantFactory, QuestionFactory, SurveyFactory, confirmed

EDITOR, MODERATOR = StaffRole.EDITORS, StaffRole.MODERATORS
IDEAS = "/admin/snippets/participation/idea/"
ENVELOPES = "/admin/snippets/budgets/envelope/"
PROJECTS = "/admin/snippets/budgets/budgetproject/"
SECRET = "Je suis infirmière de nuit"  # an answer given as confidential
OPEN_ANSWER = "Plus de pistes cyclables"


# The world the actions work on, built only as far as each action needs it.


@pytest.fixture
def english_home(home, locales):
    """The English site's home page, with nothing below it yet: Wagtail would let anyone who
    may edit and publish it delete it."""
    page = HomePage(title="Home", slug="home", hero_title="Let's build the town", locale=locales[1])
    Page.get_first_root_node().add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def consultation(home):
    return factories.consultation(factories.consultation_index(home), "La place du Marché")


@pytest.fixture
def agenda(home):
    return factories.agenda(home)


@pytest.fixture
def box(consultation, locales):
    theme = Theme.objects.create(locale=locales[0], name="Cadre de vie", slug="cadre-de-vie")
    box = IdeaBox(title="Vos idées pour la place", consultation=consultation)
    box.themes = [theme]
    box.save()
    return box


@pytest.fixture
def idea(box):
    return factories.IdeaFactory(box=box, theme=box.themes.get())


@pytest.fixture
def survey():
    survey = SurveyFactory(title="Se déplacer")
    opinion = QuestionFactory(survey=survey, label="Vos souhaits", kind=QuestionKind.LONG_TEXT)
    job = QuestionFactory(survey=survey, label="Votre métier", confidential=True)
    participant = confirmed("r1@example.org")
    services.answer_survey(
        survey=survey, participant=participant, answers={opinion: OPEN_ANSWER, job: SECRET}
    )
    return survey


@pytest.fixture
def proposal(agenda):
    return EventProposal.objects.create(
        contact=ParticipantFactory(email="asso@example.org"),
        status=ProposalStatus.SUBMITTED,
        organiser_name="Les Amis du Parc",
        title="Pique-nique des voisins",
        summary="Chacun apporte un plat.",
        start=timezone.now() + timedelta(days=20),
        end=timezone.now() + timedelta(days=20, hours=4),
        place_name="Parc des Tilleuls",
        language="fr",
    )


@pytest.fixture
def budget_envelope(consultation):
    """A basket open now, with a project on its ballot and one paper ballot for it."""
    envelope = EnvelopeFactory(consultation=consultation, title="Budget de la ville")
    project = ProjectFactory(envelope=envelope, title="Un jardin partagé")
    budget_services.enter_paper_ballot(
        envelope=envelope, user=None, choices=[project], collected_at="Mairie", district=None
    )
    return envelope


@pytest.fixture
def budget_project(budget_envelope):
    return ProjectFactory(
        envelope=budget_envelope, title="Des bancs", status=ProjectStatus.PROPOSED
    )


@pytest.fixture
def trusted_organiser():
    return Organiser.objects.create(name="Les Amis du Parc", kind="association", trusted=True)


# The actions: each returns whether it took effect.


def home_data(home, **changes):
    data = {
        "title": home.title,
        "slug": home.slug,
        "hero_title": home.hero_title,
        "hero_text": "",
        "hero_link_label": "",
        "highlights": streamfield([]),
        "body": streamfield([]),
        **changes,
    }
    return nested_form_data(data)


def consultation_data(page, **changes):
    phases = [
        {
            "id": phase.pk,
            "title": phase.title,
            "description": "",
            "start": phase.start.isoformat(),
            "end": phase.end.isoformat(),
            "extended_end": "",
        }
        for phase in page.ordered_phases
    ]
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": "",
        "objectives": rich_text(""),
        "contribution_use": rich_text(page.contribution_use),
        "participation_degree": "consultation",
        "body": streamfield([]),
        "rules": rich_text(""),
        "guarantor": "",
        "guarantor_contact": "",
        "contact": streamfield([]),
        "phases": inline_formset(phases, initial=len(phases)),
        **changes,
    }
    return nested_form_data(data)


def edit_home(client, world):
    home = world("home")
    client.post(f"/admin/pages/{home.pk}/edit/", home_data(home, title="Accueil retouché"))
    return Page.objects.get(pk=home.pk).get_latest_revision().content["title"] == "Accueil retouché"


def publish_home(client, world):
    home = world("home")
    data = {**home_data(home, title="Accueil publié"), "action-publish": "action-publish"}
    client.post(f"/admin/pages/{home.pk}/edit/", data)
    return HomePage.objects.get(pk=home.pk).title == "Accueil publié"


def delete_home(client, world):
    home = world("english_home")
    client.post(f"/admin/pages/{home.pk}/delete/")
    return not Page.objects.filter(pk=home.pk).exists()


def unpublish_home(client, world):
    home = world("english_home")
    client.post(f"/admin/pages/{home.pk}/unpublish/")
    return not Page.objects.get(pk=home.pk).live


def edit_consultation(client, world):
    page = world("consultation")
    client.post(f"/admin/pages/{page.pk}/edit/", consultation_data(page, title="Le Marché"))
    return Page.objects.get(pk=page.pk).get_latest_revision().content["title"] == "Le Marché"


def publish_consultation(client, world):
    page = world("consultation")
    data = {**consultation_data(page, title="Le Marché"), "action-publish": "action-publish"}
    client.post(f"/admin/pages/{page.pk}/edit/", data)
    return ConsultationPage.objects.get(pk=page.pk).title == "Le Marché"


def idea_data(idea, **changes):
    return {
        "title": idea.title,
        "description": idea.description,
        "theme": idea.theme_id,
        "district": "",
        "new_status": "",
        "note": "",
        "answer": "",
        **changes,
    }


def moderate_idea(client, world):
    idea = world("idea")
    client.post(f"{IDEAS}edit/{idea.pk}/", idea_data(idea, new_status="published"))
    return Idea.objects.get(pk=idea.pk).status == IdeaStatus.PUBLISHED


def answer_idea(client, world):
    idea = world("idea")
    client.post(f"{IDEAS}edit/{idea.pk}/", idea_data(idea, answer="Nous l’étudions."))
    return Idea.objects.get(pk=idea.pk).official_answer == "Nous l’étudions."


def enter_paper_idea(client, world):
    box = world("box")
    event = factories.event(world("agenda"), "Atelier", timezone.now() - timedelta(days=2))
    data = {
        "box": box.pk,
        "collected_at": event.pk,
        "title": "Un kiosque à musique",
        "description": "Écrit sur une fiche.",
        "theme": box.themes.get().pk,
        "district": "",
        "author_name": "",
    }
    client.post(f"{IDEAS}add/", data)
    return Idea.objects.filter(title="Un kiosque à musique").exists()


def approve_proposal(client, world):
    proposal = world("proposal")
    client.post(
        f"/admin/snippets/proposals/eventproposal/edit/{proposal.pk}/",
        {"decision": "approve", "message": ""},
    )
    proposal.refresh_from_db()
    return proposal.status == ProposalStatus.APPROVED and EventPage.objects.exists()


def results_page(client, world):
    response = client.get(f"/admin/snippets/participation/survey/results/{world('survey').pk}/")
    return response.content.decode() if response.status_code == 200 else ""


def csv_export(client, world):
    url = f"/admin/snippets/participation/survey/results/{world('survey').pk}/csv/"
    response = client.get(url)
    return b"".join(response.streaming_content).decode() if response.status_code == 200 else ""


def read_results(client, world):
    return OPEN_ANSWER in results_page(client, world)


def read_confidential(client, world):
    return SECRET in results_page(client, world)


def export_confidential(client, world):
    return SECRET in csv_export(client, world)


def edit_idea_box(client, world):
    box = world("box")
    data = nested_form_data(
        {
            "title": "Vos idées, encore",
            "consultation": box.consultation_id,
            "introduction": "",
            "opens_at": "01/06/2026 09:00",
            "closes_at": "",
            "themes": [theme.pk for theme in box.themes.all()],
            "accepts_image": "on",
            "extra_fields": inline_formset([]),
        }
    )
    client.post(f"/admin/snippets/participation/ideabox/edit/{box.pk}/", data)
    return IdeaBox.objects.get(pk=box.pk).title == "Vos idées, encore"


def add_theme(client, world):
    world("locales")
    client.post(
        "/admin/snippets/pages/theme/add/?locale=fr", {"name": "Jeunesse", "slug": "jeunesse"}
    )
    return Theme.objects.filter(slug="jeunesse").exists()


def revoke_organiser_trust(client, world):
    organiser = world("trusted_organiser")
    client.post(
        f"/admin/snippets/pages/organiser/edit/{organiser.pk}/",
        {"name": organiser.name, "kind": "association", "description": "", "website": ""},
    )
    return not Organiser.objects.get(pk=organiser.pk).trusted


def add_envelope(client, world):
    consultation = world("consultation")
    data = {
        "title": "Budget des quartiers",
        "consultation": consultation.pk,
        "amount": "50000",
        "district": "",
        "method": "basket",
        "max_choices": "",
        "points": "",
        "opens_at": "2027-09-01 09:00",
        "closes_at": "2027-09-30 18:00",
        "results_hidden_while_open": "on",
    }
    client.post(f"{ENVELOPES}add/", data)
    return Envelope.objects.filter(title="Budget des quartiers").exists()


def study_budget_project(client, world):
    project = world("budget_project")
    data = {"decision": "study", "department": "Voirie", "estimated_cost": "", "note": ""}
    client.post(f"{PROJECTS}edit/{project.pk}/", data)
    return BudgetProject.objects.get(pk=project.pk).status == ProjectStatus.UNDER_STUDY


def enter_paper_ballot(client, world):
    envelope = world("budget_envelope")
    project = envelope.projects.get(status=ProjectStatus.ON_BALLOT)
    data = {"channel": "paper", "collected_at": "Marché", "district": "", "projects": project.pk}
    client.post(f"{ENVELOPES}vote/{envelope.pk}/ballots/", data)
    return Ballot.objects.filter(collected_at="Marché").exists()


def read_vote_dashboard(client, world):
    response = client.get(f"{ENVELOPES}vote/{world('budget_envelope').pk}/")
    return response.status_code == 200 and "Un jardin partagé" in response.content.decode()


def export_ballots(client, world):
    response = client.get(f"{ENVELOPES}vote/{world('budget_envelope').pk}/ballots.csv")
    return response.status_code == 200 and "Mairie" in b"".join(response.streaming_content).decode()


ACTIONS = [
    edit_home,
    publish_home,
    delete_home,
    unpublish_home,
    edit_consultation,
    publish_consultation,
    add_theme,
    edit_idea_box,
    read_results,
    read_confidential,
    export_confidential,
    moderate_idea,
    answer_idea,
    enter_paper_idea,
    approve_proposal,
    revoke_organiser_trust,
    add_envelope,
    study_budget_project,
    enter_paper_ballot,
    read_vote_dashboard,
    export_ballots,
]
ALLOWED = {
    "anonymous": set(),
    EDITOR: {
        edit_home,
        publish_home,
        edit_consultation,
        publish_consultation,
        add_theme,
        edit_idea_box,
        read_results,
        add_envelope,
    },
    MODERATOR: {
        read_results,
        read_confidential,
        export_confidential,
        moderate_idea,
        answer_idea,
        enter_paper_idea,
        approve_proposal,
        revoke_organiser_trust,
        study_budget_project,
        enter_paper_ballot,
        read_vote_dashboard,
        export_ballots,
    },
    "superuser": set(ACTIONS),
}


def sign_in(client, django_user_model, role):
    if role == "anonymous":
        return
    if role == "superuser":
        user = django_user_model.objects.create_superuser("root", "root@mairie.example", "x")
    else:
        user = django_user_model.objects.create_user(role, f"{role}@mairie.example", "x")
        user.groups.add(roles.group(role))
    client.force_login(user)


@pytest.mark.parametrize("action", ACTIONS, ids=lambda action: action.__name__)
@pytest.mark.parametrize("role", ["anonymous", EDITOR, MODERATOR, "superuser"])
def test_each_role_does_what_it_needs_and_nothing_else(
    client, django_user_model, request, home, role, action
):
    """Administrators can do everything: their row also proves that each action works."""
    sign_in(client, django_user_model, role)
    assert action(client, request.getfixturevalue) == (action in ALLOWED[role])


# The groups


def test_wagtails_groups_become_the_towns_roles_named_in_french(db):
    editors, moderators = roles.group(EDITOR), roles.group(MODERATOR)
    assert (editors.name, moderators.name) == ("Rédaction", "Modération")
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    root = Page.get_first_root_node()
    assert set(
        GroupPagePermission.objects.filter(group=editors, page=root).values_list(
            "permission__codename", flat=True
        )
    ) == {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"}
    assert not GroupPagePermission.objects.filter(group=moderators).exists()
    assert not GroupCollectionPermission.objects.filter(group=moderators).exists()
    assert not moderators.permissions.filter(
        content_type__app_label__in=["wagtailimages", "wagtaildocs", "wagtail_localize"]
    ).exists()


def test_a_renamed_group_keeps_its_role(db, django_user_model, django_capture_on_commit_callbacks):
    moderators = roles.group(MODERATOR)
    moderators.name = "Chargées de participation"
    moderators.save()
    moderators.permissions.clear()
    grant_roles(apps_config("participation"))
    assert moderators.permissions.filter(codename="change_idea").exists()
    officer = django_user_model.objects.create_user("agent", "agent@mairie.example", "x")
    officer.groups.add(moderators)
    assert services.moderator_emails() == ["agent@mairie.example"]


def apps_config(label):
    from django.apps import apps

    return apps.get_app_config(label)


def in_english(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def administrator_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("root", "root@mairie.example", "x")
    client.force_login(in_english(user))
    return client


def test_the_admin_says_what_each_role_allows_where_groups_are_listed_edited_and_given(
    administrator_client, django_user_model
):
    with translation.override("en"):
        editors_text = str(roles.DESCRIPTIONS[EDITOR])
        moderators_text = str(roles.DESCRIPTIONS[MODERATOR])
    assert "No rights on pages" in moderators_text
    listing = administrator_client.get("/admin/groups/").content.decode()
    assert editors_text in listing and moderators_text in listing
    edit = administrator_client.get(f"/admin/groups/edit/{roles.group(MODERATOR).pk}/")
    assert moderators_text in edit.content.decode()
    assert administrator_client.get("/admin/groups/new/").status_code == 200  # no role yet
    person = django_user_model.objects.create_user("agent", "agent@mairie.example", "x")
    for url in ("/admin/users/new/", f"/admin/users/edit/{person.pk}/"):
        soup = BeautifulSoup(administrator_client.get(url).content, "html.parser")
        labels = [label.get_text(" ", strip=True) for label in soup.select("#id_groups label")]
        assert f"Modération — {moderators_text}" in labels, url
        assert f"Rédaction — {editors_text}" in labels, url


def test_the_confidential_permission_is_offered_in_the_group_editor(administrator_client):
    permission = Permission.objects.get(codename="view_confidential")
    edit = administrator_client.get(f"/admin/groups/edit/{roles.group(EDITOR).pk}/")
    soup = BeautifulSoup(edit.content, "html.parser")
    assert soup.select_one(f'input[name="permissions"][value="{permission.pk}"]')


def test_editors_do_not_see_whether_an_organiser_is_trusted(client, django_user_model):
    organiser = Organiser.objects.create(name="Les Amis du Parc", kind="association")
    editor = django_user_model.objects.create_user("editrice", "e@mairie.example", "x")
    editor.groups.add(roles.group(EDITOR))
    client.force_login(editor)
    url = f"/admin/snippets/pages/organiser/edit/{organiser.pk}/"
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    assert soup.select_one('input[name="name"]') and not soup.select_one('input[name="trusted"]')
    client.post(url, {"name": organiser.name, "kind": "association", "trusted": "on"})
    assert not Organiser.objects.get(pk=organiser.pk).trusted


def test_a_moderator_approving_an_event_publishes_it_without_any_right_on_pages(
    client, django_user_model, proposal
):
    moderator = django_user_model.objects.create_user("modo", "modo@mairie.example", "x")
    moderator.groups.add(roles.group(MODERATOR))
    client.force_login(moderator)
    assert approve_proposal(client, lambda name: proposal)
    event = EventPage.objects.get()
    assert event.live and event.get_latest_revision().user == moderator
    assert not event.permissions_for_user(moderator).can_edit()


def test_roles_are_described_in_french_to_a_french_speaking_administrator(admin_client):
    listing = admin_client.get("/admin/groups/").content.decode()
    assert "Modération" in listing and "Aucun droit sur les pages." in listing
    assert "Rédaction" in listing and "Rédige, traduit et publie les pages" in listing


def test_pages_submitted_for_proofreading_go_to_editors_not_moderators(
    client, django_user_model, home
):
    """Wagtail's default workflow was its "Moderators"' approval: it is the editors' now."""
    editor, moderator = (
        django_user_model.objects.create_user(role, f"{role}@mairie.example", "x")
        for role in (EDITOR, MODERATOR)
    )
    editor.groups.add(roles.group(EDITOR))
    moderator.groups.add(roles.group(MODERATOR))
    client.force_login(editor)
    data = {**home_data(home, title="Accueil à relire"), "action-submit": "action-submit"}
    client.post(f"/admin/pages/{home.pk}/edit/", data)
    page = Page.objects.get(pk=home.pk)
    task = page.current_workflow_task
    assert task.name == "Relecture par la rédaction"
    assert task.user_can_access_editor(page, editor)
    assert not task.user_can_access_editor(page, moderator)
    client.force_login(moderator)
    assert client.get(f"/admin/pages/{home.pk}/edit/").status_code != 200
