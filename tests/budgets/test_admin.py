"""Participatory budgets in the admin: envelopes, the feasibility queue, projects made of
ideas, paper ballots, the vote's dashboard, the declaration of the results and the exports."""

import csv
import io
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.users.models import UserProfile

from portal.budgets import services
from portal.budgets.models import (
    Ballot,
    BallotChannel,
    BudgetProject,
    Envelope,
    ProjectStatus,
    VotingMethod,
)
from portal.core import roles
from portal.core.roles import StaffRole
from portal.pages.models import Theme
from portal.participation.models import IdeaStatus
from tests import factories
from tests.factories import IdeaBoxFactory, IdeaFactory, ParticipantFactory

from .factories import EnvelopeFactory, ProjectFactory

ENVELOPES = "/admin/snippets/budgets/envelope/"
PROJECTS = "/admin/snippets/budgets/budgetproject/"


def vote_url(envelope, screen=""):
    return f"{ENVELOPES}vote/{envelope.pk}/{screen}"


def staff(django_user_model, role, name):
    user = django_user_model.objects.create_user(name, f"{name}@mairie.example", "x")
    user.groups.add(roles.group(role))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def moderator(django_user_model):
    return staff(django_user_model, StaffRole.MODERATORS, "agent")


@pytest.fixture
def editor(django_user_model):
    return staff(django_user_model, StaffRole.EDITORS, "redaction")


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def projects(envelope):
    """Three projects on the ballot: 60,000, 30,000 and 20,000 €."""
    return [
        ProjectFactory(envelope=envelope, title=title, cost=cost)
        for title, cost in (("Jardin partagé", 60_000), ("Bancs", 30_000), ("Fontaine", 20_000))
    ]


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def messages_of(response):
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


def errors_of(response):
    """The error summary at the top of the form, and the errors next to the fields."""
    page = soup(response)
    summary = page.select_one(".budget-error-summary")
    return (
        summary.get_text(" ", strip=True) if summary else "",
        [error.get_text(" ", strip=True) for error in page.select(".error-message")],
    )


def csv_rows(response):
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


# Envelopes


def envelope_data(page, **changes):
    return {
        "title": "Budget de la ville",
        "consultation": page.pk,
        "amount": "500000",
        "district": "",
        "method": VotingMethod.BASKET,
        "max_choices": "",
        "points": "",
        "opens_at": "2027-09-01 09:00",
        "closes_at": "2027-09-30 18:00",
        "results_hidden_while_open": "on",
        **changes,
    }


def test_an_editor_creates_an_envelope_of_a_consultation(editor_client, consultation_page):
    response = editor_client.post(f"{ENVELOPES}add/", envelope_data(consultation_page))
    assert response.status_code == 303, errors_of(response)
    envelope = Envelope.objects.get()
    assert (envelope.consultation, envelope.amount) == (consultation_page.specific, 500_000)
    assert timezone.localtime(envelope.opens_at).hour == 9


def test_the_envelope_form_offers_consultation_pages_only(editor_client, consultation_page, home):
    page = soup(editor_client.get(f"{ENVELOPES}add/"))
    offered = [option["value"] for option in page.select("select[name=consultation] option")]
    assert str(consultation_page.pk) in offered and str(home.pk) not in offered
    response = editor_client.post(f"{ENVELOPES}add/", envelope_data(home))
    assert response.status_code == 200 and not Envelope.objects.exists()


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"amount": "99999999999999999999"}, "amount"),
        ({"amount": "-5"}, "amount"),
        ({"amount": "beaucoup"}, "amount"),
        ({"method": VotingMethod.CHOICES}, "max_choices"),
        ({"method": VotingMethod.POINTS, "points": "0"}, "points"),
        ({"closes_at": "2027-08-01 09:00"}, "closes_at"),
        ({"title": ""}, "title"),
        ({"consultation": "999999"}, "consultation"),
    ],
)
def test_a_bad_envelope_is_refused_on_its_field(editor_client, consultation_page, changes, field):
    response = editor_client.post(f"{ENVELOPES}add/", envelope_data(consultation_page, **changes))
    assert response.status_code == 200
    assert soup(response).select_one(f"[data-field-wrapper] #id_{field}, #id_{field}")
    assert soup(response).select(".w-field--error")
    assert not Envelope.objects.exists()


