"""Moderators decide proposals in the admin: approve, ask for changes, reject; roles."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.core import mail
from django.core.files.base import ContentFile
from django.test import override_settings
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.users.models import UserProfile

from portal.core import roles
from portal.core.roles import StaffRole
from portal.pages.models import EventPage, Organiser
from portal.participation.models import Participant
from portal.proposals import services
from portal.proposals.apps import grant_roles
from portal.proposals.models import EventProposal, ProposalStatus
from tests.factories import ParticipantFactory

from .conftest import SECRET_ADDRESS, confirmed, follow_link, jpeg, links_in

EDITORS, MODERATORS = StaffRole.EDITORS, StaffRole.MODERATORS
PROPOSALS = "/admin/snippets/proposals/eventproposal/"


def edit_url(proposal):
    return f"{PROPOSALS}edit/{proposal.pk}/"


def titles(response):
    rows = BeautifulSoup(response.content, "html.parser").select("tbody tr")
    return [row.select_one("td.title a").get_text(strip=True) for row in rows]


def messages_of(response):
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


def in_english(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def user_in(django_user_model, role, username):
    user = django_user_model.objects.create_user(username, f"{username}@mairie.example", "x")
    user.groups.add(roles.group(role))
    return in_english(user)


@pytest.fixture
def moderator(django_user_model):
    return user_in(django_user_model, MODERATORS, "modo")


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


def propose(contact=None, status=ProposalStatus.SUBMITTED, **fields):
    """A proposal as the public form stores it, moved to `status` without e-mails."""
    values = {
        "organiser_name": "Les Amis du Parc",
        "title": "Pique-nique des voisins",
        "summary": "Chacun apporte un plat.",
        "start": timezone.now() + timedelta(days=20),
        "end": timezone.now() + timedelta(days=20, hours=4),
        "place_name": "Parc des Tilleuls",
        "language": "fr",
        **fields,
    }
    contact = contact or (
        Participant.objects.filter(email=SECRET_ADDRESS).first()
        or ParticipantFactory(email=SECRET_ADDRESS)
    )
    return EventProposal.objects.create(contact=contact, status=status, **values)


@pytest.fixture
def proposal(agenda):
    return propose(
        image=ContentFile(jpeg(), name="parc.jpg"),
        image_alt="Des tables sous les arbres",
        step_free_access=True,
    )


def decide(client, proposal, **data):
    return client.post(edit_url(proposal), {"decision": "", "message": "", **data})


# The queue


def test_the_queue_shows_proposals_awaiting_moderation(moderator_client, agenda):
    propose(title="Dans la file")
    propose(title="Adresse non confirmée", status=ProposalStatus.AWAITING_CONFIRMATION)
    propose(title="Changements demandés", status=ProposalStatus.CHANGES_REQUESTED)
    propose(title="Refusée", status=ProposalStatus.REJECTED)
    queue = moderator_client.get(PROPOSALS)
    assert queue.status_code == 200
    assert titles(queue) == ["Dans la file"]
    assert "Event proposals to moderate" in queue.content.decode()
    every = moderator_client.get(PROPOSALS, {"status": "all", "ordering": "title"})
    assert titles(every) == [
        "Adresse non confirmée",
        "Changements demandés",
        "Dans la file",
        "Refusée",
    ]
    waiting = moderator_client.get(PROPOSALS, {"status": "changes_requested"})
    assert titles(waiting) == ["Changements demandés"]


@pytest.mark.parametrize(
    "query",
    [
        {"status": "approved\x00"},
        {"status": "bogus", "q": "x" * 5000},
        {"created_at_from": "31/02/2026", "created_at_to": "\x00"},
        {"ordering": "contact__email", "p": "999"},
    ],
)
def test_hostile_filters_give_a_normal_page(moderator_client, agenda, query):
    propose()
    assert moderator_client.get(PROPOSALS, query).status_code == 200


def test_the_home_page_shows_moderators_the_queue(moderator_client, agenda):
    propose()
    propose(status=ProposalStatus.AWAITING_CONFIRMATION)
    page = moderator_client.get("/admin/").content.decode()
    assert "1 event proposal awaits moderation." in page and f'href="{PROPOSALS}"' in page


# Decisions


def test_the_review_shows_the_proposal_its_organiser_and_the_decisions(moderator_client, proposal):
    Organiser.objects.create(name="LES AMIS DU PARC", kind=Organiser.Kind.ASSOCIATION)
    page = moderator_client.get(edit_url(proposal))
    assert page.status_code == 200
    soup = BeautifulSoup(page.content, "html.parser")
    text = soup.get_text(" ", strip=True)
    assert "Les Amis du Parc" in text and "In the agenda as “LES AMIS DU PARC”" in text
    assert "Step-free access" in text
    assert soup.find("img", alt="Des tables sous les arbres")["src"] == proposal.image.url
    offered = [radio["value"] for radio in soup.select("input[name=decision]")]
    assert offered == ["approve", "request_changes", "reject"]
    assert soup.select_one("input[name=trust]")


def test_approving_publishes_the_event_under_its_organiser_and_tells_the_association(
    moderator_client, moderator, proposal, agenda, commit
):
    response = commit(decide, moderator_client, proposal, decision="approve", message="Bienvenue !")
    assert response.status_code == 302
    assert response["Location"] == PROPOSALS
    proposal.refresh_from_db()
    event = EventPage.objects.get()
    assert (proposal.status, proposal.event, proposal.organiser) == (
        ProposalStatus.APPROVED,
        event,
        event.organiser,
    )
    assert event.get_parent().specific == agenda and event.live
    assert (event.organiser.name, event.organiser.kind) == ("Les Amis du Parc", "association")
    assert not event.organiser.trusted
    assert (event.title, event.place_name, event.step_free_access) == (
        "Pique-nique des voisins",
        "Parc des Tilleuls",
        True,
    )
    assert event.image.title == "Pique-nique des voisins"
    assert event.image_alt == "Des tables sous les arbres"
    assert event.live_revision.user == moderator
    step = proposal.steps.last()
    assert (step.user, step.to_status, step.note) == (moderator, "approved", "Bienvenue !")
    [message] = mail.outbox
    assert message.to == [SECRET_ADDRESS]
    assert f"http://testserver{event.url}" in message.body
    assert "Bienvenue !" in message.body and follow_link(message)


def test_approving_a_legacy_title_with_a_line_break_works_and_mails_one_line(
    moderator_client, agenda, commit
):
    """Stored before titles were made one line."""
    proposal = propose(title="Pique-nique\r\nBcc: x@example.org")
    response = commit(decide, moderator_client, proposal, decision="approve")
    assert response.status_code == 302
    assert EventPage.objects.get().live
    [message] = mail.outbox
    assert (message.to, message.bcc) == ([SECRET_ADDRESS], [])
    assert "\n" not in message.subject and message.message()["Bcc"] is None


@override_settings(PUBLIC_BASE_URL="https://participation.example.fr")
def test_the_association_gets_the_public_address_whatever_host_the_moderator_used(
    moderator_client, proposal, commit
):
    commit(decide, moderator_client, proposal, decision="approve", message="Bienvenue !")
    [message] = mail.outbox
    event, follow, data = links_in(message)
    assert event == "https://participation.example.fr/fr/agenda/pique-nique-des-voisins/"
    assert follow.startswith("https://participation.example.fr/fr/agenda-associatif/suivi/")
    assert data.startswith("https://participation.example.fr/fr/participation/mes-donnees/")
    assert "testserver" not in message.body


def test_approving_reuses_an_organiser_whatever_the_case(moderator_client, proposal):
    existing = Organiser.objects.create(name="les amis du parc", kind=Organiser.Kind.SERVICE)
    decide(moderator_client, proposal, decision="approve")
    assert EventPage.objects.get().organiser == existing
    assert Organiser.objects.count() == 1


def test_trusting_the_organiser_publishes_its_contacts_next_events_directly(
    moderator_client, proposal, commit
):
    decide(moderator_client, proposal, decision="approve", trust="on")
    organiser = Organiser.objects.get()
    assert (organiser.trusted, organiser.contact) == (True, proposal.contact)
    assert "trusted" in proposal.steps.last().note

    mail.outbox.clear()
    theirs = commit(
        services.submit_proposal,
        contact=proposal.contact,
        organiser_name="Les Amis du Parc",
        title="Troc de plantes",
        summary="Apportez vos boutures.",
        start=proposal.start + timedelta(days=7),
        end=proposal.end + timedelta(days=7),
        place_name="Parc des Tilleuls",
    )
    assert theirs.status == ProposalStatus.PUBLISHED_DIRECTLY
    assert EventPage.objects.live().filter(title="Troc de plantes", organiser=organiser).exists()
    assert "Troc de plantes" in mail.outbox[-1].subject

    other = services.submit_proposal(
        contact=confirmed("autre@example.org"),
        organiser_name="Les Amis du Parc",
        title="Faux pique-nique",
        summary="…",
        start=proposal.start,
        end=proposal.end,
        place_name="Ailleurs",
    )
    assert other.status == ProposalStatus.SUBMITTED
    assert not EventPage.objects.filter(title="Faux pique-nique").exists()


def test_asking_for_changes_needs_a_message_which_the_association_reads(
    moderator_client, moderator, proposal, commit
):
    refused = decide(moderator_client, proposal, decision="request_changes", message="  ")
    assert refused.status_code == 200
    assert "Write the message the association will read." in refused.content.decode()
    assert EventProposal.objects.get().status == ProposalStatus.SUBMITTED

    commit(
        decide,
        moderator_client,
        proposal,
        decision="request_changes",
        message="Indiquez l’heure de fin.",
    )
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.CHANGES_REQUESTED
    assert proposal.moderator_message == "Indiquez l’heure de fin."
    [message] = mail.outbox
    assert "Indiquez l’heure de fin." in message.body and follow_link(message)
    assert not EventPage.objects.exists()


def test_rejecting_needs_a_reason_which_the_association_reads(
    moderator_client, moderator, proposal, commit
):
    refused = decide(moderator_client, proposal, decision="reject")
    assert refused.status_code == 200
    commit(decide, moderator_client, proposal, decision="reject", message="Événement payant.")
    proposal.refresh_from_db()
    assert (proposal.status, proposal.moderator_message) == ("rejected", "Événement payant.")
    [message] = mail.outbox
    assert "Événement payant." in message.body
    assert list(proposal.steps.values_list("user", "to_status")) == [(moderator.pk, "rejected")]


@pytest.mark.parametrize(
    "data",
    [
        {"decision": "bogus"},
        {"decision": "approve\x00"},
        {"decision": "reject", "message": "x" * 5000},
        {"decision": "reject", "message": "<script>alert(1)</script>"},
        {"decision": "request_changes", "trust": "on", "message": "Précisez."},
        {},
    ],
)
def test_hostile_decisions_are_form_errors(moderator_client, proposal, data):
    response = moderator_client.post(edit_url(proposal), data)
    assert response.status_code == 200
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED
    assert not proposal.steps.exists() and not EventPage.objects.exists()


def test_a_forged_proposal_id_is_not_found(moderator_client, proposal):
    for url in (f"{PROPOSALS}edit/999999/", f"{PROPOSALS}edit/abc/"):
        # Django's locale middleware sends an unknown address to its /fr/ twin first.
        assert moderator_client.get(url, follow=True).status_code == 404
        assert moderator_client.post(url, {"decision": "approve"}, follow=True).status_code == 404
    assert EventProposal.objects.get().status == ProposalStatus.SUBMITTED


def test_a_proposal_awaiting_confirmation_or_decided_offers_no_decision(moderator_client, agenda):
    for status in (ProposalStatus.AWAITING_CONFIRMATION, ProposalStatus.REJECTED):
        proposal = propose(status=status)
        soup = BeautifulSoup(moderator_client.get(edit_url(proposal)).content, "html.parser")
        assert not soup.select("input[name=decision]")
        moderator_client.post(edit_url(proposal), {"decision": "approve"})
        assert EventProposal.objects.get(pk=proposal.pk).status == status
    assert not EventPage.objects.exists()


def test_without_an_agenda_approval_is_refused_with_a_message(moderator_client, home):
    proposal = propose()
    response = decide(moderator_client, proposal, decision="approve")
    assert response.status_code == 200
    assert "There is no agenda" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED
    assert not Organiser.objects.exists()
    assert not get_image_model().objects.exists()


def test_a_decision_taken_meanwhile_wins(moderator_client, proposal):
    page = moderator_client.get(edit_url(proposal))
    assert page.status_code == 200
    services.reject(proposal=proposal, user=None, reason="Doublon.")
    response = decide(moderator_client, proposal, decision="approve")
    assert response.status_code == 302
    assert messages_of(response) == ["This proposal is decided already: nothing changed."]
    assert EventProposal.objects.get().status == ProposalStatus.REJECTED
    assert not EventPage.objects.exists()


def test_the_services_refuse_a_second_decision(proposal):
    services.approve(proposal=proposal, user=None)
    for decide_again in (
        lambda: services.approve(proposal=proposal, user=None),
        lambda: services.reject(proposal=proposal, user=None, reason="Trop tard."),
        lambda: services.request_changes(proposal=proposal, user=None, message="Non."),
    ):
        with pytest.raises(services.ProposalError):
            decide_again()
    assert EventPage.objects.count() == 1


# Roles and privacy


def superuser(django_user_model):
    return in_english(django_user_model.objects.create_superuser("root", "root@mairie.ex", "x"))


@pytest.fixture
def role_client(request, client, django_user_model):
    role = request.param
    if role == "superuser":
        client.force_login(superuser(django_user_model))
    elif role != "anonymous":
        client.force_login(user_in(django_user_model, role, role.lower()))
    return role, client


@pytest.mark.parametrize(
    "role_client", ["anonymous", EDITORS, MODERATORS, "superuser"], indirect=True
)
def test_only_moderators_and_superusers_moderate(role_client, proposal):
    role, client = role_client
    pages = [client.get(PROPOSALS), client.get(edit_url(proposal))]
    decide(client, proposal, decision="approve")
    proposal.refresh_from_db()
    if role == "anonymous":
        assert all(page.status_code == 302 for page in pages)
        assert all(page["Location"].startswith("/admin/login/") for page in pages)
    elif role == EDITORS:
        # Wagtail answers a refusal with its home page and a message; scripts get a 403.
        assert all(page["Location"] == "/admin/" for page in pages)
        assert messages_of(pages[0])  # "Sorry, you do not have permission…"
        scripted = client.get(edit_url(proposal), headers={"x-requested-with": "XMLHttpRequest"})
        assert scripted.status_code == 403
    if role in ("anonymous", EDITORS):
        assert proposal.status == ProposalStatus.SUBMITTED
        assert not EventPage.objects.exists()
    else:
        assert [page.status_code for page in pages] == [200, 200]
        assert proposal.status == ProposalStatus.APPROVED
    # Proposals come from the public form only: nobody adds one here.
    assert client.get(f"{PROPOSALS}add/").status_code in (302, 403)


def test_the_contacts_address_never_appears_in_the_admin(client, moderator, django_user_model):
    agenda_free = propose(
        status=ProposalStatus.CHANGES_REQUESTED,
        moderator_message="Précisez.",
    )
    queued = propose(contact=agenda_free.contact)
    pages = [
        PROPOSALS,
        f"{PROPOSALS}?status=all",
        f"{PROPOSALS}?q=parc",
        edit_url(agenda_free),
        edit_url(queued),
        f"{PROPOSALS}history/{queued.pk}/",
        f"{PROPOSALS}usage/{queued.pk}/",
        "/admin/",
    ]
    for user, urls in (
        (moderator, pages),
        (superuser(django_user_model), [*pages, f"{PROPOSALS}delete/{queued.pk}/"]),
    ):
        client.force_login(user)
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            assert SECRET_ADDRESS not in response.content.decode(), url


def test_roles_are_granted_again_without_duplicates(db):
    from django.apps import apps

    config = apps.get_app_config("proposals")
    grant_roles(config)
    grant_roles(config)
    moderators = set(roles.group(MODERATORS).permissions.values_list("codename", flat=True))
    editors = set(roles.group(EDITORS).permissions.values_list("codename", flat=True))
    assert {"view_eventproposal", "change_eventproposal"} <= moderators
    assert not {"add_eventproposal", "delete_eventproposal"} & moderators
    assert not {code for code in editors if code.endswith("_eventproposal")}
