"""A budget project's own page as residents read it, whatever its status, and the
realisation stages officers add to a winner."""

from datetime import date, timedelta

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from portal.budgets import services
from portal.budgets.errors import InvalidProjectStep
from portal.budgets.models import ProjectStatus
from portal.pages.models import Theme
from tests.factories import IdeaBoxFactory, IdeaFactory, ParticipantFactory

from .factories import EnvelopeFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def photo(db):
    return get_image_model().objects.create(title="Parc", file=get_test_image_file())


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def main_text(response):
    return " ".join(soup_of(response).select_one("main").get_text(" ").split())


def test_the_page_shows_what_the_project_is_where_and_for_how_much(
    client, envelope, officer, districts, locales, photo, consultation_page
):
    theme = Theme.objects.create(locale=locales[0], name="Nature en ville", slug="nature")
    project = services.create_project(
        envelope=envelope,
        user=officer,
        title="Des bancs au parc",
        summary="Vingt bancs à l’ombre.",
        cost=18_500,
        district=districts[0],
        theme=theme,
        place="Parc des Tilleuls",
        image=photo,
        image_alt="Un banc sous un tilleul",
    )
    services.study_project(project=project, user=officer, department="Espaces verts")
    soup = soup_of(client.get(project.get_absolute_url()))
    assert soup.title.get_text().startswith("Des bancs au parc ·")
    assert soup.select_one("meta[name=description]")["content"] == "Vingt bancs à l’ombre."
    canonical = soup.select_one("link[rel=canonical]")["href"]
    assert canonical.startswith("http") and canonical.endswith(project.get_absolute_url())
    assert soup.select_one(".page-header .badge").get_text() == "Under study"
    facts = {
        dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(strip=True)
        for dt in soup.select(".facts dt")
    }
    assert facts == {
        "Estimated cost": "18,500 €",
        "Envelope": f"{envelope.title} (100,000 €)",
        "District": "Centre-ville",
        "Theme": "Nature en ville",
        "Place": "Parc des Tilleuls",
        "Studied by": "Espaces verts",
    }
    assert soup.select_one(".project-image img")["alt"] == "Un banc sous un tilleul"
    crumbs = [a["href"] for a in soup.select(".breadcrumbs a")]
    assert crumbs[-1] == consultation_page.url
    assert [li.get_text(" ", strip=True) for li in soup.select(".idea-history li")] == [
        f"Proposed , {timezone.localdate():%-d %B %Y}",
        f"Under study , {timezone.localdate():%-d %B %Y}",
    ]


def test_a_project_not_feasible_says_why_and_a_proposed_one_is_public_too(
    client, envelope, officer
):
    project = services.create_project(envelope=envelope, user=officer, title="Un téléphérique")
    assert "Proposed" in main_text(client.get(project.get_absolute_url()))
    services.study_project(project=project, user=officer, department="Voirie")
    services.mark_not_feasible(
        project=project, user=officer, reason="La rue appartient au département."
    )
    soup = soup_of(client.get(project.get_absolute_url()))
    assert soup.select_one(".page-header .badge").get_text() == "Not feasible"
    answer = soup.select_one(".official-answer").get_text(" ", strip=True)
    assert answer == "Why it is not feasible La rue appartient au département."
    assert not soup.select(".realisation")


def test_a_winner_shows_its_realisation_stages_with_photos_planned_ones_marked(
    client, envelope, officer, photo
):
    project = ProjectFactory(envelope=envelope, status=ProjectStatus.WINNER)
    today = timezone.localdate()
    services.add_realisation_stage(
        project=project,
        user=officer,
        title="Bancs posés",
        date=today - timedelta(days=10),
        image=photo,
        image_alt="Les bancs neufs",
    )
    services.add_realisation_stage(
        project=project, user=officer, title="Étude terminée", date=today - timedelta(days=40)
    )
    services.add_realisation_stage(
        project=project, user=officer, title="Inauguration", date=today + timedelta(days=20)
    )
    soup = soup_of(client.get(project.get_absolute_url()))
    stages = soup.select(".realisation li")
    assert [stage.h3.get_text() for stage in stages] == [
        "Étude terminée",
        "Bancs posés",
        "Inauguration",
    ]
    assert stages[1].select_one("img")["alt"] == "Les bancs neufs"
    assert [bool(stage.select(".badge")) for stage in stages] == [False, False, True]
    assert "Planned" in stages[2].get_text()


def test_a_merged_project_credits_the_ideas_authors_with_links_to_the_ideas(
    client, envelope, officer, consultation_page
):
    box = IdeaBoxFactory(consultation=consultation_page)
    ideas = [
        IdeaFactory(box=box, title="Des bancs", author_name="Inès", status="published"),
        IdeaFactory(box=box, title="De l’ombre", author_name="Marc", status="published"),
    ]
    project = services.merge_ideas(envelope=envelope, ideas=ideas, user=officer, title="Un parc")
    soup = soup_of(client.get(project.get_absolute_url()))
    assert (
        soup.select_one(".page-header__summary")
        .get_text()
        .startswith("From the ideas of Inès and Marc")
    )
    links = {a.get_text(): a["href"] for a in soup.select(".project-ideas a")}
    assert links == {idea.title: idea.get_absolute_url() for idea in ideas}
    assert "@" not in soup.select_one("main").get_text()


