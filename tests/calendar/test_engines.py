"""Every calendar file places every event at the same instant in icalendar, vobject and ical.js
(Thunderbird, Nextcloud Calendar), and at the instant the portal stores: in winter and summer,
across daylight-saving changes, for whole days and over several years."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from portal.calendar import ics
from portal.pages.agenda import EventPage
from portal.pages.models import District, Organiser, Theme
from portal.proposals.forms import EventProposalForm
from tests import factories

from .engines import read

PARIS = ZoneInfo("Europe/Paris")


def at(*fields):
    return datetime(*fields, tzinfo=UTC)


# title: (start, end, all day, in the tour). Instants around the changes are given in UTC:
# on 29 March 2026 Paris goes from 02:00 CET to 03:00 CEST (01:00 UTC); on 25 October 2026
# from 03:00 CEST back to 02:00 CET (01:00 UTC), so 02:00-03:00 happens twice.
EVENTS = {
    "Réunion d’hiver": (factories.paris(date(2026, 1, 15), 18, 30), None, False, False),
    # The first summer of a feed: ical.js read icalendar's VTIMEZONE an hour late here.
    "Balade d’été": (factories.paris(date(2026, 6, 20), 10), None, False, False),
    "Veillée du changement d’heure": (at(2026, 3, 29, 0, 30), at(2026, 3, 29, 2), False, True),
    "Premier matin d’été": (at(2026, 3, 29, 1), None, False, True),
    "Dernière heure d’été": (at(2026, 10, 25, 0, 30), at(2026, 10, 25, 2), False, True),
    "Heure rejouée": (at(2026, 10, 25, 1), at(2026, 10, 25, 1, 30), False, True),
    "Forum de printemps": (
        factories.paris(date(2026, 3, 29)),
        factories.paris(date(2026, 3, 29), 23, 59),
        True,
        False,
    ),
    "Fête d’automne": (
        factories.paris(date(2026, 10, 24)),
        factories.paris(date(2026, 10, 25), 23, 59),
        True,
        True,
    ),
    "Réveillon": (factories.paris(date(2025, 12, 31), 23, 30), None, False, False),
    "Concert d’été 2028": (factories.paris(date(2028, 7, 1), 21), None, False, False),
    "Retour à l’heure d’hiver 2030": (
        factories.paris(date(2030, 10, 27), 3, 30),
        None,
        False,
        False,
    ),
    "Printemps 2031": (factories.paris(date(2031, 3, 30), 4), None, False, False),
}


@pytest.fixture
def season(home, locales):
    """The events above, each linked to a consultation, a theme, a district and an organiser;
    some are stops of a tour."""
    fr = locales[0]
    agenda = factories.agenda(home)
    tour = factories.tour(agenda)
    square = factories.consultation(factories.consultation_index(home), "La place du Marché")
    links = {
        "consultation": square,
        "themes": [Theme.objects.create(name="Mobilité", slug="mobilite", locale=fr)],
        "districts": [District.objects.create(name="Centre", slug="centre", locale=fr)],
        "organiser": Organiser.objects.create(name="Vélo Lauze", kind="association"),
    }
    events = []
    for title, (start, end, all_day, in_tour) in EVENTS.items():
        event = factories.event(
            tour if in_tour else agenda,
            title,
            start,
            duration=(end or start + timedelta(hours=2)) - start,
            all_day=all_day,
            **links,
        )
        events.append(EventPage.objects.get(pk=event.pk))
    return {
        "events": events,
        "feeds": {
            "agenda": (feed_url("agenda"), events),
            "consultation": (feed_url("consultation", square.pk), events),
            "tour": (feed_url("tour", tour.pk), [e for e in events if EVENTS[e.title][3]]),
            "theme": (feed_url("theme", "mobilite"), events),
            "district": (feed_url("district", "centre"), events),
            "organiser": (feed_url("organiser", links["organiser"].pk), events),
        },
    }


def feed_url(name, *args):
    with translation.override("fr"):
        return reverse(f"calendar:{name}", args=args)


def get(client, address):
    response = client.get(address)
    assert response.status_code == 200, address
    return response.content.decode()


def expected(event):
    """What every engine must read: the stored instants, or whole Paris days (end exclusive)."""
    if event.all_day:
        first, last = timezone.localdate(event.start), timezone.localdate(event.end)
        return ("date", first.isoformat()), ("date", (last + timedelta(days=1)).isoformat())
    return tuple(
        ("utc", moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
        for moment in (event.start, event.end)
    )


def test_every_feed_places_every_event_where_the_portal_has_it_in_three_engines(
    client, season, tmp_path
):
    """Agenda, consultation, tour, theme, district and organiser feeds, and each event's file."""
    checks = [(address, events) for address, events in season["feeds"].values()]
    checks += [(feed_url("event", event.translation_key), [event]) for event in season["events"]]
    bodies = [get(client, address) for address, _events in checks]
    for (address, events), reading in zip(checks, read(bodies, tmp_path), strict=True):
        assert reading == {str(event.translation_key): expected(event) for event in events}, address


