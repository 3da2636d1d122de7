"""No one acts in another's name: a contribution counts only through the link sent for it.

Each test plays an attacker who knows a resident's address and nothing else, then the
resident, in her own browser.
"""

import re
from datetime import timedelta
from io import BytesIO
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from portal.core import http
from portal.participation import identity, services
from portal.participation.models import (
    Confirmation,
    Idea,
    IdeaField,
    IdeaStatus,
    Petition,
    QuestionKind,
    SurveyResponse,
)
from tests import factories
from tests.conftest import confirm_by_link
from tests.factories import QuestionFactory, SurveyFactory, confirmed, named

VICTIM = "victime@example.org"


@pytest.fixture
def consultation(home):
    today = timezone.localdate()
    page = factories.consultation(
        factories.consultation_index(home),
        "La place du Marché",
        phases=((today - timedelta(days=1), today + timedelta(days=30), None),),
    )
    page.phases.update(allows_supports=True)
    return page


@pytest.fixture
def petition(db):
    return Petition.objects.create(title="Des fontaines en ville", text="Nous demandons…")


@pytest.fixture
def survey(db):
    survey = SurveyFactory(title="Se déplacer", one_answer_per_participant=True)
    QuestionFactory(survey=survey, kind=QuestionKind.SHORT_TEXT, label="Votre idée")
    return survey


@pytest.fixture
def box(consultation):
    box = factories.IdeaBoxFactory(consultation=consultation, title="Vos idées")
    IdeaField.objects.create(
        box=box, kind="text", label="Votre rôle", confidential=True, sort_order=0
    )
    return box


@pytest.fixture
def page(consultation, petition, survey, box):
    consultation.body = [
        {"type": "support", "value": {"petition": petition.pk, "heading": ""}, "id": "soutien"},
        {"type": "survey", "value": {"survey": survey.pk, "heading": ""}, "id": "enquete"},
        {"type": "idea_form", "value": {"idea_box": box.pk, "heading": ""}, "id": "idees"},
    ]
    consultation.save_revision().publish()
    return consultation


def post(client, page, block_id, **data):
    fields = {f"{block_id}-{name}": value for name, value in data.items()}
    return client.post(page.url, {"block_id": block_id, "action": "support", **fields})


def answer(client, page, survey, **identity_fields):
    question = survey.questions.get()
    return post(client, page, "enquete", **{f"q{question.pk}": "Des bus", **identity_fields})


def link_in(message):
    return re.search(r"https?://\S+", message.body).group(0).replace("http://testserver", "")


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


# Item 3: what an attacker types in someone's name waits on the attacker's own link


def test_opening_her_own_link_does_not_count_what_a_stranger_typed_in_her_name(
    page, petition, survey, box
):
    attacker = Client()
    post(attacker, page, "soutien", email=VICTIM, display_name="Insulte")
    answer(attacker, page, survey, email=VICTIM)
    tokens = [link_in(message).rstrip("/").rsplit("/", 1)[-1] for message in mail.outbox]
    links = {identity.read_confirmation_token(token) for token in tokens}
    assert len(links) == 1  # one browser, one confirmation: its last e-mail lists both
    attack_mail = mail.outbox[-1]
    assert "Des fontaines en ville" in attack_mail.body and "Se déplacer" in attack_mail.body
    mail.outbox.clear()

    victim = Client()
    post(victim, page, "idees", title="Un banc", description="À l’ombre", email=VICTIM)
    [own_mail] = mail.outbox
    assert "Un banc" in own_mail.body and "Des fontaines" not in own_mail.body
    assert "Un banc" in own_mail.subject
    confirm_by_link(victim, link_in(own_mail))

    assert services.support_count(petition) == 0
    assert not SurveyResponse.objects.filter(confirmed=True).exists()
    assert Idea.objects.get().confirmed is True
    participant = identity.register(email=VICTIM)
    assert participant.display_name == ""  # the stranger's public name is not applied
    assert Idea.objects.get().author_name == ""


def test_nothing_waiting_in_her_name_blocks_her_own_support_or_answer(page, petition, survey):
    attacker = Client()
    post(attacker, page, "soutien", email=VICTIM)
    answer(attacker, page, survey, email=VICTIM)
    mail.outbox.clear()

    victim = Client()
    assert post(victim, page, "soutien", email=VICTIM).status_code == 303
    assert answer(victim, page, survey, email=VICTIM).status_code == 303
    confirm_by_link(victim, link_in(mail.outbox[-1]))
    assert services.support_count(petition) == 1
    assert SurveyResponse.objects.filter(confirmed=True).count() == 1

    # Signed in now, she sees her own support and answer, not the stranger's waiting ones.
    block = soup_of(victim.get(page.url))
    assert "Vous soutenez cette interpellation." in block.select_one("#block-soutien").get_text()


