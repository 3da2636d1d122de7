"""Officers place a project they enter by its latitude and longitude: its district follows
when they choose none, and a hostile value is refused next to its field. The map next to the
list of projects: their points as JSON, with the list's envelopes, statuses and filters."""

import json
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import PageViewRestriction

from portal.budgets.models import BudgetProject, ProjectStatus
from portal.core.roles import StaffRole
from tests.districts import create_districts

from .factories import EnvelopeFactory, ProjectFactory
from .test_admin import PROJECTS, staff


@pytest.fixture
def moderator_client(client, django_user_model):
    client.force_login(staff(django_user_model, StaffRole.MODERATORS, "agent"))
    return client


def entered(envelope, **fields):
    return {
        "envelope": envelope.pk,
        "title": "Un kiosque",
        "summary": "",
        "cost": "0",
        "theme": "",
        "district": "",
        **fields,
    }


def test_a_project_s_point_gives_its_district(moderator_client, envelope, locales):
    districts = create_districts(locales[0])
    response = moderator_client.post(
        f"{PROJECTS}add/", entered(envelope, latitude="45.73", longitude="4.96")
    )
    assert response.status_code == 303
    assert BudgetProject.objects.get().district == districts["est"]


def test_a_point_copied_with_more_decimals_is_kept_to_six(moderator_client, envelope):
    """As the public form keeps it: about ten centimetres."""
    response = moderator_client.post(
        f"{PROJECTS}add/", entered(envelope, latitude="45,1234567891", longitude="4.8")
    )
    assert response.status_code == 303
    assert BudgetProject.objects.get().latitude == Decimal("45.123457")


@pytest.mark.parametrize(
    ("latitude", "longitude"),
    [
        ("abc", "4.8"),
        ("95", "4.8"),
        ("45.7", "-181"),
        ("1e400", "4.8"),
        ("NaN", "4.8"),
        ("", "4.8"),
        ("45,7,2", "4.8"),
    ],
)
def test_a_hostile_point_is_refused(moderator_client, envelope, latitude, longitude):
    response = moderator_client.post(
        f"{PROJECTS}add/", entered(envelope, latitude=latitude, longitude=longitude)
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) <= {"latitude", "longitude"}
    assert response.context["form"].errors
    assert not BudgetProject.objects.exists()


# The map next to the list of projects


def placed(envelope, title, status=ProjectStatus.ON_BALLOT, point=("45.76", "4.81"), **fields):
    return ProjectFactory(
        envelope=envelope,
        title=title,
        status=status,
        latitude=Decimal(point[0]) if point else None,
        longitude=Decimal(point[1]) if point else None,
        **fields,
    )


def points(client, **query):
    response = client.get(reverse("budgets:project_map"), query)
    assert response.status_code == 200
    return [item["title"] for item in response.json()["points"]]


def test_the_map_gives_the_placed_projects_of_the_envelopes_named(client, envelope, locales):
    districts = create_districts(locales[0])
    kiosk = placed(envelope, "Un kiosque", district=districts["nord"], cost=5_000)
    placed(envelope, "Un abri", ProjectStatus.NOT_FEASIBLE, ("45.72", "4.82"), cost=50_000)
    placed(envelope, "Sans lieu", point=None)
    placed(EnvelopeFactory(consultation=envelope.consultation), "Ailleurs")
    response = client.get(reverse("budgets:project_map"), {"envelope": envelope.pk})
    assert response.json()["points"][0] == {
        "title": "Un kiosque",
        "lat": 45.76,
        "lng": 4.81,
        "status": "On the ballot",
        "url": kiosk.get_absolute_url(),
    }
    assert points(client, envelope=envelope.pk) == ["Un kiosque", "Un abri"]
    assert points(client, envelope=envelope.pk, status="on_ballot") == ["Un kiosque"]
    assert points(client, envelope=envelope.pk, district=districts["nord"].pk) == ["Un kiosque"]
    assert points(client, envelope=envelope.pk, cost_min="10000") == ["Un abri"]
    assert points(client, envelope=envelope.pk, cost_max="10000") == ["Un kiosque"]
    for hostile in ("abc", "-1", "9" * 40, "1 OR 1=1", "\x00"):
        query = dict.fromkeys(("district", "theme", "status", "cost_min", "cost_max"), hostile)
        assert len(points(client, envelope=envelope.pk, **query)) == 2
        assert points(client, envelope=hostile) == []


def test_projects_of_a_consultation_the_public_does_not_see_are_not_given(client, envelope):
    placed(envelope, "Un kiosque")
    PageViewRestriction.objects.create(
        page=envelope.consultation, restriction_type=PageViewRestriction.LOGIN
    )
    assert points(client, envelope=envelope.pk) == []


@pytest.mark.parametrize("count", [10, 200])
def test_the_map_of_projects_costs_the_same_queries_whatever_the_count(
    client, envelope, count, django_assert_num_queries
):
    BudgetProject.objects.bulk_create(
        BudgetProject(
            envelope=envelope,
            title=f"Projet {n}",
            latitude=Decimal("45.7") + Decimal(n) / 10000,
            longitude=Decimal("4.8"),
        )
        for n in range(count)
    )
    with django_assert_num_queries(3):  # the envelopes, the restrictions, the projects
        assert len(points(client, envelope=envelope.pk)) == count


def test_the_list_of_projects_offers_the_map_with_its_filters(client, envelope):
    placed(envelope, "Un kiosque", cost=5_000)
    page = envelope.consultation
    page.body = [
        {
            "type": "budget_projects",
            "value": {"heading": "", "statuses": ["on_ballot"], "per_page": 4},
            "id": "projets",
        }
    ]
    page.save_revision().publish()
    html = BeautifulSoup(client.get(page.url, {"projects-cost_max": "9000"}).content, "html.parser")
    url = html.select_one("[data-points-map]")["data-url"]
    assert url == (
        f"{reverse('budgets:project_map')}?envelope={envelope.pk}&status=on_ballot&cost_max=9000"
    )
    assert client.get(url).json()["points"][0]["title"] == "Un kiosque"


def test_a_project_s_page_offers_its_point_on_a_small_map_beside_its_place(client, envelope):
    kiosk = placed(envelope, "Un kiosque", place="Square Voltaire")
    html = BeautifulSoup(client.get(kiosk.get_absolute_url()).content, "html.parser")
    small_map = html.select_one("[data-points-map]")
    assert json.loads(small_map["data-points"]) == [
        {"title": "Square Voltaire", "lat": 45.76, "lng": 4.81}
    ]
    assert "Square Voltaire" in html.select_one(".facts").get_text()
    unplaced = placed(envelope, "Sans lieu", point=None)
    html = BeautifulSoup(client.get(unplaced.get_absolute_url()).content, "html.parser")
    assert not html.select("[data-points-map]")