def locked_envelope(envelope, projects, moderator):
    services.enter_paper_ballot(
        envelope=envelope,
        user=moderator,
        choices=[projects[0]],
        collected_at="Mairie",
        district=None,
    )
    envelope.refresh_from_db()
    return envelope


def edit_data(envelope, **changes):
    current = {
        "title": envelope.title,
        "amount": str(envelope.amount),
        "method": envelope.method,
        "opens_at": timezone.localtime(envelope.opens_at).strftime("%Y-%m-%d %H:%M"),
        "closes_at": timezone.localtime(envelope.closes_at).strftime("%Y-%m-%d %H:%M"),
    }
    return envelope_data(envelope.consultation, **{**current, **changes})


def test_after_the_first_ballot_the_voting_rules_say_why_they_are_locked(
    editor_client, envelope, projects, moderator
):
    envelope = locked_envelope(envelope, projects, moderator)
    url = f"{ENVELOPES}edit/{envelope.pk}/"
    page = soup(editor_client.get(url))
    for name in ("method", "amount", "max_choices", "points"):
        wrapper = page.select_one(f"#id_{name}").find_parent(class_="w-field")
        assert "Voting started on" in wrapper.get_text(), name
    response = editor_client.post(url, edit_data(envelope, amount="200000"))
    assert response.status_code == 200
    assert any("Voting started on" in error for error in errors_of(response)[1])
    envelope.refresh_from_db()
    assert envelope.amount == 100_000
    response = editor_client.post(url, edit_data(envelope, title="Budget 2027"))
    assert response.status_code == 303
    assert Envelope.objects.get(pk=envelope.pk).title == "Budget 2027"


def test_a_first_ballot_during_the_edit_is_a_form_error_not_a_server_error(
    editor_client, envelope, projects, moderator, monkeypatch
):
    """The ballot comes between the form's checks and the save: `save` refuses."""
    url = f"{ENVELOPES}edit/{envelope.pk}/"
    data = edit_data(envelope, amount="200000")
    original_clean = Envelope.clean

    def clean_then_ballot(self):
        original_clean(self)
        locked_envelope(envelope, projects, moderator)

    monkeypatch.setattr(Envelope, "clean", clean_then_ballot)
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "Voting started on" in soup(response).get_text()
    assert Envelope.objects.get(pk=envelope.pk).amount == 100_000


# The feasibility queue


@pytest.fixture
def queue(envelope, districts, locales):
    theme = Theme.objects.create(locale=locales[0], name="Nature", slug="nature")
    proposed = ProjectFactory(
        envelope=envelope, title="Proposé", status=ProjectStatus.PROPOSED, district=districts[0]
    )
    studied = ProjectFactory(
        envelope=envelope, title="À l'étude", status=ProjectStatus.UNDER_STUDY, theme=theme
    )
    on_ballot = ProjectFactory(envelope=envelope, title="Au vote")
    return proposed, studied, on_ballot


def listed(response):
    """The titles of the projects a list shows, in order."""
    rows = soup(response).select("tbody tr")
    return [row.select_one("td.title a").get_text(strip=True) for row in rows]


