"""iCalendar files and feeds, read back by two independent parsers (icalendar and vobject);
test_engines.py adds ical.js and checks the instants."""

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from portal.core.http import page_url
from portal.pages.agenda import EventState
from portal.pages.models import ConsultationPage, District, EventPage, Organiser, Theme
from tests import factories

from .engines import vobject_calendar

UTC = ZoneInfo("UTC")


def url(name, *args, language="fr"):
    with translation.override(language):
        return reverse(f"calendar:{name}", args=args)


def fetch(client, address):
    response = client.get(address)
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content.decode()
    return icalendar.Calendar.from_ical(body), vobject_calendar(body), body


def events_by_summary(parsed):
    return {str(event["SUMMARY"]): event for event in parsed.events}


@pytest.fixture
def taxonomy(locales):
    fr = locales[0]
    return {
        "mobility": Theme.objects.create(name="Mobilité", slug="mobilite", locale=fr),
        "centre": District.objects.create(name="Centre-ville", slug="centre-ville", locale=fr),
        "velo": Organiser.objects.create(name="Association Vélo Lauze", kind="association"),
    }


@pytest.fixture
def agenda(home):
    return factories.agenda(home)


@pytest.fixture
def workshop(agenda, taxonomy):
    return factories.event(
        agenda,
        "Atelier « Cœur de ville »",
        factories.paris(date(2027, 3, 14), 18, 30),
        summary="Dessinons ensemble la place, à l’école Édouard-Herriot.",
        place_name="École Édouard-Herriot",
        address="2 rue des Écoles, 00000 Bellecombe",
        latitude=Decimal("47.3865"),
        longitude=Decimal("0.6919"),
        organiser=taxonomy["velo"],
        themes=[taxonomy["mobility"]],
        districts=[taxonomy["centre"]],
        step_free_access=True,
    )


def test_an_event_file_has_every_property_calendar_apps_need(client, workshop):
    parsed, _vcal, body = fetch(client, url("event", workshop.translation_key))
    (event,) = parsed.events
    assert str(event["UID"]) == str(workshop.translation_key)
    assert event["DTSTART"].dt == datetime(2027, 3, 14, 18, 30, tzinfo=ZoneInfo("Europe/Paris"))
    assert event["DTSTART"].params["TZID"] == "Europe/Paris"
    assert event["DTEND"].dt - event["DTSTART"].dt == timedelta(hours=2)
    assert str(event["SUMMARY"]) == "Atelier « Cœur de ville »"
    assert str(event["LOCATION"]) == "École Édouard-Herriot, 2 rue des Écoles, 00000 Bellecombe"
    assert event["GEO"].latitude == pytest.approx(47.3865)
    assert event["ORGANIZER"].params["CN"] == "Association Vélo Lauze"
    assert [str(c) for c in event["CATEGORIES"].cats] == ["Mobilité"]
    assert str(event["STATUS"]) == "CONFIRMED"
    assert event["SEQUENCE"] == 0
    assert event["DTSTAMP"].dt.tzinfo is not None and event["LAST-MODIFIED"].dt.tzinfo is not None
    full_url = page_url(workshop)  # the public address, not the Wagtail Site record's
    assert str(event["URL"]) == full_url
    description = str(event["DESCRIPTION"])
    assert description.startswith("Dessinons ensemble la place")
    assert description.endswith(full_url)  # plain text ending with the way back to the page
    assert "<" not in description
    # The time zone the event refers to is described in the file, as RFC 5545 requires.
    assert "BEGIN:VTIMEZONE" in body and "TZID:Europe/Paris" in body
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))