def test_a_stranger_who_uses_the_link_sent_to_her_counts_once_at_most(page, petition, survey):
    """Even if the victim is tricked into using the stranger's link, duplicates drop."""
    victim = Client()
    post(victim, page, "soutien", email=VICTIM)
    answer(victim, page, survey, email=VICTIM)
    confirm_by_link(victim, link_in(mail.outbox[-1]))
    attacker = Client()
    post(attacker, page, "soutien", email=VICTIM)
    answer(attacker, page, survey, email=VICTIM)
    response = confirm_by_link(Client(), link_in(mail.outbox[-1]))
    assert response.status_code == 303
    assert services.support_count(petition) == 1
    assert SurveyResponse.objects.filter(confirmed=True).count() == 1
    assert SurveyResponse.objects.count() == 1  # the second answer is deleted, not kept


def test_a_signed_in_resident_is_not_blocked_by_what_waits_in_her_name(page, petition, survey):
    owner = confirmed(VICTIM)
    attacker = Client()
    post(attacker, page, "soutien", email=VICTIM)
    answer(attacker, page, survey, email=VICTIM)
    victim = Client()
    session = victim.session
    session[identity.SESSION_KEY] = owner.pk
    session.save()
    assert post(victim, page, "soutien").status_code == 303
    assert answer(victim, page, survey).status_code == 303
    assert services.support_count(petition) == 1
    assert SurveyResponse.objects.get(confirmed=True).participant == owner


# Items 1 and 8: the link confirms by a POST from its page, once


def test_opening_the_link_confirms_nothing_until_the_button_is_pressed(page, petition):
    """A mail scanner that follows links confirms nothing."""
    post(Client(), page, "soutien", email=VICTIM, display_name="Nadia")
    link = link_in(mail.outbox[-1])
    scanner = Client()
    for _ in range(3):
        response = scanner.get(link)
        assert response.status_code == 200
    assert services.support_count(petition) == 0
    assert identity.SESSION_KEY not in scanner.session
    assert response["Cache-Control"].count("no-store") == 1
    assert response["Referrer-Policy"] == "same-origin"
    soup = soup_of(response)
    assert VICTIM in soup.select_one("h1 ~ p").get_text()
    assert (
        "soutenir l’interpellation « Des fontaines en ville »" in soup.select_one("main").get_text()
    )
    assert "Nadia" in soup.select_one("main").get_text()
    form = soup.select_one("main form[method=post]")
    assert form.select_one("[name=csrfmiddlewaretoken]") and form.select_one("button")


def test_a_link_works_once_and_signs_in_only_the_browser_that_used_it(page, petition):
    post(Client(), page, "soutien", email=VICTIM)
    link = link_in(mail.outbox[-1])
    first = Client()
    assert confirm_by_link(first, link).status_code == 303
    assert first.session[identity.SESSION_KEY]
    for method in ("get", "post"):
        other = Client()
        response = getattr(other, method)(link)
        assert response.status_code == 410
        assert "déjà servi" in soup_of(response).select_one("h1").get_text()
        assert identity.SESSION_KEY not in other.session
    assert services.support_count(petition) == 1


def test_a_link_used_at_the_same_moment_twice_counts_once(petition):
    victim = named(VICTIM)
    services.support(participant=victim, petition=petition)
    services.confirm(confirmation=victim.confirmation)
    with pytest.raises(services.LinkUsed):
        services.confirm(confirmation=victim.confirmation)
    assert services.support_count(petition) == 1


def test_an_expired_link_says_so(page):
    post(Client(), page, "soutien", email=VICTIM)
    link = link_in(mail.outbox[-1])
    Confirmation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    response = Client().get(link)
    assert response.status_code == 400
    assert "expiré" in soup_of(response).select_one("h1").get_text()


def test_a_new_link_carries_this_browsers_waiting_contributions_only(page, petition):
    attacker = Client()
    post(attacker, page, "soutien", email=VICTIM)
    victim = Client()
    assert victim.post(reverse("participation:new_link"), {"email": VICTIM}).status_code == 303
    sign_in = mail.outbox[-1]
    assert "Des fontaines" not in sign_in.body
    confirm_by_link(victim, link_in(sign_in))
    assert victim.session[identity.SESSION_KEY]
    assert services.support_count(petition) == 0


# Item 8: erasing asks first, and takes unpublished ideas and confidential answers