def test_the_time_zone_is_written_as_yearly_rules_every_engine_reads(client, season):
    body = get(client, season["feeds"]["agenda"][0])
    assert body.count("BEGIN:VTIMEZONE") == 1
    assert "RDATE" not in body
    assert (
        "BEGIN:DAYLIGHT\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
        "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nEND:DAYLIGHT"
    ) in body
    assert (
        "BEGIN:STANDARD\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
        "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nEND:STANDARD"
    ) in body


def test_the_repeated_hour_of_october_is_written_in_utc_other_times_in_paris_time(client, season):
    """RFC 5545 reads an ambiguous wall-clock time as its first occurrence, and apps differ:
    the instants whose Paris time happens twice are written in UTC, which no one can misread."""
    body = get(client, season["feeds"]["agenda"][0])
    assert "DTSTART:20261025T003000Z" in body  # 02:30 CEST, the first 02:30
    assert "DTEND;TZID=Europe/Paris:20261025T030000" in body  # 03:00 CET happens once
    assert "DTSTART:20261025T010000Z" in body  # 02:00 CET, the second 02:00
    assert "DTEND:20261025T013000Z" in body  # 02:30 CET, the second 02:30
    # Around the spring change every instant has one Paris time, 02:00-03:00 none.
    assert "DTSTART;TZID=Europe/Paris:20260329T013000" in body
    assert "DTEND;TZID=Europe/Paris:20260329T040000" in body
    assert "DTSTART;TZID=Europe/Paris:20260329T030000" in body


@pytest.mark.parametrize("typed", ["2026-03-29 02:30", "2026-10-25 02:30"])
def test_forms_refuse_a_paris_time_that_does_not_exist_or_happens_twice(db, typed):
    """An editor or an association cannot give 02:30 on the day clocks go forward (it does
    not exist) nor on the day they go back (which 02:30?): Django's message asks again."""
    with translation.override("fr"):
        admin_start = EventPage.get_edit_handler().get_form_class().base_fields["start"]
        proposal_start = EventProposalForm.base_fields["start"]
        for field, value in ((admin_start, typed), (proposal_start, typed.replace(" ", "T"))):
            with pytest.raises(ValidationError, match="fuseau horaire Europe/Paris"):
                field.clean(value)
        assert admin_start.clean("2026-06-25 02:30").astimezone(UTC) == at(2026, 6, 25, 0, 30)


@pytest.mark.parametrize(
    ("tzid", "first", "last"),
    [
        ("Europe/Paris", 2025, 2031),
        ("Europe/Paris", 1994, 1997),  # summer time ended in September until 1995
        ("America/Miquelon", 2026, 2027),  # Saint-Pierre-et-Miquelon: North American dates
        ("Indian/Reunion", 2026, 2027),  # no summer time
    ],
)
def test_the_time_zone_is_read_alike_around_every_change_of_every_year(tmp_path, tzid, first, last):
    """Wall-clock times every half hour for three hours either side of each change (and on
    1 January and 1 July), read by the three engines from the VTIMEZONE the portal writes."""
    zone = ZoneInfo(tzid)
    moments = []
    for year in range(first, last + 1):
        changes = [change for change, _before, _after in ics.offset_changes(zone, year)]
        for middle in [at(year, 1, 1, 12), at(year, 7, 1, 12), *changes]:
            moments += [middle + timedelta(minutes=30 * step) for step in range(-6, 7)]
    lines, wanted = [], {}
    for number, moment in enumerate(moments):
        wall = moment.astimezone(zone)
        if wall.replace(fold=1 - wall.fold).utcoffset() != wall.utcoffset():
            continue  # happens twice: the portal writes such instants in UTC
        uid = f"{number}@test"
        utc = ("utc", moment.strftime("%Y-%m-%dT%H:%M:%SZ"))
        wanted[uid] = (utc, utc)
        value = f";TZID={tzid}:{ics.stamp(wall)}"
        lines += [f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20260101T000000Z"]
        lines += [f"DTSTART{value}\r\nDTEND{value}\r\nEND:VEVENT"]
    zone_lines = ics.vtimezone(tzid, first, last).decode()
    body = "\r\n".join(
        ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{ics.PRODID}", zone_lines, *lines]
    )
    body += "\r\nEND:VCALENDAR\r\n"
    (reading,) = read([body], tmp_path)
    assert reading == wanted
