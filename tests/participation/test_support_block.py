"""A petition embedded in a page, as residents use it: the form protocol end to end."""

import re
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client

from portal.participation import identity, services
from portal.participation.models import Petition, Threshold
from tests.conftest import confirm_by_link, make_standard_page
from tests.factories import confirmed


@pytest.fixture
def petition(db):
    petition = Petition.objects.create(title="Des fontaines en ville", text="Nous demandons…")
    Threshold.objects.create(petition=petition, count=2, label="Médiation", consequence="…")
    Threshold.objects.create(petition=petition, count=50, label="Atelier", consequence="…")
    return petition


@pytest.fixture
def page(home, petition):
    other = Petition.objects.create(title="Un skatepark", text="…")
    return make_standard_page(
        home,
        "Interpellations",
        body=[
            {
                "type": "support",
                "value": {"petition": petition.pk, "heading": ""},
                "id": "fontaines",
            },
            {"type": "support", "value": {"petition": other.pk, "heading": ""}, "id": "skate"},
        ],
    )


def post(client, page, block_id="fontaines", **data):
    fields = {f"{block_id}-{name}": value for name, value in data.items()}
    return client.post(page.url, {"block_id": block_id, "action": "support", **fields})


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def confirmation_link():
    return re.search(r"https?://\S+", mail.outbox[-1].body).group(0)


def test_a_page_with_a_petition_is_never_cached(client, page):
    client.get(page.url)
    assert "X-Page-Cache" not in client.get(page.url)


def test_resident_supports_confirms_and_is_counted(client, page, petition):
    response = post(
        client, page, email="Nadia@Example.org", display_name="Nadia", wants_results="on"
    )
    assert response.status_code == 303
    assert response["Location"] == f"{page.url}#block-fontaines"
    assert services.support_count(petition) == 0  # held until the address is confirmed
    assert mail.outbox[-1].to == ["nadia@example.org"]
    soup = soup_of(client.get(page.url))
    assert "attend que vous confirmiez" in soup.select_one("#block-fontaines").get_text()
    response = confirm_by_link(client, confirmation_link())
    assert response.status_code == 303 and response["Location"] == page.url
    assert services.support_count(petition) == 1
    soup = soup_of(client.get(page.url))
    block = soup.select_one("#block-fontaines")
    assert "Vous soutenez cette interpellation." in block.get_text()
    assert block.select_one("progress")["value"] == "1"
    assert "nadia@example.org" not in soup.get_text().lower()  # the address is never shown


def test_errors_keep_the_input_and_link_from_the_summary(client, page, petition):
    response = post(client, page, email="pas-une-adresse", display_name="Nadia <b>")
    assert response.status_code == 400
    soup = soup_of(response)
    block = soup.select_one("#block-fontaines")
    summary = block.select_one(".error-summary")
    assert [a["href"] for a in summary.select("a")] == [
        "#id_fontaines-email",
        "#id_fontaines-display_name",
    ]
    assert block.select_one("#id_fontaines-email")["value"] == "pas-une-adresse"
    assert block.select_one("#id_fontaines-email")["aria-invalid"] == "true"
    assert "id_fontaines-email-error" in block.select_one("#id_fontaines-email")["aria-describedby"]
    assert soup.select_one("#block-skate .error-summary") is None  # the other form is untouched
    assert services.support_count(petition) == 0 and not mail.outbox


@pytest.mark.parametrize(
    "data",
    [
        {"email": "a" * 5000 + "@example.org"},
        {"email": "x@example.org", "display_name": "n" * 500},
        {"email": "x@example.org\x00"},
        {"email": "x@example.org", "display_name": "<script>alert(1)</script>"},
        {"email": "x@example.org", "display_name": ["Nadia", "n" * 100]},
        {"email": "x@example.org", "website": "http://spam.example"},  # the honeypot
        {},
    ],
)
def test_hostile_input_gets_a_clear_error_and_stores_nothing(client, page, petition, data):
    response = post(client, page, **data)
    assert response.status_code == 400
    assert soup_of(response).select_one("#block-fontaines .error-summary")
    assert not petition.supports.exists() and not mail.outbox
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_forged_or_stale_block_ids_never_fail(client, page):
    for block_id in ("inconnu", "", "' OR 1=1", "x" * 3000):
        response = client.post(page.url, {"block_id": block_id})
        assert response.status_code == 303
    assert "ce formulaire n’existe plus" in client.get(page.url).content.decode().lower()