def test_events_keep_their_wall_clock_time_across_daylight_saving_changes(client, agenda):
    """10:00 in Paris on the last Sunday of March is 08:00 UTC; on the last of October, 09:00."""
    spring = factories.event(agenda, "Balade de printemps", factories.paris(date(2027, 3, 28), 10))
    autumn = factories.event(agenda, "Balade d’automne", factories.paris(date(2027, 10, 31), 10))
    _parsed, vcal, _body = fetch(client, url("agenda"))
    starts = {event.summary.value: event.dtstart.value for event in vcal.vevent_list}
    assert starts[spring.title].astimezone(UTC) == datetime(2027, 3, 28, 8, tzinfo=UTC)
    assert starts[autumn.title].astimezone(UTC) == datetime(2027, 10, 31, 9, tzinfo=UTC)
    # vobject applies the VTIMEZONE written in the file, not its own database.
    assert starts[spring.title].tzinfo.tzname(starts[spring.title]) == "CEST"
    assert starts[autumn.title].tzinfo.tzname(starts[autumn.title]) == "CET"


def test_all_day_events_are_whole_days(client, agenda):
    fair = factories.event(
        agenda, "Forum des associations", factories.paris(date(2027, 9, 4)), all_day=True
    )
    fair.end = factories.paris(date(2027, 9, 5), 23, 59)
    fair.save_revision().publish()
    parsed, vcal, body = fetch(client, url("event", fair.translation_key))
    (event,) = parsed.events
    assert event["DTSTART"].dt == date(2027, 9, 4)
    assert event["DTEND"].dt == date(2027, 9, 6)  # exclusive: the day after the last one
    assert "DTSTART;VALUE=DATE:20270904" in body
    assert vcal.vevent.dtstart.value == date(2027, 9, 4)


def test_uid_stays_and_sequence_rises_only_when_date_place_or_state_change(client, workshop):
    uid = workshop.translation_key
    workshop.title = "Atelier « Cœur de ville » (nouveau titre)"
    workshop.save_revision().publish()
    parsed, _vcal, _body = fetch(client, url("event", uid))
    assert str(parsed.events[0]["UID"]) == str(uid)
    assert parsed.events[0]["SEQUENCE"] == 0  # a new title is no reason to reschedule

    page = EventPage.objects.get(pk=workshop.pk)
    page.start += timedelta(days=7)
    page.end += timedelta(days=7)
    page.save_revision().publish()
    page = EventPage.objects.get(pk=workshop.pk)
    page.place_name = "Salle des fêtes"
    page.save_revision().publish()
    page = EventPage.objects.get(pk=workshop.pk)
    page.state = EventState.CANCELLED
    page.state_note = "Reporté à l’automne."
    page.save_revision().publish()

    parsed, vcal, _body = fetch(client, url("event", uid))
    (event,) = parsed.events
    assert str(event["UID"]) == str(uid)
    assert event["SEQUENCE"] == 3
    assert str(event["STATUS"]) == "CANCELLED"
    assert vcal.vevent.status.value == "CANCELLED"
    assert str(event["DESCRIPTION"]).startswith("Reporté à l’automne.")


def test_a_draft_does_not_raise_the_sequence_calendars_have(workshop):
    workshop.start += timedelta(days=1)
    workshop.end += timedelta(days=1)
    workshop.save_revision()  # not published: calendars still have the old date
    assert EventPage.objects.get(pk=workshop.pk).ical_sequence == 0


def test_a_cancelled_event_stays_in_feeds_as_cancelled(client, agenda, workshop):
    workshop.state = EventState.CANCELLED
    workshop.save_revision().publish()
    parsed, _vcal, _body = fetch(client, url("agenda"))
    (event,) = parsed.events
    assert str(event["STATUS"]) == "CANCELLED"
    assert str(event["SUMMARY"]).startswith("Annulé")
    assert event["SEQUENCE"] == 1