def test_the_queue_lists_projects_waiting_for_an_officer_and_filters(
    moderator_client, queue, districts
):
    proposed, studied, on_ballot = queue
    response = moderator_client.get(PROJECTS)
    assert response.status_code == 200
    assert set(listed(response)) == {"Proposé", "À l'étude"}
    assert set(listed(moderator_client.get(f"{PROJECTS}?status=all"))) == {
        "Proposé",
        "À l'étude",
        "Au vote",
    }
    assert listed(moderator_client.get(f"{PROJECTS}?status=on_ballot")) == ["Au vote"]
    by_district = moderator_client.get(f"{PROJECTS}?status=all&district={districts[0].pk}")
    assert listed(by_district) == ["Proposé"]
    by_theme = moderator_client.get(f"{PROJECTS}?status=all&theme={studied.theme_id}")
    assert listed(by_theme) == ["À l'étude"]
    other = EnvelopeFactory(consultation=proposed.envelope.consultation, title="Quartiers")
    ProjectFactory(envelope=other, title="Ailleurs", status=ProjectStatus.PROPOSED)
    assert listed(moderator_client.get(f"{PROJECTS}?envelope={other.pk}")) == ["Ailleurs"]
    for hostile in ("status=nope", "envelope=abc", "district=99999999999999999999", "theme=-1"):
        assert moderator_client.get(f"{PROJECTS}?{hostile}").status_code == 200


def test_the_queue_costs_the_same_queries_whatever_its_length(
    moderator_client, envelope, districts
):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert moderator_client.get(f"{PROJECTS}?status=all").status_code == 200
        return len(queries)

    ProjectFactory(envelope=envelope, district=districts[0])
    few = count()
    for index in range(15):
        ProjectFactory(
            envelope=envelope, district=districts[index % 2], status=ProjectStatus.PROPOSED
        )
    assert count() == few


def review(client, project, **data):
    """The review posted as its form comes: where the project is, unchanged, unless said."""
    where = {
        "district": project.district_id or "",
        "place": project.place,
        "latitude": project.latitude or "",
        "longitude": project.longitude or "",
    }
    fields = {"decision": "", "department": "", "estimated_cost": "", "note": "", **where, **data}
    return client.post(f"{PROJECTS}edit/{project.pk}/", fields)


def test_a_project_is_studied_found_feasible_and_put_on_the_ballot(
    moderator_client, queue, moderator
):
    project = queue[0]
    page = soup(moderator_client.get(f"{PROJECTS}edit/{project.pk}/"))
    assert [radio["value"] for radio in page.select("input[name=decision]")] == ["study"]
    response = review(moderator_client, project, decision="study", department="Espaces verts")
    assert response.status_code == 303
    project.refresh_from_db()
    assert (project.status, project.department) == (ProjectStatus.UNDER_STUDY, "Espaces verts")
    response = review(moderator_client, project, decision="feasible", estimated_cost="45000")
    assert response.status_code == 303
    response = review(moderator_client, project, decision="on_ballot")
    assert response.status_code == 303
    project.refresh_from_db()
    assert (project.status, project.cost) == (ProjectStatus.ON_BALLOT, 45_000)
    history = soup(moderator_client.get(f"{PROJECTS}edit/{project.pk}/")).get_text()
    assert "Espaces verts" in history and "On the ballot" in history
    assert list(project.steps.values_list("user", flat=True)) == [moderator.pk] * 3


@pytest.mark.parametrize(
    "data, field",
    [
        ({"decision": "study"}, "department"),
        ({"decision": "feasible"}, "estimated_cost"),
        ({"decision": "feasible", "estimated_cost": "-1"}, "estimated_cost"),
        ({"decision": "feasible", "estimated_cost": "99999999999999999999"}, "estimated_cost"),
        ({"decision": "feasible", "estimated_cost": "cher"}, "estimated_cost"),
        ({"decision": "not_feasible"}, "note"),
        ({"decision": "on_ballot"}, "decision"),
        ({}, "decision"),
    ],
)
def test_a_decision_missing_what_it_needs_is_refused_on_its_field(
    moderator_client, queue, data, field
):
    project = queue[1]  # under study
    response = review(moderator_client, project, **data)
    assert response.status_code == 200
    assert soup(response).select_one(f"#id_{field}").find_parent(class_="w-field--error") or soup(
        response
    ).select(".w-field--error")
    assert BudgetProject.objects.get(pk=project.pk).status == ProjectStatus.UNDER_STUDY