def test_a_known_participant_supports_with_one_click_and_can_withdraw(client, page, petition):
    participant = confirmed("k@example.org")
    session = client.session
    session[identity.SESSION_KEY] = participant.pk
    session.save()
    assert client.post(page.url, {"block_id": "fontaines", "action": "support"}).status_code == 303
    assert client.post(page.url, {"block_id": "fontaines", "action": "support"}).status_code == 303
    assert services.support_count(petition) == 1
    client.post(page.url, {"block_id": "fontaines", "action": "withdraw"})
    assert services.support_count(petition) == 0
    response = client.post("/fr/participation/se-deconnecter/", {"next": page.url})
    assert response.status_code == 303
    assert identity.SESSION_KEY not in client.session


def test_captcha_is_checked_when_enabled(client, page, settings, petition):
    settings.PARTICIPATION_CAPTCHA = "v2"
    with mock.patch("django_recaptcha.fields.client.submit") as submit:
        submit.return_value = mock.Mock(is_valid=False, error_codes=["invalid"])
        response = client.post(
            page.url,
            {
                "block_id": "fontaines",
                "action": "support",
                "fontaines-email": "x@example.org",
                "g-recaptcha-response": "forged",
            },
        )
    assert response.status_code == 400
    assert submit.called
    assert "captcha" in response.context["block_forms"]["fontaines"].errors
    assert not petition.supports.exists() and not mail.outbox


def test_an_expired_or_broken_link_offers_a_new_one(client, petition):
    participant = confirmed("l@example.org")
    response = client.get("/fr/participation/confirmer/nimporte-quoi/")
    assert response.status_code == 400
    assert "n’est pas valide" in soup_of(response).find("h1").get_text()
    response = client.post("/fr/participation/nouveau-lien/", {"email": "l@example.org"})
    assert response.status_code == 303
    assert mail.outbox[-1].to == [participant.email]
    response = client.post("/fr/participation/nouveau-lien/", {"email": "inconnu@example.org"})
    assert response.status_code == 303 and len(mail.outbox) == 1  # same answer, no e-mail
    response = client.post("/fr/participation/nouveau-lien/", {"email": "pas-une-adresse"})
    assert response.status_code == 400


def test_every_confirmation_email_links_to_the_data_page(client, page, petition):
    post(client, page, email="m@example.org", display_name="Malik")
    link = re.findall(r"https?://\S+", mail.outbox[-1].body)[-1].replace("http://testserver", "")
    response = client.get(link)
    assert response["Cache-Control"].count("no-store") == 1
    assert response["Referrer-Policy"] == "same-origin"
    soup = soup_of(response)
    assert "m@example.org" in soup.select_one(".facts").get_text()
    assert "Des fontaines en ville" in soup.select_one(".facts").get_text()
    assert client.post(link).status_code == 405  # deleting is asked for on its own page
    erase = soup.select_one(f'a.button[href^="{link}"]')["href"]
    confirm = soup_of(client.get(erase))
    assert confirm.select_one("form button[type=submit]")
    assert petition.supports.exists()  # asking deleted nothing
    response = client.post(erase)
    assert response.status_code == 303
    assert not petition.supports.exists()
    assert client.get(link).status_code == 400  # nothing left to show


def test_typing_an_address_again_and_again_neither_floods_nor_locks_out_its_owner(
    client, page, settings, petition
):
    """Links to one address are capped per hour; the contribution is still kept, and the
    owner, signed in on her own browser, is never refused."""
    settings.PARTICIPATION_EMAILS_PER_ADDRESS = (2, 30)
    owner = confirmed("r@example.org")
    mail.outbox.clear()
    for _ in range(4):
        assert post(client, page, email="r@example.org").status_code == 303
        client.post("/fr/participation/se-deconnecter/", {"next": page.url})
    assert len(mail.outbox) == 2
    response = post(client, page, email="R@example.org", display_name="Rémi")
    assert response.status_code == 303
    notice = soup_of(client.get(response["Location"])).select_one(".messages").get_text()
    assert "Votre contribution est conservée" in notice and len(mail.outbox) == 2
    own = Client()
    session = own.session
    session[identity.SESSION_KEY] = owner.pk
    session.save()
    assert post(own, page).status_code == 303
    assert services.support_count(petition) == 1


def test_the_rate_limit_per_client_address_keeps_the_input(client, page, settings, petition):
    settings.PARTICIPATION_RATE_LIMITS = {**settings.PARTICIPATION_RATE_LIMITS, "support": (2, 9)}
    for number in range(2):  # two browsers behind one address
        assert post(Client(), page, email=f"r{number}@example.org").status_code == 303
    response = post(client, page, email="s@example.org", display_name="Rémi")
    assert response.status_code == 400
    assert "Trop de tentatives" in soup_of(response).select_one(".error-summary").get_text()
    assert soup_of(response).select_one("#id_fontaines-display_name")["value"] == "Rémi"
    assert petition.supports.count() == 2