def test_feeds_hold_the_events_of_their_agenda_consultation_tour_theme_district_organiser(
    client, home, agenda, taxonomy, workshop
):
    index = factories.consultation_index(home)
    square = factories.consultation(index, "La place du Marché")
    stop_tour = factories.tour(agenda)
    stop = factories.event(
        stop_tour,
        "Étape place du Marché",
        factories.paris(date(2027, 4, 2), 17),
        consultation=square,
    )
    other = factories.event(agenda, "Conseil municipal", factories.paris(date(2027, 4, 9), 19))
    draft = factories.event(
        agenda, "Brouillon", factories.paris(date(2027, 4, 10), 19), revision=False
    )
    draft.unpublish()
    feeds = {
        "agenda": url("agenda"),
        "consultation": url("consultation", square.pk),
        "tour": url("tour", stop_tour.pk),
        "theme": url("theme", "mobilite"),
        "district": url("district", "centre-ville"),
        "organiser": url("organiser", taxonomy["velo"].pk),
    }
    expected = {
        "agenda": {workshop.title, stop.title, other.title},
        "consultation": {stop.title},
        "tour": {stop.title},
        "theme": {workshop.title},
        "district": {workshop.title},
        "organiser": {workshop.title},
    }
    for kind, address in feeds.items():
        parsed, vcal, _body = fetch(client, address)
        assert set(events_by_summary(parsed)) == expected[kind], kind
        assert len(vcal.vevent_list) == len(expected[kind])
        assert parsed["X-WR-CALNAME"]
        assert str(parsed["REFRESH-INTERVAL"].to_ical().decode()) == "PT6H"


@pytest.mark.parametrize(
    "address",
    [
        "/fr/calendrier/consultation/999999.ics",
        "/fr/calendrier/tournee/999999.ics",
        "/fr/calendrier/theme/inconnu.ics",
        "/fr/calendrier/quartier/inconnu.ics",
        "/fr/calendrier/organisateur/999999.ics",
        "/fr/calendrier/evenement/00000000-0000-0000-0000-000000000000.ics",
        "/fr/calendrier/evenement/pas-un-uuid.ics",
        "/fr/calendrier/theme/%00.ics",
        "/fr/calendrier/organisateur/99999999999999999999999.ics",
    ],
)
def test_unknown_feeds_are_not_found(client, agenda, address):
    assert client.get(address).status_code == 404


def test_a_page_of_another_type_gives_no_feed(client, home, agenda, workshop):
    assert client.get(url("tour", workshop.pk)).status_code == 404
    assert client.get(url("consultation", agenda.pk)).status_code == 404


def test_feeds_hold_only_events_in_the_language_of_their_address(client, locales, workshop):
    english = workshop.copy_for_translation(locales[1], copy_parents=True)
    english.title = "“Town centre” workshop"
    english.save_revision().publish()
    parsed, _vcal, _body = fetch(client, url("agenda", language="en"))
    assert list(events_by_summary(parsed)) == ["“Town centre” workshop"]
    assert "More information" in str(parsed.events[0]["DESCRIPTION"])
    parsed, _vcal, _body = fetch(client, url("agenda"))
    assert list(events_by_summary(parsed)) == [workshop.title]
    # One event, one UID: a resident subscribed in both languages sees it once.
    assert str(parsed.events[0]["UID"]) == str(english.translation_key)


def test_feeds_are_cached_and_refreshed_when_an_event_is_published(client, agenda, workshop):
    address = url("agenda")
    fetch(client, address)
    with CaptureQueriesContext(connection) as captured:
        fetch(client, address)
    assert len(captured) == 0  # served from the cache, before any query
    new = factories.event(agenda, "Balade urbaine", factories.paris(date(2027, 5, 1), 10))
    parsed, _vcal, _body = fetch(client, address)
    assert new.title in events_by_summary(parsed)
    new.unpublish()
    parsed, _vcal, _body = fetch(client, address)
    assert new.title not in events_by_summary(parsed)


def test_feed_costs_a_constant_number_of_queries(client, agenda, taxonomy, settings):
    settings.PAGE_CACHE_SECONDS = 0

    def count():
        fetch(client, url("agenda"))
        with CaptureQueriesContext(connection) as captured:
            fetch(client, url("agenda"))
        return len(captured)

    factories.event(agenda, "Un", timezone.now(), organiser=taxonomy["velo"])
    few = count()
    for number in range(20):
        factories.event(
            agenda,
            f"Événement {number}",
            timezone.now() + timedelta(days=number),
            organiser=taxonomy["velo"],
            themes=[taxonomy["mobility"]],
        )
    assert count() == few