def test_not_feasible_publishes_the_reason(moderator_client, queue):
    project = queue[1]
    response = review(moderator_client, project, decision="not_feasible", note="Terrain privé.")
    assert response.status_code == 303
    project.refresh_from_db()
    assert (project.status, project.public_reason) == (ProjectStatus.NOT_FEASIBLE, "Terrain privé.")


def test_what_the_services_refuse_is_shown_on_the_form(moderator_client, envelope, moderator):
    too_dear = ProjectFactory(envelope=envelope, cost=500_000, status=ProjectStatus.FEASIBLE)
    response = review(moderator_client, too_dear, decision="on_ballot")
    assert response.status_code == 200
    assert "more than the envelope" in soup(response).get_text()
    on_ballot = ProjectFactory(envelope=envelope, title="Au vote")
    feasible = ProjectFactory(envelope=envelope, cost=1_000, status=ProjectStatus.FEASIBLE)
    locked_envelope(envelope, [on_ballot], moderator)
    response = review(moderator_client, feasible, decision="on_ballot")
    assert response.status_code == 200
    assert "Voting has started" in soup(response).get_text()
    assert BudgetProject.objects.get(pk=feasible.pk).status == ProjectStatus.FEASIBLE


def test_officers_enter_a_project_directly(moderator_client, envelope, districts):
    response = moderator_client.post(
        f"{PROJECTS}add/",
        {
            "envelope": envelope.pk,
            "title": "Une piste cyclable",
            "summary": "Le long du canal.",
            "cost": "0",
            "theme": "",
            "district": districts[1].pk,
        },
    )
    assert response.status_code == 303
    project = BudgetProject.objects.get()
    assert (project.status, project.district) == (ProjectStatus.PROPOSED, districts[1])
    assert project.steps.get().user is not None
    bad = moderator_client.post(
        f"{PROJECTS}add/", {"envelope": "999999", "title": "<b>x</b>", "cost": "-3"}
    )
    assert bad.status_code == 200 and BudgetProject.objects.count() == 1


# Projects made of ideas


@pytest.fixture
def ideas(consultation_page):
    box = IdeaBoxFactory(consultation=consultation_page)
    return [
        IdeaFactory(box=box, title="Des arbres", author_name="Inès", status=IdeaStatus.PUBLISHED),
        IdeaFactory(box=box, title="De l'ombre", author_name="Paul", status=IdeaStatus.PUBLISHED),
        IdeaFactory(box=box, title="En attente", status=IdeaStatus.SUBMITTED),
    ]


def test_ideas_are_merged_into_a_project_crediting_their_authors(moderator_client, envelope, ideas):
    url = f"{PROJECTS}merge/"
    chooser = soup(moderator_client.get(url))
    assert chooser.select_one("select[name=envelope]")
    page = soup(moderator_client.get(f"{url}?envelope={envelope.pk}"))
    offered = [label.get_text(" ", strip=True) for label in page.select("#id_ideas label")]
    assert len(offered) == 2 and any("Des arbres" in label and "Inès" in label for label in offered)
    response = moderator_client.post(
        f"{url}?envelope={envelope.pk}",
        {"ideas": [ideas[0].pk, ideas[1].pk], "title": "Une forêt urbaine", "summary": ""},
    )
    assert response.status_code == 303
    project = BudgetProject.objects.get()
    assert project.credited_authors() == ["Inès", "Paul"]
    assert response["Location"] == f"{PROJECTS}edit/{project.pk}/"
    review_page = moderator_client.get(response["Location"]).content.decode()
    assert "Inès, Paul" in review_page


