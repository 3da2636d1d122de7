"""Following: double opt-in, one e-mail a day (or a week) at most, news told once, one-click
unsubscribe without signing in, follows in the resident's data."""

import re
from datetime import date, timedelta
from urllib.parse import urlsplit

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from portal.budgets.models import Envelope
from portal.follows import services
from portal.follows.models import Follow, Follower, Frequency, News, NewsKind, Topic
from portal.participation import identity
from portal.participation import services as participation
from portal.participation.models import IdeaStatus, IdeaSupport
from tests import factories
from tests.conftest import confirm_by_link
from tests.factories import IdeaBoxFactory, IdeaFactory, ParticipantFactory, paris

DAY_ONE = paris(date(2026, 6, 10), 9)


@pytest.fixture
def index(home):
    return factories.consultation_index(home)


def consultation(index, title, start=date(2026, 6, 10)):
    """A consultation whose second step starts on `start`."""
    return factories.consultation(
        index,
        title,
        phases=(
            (date(2026, 5, 1), start - timedelta(days=1), None),
            (start, date(2026, 9, 1), None),
        ),
    )


def following(participant, *pages, frequency=Frequency.DAILY, now=DAY_ONE):
    for page in pages:
        services.follow(
            participant=participant,
            topic=Topic.CONSULTATION,
            key=page.translation_key,
            frequency=frequency,
            now=now,
        )


def news_mails():
    return [message for message in mail.outbox if "List-Unsubscribe" in message.extra_headers]


def follow_url(page):
    return reverse("follows:follow", args=[Topic.CONSULTATION, page.translation_key])


def link_in(message, path_part):
    return next(url for url in re.findall(r"https?://\S+", message.body) if path_part in url)


@pytest.mark.django_db
def test_following_by_address_waits_for_the_link_and_nothing_is_sent_before(index, client):
    page = consultation(index, "La place du Marché")
    with time_machine.travel(DAY_ONE - timedelta(days=1), tick=False):
        shown = client.get(follow_url(page))
        assert shown.status_code == 200
        assert b'name="email"' in shown.content and b'name="frequency"' in shown.content
        response = client.post(
            follow_url(page), {"email": "nadia@example.org", "frequency": "daily"}
        )
        assert response.status_code == 303
        client.post(follow_url(page), {"email": "Nadia@Example.org", "frequency": "daily"})
    assert Follow.objects.count() == 1  # the same address following twice: one row
    assert not Follow.objects.get().confirmed
    confirmation = mail.outbox[-1]
    assert "La place du Marché" in confirmation.body
    with time_machine.travel(DAY_ONE, tick=False):
        assert services.record_openings() == 1
        assert services.send_news() == 0
    assert news_mails() == []

    with time_machine.travel(DAY_ONE + timedelta(hours=1), tick=False):
        confirm_by_link(client, link_in(confirmation, "/confirm"))
    follow = Follow.objects.get()
    assert follow.confirmed and follow.confirmation is None
    # What happened before confirming is not news for them; what comes next is.
    with time_machine.travel(DAY_ONE + timedelta(days=1), tick=False):
        assert services.send_news() == 0
        factories.restitution(page)
        assert services.send_news() == 1
    assert "results are published" in news_mails()[0].body or "résultats" in news_mails()[0].body


@pytest.mark.django_db
def test_a_resident_signed_in_follows_in_one_click_with_no_email(index, client):
    page = consultation(index, "La place")
    participant = ParticipantFactory()
    session = client.session
    session[identity.SESSION_KEY] = participant.pk
    session.save()
    shown = client.get(page.url)
    assert b'id="follow"' in shown.content
    mail.outbox.clear()
    response = client.post(follow_url(page), {"next": page.url})
    assert response.status_code == 303 and response["Location"] == page.url
    assert Follow.objects.get(follower__participant=participant).confirmed
    assert mail.outbox == []
    assert participant.email.encode() not in client.get(page.url).content
    assert participant.email.encode() not in client.get(follow_url(page)).content


