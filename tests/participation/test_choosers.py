"""The page editor's choosers of surveys, idea boxes and petitions say which consultation
each item belongs to: their titles repeat from one consultation to the next."""

import json

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.participation.models import Petition
from tests import factories
from tests.factories import IdeaBoxFactory, SurveyFactory


@pytest.fixture
def consultations(home):
    index = factories.consultation_index(home)
    return factories.consultation(index, "La place du Marché"), factories.consultation(
        index, "Les berges"
    )


def chooser_rows(client, model_name, path="choose"):
    url = reverse(f"wagtailsnippetchoosers_participation_{model_name}:{path}")
    response = client.get(url)
    assert response.status_code == 200
    html = json.loads(response.content)["html"] if path == "choose" else response.content
    rows = BeautifulSoup(html, "html.parser").select("tbody tr")
    return [[cell.get_text(" ", strip=True) for cell in row.select("td")] for row in rows]


@pytest.mark.parametrize("model_name", ["survey", "ideabox", "petition"])
def test_each_chooser_names_the_consultation(admin_client, consultations, model_name):
    market, banks = consultations
    for consultation in (market, banks):
        if model_name == "survey":
            SurveyFactory(title="Questionnaire", consultation=consultation)
        elif model_name == "ideabox":
            IdeaBoxFactory(title="Vos idées", consultation=consultation)
        else:
            Petition.objects.create(title="Pétition", consultation=consultation)
    rows = chooser_rows(admin_client, model_name)
    assert sorted(row[-1] for row in rows) == ["La place du Marché", "Les berges"]
    results = chooser_rows(admin_client, model_name, "choose_results")
    assert sorted(row[-1] for row in results) == ["La place du Marché", "Les berges"]


def test_an_item_of_no_consultation_says_so_in_constant_queries(admin_client, consultations):
    SurveyFactory(title="Hors concertation")

    def count():
        with CaptureQueriesContext(connection) as queries:
            chooser_rows(admin_client, "survey")
        return len(queries)

    assert chooser_rows(admin_client, "survey")[0][-1] == "—"  # the first request sets up
    few = count()
    for consultation in consultations * 5:
        SurveyFactory(consultation=consultation)
    assert count() == few