def test_merging_refuses_ideas_it_does_not_offer_and_keeps_what_was_typed(
    moderator_client, envelope, ideas, home
):
    other = factories.consultation(envelope.consultation.get_parent(), "Autre")
    elsewhere = IdeaFactory(box=IdeaBoxFactory(consultation=other), status=IdeaStatus.PUBLISHED)
    url = f"{PROJECTS}merge/?envelope={envelope.pk}"
    for chosen in ([ideas[2].pk], [elsewhere.pk], ["abc"], [], ["99999999999999999999"]):
        response = moderator_client.post(url, {"ideas": chosen, "title": "Gardé"})
        assert response.status_code == 200
        assert soup(response).select_one("#id_title")["value"] == "Gardé"
        assert errors_of(response)[0]
    assert not BudgetProject.objects.exists()
    for envelope_id in ("abc", "99999999999999999999", "-1"):
        assert moderator_client.get(f"{PROJECTS}merge/?envelope={envelope_id}").status_code == 200
    for screen in ("", "ballots/", "declare/", "results.csv", "ballots.csv"):
        url = f"{ENVELOPES}vote/99999999999999999999/{screen}"
        assert (
            moderator_client.get(url, follow=True).status_code == 404
        )  # after the locale middleware tries /fr/


# Paper ballots


def paper(client, envelope, **data):
    fields = {"channel": "paper", "collected_at": "Marché du samedi", "district": "", **data}
    return client.post(vote_url(envelope, "ballots/"), fields)


def test_an_officer_enters_a_pile_of_paper_ballots(moderator_client, envelope, projects, districts):
    page = soup(moderator_client.get(vote_url(envelope, "ballots/")))
    assert len(page.select("input[name=projects]")) == 3
    assert page.select_one("fieldset#id_projects legend")
    response = paper(
        moderator_client,
        envelope,
        projects=[projects[1].pk, projects[2].pk],
        district=districts[0].pk,
    )
    assert response.status_code == 303
    ballot = Ballot.objects.get()
    assert (ballot.channel, ballot.collected_at, ballot.district) == (
        BallotChannel.PAPER,
        "Marché du samedi",
        districts[0],
    )
    assert set(ballot.choices.values_list("project", flat=True)) == {projects[1].pk, projects[2].pk}
    next_form = moderator_client.get(response["Location"])
    assert f"Ballot n°{ballot.pk} entered." in messages_of(next_form)
    page = soup(next_form)
    assert page.select_one("#id_collected_at")["value"] == "Marché du samedi"
    assert page.select_one(f"#id_district option[value='{districts[0].pk}']").has_attr("selected")
    assert page.select_one("input[name=channel][value=paper]").has_attr("checked")
    assert not page.select("input[name=projects][checked]")


def test_an_in_person_vote_needs_no_place(moderator_client, envelope, projects):
    response = paper(
        moderator_client, envelope, channel="in_person", collected_at="", projects=[projects[0].pk]
    )
    assert response.status_code == 303
    assert Ballot.objects.get().channel == BallotChannel.IN_PERSON


@pytest.mark.parametrize(
    "data, expected",
    [
        ({"projects": ["PROJECTS_ALL"]}, "over the envelope"),
        ({"projects": []}, "Tick the projects"),
        (
            {"projects": ["PROJECT_0"], "collected_at": ""},
            "Say where this paper ballot was collected",
        ),
        ({"projects": ["PROJECT_0"], "channel": "online"}, "How the resident voted"),
        ({"projects": ["PROJECT_0"], "district": "99999999999999999999"}, "Voter's district"),
        ({"projects": ["abc"]}, "Projects chosen"),
        ({"projects": ["OTHER"]}, "Projects chosen"),
    ],
)
def test_a_ballot_breaking_a_rule_is_refused_and_nothing_is_lost(
    moderator_client, envelope, projects, consultation_page, data, expected
):
    other = ProjectFactory(envelope=EnvelopeFactory(consultation=consultation_page))
    ids = {
        "PROJECTS_ALL": [p.pk for p in projects],
        "PROJECT_0": [projects[0].pk],
        "OTHER": [other.pk],
    }
    chosen = []
    for value in data.get("projects", []):
        chosen += ids.get(value, [value])
    response = paper(moderator_client, envelope, **{**data, "projects": chosen})
    assert response.status_code == 200
    summary, _beside = errors_of(response)
    assert expected in summary
    assert not Ballot.objects.exists()
    page = soup(response)
    for pk in chosen:
        if pk in ids["PROJECTS_ALL"]:
            assert page.select_one(f"input[name=projects][value='{pk}']").has_attr("checked")