@pytest.mark.django_db
def test_a_step_opens_when_the_original_says_so_whatever_a_translation_says(index, locales):
    page = consultation(index, "La place", start=date(2026, 6, 20))
    english = page.copy_for_translation(locales[1], copy_parents=True)
    english.save_revision().publish()
    english.phases.filter(start=date(2026, 6, 20)).update(start=DAY_ONE.date())  # not synced
    with time_machine.travel(DAY_ONE, tick=False):
        assert services.record_openings() == 0
    with time_machine.travel(paris(date(2026, 6, 20), 9), tick=False):
        assert services.record_openings() == 1
    news = News.objects.get()
    assert news.object_id == page.phases.get(start=date(2026, 6, 20)).pk


@pytest.mark.django_db
def test_three_consultations_send_one_email_a_day(index):
    pages = [consultation(index, f"Concertation {n}", start=date(2026, 6, 11)) for n in (1, 2, 3)]
    participant = ParticipantFactory()
    following(participant, *pages)
    with time_machine.travel(DAY_ONE + timedelta(days=1), tick=False) as clock:
        assert services.record_openings() == 3
        assert services.send_news() == 1
        clock.shift(timedelta(hours=5))
        envelope = Envelope.objects.create(
            consultation=pages[0],
            title="Budget",
            amount=1000,
            opens_at=DAY_ONE + timedelta(days=1, hours=3),
            closes_at=DAY_ONE + timedelta(days=9),
        )
        assert services.record_openings() == 1
        assert services.send_news() == 0  # one e-mail a day at most: it waits for tomorrow
        clock.shift(timedelta(days=1))
        assert services.send_news() == 1
    first, second = news_mails()
    assert all(page.title in first.body for page in pages)
    assert envelope.title in second.body and "Concertation 2" not in second.body


@pytest.mark.django_db
def test_a_weekly_digest_gathers_the_week(index):
    pages = [
        consultation(index, f"Concertation {n}", start=date(2026, 6, 10) + timedelta(days=n))
        for n in range(1, 7)
    ]
    following(ParticipantFactory(), *pages, frequency=Frequency.WEEKLY)
    with time_machine.travel(DAY_ONE, tick=False) as clock:
        for _day in range(6):
            clock.shift(timedelta(days=1))
            services.record_openings()
            assert services.send_news() == 0
        clock.shift(timedelta(days=1))
        assert services.send_news() == 1
    (digest,) = news_mails()
    assert all(page.title in digest.body for page in pages)


@pytest.mark.django_db
def test_supporters_of_an_answered_idea_are_told_once(index):
    page = consultation(index, "La place")
    idea = IdeaFactory(box=IdeaBoxFactory(consultation=page), status=IdeaStatus.PUBLISHED)
    supporter, other = ParticipantFactory(), ParticipantFactory()
    IdeaSupport.objects.create(idea=idea, participant=supporter, confirmed=True)
    following(supporter, page)
    following(other, page)
    with time_machine.travel(DAY_ONE, tick=False) as clock:
        participation.answer_idea(idea=idea, user=None, answer="Oui, dès l’été.")
        participation.answer_idea(idea=idea, user=None, answer="Oui, dès juillet.")
        participation.change_status(idea=idea, to_status=IdeaStatus.RETAINED, user=None)
        assert News.objects.filter(kind=NewsKind.IDEA_ANSWERED).count() == 1
        services.send_news()
        clock.shift(timedelta(days=2))
        participation.answer_idea(idea=idea, user=None, answer="Oui, en juillet.")
        services.send_news()
    told = [message for message in news_mails() if idea.title in message.body]
    assert [message.to for message in told] == [[supporter.email]]


@pytest.mark.django_db
def test_the_email_in_the_persons_language_with_headers_and_links_that_work(index, client):
    page = consultation(index, "La place")
    with translation.override("en"):
        participant = factories.named("jo@example.org")
        following(participant, page)
        participation.confirm(confirmation=participant.confirmation)
    with time_machine.travel(DAY_ONE, tick=False):
        services.record_openings()
        services.send_news()
    (message,) = news_mails()
    assert message.to == ["jo@example.org"]
    assert "the step “Phase 2” has begun" in message.subject
    assert "Hello," in message.body
    unsubscribe = link_in(message, "unsubscribe")
    assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe.startswith("http://testserver/en/")
    assert client.get(urlsplit(link_in(message, "place")).path).status_code == 200


