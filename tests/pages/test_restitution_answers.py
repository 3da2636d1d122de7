"""An idea not retained, with its reason, has had its answer: no "answer to come" for it on
the restitution, in its PDF report's annex, or on its card."""

from datetime import date

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.template.loader import render_to_string
from django.utils import translation

from portal.participation import services
from portal.participation.models import IdeaStatus
from portal.reports.restitution import report_context
from tests import factories
from tests.factories import IdeaBoxFactory, IdeaFactory, paris

PENDING = "Réponse à venir."


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(paris(date(2026, 9, 10), 12), tick=False):
        yield


@pytest.fixture
def consultation(home):
    page = factories.consultation(factories.consultation_index(home), "Le parc des Tilleuls")
    box = IdeaBoxFactory(consultation=page)
    refused = IdeaFactory(box=box, title="Un parking sous le parc", status=IdeaStatus.PUBLISHED)
    services.change_status(
        idea=refused,
        to_status=IdeaStatus.NOT_RETAINED,
        user=None,
        note="Les racines des tilleuls seraient détruites.",
        notify=False,
    )
    IdeaFactory(box=box, title="Des bancs à l’ombre", status=IdeaStatus.PUBLISHED)
    page.body = [
        {"type": "idea_list", "value": {"idea_box": box.pk, "heading": "", "per_page": 10}}
    ]
    page.save_revision().publish()
    return page


@pytest.fixture
def restitution(consultation):
    page = factories.restitution(consultation)
    page.body = [
        {"type": "ideas_answers", "value": {"heading": "Vos idées", "statuses": []}, "id": "idees"}
    ]
    page.save_revision().publish()
    return page


def rows(soup, selector, title_selector):
    return {
        row.select_one(title_selector).get_text(strip=True): row for row in soup.select(selector)
    }


def test_the_restitution_gives_the_reason_and_no_answer_to_come(client, restitution):
    soup = BeautifulSoup(client.get(restitution.url).content, "html.parser")
    ideas = rows(soup, "#idees .answer", ".answer__title")
    refused = ideas["Un parking sous le parc"].get_text()
    assert "Les racines des tilleuls seraient détruites." in refused
    assert PENDING not in refused
    assert PENDING in ideas["Des bancs à l’ombre"].get_text()


def test_the_report_annex_gives_the_reason_and_no_answer_to_come(restitution):
    with translation.override("fr"):
        soup = BeautifulSoup(
            render_to_string("reports/report.html", report_context(restitution)), "html.parser"
        )
    ideas = rows(soup, ".annex__table tbody tr", ".annex__title")
    refused = ideas["Un parking sous le parc"].get_text()
    assert "Les racines des tilleuls seraient détruites." in refused
    assert PENDING not in refused
    assert PENDING in ideas["Des bancs à l’ombre"].get_text()


def test_the_card_of_an_idea_not_retained_with_its_reason_says_it_was_answered(
    client, consultation
):
    soup = BeautifulSoup(client.get(consultation.url).content, "html.parser")
    cards = rows(soup, ".idea-card", ".idea-card__title")
    assert "Réponse donnée" in cards["Un parking sous le parc"].get_text()
    assert "Réponse donnée" not in cards["Des bancs à l’ombre"].get_text()
