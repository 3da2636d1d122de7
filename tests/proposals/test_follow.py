"""The follow link: where a proposal stands, and the form to change it while it may change."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail, signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from portal.participation import services as participation
from portal.proposals import services
from portal.proposals.models import EventProposal, ProposalStatus

from .conftest import SECRET_ADDRESS, confirmed, jpeg, soup_of, valid


@pytest.fixture
def proposal(agenda, commit):
    contact = confirmed()
    return commit(
        services.submit_proposal,
        contact=contact,
        organiser_name="Les Amis du Parc",
        title="Pique-nique des voisins",
        summary="Chacun apporte un plat.",
        start=timezone.now() + timedelta(days=20),
        end=timezone.now() + timedelta(days=20, hours=4),
        place_name="Parc des Tilleuls",
    )


def url_of(proposal):
    return services.follow_url(proposal)


def edit(proposal, **overrides):
    """The update form as the association sends it back, with some changes."""
    data = valid(
        organiser_name=proposal.organiser_name,
        title=proposal.title,
        summary=proposal.summary,
        start=timezone.localtime(proposal.start).strftime("%Y-%m-%dT%H:%M"),
        end=timezone.localtime(proposal.end).strftime("%Y-%m-%dT%H:%M"),
        email=None,
    )
    return {**data, **overrides}


def test_the_follow_page_shows_the_status_and_its_history_never_the_address(client, proposal):
    response = client.get(url_of(proposal))
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    soup = soup_of(response)
    assert soup.select_one(".badge--submitted")
    assert soup.select_one("h1").get_text(strip=True) == "Pique-nique des voisins"
    assert len(soup.select(".proposal-steps li")) == 2
    assert soup.select_one("#id_title")["value"] == "Pique-nique des voisins"
    assert not soup.select("#id_email")
    assert SECRET_ADDRESS not in response.content.decode()


def test_the_association_updates_its_proposal_which_goes_back_to_the_queue(
    client, proposal, commit, theme
):
    services.request_changes(proposal=proposal, user=None, message="Précisez l’adresse.")
    page = soup_of(client.get(url_of(proposal)))
    assert "Précisez l’adresse." in page.select_one(".callout").get_text()
    mail.outbox.clear()
    response = commit(
        client.post,
        url_of(proposal),
        edit(proposal, address="2 rue des Tilleuls", themes=[str(theme.pk)]),
    )
    assert response.status_code == 303
    assert response["Location"] == url_of(proposal)
    proposal.refresh_from_db()
    assert (proposal.status, proposal.address) == (ProposalStatus.SUBMITTED, "2 rue des Tilleuls")
    assert list(proposal.themes.all()) == [theme]
    last = proposal.steps.last()
    assert (last.from_status, last.to_status, last.user) == ("changes_requested", "submitted", None)
    [receipt] = mail.outbox
    assert receipt.to == [SECRET_ADDRESS]
    history = soup_of(client.get(url_of(proposal))).select_one(".proposal-steps").get_text()
    assert "Précisez l’adresse." in history


def test_an_update_with_errors_keeps_the_input(client, proposal):
    response = client.post(url_of(proposal), edit(proposal, title="", summary="Un <i>plat</i>"))
    assert response.status_code == 400
    soup = soup_of(response)
    assert [a["href"] for a in soup.select(".error-summary a")] == ["#id_title", "#id_summary"]
    assert soup.select_one("#id_summary").get_text().strip() == "Un <i>plat</i>"
    proposal.refresh_from_db()
    assert proposal.title == "Pique-nique des voisins"


@pytest.mark.parametrize(
    "overrides",
    [
        {"title": "\x00"},
        {"start": "2026-13-01T10:00"},
        {"end": "2026-06-01T10:00"},
        {"districts": ["999999"]},
        {"remove_image": "on"},  # no image to remove: the field is not offered, so ignored
        {"image_alt": "x" * 5000},
    ],
)
def test_hostile_updates_never_fail(client, proposal, overrides):
    response = client.post(url_of(proposal), edit(proposal, **overrides))
    assert response.status_code in (303, 400)
    proposal.refresh_from_db()
    assert proposal.title == "Pique-nique des voisins"


def test_the_image_is_replaced_or_removed(client, proposal):
    first = SimpleUploadedFile("a.jpg", jpeg())
    client.post(url_of(proposal), {**edit(proposal, image_alt="Le parc"), "image": first})
    proposal.refresh_from_db()
    assert proposal.image and proposal.image_alt == "Le parc"
    page = soup_of(client.get(url_of(proposal)))
    assert page.find("img", alt="Le parc")
    assert page.select_one("#id_remove_image")
    client.post(url_of(proposal), edit(proposal, image_alt="Le parc", remove_image="on"))
    proposal.refresh_from_db()
    assert (proposal.image.name, proposal.image_alt) == ("", "")


def test_a_decided_proposal_can_no_longer_change(client, proposal):
    services.reject(proposal=proposal, user=None, reason="Événement commercial.")
    soup = soup_of(client.get(url_of(proposal)))
    assert not soup.select("form.proposal-form")
    assert "Événement commercial." in soup.select_one(".callout--danger").get_text()
    response = client.post(url_of(proposal), edit(proposal, title="Autre chose"))
    assert response.status_code == 303
    proposal.refresh_from_db()
    assert (proposal.title, proposal.status) == ("Pique-nique des voisins", "rejected")


def test_an_approved_proposal_links_to_its_event(client, proposal):
    services.approve(proposal=proposal, user=None)
    proposal.refresh_from_db()
    soup = soup_of(client.get(url_of(proposal)))
    assert soup.select_one(".callout--success a")["href"] == proposal.event.url


def test_an_expired_link_says_so(client, proposal):
    url = url_of(proposal)
    with time_machine.travel(timezone.now() + timedelta(days=61)):
        response = client.get(url)
        assert response.status_code == 400
        assert "60" in soup_of(response).select_one(".page-header__summary").get_text()
        assert client.post(url, edit(proposal, title="Trop tard")).status_code == 400
    proposal.refresh_from_db()
    assert proposal.title == "Pique-nique des voisins"


@pytest.mark.parametrize(
    "token",
    [
        "forged",
        "eyJlIjoxfQ:1abc:xyz",
        "x" * 5000,
        "%00",
        signing.dumps({"e": 1}, salt="another.salt"),
    ],
    ids=["word", "bad-signature", "huge", "nul", "other-salt"],
)
def test_a_forged_link_is_refused(client, proposal, token):
    response = client.get(reverse("proposals:follow", args=[token]))
    assert response.status_code == 400
    assert client.post(reverse("proposals:follow", args=[token]), {"title": "x"}).status_code == 400


def test_another_signed_link_of_the_site_does_not_open_a_proposal(client, proposal):
    """A "my data" link is signed too, with another salt: it is no follow link."""
    data = participation.data_token(proposal.contact)
    assert client.get(reverse("proposals:follow", args=[data])).status_code == 400


def test_the_link_of_an_erased_proposal_is_refused(client, proposal):
    url = url_of(proposal)
    participation.erase(participant=proposal.contact)
    assert not EventProposal.objects.exists()
    assert client.get(url).status_code == 400
