"""The public form: an association proposes an event, confirms its address, and is told."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation
from PIL import Image

from portal.pages.models import EventPage, Organiser
from portal.proposals.models import EventProposal, ProposalStatus
from tests import factories
from tests.conftest import confirm_by_link
from tests.files import png

from .conftest import (
    SECRET_ADDRESS,
    confirmation_link,
    confirmed,
    follow_link,
    in_session,
    jpeg,
    links_in,
    propose_url,
    soup_of,
    valid,
)


def test_the_agenda_invites_associations_to_propose(client, agenda):
    soup = soup_of(client.get(agenda.url))
    assert soup.select_one(f".agenda-propose a[href='{propose_url()}']")
    archives = soup_of(client.get(agenda.url + "archives/"))
    assert not archives.select_one(".agenda-propose")


def test_the_form_asks_for_the_event_in_groups_with_legends(client, agenda, theme, district):
    response = client.get(propose_url())
    assert response.status_code == 200
    soup = soup_of(response)
    legends = [
        legend.get_text(strip=True) for legend in soup.select(".proposal-form__group > legend")
    ]
    assert len(legends) == 6  # organiser, event, place, accessibility, image, contact
    assert soup.select_one("#id_start")["type"] == "datetime-local"
    assert soup.select_one("#id_themes_0")["value"] == str(theme.pk)
    assert soup.select_one("#id_email")
    assert not soup.select("#id_display_name, #id_wants_results, #id_remove_image")
    assert soup.select_one(".privacy-notice")


def test_a_proposal_waits_for_the_address_then_goes_to_the_queue(client, agenda, theme, commit):
    response = client.post(propose_url(), valid(themes=[str(theme.pk)]))
    assert response.status_code == 303
    assert response["Location"] == propose_url() + "?sent=1"
    proposal = EventProposal.objects.get()
    assert proposal.status == ProposalStatus.AWAITING_CONFIRMATION
    assert (proposal.contact.email, proposal.language) == (SECRET_ADDRESS, "fr")
    assert list(proposal.themes.all()) == [theme]
    assert proposal.start.isoformat() == "2026-07-04T10:00:00+00:00"  # 12:00 in Paris
    [message] = mail.outbox
    assert message.to == [SECRET_ADDRESS]

    thanks = client.get(response["Location"])
    assert SECRET_ADDRESS in soup_of(thanks).select_one(".messages").get_text()
    assert soup_of(thanks).select_one(".proposal-sent")
    assert not soup_of(thanks).select("form.proposal-form")

    landed = commit(confirm_by_link, client, confirmation_link())
    assert landed.status_code == 303
    assert landed["Location"].startswith(reverse("proposals:follow", args=["x"])[:-3])
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED
    received = mail.outbox[-1]
    assert received.to == [SECRET_ADDRESS]
    assert "Pique-nique des voisins" in received.subject
    assert client.get(follow_link(received)).status_code == 200
    assert list(proposal.steps.values_list("from_status", "to_status")) == [
        ("", "awaiting_confirmation"),
        ("awaiting_confirmation", "submitted"),
    ]


@override_settings(PUBLIC_BASE_URL="https://participation.example.fr")
def test_the_received_email_links_to_the_public_address(client, agenda, commit):
    """It leaves when the contact opens their link, from no request of ours: its links are
    still on the address residents use."""
    client.post(propose_url(), valid())
    commit(confirm_by_link, client, confirmation_link())
    received = mail.outbox[-1]
    assert "Pique-nique des voisins" in received.subject
    follow, data = links_in(received)
    assert follow.startswith("https://participation.example.fr/fr/agenda-associatif/suivi/")
    assert data.startswith("https://participation.example.fr/fr/participation/mes-donnees/")
    assert "localhost" not in received.body and "testserver" not in received.body


def test_a_browser_that_proved_its_address_skips_the_link(client, agenda, commit):
    in_session(client, confirmed())
    form = soup_of(client.get(propose_url()))
    assert not form.select("#id_email")
    response = commit(client.post, propose_url(), valid(email=None))
    assert response.status_code == 303
    assert EventProposal.objects.get().status == ProposalStatus.SUBMITTED
    [received] = mail.outbox
    assert follow_link(received)
    # The page now lists the proposal, with the way to follow it.
    soup = soup_of(client.get(propose_url()))
    assert soup.find("a", string="Pique-nique des voisins")


def test_errors_keep_the_input_and_are_summarised(client, agenda):
    data = valid(
        title="",
        summary="Un <b>grand</b> pique-nique",
        start="2026-07-04T16:00",
        end="2026-07-04T12:00",
    )
    response = client.post(propose_url(), data)
    assert response.status_code == 400
    soup = soup_of(response)
    links = [a["href"] for a in soup.select(".error-summary a")]
    assert links == ["#id_title", "#id_summary", "#id_end"]
    assert "HTML" in soup.select_one("#id_summary-error").get_text()
    assert soup.select_one("#id_title")["aria-invalid"] == "true"
    assert "id_title-error" in soup.select_one("#id_title")["aria-describedby"]
    assert soup.select_one("#id_summary").get_text().strip() == "Un <b>grand</b> pique-nique"
    assert soup.select_one("#id_organiser_name")["value"] == "Les Amis du Parc"
    assert soup.select_one("#id_start")["value"] == "2026-07-04T16:00"
    assert soup.select_one("#id_email")["value"] == SECRET_ADDRESS
    assert soup.select_one("#id_step_free_access").has_attr("checked")
    assert not EventProposal.objects.exists()
    assert mail.outbox == []


def test_a_chosen_image_must_be_chosen_again_when_the_form_has_errors(client, agenda):
    photo = SimpleUploadedFile("parc.jpg", jpeg(), content_type="image/jpeg")
    response = client.post(propose_url(), {**valid(title="", image_alt="Le parc"), "image": photo})
    assert response.status_code == 400
    soup = soup_of(response)
    assert "Choisissez à nouveau « parc.jpg »" in soup.select_one("#id_image-error").get_text()
    assert "#id_image" in [a["href"] for a in soup.select(".error-summary a")]
    assert soup.select_one("#id_image_alt")["value"] == "Le parc"


LONG = "x" * 10_000


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"title": LONG}, "title"),
        ({"organiser_name": LONG}, "organiser_name"),
        ({"summary": LONG}, "summary"),
        ({"title": "Pique\x00nique"}, "title"),
        ({"summary": "nul\x00"}, "summary"),
        ({"organiser_name": "<script>alert(1)</script>"}, "organiser_name"),
        ({"place_name": "<img src=x onerror=alert(1)>"}, "place_name"),
        ({"start": "2026-02-30T10:00"}, "start"),
        ({"start": "demain midi"}, "start"),
        ({"start": "99999-01-01T10:00"}, "start"),
        ({"start": "2027-03-28T02:30", "end": "2027-03-28T05:00"}, "start"),  # no such hour
        ({"end": "2026-07-04\x00"}, "end"),
        ({"end": "2026-07-04T11:00"}, "end"),  # before it starts
        ({"start": "2026-05-01T10:00", "end": "2026-05-01T12:00"}, "end"),  # over already
        ({"start": "2030-07-04T10:00", "end": "2030-07-04T12:00"}, "start"),  # too far
        ({"free_entry": None}, "registration_url"),
        ({"free_entry": None, "registration_url": "javascript:alert(1)"}, "registration_url"),
        ({"online_url": "http://" + "a" * 300 + ".fr"}, "online_url"),
        ({"place_name": "", "address": ""}, "place_name"),
        ({"themes": ["999999"]}, "themes"),
        ({"themes": ["abc"]}, "themes"),
        ({"consultation": "999999"}, "consultation"),
        ({"consultation": "1 OR 1=1"}, "consultation"),
        ({"email": "pas-une-adresse"}, "email"),
        ({"email": "a@b.fr\x00"}, "email"),
        ({"image_alt": "<b>photo</b>"}, "image_alt"),
        ({"title": "Pique-nique\x1b[2J"}, "title"),
        ({"organiser_name": "Les Amis\x07 du Parc"}, "organiser_name"),
    ],
)
def test_hostile_input_gets_a_clear_error_and_stores_nothing(
    client, agenda, theme, overrides, field
):
    factories.consultation(factories.consultation_index(agenda.get_parent()), "Le parc")
    response = client.post(propose_url(), valid(**overrides))
    assert response.status_code == 400
    assert soup_of(response).select_one(f"#id_{field}-error"), field
    assert not EventProposal.objects.exists()


def test_one_line_fields_stay_on_one_line(client, agenda):
    typed = valid(
        title="Pique-nique\r\nBcc: x@example.org",
        organiser_name="Les Amis\u2028du Parc",
        place_name="Parc des\tTilleuls\n",
        address="2 rue\r\ndes Tilleuls",
    )
    assert client.post(propose_url(), typed).status_code == 303
    proposal = EventProposal.objects.get()
    assert (proposal.title, proposal.organiser_name, proposal.place_name, proposal.address) == (
        "Pique-nique Bcc: x@example.org",
        "Les Amis du Parc",
        "Parc des Tilleuls",
        "2 rue des Tilleuls",
    )


def test_an_image_with_too_many_pixels_is_refused_before_it_is_decoded(client, agenda):
    photo = SimpleUploadedFile("affiche.png", png(6300, 6300, mode="L"))
    response = client.post(propose_url(), {**valid(image_alt="L’affiche"), "image": photo})
    assert response.status_code == 400
    error = soup_of(response).select_one("#id_image-error").get_text(" ", strip=True)
    assert "6\xa0300 × 6\xa0300 pixels" in error and "16 millions de pixels" in error
    assert not EventProposal.objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("photo.jpg", b"GIF89a not really"),
        ("photo.jpg", b"%PDF-1.7 renamed"),
        ("photo.png", b"<svg onload=alert(1)></svg>"),
        ("photo.exe", b"MZ\x90\x00"),
    ],
)
def test_files_are_judged_by_their_content(client, agenda, name, content):
    upload = SimpleUploadedFile(name, content)
    response = client.post(propose_url(), {**valid(image_alt="Une photo"), "image": upload})
    assert response.status_code == 400
    assert "JPEG" in soup_of(response).select_one("#id_image-error").get_text()
    assert not EventProposal.objects.exists()


def test_the_image_is_re_encoded_in_an_unguessable_folder(client, agenda):
    photo = SimpleUploadedFile("../../etc/parc.jpg", jpeg())
    response = client.post(propose_url(), {**valid(image_alt="Le parc"), "image": photo})
    assert response.status_code == 303
    proposal = EventProposal.objects.get()
    assert proposal.image.name.startswith("proposals/") and ".." not in proposal.image.name
    assert len(proposal.image.name.split("/")[1]) >= 20
    with Image.open(proposal.image) as stored:
        assert stored.size == (64, 48) and not stored.getexif()


def test_an_image_needs_its_description(client, agenda):
    response = client.post(propose_url(), {**valid(), "image": SimpleUploadedFile("a.jpg", jpeg())})
    assert response.status_code == 400
    assert soup_of(response).select_one("#id_image_alt-error")


def test_an_all_day_event_covers_whole_days(client, agenda):
    data = valid(all_day="on", start="2026-07-04T00:00", end="2026-07-05T00:00")
    assert client.post(propose_url(), data).status_code == 303
    proposal = EventProposal.objects.get()
    assert proposal.start.isoformat() == "2026-07-03T22:00:00+00:00"  # midnight in Paris
    assert proposal.end.isoformat() == "2026-07-05T21:59:59+00:00"


def test_a_spam_robot_is_refused(client, agenda):
    response = client.post(propose_url(), valid(website="http://spam.example"))
    assert response.status_code == 400
    assert not EventProposal.objects.exists()


def test_too_many_proposals_are_refused_with_the_input_kept(client, agenda, settings):
    settings.PARTICIPATION_RATE_LIMITS = {
        **settings.PARTICIPATION_RATE_LIMITS,
        "proposal": (1, 9),
    }
    assert client.post(propose_url(), valid()).status_code == 303
    response = client.post(propose_url(), valid(title="Un second"))
    assert response.status_code == 400
    soup = soup_of(response)
    assert soup.select_one(".error-summary li")
    assert soup.select_one("#id_title")["value"] == "Un second"
    assert EventProposal.objects.count() == 1


def test_a_proposal_in_english_is_answered_in_english(client, agenda, locales, commit):
    with translation.override("en"):
        url = reverse("proposals:propose")
    assert url.startswith("/en/")
    assert client.post(url, valid()).status_code == 303
    assert EventProposal.objects.get().language == "en"
    commit(confirm_by_link, client, confirmation_link())
    assert "/en/" in follow_link(mail.outbox[-1])  # the e-mails speak its language


# Trust belongs to the confirmed contact, not to the name


def trusted(name, contact):
    return Organiser.objects.create(
        name=name, kind=Organiser.Kind.ASSOCIATION, trusted=True, contact=contact
    )


def test_the_trusted_contact_publishes_directly(client, agenda, commit):
    contact = confirmed()
    organiser = trusted("Les Amis du Parc", contact)
    in_session(client, contact)
    data = valid(organiser_name="les amis du parc", email=None)
    response = commit(client.post, propose_url(), data)
    assert response.status_code == 303
    proposal = EventProposal.objects.get()
    assert proposal.status == ProposalStatus.PUBLISHED_DIRECTLY
    event = EventPage.objects.get()
    assert (event.live, event.organiser, event.get_parent().specific) == (True, organiser, agenda)
    assert proposal.event_id == event.pk
    assert event.get_url() in mail.outbox[-1].body
    assert "publi" in soup_of(client.get(response["Location"])).select_one(".messages").get_text()


def test_typing_a_trusted_organisers_name_from_another_address_proves_nothing(client, agenda):
    trusted("Les Amis du Parc", confirmed())
    client.post(propose_url(), valid(email="imposteur@example.org"))
    confirm_by_link(client, confirmation_link())  # the impostor confirms their own address
    assert EventProposal.objects.get().status == ProposalStatus.SUBMITTED
    assert not EventPage.objects.exists()


def test_typing_the_trusted_address_waits_for_its_link(client, agenda):
    """Someone typing the trusted contact's address publishes nothing: the link decides."""
    trusted("Les Amis du Parc", confirmed())
    client.post(propose_url(), valid())
    assert EventProposal.objects.get().status == ProposalStatus.AWAITING_CONFIRMATION
    assert not EventPage.objects.exists()
    confirm_by_link(client, confirmation_link())  # the owner of the address uses it
    assert EventProposal.objects.get().status == ProposalStatus.PUBLISHED_DIRECTLY
    assert EventPage.objects.live().count() == 1