def test_erasing_deletes_unpublished_ideas_and_confidential_answers(
    box, page, django_capture_on_commit_callbacks
):
    author = confirmed(VICTIM, display_name="Nadia")
    role = box.extra_fields.get().key
    image = BytesIO()
    Image.new("RGB", (32, 32), "green").save(image, format="JPEG")
    waiting = services.submit_idea(
        box=box,
        participant=author,
        title="En attente",
        description="…",
        extra={role: "Infirmière"},
        image=ContentFile(image.getvalue(), name="photo.jpg"),
    )
    public = services.submit_idea(
        box=box, participant=author, title="Publiée", description="…", extra={role: "Élue"}
    )
    services.change_status(idea=public, to_status=IdeaStatus.PUBLISHED, user=None, notify=False)
    stored = waiting.image.name
    client = Client()
    token = identity.data_token(author)
    asked = client.get(reverse("participation:erase_my_data", args=[token]))
    assert asked.status_code == 200 and Idea.objects.count() == 2
    assert asked["Cache-Control"].count("no-store") == 1
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("participation:erase_my_data", args=[token]))
    assert response.status_code == 303
    remaining = Idea.objects.get()
    assert (remaining.title, remaining.author_name, remaining.participant) == ("Publiée", "", None)
    assert remaining.extra == {}
    assert not waiting.image.storage.exists(stored)


# Item 5: limits per client behind the proxy, and per signed-in participant


def test_behind_a_trusted_proxy_each_resident_has_their_own_limit(page, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    settings.PARTICIPATION_RATE_LIMITS = {**settings.PARTICIPATION_RATE_LIMITS, "support": (2, 9)}
    http.trusted_proxies.cache_clear()
    try:
        for number in range(2):
            response = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.1").post(
                page.url,
                {"block_id": "soutien", "action": "support", "soutien-email": f"{number}@x.org"},
            )
            assert response.status_code == 303
        blocked = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.1").post(
            page.url, {"block_id": "soutien", "action": "support", "soutien-email": "c@x.org"}
        )
        assert blocked.status_code == 400
        other = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.2").post(
            page.url, {"block_id": "soutien", "action": "support", "soutien-email": "d@x.org"}
        )
        assert other.status_code == 303
        # Without the setting, a forged header changes nothing.
        settings.TRUSTED_PROXIES = []
        http.trusted_proxies.cache_clear()
        forged = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.9").post(
            page.url, {"block_id": "soutien", "action": "support", "soutien-email": "e@x.org"}
        )
        assert forged.status_code == 303  # 10.0.0.2's own quota, not 198.51.100.1's
    finally:
        http.trusted_proxies.cache_clear()


def test_a_signed_in_participant_has_a_limit_too(page, box, settings):
    settings.PARTICIPATION_RATE_LIMITS = {**settings.PARTICIPATION_RATE_LIMITS, "idea": (999, 3)}
    owner = confirmed(VICTIM)
    client = Client()
    session = client.session
    session[identity.SESSION_KEY] = owner.pk
    session.save()
    for number in range(3):
        response = post(client, page, "idees", title=f"Idée {number}", description="…")
        assert response.status_code == 303
    response = post(client, page, "idees", title="Encore une", description="…")
    assert response.status_code == 400
    assert "Trop de tentatives" in soup_of(response).select_one(".error-summary").get_text()
    assert soup_of(response).select_one("#id_idees-title")["value"] == "Encore une"
    assert Idea.objects.count() == 3


def test_a_refused_upload_is_never_decoded(page, box, settings):
    """Rate limits come before any costly work: the image is not even opened."""
    settings.PARTICIPATION_RATE_LIMITS = {**settings.PARTICIPATION_RATE_LIMITS, "idea": (0, 0)}
    image = BytesIO()
    Image.new("RGB", (32, 32), "green").save(image, format="PNG")
    image.seek(0)
    image.name = "photo.png"
    with mock.patch("portal.participation.forms.ideas.sanitised_image") as decode:
        response = post(
            Client(), page, "idees", title="Un banc", description="…", email=VICTIM, image=image
        )
    assert response.status_code == 400
    assert not decode.called


def test_what_waited_on_a_link_never_used_is_deleted_a_week_after_it_expired(page, petition):
    post(Client(), page, "soutien", email=VICTIM, display_name="Insulte")
    post(Client(), page, "idees", title="Au nom d’une autre", description="…", email=VICTIM)
    assert services.purge_unconfirmed() == 0
    Confirmation.objects.update(expires_at=timezone.now() - timedelta(days=8))
    assert services.purge_unconfirmed() == 2
    assert not petition.supports.exists() and not Idea.objects.exists()
    assert not Confirmation.objects.exists()