def test_a_vote_for_n_projects_refuses_more(moderator_client, envelope, projects):
    Envelope.objects.filter(pk=envelope.pk).update(method=VotingMethod.CHOICES, max_choices=2)
    response = paper(moderator_client, envelope, projects=[p.pk for p in projects])
    assert "You may choose up to 2 projects; you chose 3." in errors_of(response)[0]


def test_a_vote_by_points_takes_numbers(moderator_client, envelope, projects):
    Envelope.objects.filter(pk=envelope.pk).update(method=VotingMethod.POINTS, points=10)
    page = soup(moderator_client.get(vote_url(envelope, "ballots/")))
    assert len(page.select("fieldset#id_points input[type=number]")) == 3
    first, second = (f"points-{projects[0].pk}", f"points-{projects[1].pk}")
    over = paper(moderator_client, envelope, **{first: "8", second: "5"})
    assert "more than the 10 you have" in errors_of(over)[0]
    assert soup(over).select_one(f"#id_{first}")["value"] == "8"
    huge = paper(moderator_client, envelope, **{first: "99999999999999999999"})
    assert huge.status_code == 200 and errors_of(huge)[1]
    assert paper(moderator_client, envelope, **{first: "7", second: "3"}).status_code == 303
    assert sorted(Ballot.objects.get().choices.values_list("points", flat=True)) == [3, 7]


def test_paper_ballots_are_refused_once_the_grace_day_is_over(moderator_client, envelope, projects):
    Envelope.objects.filter(pk=envelope.pk).update(
        opens_at=timezone.now() - timedelta(days=10), closes_at=timezone.now() - timedelta(days=2)
    )
    response = paper(moderator_client, envelope, projects=[projects[0].pk])
    assert response.status_code == 200
    assert "paper ballots could be entered for a day" in errors_of(response)[0]


# The dashboard, the declaration, the exports


@pytest.fixture
def voted(envelope, projects, districts, moderator):
    """Two online ballots, two paper ones and one in person, over two days: the garden has
    3 votes, the fountain 2, the benches 1; the garden and the fountain fit in 100,000 €."""
    now = timezone.now()
    yesterday = now - timedelta(hours=20)
    for index, (choice, district) in enumerate(((0, 0), (1, 1))):
        services.cast_ballot(
            envelope=envelope,
            participant=ParticipantFactory(email=f"votante{index}@example.org"),
            choices=[projects[choice]],
            district=districts[district],
            now=yesterday,
        )
    for choice in (0, 2):
        services.enter_paper_ballot(
            envelope=envelope,
            user=moderator,
            choices=[projects[choice]],
            collected_at='=HYPERLINK("http://x")',
            district=districts[0],
        )
    services.enter_paper_ballot(
        envelope=envelope,
        user=moderator,
        choices=[projects[0], projects[2]],
        collected_at="",
        district=None,
        channel=BallotChannel.IN_PERSON,
    )
    return envelope


def test_the_dashboard_shows_the_vote(moderator_client, voted, projects):
    response = moderator_client.get(vote_url(voted))
    assert response.status_code == 200
    page = soup(response)
    ranking = [
        row.select_one("th").get_text(strip=True) for row in page.select(".budget-ranking tbody tr")
    ]
    assert ranking == ["Jardin partagé", "Fontaine", "Bancs"]
    tables = {
        table.caption.get_text(strip=True): table for table in page.select("table.budget-bars")
    }
    channels = tables["Ballots by channel"].get_text(" ", strip=True)
    assert "Online 2" in channels and "On paper 2" in channels
    districts = tables["Ballots by the voter's district"].get_text(" ", strip=True)
    assert "Centre-ville 3" in districts and "District not given 1" in districts
    assert len(tables["Ballots cast or entered each day"].select("tbody tr")) in (1, 2)
    assert "votante" not in response.content.decode()
    assert "Declare the results" not in response.content.decode()  # still open


