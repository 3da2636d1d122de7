"""The "my data" page as a file to take away: everything the page lists, for the browser that
proved to be its participant only."""

import json
from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from django.core import signing
from django.test import Client
from django.urls import reverse

from portal.participation import identity, services
from portal.participation.models import IdeaField, IdeaStatus, QuestionKind
from tests import factories
from tests.factories import IdeaBoxFactory, IdeaFactory, QuestionFactory, SurveyFactory, confirmed

SECRET = "Infirmière de nuit"


@pytest.fixture
def owner(home):
    """A participant with an idea (a confidential extra answer), a survey answer (one
    confidential) and a support."""
    index = factories.consultation_index(home)
    page = factories.consultation(
        index,
        "La place du marché",
        phases=((date.today() - timedelta(days=3), date.today() + timedelta(days=30), None),),
    )
    page.phases.update(allows_supports=True)
    participant = confirmed("nadia@example.org", display_name="Nadia")
    box = IdeaBoxFactory(consultation=page)
    job = IdeaField.objects.create(box=box, kind="text", label="Votre métier", confidential=True)
    IdeaFactory(
        box=box,
        participant=participant,
        title="Des bancs à l’ombre",
        status=IdeaStatus.PUBLISHED,
        extra={job.key: SECRET},
    )
    other = IdeaFactory(box=box, title="Un kiosque", status=IdeaStatus.PUBLISHED)
    services.support_idea(participant=participant, idea=other)
    survey = SurveyFactory(title="Vos habitudes", consultation=page)
    mode = QuestionFactory(
        survey=survey, label="Mode", kind=QuestionKind.SINGLE_CHOICE, choices="Vélo\nBus"
    )
    secret = QuestionFactory(survey=survey, label="Votre métier", confidential=True)
    services.answer_survey(
        survey=survey, participant=participant, answers={mode: ["Vélo"], secret: SECRET}
    )
    return participant


def signed_in(participant):
    """A browser that used a link sent to the participant's address."""
    client = Client()
    session = client.session
    session[identity.SESSION_KEY] = participant.pk
    session.save()
    return client


def download_url(token):
    return reverse("participation:download_my_data", args=[token])


def test_the_proven_participant_downloads_everything_the_page_lists(owner):
    client = signed_in(owner)
    token = identity.data_token(owner)
    page = BeautifulSoup(
        client.get(reverse("participation:my_data", args=[token])).content, "html.parser"
    )
    link = page.find("a", href=download_url(token))
    assert link is not None and link.has_attr("download")
    response = client.get(download_url(token))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "same-origin"
    data = json.loads(response.content)
    assert data["participant"]["email"] == "nadia@example.org"
    assert data["participant"]["public_name"] == "Nadia"
    [idea] = data["ideas"]
    assert idea["title"] == "Des bancs à l’ombre"
    assert idea["extra_fields"] == {"Votre métier": SECRET}  # the participant's own
    assert idea["url"].startswith("http")
    assert [support["idea"] for support in data["idea_supports"]] == ["Un kiosque"]
    [response_data] = data["survey_responses"]
    assert response_data["survey"] == "Vos habitudes"
    assert response_data["answers"] == [
        {"question": "Mode", "answer": "Vélo"},
        {"question": "Votre métier", "answer": SECRET},
    ]
    assert {entry["label"] for entry in data["other"]} >= {"Vos votes"}


def test_another_browser_with_the_link_gets_nothing(owner):
    token = identity.data_token(owner)
    stranger = Client()
    response = stranger.get(download_url(token))
    assert response.status_code == 303
    assert response["Location"] == reverse("participation:my_data", args=[token])
    assert b"nadia@example.org" not in response.content
    page = stranger.get(response["Location"])
    text = page.content.decode()
    assert "ne peuvent être téléchargées que sur un appareil" in text
    assert download_url(token) not in text
    assert reverse("participation:new_link") in text


def test_another_participant_s_browser_gets_nothing(owner):
    someone = confirmed("autre@example.org")
    response = signed_in(someone).get(download_url(identity.data_token(owner)))
    assert response.status_code == 303
    assert b"nadia@example.org" not in response.content


@pytest.mark.parametrize(
    "forge",
    [
        lambda owner: str(owner.pk),
        lambda owner: signing.dumps({"p": owner.pk}, salt="another purpose"),
        lambda owner: identity.data_token(owner)[:-3] + "abc",
        lambda owner: "x" * 500,
    ],
)
def test_a_forged_link_gets_nothing_even_in_the_owner_s_browser(owner, forge):
    response = signed_in(owner).get(download_url(forge(owner)))
    assert response.status_code == 400
    assert b"nadia@example.org" not in response.content


def test_the_download_is_a_get_only(owner):
    client = signed_in(owner)
    response = client.post(download_url(identity.data_token(owner)))
    assert response.status_code == 405