def test_her_own_link_never_releases_what_a_stranger_proposed_in_her_name(client, agenda):
    """The hijack: a stranger proposes an event as the trusted organiser, with its contact's
    address; the contact later uses a link of hers. Only what that link was sent for moves."""
    contact = confirmed()
    trusted("Les Amis du Parc", contact)
    stranger = Client()
    stranger.post(propose_url(), valid(registration_url="https://phishing.example/"))
    stranger_mail = mail.outbox[-1]
    assert "Pique-nique des voisins" in stranger_mail.body
    assert "Les Amis du Parc" in stranger_mail.body  # the contact sees what she would confirm
    own = Client()
    own.post(propose_url(), valid(title="Troc de plantes"))
    confirm_by_link(own, confirmation_link())
    own.post(reverse("participation:new_link"), {"email": SECRET_ADDRESS})
    confirm_by_link(own, confirmation_link())
    statuses = dict(EventProposal.objects.values_list("title", "status"))
    assert statuses == {
        "Pique-nique des voisins": ProposalStatus.AWAITING_CONFIRMATION,
        "Troc de plantes": ProposalStatus.PUBLISHED_DIRECTLY,
    }
    assert list(EventPage.objects.values_list("title", flat=True)) == ["Troc de plantes"]


def test_a_date_no_browser_would_send_is_not_written_back(client, agenda):
    """A datetime-local input cannot hold "30 February": the page stays valid HTML."""
    response = client.post(propose_url(), valid(start="2026-02-30T10:00"))
    assert response.status_code == 400
    soup = soup_of(response)
    assert not soup.select_one("#id_start").has_attr("value")
    assert soup.select_one("#id_end")["value"] == "2026-07-04T16:00"