def test_the_dashboard_costs_the_same_queries_whatever_the_vote(
    moderator_client, envelope, projects, moderator
):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert moderator_client.get(vote_url(envelope)).status_code == 200
        return len(queries)

    services.enter_paper_ballot(
        envelope=envelope, user=moderator, choices=[projects[0]], collected_at="A", district=None
    )
    few = count()
    for index in range(12):
        ProjectFactory(envelope=envelope, cost=100)
        services.enter_paper_ballot(
            envelope=envelope,
            user=moderator,
            choices=[projects[index % 3]],
            collected_at="A",
            district=None,
            now=timezone.now() - timedelta(hours=index),
        )
    assert count() == few


def test_results_are_declared_from_a_day_after_closing(moderator_client, voted, projects):
    closed = timezone.now() - timedelta(days=2)
    Envelope.objects.filter(pk=voted.pk).update(closes_at=closed)
    page = moderator_client.get(vote_url(voted)).content.decode()
    assert "Declare the results" in page
    confirm = moderator_client.get(vote_url(voted, "declare/"))
    assert "Jardin partagé" in confirm.content.decode()
    response = moderator_client.post(vote_url(voted, "declare/"))
    assert response.status_code == 303 and response["Location"] == vote_url(voted)
    statuses = dict(BudgetProject.objects.values_list("title", "status"))
    assert statuses == {
        "Jardin partagé": ProjectStatus.WINNER,
        "Fontaine": ProjectStatus.WINNER,
        "Bancs": ProjectStatus.NOT_SELECTED,
    }
    again = moderator_client.get(vote_url(voted, "declare/")).content.decode()
    assert "declared already" in again


def test_declaring_too_early_says_when(moderator_client, voted):
    response = moderator_client.post(vote_url(voted, "declare/"))
    assert response.status_code == 200
    assert "Results can be declared from" in soup(response).get_text()
    assert not BudgetProject.objects.filter(status=ProjectStatus.WINNER).exists()


