"""The map next to a list of ideas: the points of its public ideas as JSON, with the list's
filters, at a constant number of queries whatever their number, and nothing personal."""

import json
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import PageViewRestriction

from portal.participation.models import Idea, IdeaStatus
from tests import factories
from tests.districts import create_districts
from tests.factories import IdeaBoxFactory, IdeaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def districts(locales):
    return create_districts(locales[0])


@pytest.fixture
def box(home, districts):
    consultation = factories.consultation(factories.consultation_index(home), "Le parc")
    box = IdeaBoxFactory(consultation=consultation)
    box.districts = list(districts.values())
    box.save()
    return box


def placed(box, title, district=None, status=IdeaStatus.PUBLISHED, point=("45.76", "4.81")):
    return IdeaFactory(
        box=box,
        title=title,
        status=status,
        district=district,
        latitude=Decimal(point[0]) if point else None,
        longitude=Decimal(point[1]) if point else None,
    )


def points(client, box, **query):
    response = client.get(reverse("participation:idea_map", args=[box.pk]), query)
    assert response.status_code == 200
    return response.json()["points"]


def test_only_public_placed_ideas_are_given_without_personal_data(client, box, districts):
    shown = placed(box, "Des bancs au parc", districts["nord"])
    placed(box, "En attente", status=IdeaStatus.SUBMITTED)
    placed(box, "Refusée", status=IdeaStatus.REJECTED)
    placed(box, "Sans lieu", point=None)
    [item] = points(client, box)
    assert item == {
        "title": "Des bancs au parc",
        "lat": 45.76,
        "lng": 4.81,
        "status": "Publiée",
        "url": shown.get_absolute_url(),
    }
    assert client.get(item["url"]).status_code == 200


def test_the_list_s_filters_apply(client, box, districts):
    placed(box, "Nord", districts["nord"])
    placed(box, "Sud", districts["sud"], status=IdeaStatus.RETAINED, point=("45.72", "4.82"))
    assert [i["title"] for i in points(client, box, district=districts["sud"].pk)] == ["Sud"]
    assert [i["title"] for i in points(client, box, status="retained")] == ["Sud"]
    assert [i["title"] for i in points(client, box, status="submitted")] == ["Nord", "Sud"]
    for hostile in ("abc", "-1", "9" * 40, "1 OR 1=1", "\x00"):
        assert len(points(client, box, district=hostile, theme=hostile, status=hostile)) == 2


@pytest.mark.parametrize("count", [10, 200])
def test_the_map_costs_the_same_queries_whatever_the_count(
    client, box, count, django_assert_num_queries
):
    Idea.objects.bulk_create(
        Idea(
            box=box,
            title=f"Idée {n}",
            description="…",
            status=IdeaStatus.PUBLISHED,
            latitude=Decimal("45.7") + Decimal(n) / 10000,
            longitude=Decimal("4.8"),
        )
        for n in range(count)
    )
    url = reverse("participation:idea_map", args=[box.pk])
    with django_assert_num_queries(3):  # the box, its consultation's restrictions, the ideas
        response = client.get(url, {"status": "published"})
    assert len(response.json()["points"]) == count


def test_a_box_the_public_does_not_see_has_no_map(client, box):
    placed(box, "Des bancs")
    PageViewRestriction.objects.create(
        page=box.consultation, restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get(reverse("participation:idea_map", args=[box.pk])).status_code == 404
    assert client.get(reverse("participation:idea_map", args=[999999])).status_code == 404


def test_the_list_offers_the_map_with_its_filters(client, box, districts):
    placed(box, "Des bancs", districts["nord"])
    page = box.consultation
    page.body = [
        {
            "type": "idea_list",
            "value": {"idea_box": box.pk, "heading": "", "per_page": 4},
            "id": "l",
        }
    ]
    page.save_revision().publish()
    html = BeautifulSoup(
        client.get(page.url, {"district": districts["nord"].pk}).content, "html.parser"
    )
    ideas_map = html.select_one("[data-points-map]")
    assert ideas_map["data-url"] == (
        reverse("participation:idea_map", args=[box.pk]) + f"?district={districts['nord'].pk}"
    )
    assert ideas_map.select_one("[data-map-canvas]").has_attr("hidden")
    assert html.select(".idea-cards li")  # the list stays


def test_an_idea_s_page_offers_its_point_on_a_small_map_beside_its_place(client, box):
    idea = placed(box, "Des bancs au parc")
    idea.place = "Parc des Tilleuls"
    idea.save()
    html = BeautifulSoup(client.get(idea.get_absolute_url()).content, "html.parser")
    small_map = html.select_one("[data-points-map]")
    assert json.loads(small_map["data-points"]) == [
        {"title": "Parc des Tilleuls", "lat": 45.76, "lng": 4.81}
    ]
    assert not small_map.has_attr("data-url")
    assert small_map.select_one("[data-map-canvas]").has_attr("hidden")
    assert "Parc des Tilleuls" in html.select_one(".facts").get_text()  # the place, in words
    unplaced = placed(box, "Sans lieu", point=None)
    html = BeautifulSoup(client.get(unplaced.get_absolute_url()).content, "html.parser")
    assert not html.select("[data-points-map]")