@pytest.mark.django_db
def test_unsubscribe_from_the_link_without_signing_in(index):
    page = consultation(index, "La place")
    participant = ParticipantFactory()
    following(participant, page)
    url = reverse("follows:unsubscribe", args=[Follower.objects.get().token])
    browser = Client(enforce_csrf_checks=True)
    shown = browser.get(url)
    assert shown.status_code == 200 and b'method="post"' in shown.content
    assert Follower.objects.exists()  # opening the link (a mail scanner) unsubscribes nobody
    response = browser.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 303
    assert browser.get(response["Location"]).status_code == 200
    assert not Follower.objects.exists() and not Follow.objects.exists()
    assert browser.post(url).status_code == 404  # used again: already unsubscribed
    assert browser.get(url).status_code == 404
    forged = reverse("follows:unsubscribe", args=["forged-token"])
    assert browser.post(forged).status_code == 404
    assert "Déjà désabonné" in browser.get(forged).content.decode()


@pytest.mark.django_db
def test_hostile_addresses_are_not_found(client, home):
    unknown = "8a4e7e52-1d4c-4d43-9a43-3d0c1f0c9a1b"
    paths = [
        reverse("follows:follow", args=["planet", unknown]),
        reverse("follows:follow", args=[Topic.CONSULTATION, unknown]),
        reverse("follows:follow", args=[Topic.THEME, unknown]).replace(unknown, "not-a-key"),
    ]
    for path in paths:
        assert client.get(path).status_code == 404
        assert client.post(path, {"email": "a@example.org"}).status_code == 404


@pytest.mark.django_db
def test_hostile_forms_are_refused_next_to_their_fields(index, client):
    page = consultation(index, "La place")
    bad = client.post(follow_url(page), {"email": "pas une adresse", "frequency": "hourly"})
    assert bad.status_code == 400
    assert b"error-summary" in bad.content and b"pas une adresse" in bad.content
    robot = client.post(
        follow_url(page),
        {"email": "robot@example.org", "frequency": "daily", "website": "http://spam"},
    )
    assert robot.status_code == 400
    assert not Follow.objects.exists()


@pytest.mark.django_db
def test_follows_are_in_the_residents_data_and_erased_with_it(index, client):
    page = consultation(index, "La place")
    participant = ParticipantFactory()
    following(participant, page)
    token = identity.data_token(participant)
    shown = client.get(reverse("participation:my_data", args=[token])).content.decode()
    assert "Ce que vous suivez" in shown and "la concertation « La place »" in shown
    session = client.session
    session[identity.SESSION_KEY] = participant.pk
    session.save()
    download = client.get(reverse("participation:download_my_data", args=[token]))
    assert "la concertation « La place »" in download.content.decode()
    participation.erase(participant=participant)
    assert not Follower.objects.exists() and not Follow.objects.exists()


@pytest.mark.django_db
def test_unconfirmed_follows_are_purged(index):
    page = consultation(index, "La place")
    with time_machine.travel(DAY_ONE - timedelta(days=30), tick=False):
        following(factories.named("lea@example.org"), page)
    participation.purge_unconfirmed()
    services.purge()
    assert not Follow.objects.exists() and not Follower.objects.exists()


@pytest.mark.django_db
def test_results_and_votes_are_news_once(index):
    page = consultation(index, "La place")
    restitution = factories.restitution(page)
    restitution.save_revision().publish()
    assert News.objects.filter(kind=NewsKind.RESULTS_PUBLISHED).count() == 1
    Envelope.objects.create(
        consultation=page,
        title="Budget",
        amount=1000,
        opens_at=DAY_ONE - timedelta(hours=1),
        closes_at=DAY_ONE + timedelta(days=9),
    )
    with time_machine.travel(DAY_ONE, tick=False):
        assert services.record_openings() == 2  # the vote and the step of the day
        assert services.record_openings() == 0
