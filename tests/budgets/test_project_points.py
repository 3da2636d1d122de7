"""Officers place a project they enter by its latitude and longitude: its district follows
when they choose none, and a hostile value is refused next to its field."""

import pytest

from portal.budgets.models import BudgetProject
from portal.core.roles import StaffRole
from tests.districts import create_districts

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


@pytest.mark.parametrize(
    ("latitude", "longitude"),
    [
        ("abc", "4.8"),
        ("95", "4.8"),
        ("45.7", "-181"),
        ("1e400", "4.8"),
        ("NaN", "4.8"),
        ("45.1234567891", "4.8"),
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