def test_the_results_export(moderator_client, voted, projects, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        response = moderator_client.get(vote_url(voted, "results.csv"))
        rows = csv_rows(response)
    assert response["Content-Disposition"].startswith('attachment; filename="enveloppe')
    header, *lines = rows
    assert header[:6] == ["Project", "Title", "Cost (euros)", "Status", "Votes", "Ballots"]
    assert header[6:9] == ["Online", "On paper", "In person, at the town hall"]
    assert header[9:] == ["Centre-ville", "Les Hauts", "District not given", "Winner"]
    garden = lines[0]
    assert garden[1:] == [
        "Jardin partagé",
        "60000",
        "On the ballot",
        "3",
        "3",
        "1",
        "1",
        "1",
        "2",
        "0",
        "1",
        "yes",
    ]
    assert lines[2][1] == "Bancs" and lines[2][-1] == "no"


def test_the_ballots_export_never_names_a_voter(moderator_client, voted, projects):
    response = moderator_client.get(vote_url(voted, "ballots.csv"))
    text_rows = csv_rows(response)
    header, *lines = text_rows
    assert header == ["Ballot", "Channel", "Voter's district", "Date", "Collected at", "Choices"]
    assert len(lines) == 5
    whole = repr(text_rows)
    assert "@" not in whole and "votante" not in whole and "agent" not in whole
    paper_row = next(line for line in lines if line[1] == "On paper")
    assert paper_row[4].startswith("'=")  # a formula is written as text
    in_person = next(line for line in lines if line[1].startswith("In person"))
    assert set(in_person[5].split(" | ")) == {"Jardin partagé", "Fontaine"}
    assert in_person[2] == "District not given"


# Who may see what


@pytest.mark.parametrize("role", ["anonymous", "editor"])
def test_the_vote_and_the_queue_are_the_officers_only(
    client, django_user_model, voted, projects, role
):
    if role == "editor":
        client.force_login(staff(django_user_model, StaffRole.EDITORS, "redaction"))
    urls = [
        vote_url(voted),
        vote_url(voted, "ballots/"),
        vote_url(voted, "declare/"),
        vote_url(voted, "results.csv"),
        vote_url(voted, "ballots.csv"),
        PROJECTS,
        f"{PROJECTS}edit/{projects[0].pk}/",
        f"{PROJECTS}merge/?envelope={voted.pk}",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert b"Jardin" not in b"".join(getattr(response, "streaming_content", [response.content]))
    before = Ballot.objects.count()
    client.post(
        vote_url(voted, "ballots/"),
        {"channel": "paper", "collected_at": "X", "projects": projects[0].pk},
    )
    client.post(vote_url(voted, "declare/"))
    assert Ballot.objects.count() == before
    assert not BudgetProject.objects.exclude(status=ProjectStatus.ON_BALLOT).exists()


def test_moderators_see_envelopes_but_do_not_change_them(moderator_client, envelope):
    listing = moderator_client.get(ENVELOPES)
    assert listing.status_code == 200
    links = [link["href"] for link in soup(listing).select("a[href]")]
    assert vote_url(envelope) in links and vote_url(envelope, "ballots/") in links
    assert moderator_client.get(f"{ENVELOPES}edit/{envelope.pk}/").status_code in (302, 403)
    assert moderator_client.get(f"{ENVELOPES}add/").status_code in (302, 403)


def test_editors_list_envelopes_without_the_vote_screens(editor_client, envelope):
    links = [link["href"] for link in soup(editor_client.get(ENVELOPES)).select("a[href]")]
    assert f"{ENVELOPES}edit/{envelope.pk}/" in links
    assert not any("/vote/" in link for link in links)


def test_the_envelope_list_costs_the_same_queries_whatever_its_length(
    moderator_client, consultation_page
):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert moderator_client.get(ENVELOPES).status_code == 200
        return len(queries)

    EnvelopeFactory(consultation=consultation_page)
    few = count()
    for _index in range(8):
        EnvelopeFactory(consultation=consultation_page)
    assert count() == few


def test_an_envelope_with_projects_is_not_deleted_and_says_why(editor_client, envelope, projects):
    url = f"{ENVELOPES}delete/{envelope.pk}/"
    assert editor_client.get(url).status_code == 200
    response = editor_client.post(url)
    assert response.status_code in (200, 302, 303)
    assert Envelope.objects.filter(pk=envelope.pk).exists()
    empty = EnvelopeFactory(consultation=envelope.consultation)
    editor_client.post(f"{ENVELOPES}delete/{empty.pk}/")
    assert not Envelope.objects.filter(pk=empty.pk).exists()


def test_a_project_on_the_ballot_may_be_taken_off_until_voting_starts(moderator_client, projects):
    page = soup(moderator_client.get(f"{PROJECTS}edit/{projects[0].pk}/"))
    labels = [label.get_text(strip=True) for label in page.select("#id_decision label")]
    assert labels == ["Take it off the ballot (it stays feasible)"]
    response = review(moderator_client, projects[0], decision="feasible", estimated_cost="60000")
    assert response.status_code == 303
    assert BudgetProject.objects.get(pk=projects[0].pk).status == ProjectStatus.FEASIBLE


def test_the_admin_home_page_shows_officers_the_feasibility_queue(moderator_client, queue):
    text = soup(moderator_client.get("/admin/")).get_text(" ", strip=True)
    assert "2 budget projects await an officer." in text