def test_event_pages_offer_the_download_and_a_subscription(client, agenda, workshop):
    stop_tour = factories.tour(agenda)
    stop = factories.event(stop_tour, "Étape du Port", factories.paris(date(2027, 4, 2), 17))
    page = client.get(workshop.url).content.decode()
    assert url("event", workshop.translation_key) in page
    assert f"webcal://testserver{url('agenda')}" in page
    assert f"http://testserver{url('agenda')}" in page  # to copy into a web calendar
    page = client.get(stop.url).content.decode()
    assert f"webcal://testserver{url('tour', stop_tour.pk)}" in page
    page = client.get(stop_tour.url).content.decode()
    assert f"webcal://testserver{url('tour', stop_tour.pk)}" in page


def test_agenda_offers_a_feed_for_the_chosen_filter(client, agenda, taxonomy, workshop):
    page = client.get(agenda.url, {"theme": "mobilite"}).content.decode()
    assert f"webcal://testserver{url('theme', 'mobilite')}" in page
    assert f"webcal://testserver{url('agenda')}" in page
    page = client.get(agenda.url, {"theme": "<script>"}).content.decode()
    assert url("theme", "mobilite") not in page


def test_a_consultation_with_events_offers_their_feed(client, home, agenda, workshop):
    index = factories.consultation_index(home)
    square = factories.consultation(index, "La place du Marché")
    assert url("consultation", square.pk) not in client.get(square.url).content.decode()
    workshop.consultation = ConsultationPage.objects.get(pk=square.pk)
    workshop.save_revision().publish()
    assert url("consultation", square.pk) in client.get(square.url).content.decode()


def test_demo_feed_parses(client, demo):
    parsed, vcal, _body = fetch(client, url("agenda"))
    assert (
        len(parsed.events)
        == len(vcal.vevent_list)
        == EventPage.objects.live().filter(locale__language_code="fr").count()
    )


def test_any_text_survives_the_round_trip_through_both_parsers(client, agenda):
    title = "Atelier ; vélo, « cœur » \\ réparations 🚲 " + "é" * 60
    summary = "Première ligne, avec ; et \\.\nDeuxième ligne : 🌳 " + "Œ" * 80
    hostile = factories.event(agenda, title, factories.paris(date(2027, 6, 5), 9), summary=summary)
    _parsed, vcal, body = fetch(client, url("event", hostile.translation_key))
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))
    parsed = icalendar.Calendar.from_ical(body)
    assert str(parsed.events[0]["SUMMARY"]) == title
    assert vcal.vevent.summary.value == title
    assert vcal.vevent.description.value.startswith(summary + "\n\n")


@pytest.fixture
def every_feed(home, agenda, taxonomy, workshop):
    """The address of every feed and of the workshop's file, with a tour and a consultation."""
    square = factories.consultation(factories.consultation_index(home), "La place du Marché")
    stop_tour = factories.tour(agenda)
    factories.event(
        stop_tour,
        "Étape place du Marché",
        factories.paris(date(2027, 4, 2), 17),
        consultation=square,
        organiser=taxonomy["velo"],
    )
    return {
        "event": url("event", workshop.translation_key),
        "agenda": url("agenda"),
        "consultation": url("consultation", square.pk),
        "tour": url("tour", stop_tour.pk),
        "theme": url("theme", "mobilite"),
        "district": url("district", "centre-ville"),
        "organiser": url("organiser", taxonomy["velo"].pk),
    }


def unfolded(body):
    return body.replace("\r\n ", "")