def test_an_unknown_project_is_not_found_and_a_wrong_slug_redirects(client, envelope):
    project = ProjectFactory(envelope=envelope, title="Des bancs au parc")
    wrong = project.get_absolute_url().replace("des-bancs-au-parc", "autre-chose")
    response = client.get(wrong)
    assert response.status_code == 301 and response["Location"] == project.get_absolute_url()
    missing = project.get_absolute_url().replace(f"/{project.pk}/", "/999999/")
    assert client.get(missing).status_code == 404
    assert client.post(project.get_absolute_url()).status_code == 405


def test_a_project_of_an_unpublished_consultation_is_not_found(client, envelope, consultation_page):
    project = ProjectFactory(envelope=envelope)
    consultation_page.unpublish()
    assert client.get(project.get_absolute_url()).status_code == 404


def vote(envelope, choices, count=1):
    for _ in range(count):
        services.cast_ballot(envelope=envelope, participant=ParticipantFactory(), choices=choices)


def test_results_are_hidden_while_the_vote_is_open_unless_the_editor_shows_them(
    client, consultation_page
):
    envelope = EnvelopeFactory(consultation=consultation_page, amount=100_000)
    first, second = ProjectFactory(envelope=envelope), ProjectFactory(envelope=envelope)
    vote(envelope, [first, second], 3)
    vote(envelope, [second])
    assert not soup_of(client.get(first.get_absolute_url())).select(".project-result")

    envelope.results_hidden_while_open = False
    envelope.save()
    result = soup_of(client.get(first.get_absolute_url())).select_one(".project-result")
    figures = [dd.get_text() for dd in result.select("dd")]
    assert figures == ["3", "75 %", "2"]
    assert "Provisional results" in result.get_text()

    envelope.results_hidden_while_open = True
    envelope.save()
    with time_machine.travel(timezone.now() + timedelta(days=2)):  # closed yesterday
        result = soup_of(client.get(second.get_absolute_url())).select_one(".project-result")
    assert [dd.get_text() for dd in result.select("dd")] == ["4", "100 %", "1"]
    assert "Provisional" not in result.get_text()
    assert "4 ballots counted" in result.get_text()


def test_realisation_stages_are_for_winners_and_the_last_one_may_finish_the_project(
    envelope, officer, photo, django_capture_on_commit_callbacks
):
    on_ballot = ProjectFactory(envelope=envelope)
    with pytest.raises(InvalidProjectStep, match="Only winning projects"):
        services.add_realisation_stage(
            project=on_ballot, user=officer, title="Début", date=date(2027, 1, 1)
        )
    winner = ProjectFactory(envelope=envelope, status=ProjectStatus.WINNER)
    with pytest.raises(InvalidProjectStep, match="Describe the image"):
        services.add_realisation_stage(
            project=winner, user=officer, title="Photo", date=date(2027, 1, 1), image=photo
        )
    with pytest.raises(InvalidProjectStep, match="title"):
        services.add_realisation_stage(project=winner, user=officer, title=" ", date=date.today())
    assert not winner.stages.exists()
    with django_capture_on_commit_callbacks() as refreshed:
        services.add_realisation_stage(
            project=winner,
            user=officer,
            title="Photo",
            date=date(2027, 1, 1),
            image=photo,
            image_decorative=True,
        )
    assert refreshed  # the cached pages that list it are refreshed
    services.add_realisation_stage(
        project=winner, user=officer, title="Livré", date=date(2027, 1, 1), realised=True
    )
    winner.refresh_from_db()
    assert winner.status == ProjectStatus.REALISED
    assert [(s.title, s.order) for s in winner.stages.all()] == [("Photo", 0), ("Livré", 1)]
    step = winner.steps.last()
    assert (step.from_status, step.to_status, step.user, step.note) == (
        ProjectStatus.WINNER,
        ProjectStatus.REALISED,
        officer,
        "Livré",
    )
    # A realised project may still show what followed (an inauguration).
    services.add_realisation_stage(
        project=winner, user=officer, title="Inauguration", date=date(2027, 2, 1), realised=True
    )
    assert winner.steps.filter(to_status=ProjectStatus.REALISED).count() == 1


def test_a_project_image_needs_a_description_or_to_be_decorative(envelope, officer, photo):
    with pytest.raises(InvalidProjectStep, match="Describe the image"):
        services.create_project(envelope=envelope, user=officer, title="Bancs", image=photo)
    project = services.create_project(
        envelope=envelope, user=officer, title="Bancs", image=photo, image_decorative=True
    )
    assert project.alt == ""
