"""A restitution published while its consultation is still open: the editor is warned before
and after publishing, and the public page says the consultation is still open."""

from datetime import date

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from wagtail.test.utils.form_data import nested_form_data, streamfield

from portal.pages.models import RestitutionPage
from tests import factories
from tests.factories import paris

OPEN_DAY = date(2026, 6, 10)  # the consultation runs from 18 May to 1 August 2026
CLOSED_DAY = date(2026, 8, 2)
EARLY = "La concertation reste ouverte jusqu’au 1er août 2026"


@pytest.fixture
def consultation(home):
    return factories.consultation(factories.consultation_index(home), "La place du Marché")


def add_url(consultation):
    return f"/admin/pages/add/pages/restitutionpage/{consultation.pk}/"


def publish_data(**fields):
    return nested_form_data(
        {
            "title": "Ce que nous avons entendu",
            "slug": "restitution",
            "summary": "",
            "body": streamfield([]),
            "action-publish": "action-publish",
            **fields,
        }
    )


def warnings(response):
    return [
        str(message)
        for message in get_messages(response.wsgi_request)
        if message.level_tag == "warning"
    ]


def test_the_editor_is_warned_before_and_after_publishing_early(admin_client, consultation):
    with time_machine.travel(paris(OPEN_DAY, 12), tick=False):
        form = BeautifulSoup(admin_client.get(add_url(consultation)).content, "html.parser")
        warning = form.select_one(".help-block.help-warning")
        assert warning is not None
        assert "La place du Marché" in warning.get_text()
        assert "1er août 2026" in warning.get_text()

        response = admin_client.post(add_url(consultation), publish_data())
    assert response.status_code == 302
    assert RestitutionPage.objects.live().exists()
    [message] = warnings(response)
    assert "1er août 2026" in message
    assert "mettre à jour les données de participation à la publication" in message


def test_no_warning_once_the_consultation_is_over(admin_client, consultation):
    with time_machine.travel(paris(CLOSED_DAY, 12), tick=False):
        form = BeautifulSoup(admin_client.get(add_url(consultation)).content, "html.parser")
        assert form.select_one(".help-block.help-warning") is None
        response = admin_client.post(add_url(consultation), publish_data())
    assert response.status_code == 302
    assert warnings(response) == []


def test_no_warning_for_a_restitution_scheduled_after_the_consultation(admin_client, consultation):
    with time_machine.travel(paris(OPEN_DAY, 12), tick=False):
        response = admin_client.post(
            add_url(consultation), publish_data(go_live_at="2026-08-03 09:00")
        )
    assert response.status_code == 302
    assert warnings(response) == []
    assert RestitutionPage.objects.get().go_live_at is not None  # scheduled, not live yet


def test_the_public_page_says_the_consultation_is_still_open(client, consultation, settings):
    settings.PAGE_CACHE_SECONDS = 0
    with time_machine.travel(paris(OPEN_DAY, 12), tick=False):
        page = factories.restitution(consultation)
        text = BeautifulSoup(client.get(page.url).content, "html.parser").get_text(" ")
    assert (
        f"{EARLY} : ces résultats comptent les contributions reçues jusqu’au 10 juin 2026."
        in " ".join(text.split())
    )
    with time_machine.travel(paris(CLOSED_DAY, 12), tick=False):
        text = BeautifulSoup(client.get(page.url).content, "html.parser").get_text(" ")
    assert "reste ouverte" not in text