@override_settings(PUBLIC_BASE_URL="https://participation.example.fr")
def test_calendar_files_link_to_the_public_address_whatever_host_they_are_fetched_at(
    client, agenda, taxonomy, workshop, every_feed
):
    """Not the Wagtail Site record's (localhost here) nor the request's: a calendar app keeps
    the links of a feed for months, and a file is read far from the page it came from."""
    base = "https://participation.example.fr"
    for kind, address in every_feed.items():
        for host in ("testserver", "localhost"):
            body = unfolded(client.get(address, HTTP_HOST=host).content.decode())
            assert "localhost" not in body and "testserver" not in body, (kind, host)
            lines = body.split("\r\n")
            links = [line for line in lines if line.startswith(("URL", "ORGANIZER"))]
            assert links and all(f":{base}/" in line for line in links), (kind, links)
    parsed, _vcal, _body = fetch(client, every_feed["event"])
    (event,) = parsed.events
    assert str(event["URL"]) == base + workshop.url
    assert str(event["DESCRIPTION"]).endswith(" " + base + workshop.url)
    assert str(event["ORGANIZER"]) == f"{base}{agenda.url}?organiser={taxonomy['velo'].pk}"
    parsed, _vcal, _body = fetch(client, every_feed["agenda"])
    assert str(parsed["URL"]) == base + agenda.url


@override_settings(PUBLIC_BASE_URL="https://participation.example.fr")
def test_pages_offer_feeds_at_the_public_address(client, home, agenda, taxonomy, workshop):
    base = "participation.example.fr"
    square = factories.consultation(factories.consultation_index(home), "La place du Marché")
    stop_tour = factories.tour(agenda)
    stop = factories.event(
        stop_tour, "Étape du Port", factories.paris(date(2027, 4, 2), 17), consultation=square
    )
    pages = {
        workshop.url: [url("agenda")],
        stop.url: [url("tour", stop_tour.pk)],
        stop_tour.url: [url("tour", stop_tour.pk)],
        square.url: [url("consultation", square.pk)],
        f"{agenda.url}?theme=mobilite": [url("agenda"), url("theme", "mobilite")],
    }
    for page, feeds in pages.items():
        html = client.get(page).content.decode()
        for feed in feeds:
            assert f'href="webcal://{base}{feed}"' in html, page
            assert f"https://{base}{feed}</code>" in html, page
        assert "webcal://testserver" not in html and "webcal://localhost" not in html
        assert "http://testserver/fr/calendrier" not in html


def test_a_cached_feed_follows_a_new_public_address(client, agenda, workshop, settings):
    """The cache key holds the public address (not the request's host, which links ignore)."""
    _parsed, _vcal, body = fetch(client, url("agenda"))
    assert "http://testserver/fr/agenda/" in unfolded(body)
    settings.PUBLIC_BASE_URL = "https://participation.example.fr"
    _parsed, _vcal, body = fetch(client, url("agenda"))
    assert "testserver" not in body
    assert "https://participation.example.fr/fr/agenda/" in unfolded(body)


def test_downloads_are_named_after_their_event_and_feeds_after_what_they_hold(
    client, agenda, every_feed
):
    """An ASCII name every browser takes, and the UTF-8 one (RFC 6266) when they differ."""
    expected = {
        "event": 'attachment; filename="atelier-coeur-de-ville.ics"; '
        "filename*=UTF-8''atelier-c%C5%93ur-de-ville.ics",
        "agenda": 'inline; filename="agenda.ics"',
        "consultation": 'inline; filename="la-place-du-marche.ics"; '
        "filename*=UTF-8''la-place-du-march%C3%A9.ics",
        "tour": 'inline; filename="l-agora-itinerante.ics"; '
        "filename*=UTF-8''l-agora-itin%C3%A9rante.ics",
        "theme": "inline; filename=\"mobilite.ics\"; filename*=UTF-8''mobilit%C3%A9.ics",
        "district": 'inline; filename="centre-ville.ics"',
        "organiser": 'inline; filename="association-velo-lauze.ics"; '
        "filename*=UTF-8''association-v%C3%A9lo-lauze.ics",
    }
    for kind, address in every_feed.items():
        for _cached in (False, True):
            assert client.get(address)["Content-Disposition"] == expected[kind], kind
    # Without a letter in the title, the page's slug names the file.
    signs = factories.event(agenda, "🚲 🌳", factories.paris(date(2027, 6, 5), 9), slug="velo")
    response = client.get(url("event", signs.translation_key))
    assert response["Content-Disposition"] == 'attachment; filename="velo.ics"'
