"""iCalendar (RFC 5545) for events: one VEVENT per event, and the calendar around them.

The time zone is described in the file in the conventional form calendar apps write
themselves (a STANDARD and a DAYLIGHT observance repeating yearly), derived from the time zone
database; the tests read every file back with icalendar, vobject and ical.js (Thunderbird,
Nextcloud) and check they place every event at the same instant. The VEVENT lines are written
and folded here, from plain rows (`feeds.EVENT_FIELDS`), because icalendar's component
serialiser and Wagtail page instances cost about 0.5 ms an event: a feed of 5,000 events
would take seconds to build.

Every event carries a UID that never changes: the page's `translation_key`, a UUID stored
on the page, kept across edits and moves, shared by the event's translations (one event,
one UID, so subscribing in two languages does not show it twice) and new for a copied page.
"""

from calendar import monthrange
from datetime import UTC, date, datetime, timedelta
from functools import cache, lru_cache
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from portal.pages.agenda import ACCESSIBILITY_FLAGS, EventState

PRODID = "-//Portail de la participation//Agenda//FR"
TZID = settings.TIME_ZONE
ZONE = ZoneInfo(TZID)
# How often subscribed calendar apps should fetch a feed again (RFC 7986 and Apple/Google).
REFRESH_INTERVAL = "PT6H"
STATUS = {
    EventState.SCHEDULED: "CONFIRMED",
    EventState.POSTPONED: "TENTATIVE",
    EventState.CANCELLED: "CANCELLED",
}
MAX_OCTETS = 75  # per line, before folding (RFC 5545 §3.1)


def fold(line):
    """One content line folded at 75 octets of UTF-8, never inside a character."""
    if len(line) <= MAX_OCTETS and line.isascii():
        return line
    data = line.encode()
    if len(data) <= MAX_OCTETS:
        return line
    pieces, start, limit = [], 0, MAX_OCTETS
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and data[end] & 0xC0 == 0x80:  # a continuation byte
            end -= 1
        pieces.append(data[start:end].decode())
        start, limit = end, MAX_OCTETS - 1  # a folded line starts with a space
    return "\r\n ".join(pieces)


def text(value):
    """A TEXT value escaped as RFC 5545 §3.3.11 says (backslash first, line ends as \\n)."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def param(value):
    """A parameter value: quoted, without the characters a quoted string cannot hold."""
    return '"' + value.replace('"', "'").replace("\r", " ").replace("\n", " ") + '"'


def stamp(moment):
    """A DATE-TIME without zone: 20270328T100000 (f-strings are faster than strftime)."""
    return (
        f"{moment.year:04d}{moment.month:02d}{moment.day:02d}"
        f"T{moment.hour:02d}{moment.minute:02d}{moment.second:02d}"
    )


def utc(moment):
    return stamp(moment.astimezone(UTC)) + "Z"


@cache
def repeated_hours(year):
    """The UTC spans of `year` whose Paris wall-clock time happens twice: either side of each
    change that puts clocks back (the hour before it, lived again after it)."""
    return tuple(
        (moment - (before - after), moment + (before - after))
        for moment, before, after in offset_changes(ZONE, year)
        if before > after
    )


def instant(moment):
    """A DATE-TIME value after the property name: Paris wall-clock time with its TZID, or UTC
    when that wall-clock time happens twice (the hour repeated when summer time ends), which
    RFC 5545 reads as the first of the two and calendar apps would each place their own way.

    (Comparing with the year's spans costs a tenth of asking zoneinfo about both folds.)
    """
    for low, high in repeated_hours(moment.year):
        if low <= moment < high:
            return f":{utc(moment)}"
    return f";TZID={TZID}:{stamp(moment.astimezone(ZONE))}"


def when_lines(row):
    """DTSTART/DTEND: instants (see `instant`), or whole Paris days for all-day events."""
    if row["all_day"]:
        start, end = row["start"].astimezone(ZONE), row["end"].astimezone(ZONE)
        # DTEND of a whole-day event is the day after the last one (exclusive).
        after = end.date() + timedelta(days=1)
        return [
            f"DTSTART;VALUE=DATE:{start.year:04d}{start.month:02d}{start.day:02d}",
            f"DTEND;VALUE=DATE:{after.year:04d}{after.month:02d}{after.day:02d}",
        ]
    return [f"DTSTART{instant(row['start'])}", f"DTEND{instant(row['end'])}"]


class Wording:
    """The words a calendar shows around an event's own text, in the active language.

    Translated once per calendar rather than once per event.
    """

    def __init__(self):
        self.cancelled = _("Cancelled: %(title)s")
        self.postponed = _("Postponed: %(title)s")
        self.accessibility = _("Accessibility: %(details)s")
        self.online = _("Join online: %(url)s")
        self.registration = _("Registration: %(url)s")
        self.free = _("Free entry, open to all.")
        self.more = _("More information: %(url)s")
        self.flags = [(name, str(label)) for name, label in ACCESSIBILITY_FLAGS]

    def summary(self, row):
        if row["state"] == EventState.CANCELLED:
            return self.cancelled % {"title": row["title"]}
        if row["state"] == EventState.POSTPONED:
            return self.postponed % {"title": row["title"]}
        return row["title"]

    def description(self, row, url):
        """Plain text a calendar app shows: what it is, what to know before coming, the link."""
        paragraphs = []
        if row["state"] != EventState.SCHEDULED and row["state_note"]:
            paragraphs.append(row["state_note"])
        if row["summary"]:
            paragraphs.append(row["summary"])
        access = [label for name, label in self.flags if row[name]]
        if row["accessibility_notes"]:
            access.append(row["accessibility_notes"])
        if access:
            paragraphs.append(self.accessibility % {"details": " · ".join(access)})
        if row["online_url"]:
            paragraphs.append(self.online % {"url": row["online_url"]})
        if row["registration_url"]:
            paragraphs.append(self.registration % {"url": row["registration_url"]})
        elif row["free_entry"]:
            paragraphs.append(self.free)
        paragraphs.append(self.more % {"url": url})
        return "\n\n".join(paragraphs)


def location(row):
    place = ", ".join(part for part in (row["place_name"], row["address"]) if part)
    return place or row["online_url"]


def vevent(row, *, url, wording, themes=(), organiser_url=""):
    """One event as VEVENT content lines (bytes, CRLF-separated, folded).

    `row` holds `feeds.EVENT_FIELDS` of a live event in the language being written; `url` is
    its full address; `themes` the names of its themes; `organiser_url` where its organiser's
    events are listed. DTSTAMP and LAST-MODIFIED are when the version calendars get was
    published, so the same content always gives the same bytes. Only the lines that carry
    free text or addresses can exceed 75 octets: the others are not passed to `fold`.
    """
    published = utc(row["last_published_at"] or timezone.now())
    lines = [
        "BEGIN:VEVENT",
        f"UID:{row['translation_key']}",
        f"DTSTAMP:{published}",
        *when_lines(row),
        fold(f"SUMMARY:{text(wording.summary(row))}"),
        fold(f"DESCRIPTION:{text(wording.description(row, url))}"),
        fold(f"URL;VALUE=URI:{url}"),
        f"STATUS:{STATUS[row['state']]}",
        f"SEQUENCE:{row['ical_sequence']}",
        f"LAST-MODIFIED:{published}",
    ]
    where = location(row)
    if where:
        lines.append(fold(f"LOCATION:{text(where)}"))
    if row["latitude"] is not None and row["longitude"] is not None:
        lines.append(f"GEO:{float(row['latitude']):.6f};{float(row['longitude']):.6f}")
    if row["local_organiser_name"]:
        # ORGANIZER is an address; organisers' e-mails are never published, so it is the
        # address of their events on the site, and CN is their name.
        name = param(row["local_organiser_name"])
        lines.append(fold(f"ORGANIZER;CN={name}:{organiser_url or url}"))
    if themes:
        lines.append(fold(f"CATEGORIES:{','.join(text(theme) for theme in themes)}"))
    if row["state"] == EventState.CANCELLED:
        lines.append("TRANSP:TRANSPARENT")
    lines.append("END:VEVENT")
    return "\r\n".join(lines).encode()


DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def offset_changes(zone, year):
    """When `zone` changes its UTC offset during `year`: (UTC instant, offset before, after).

    zoneinfo does not list its transitions: each day is compared with the next, and a day
    with a change is halved down to the second.
    """

    def offset(seconds):
        return datetime.fromtimestamp(seconds, zone).utcoffset()

    changes, day = [], 86_400
    start = int(datetime(year, 1, 1, tzinfo=UTC).timestamp())
    end = int(datetime(year + 1, 1, 1, tzinfo=UTC).timestamp())
    for low in range(start, end, day):
        before, high = offset(low), low + day
        if offset(high) == before:
            continue
        while high - low > 1:
            middle = (low + high) // 2
            low, high = (middle, high) if offset(middle) == before else (low, middle)
        changes.append((datetime.fromtimestamp(high, UTC), before, offset(high)))
    return changes


def year_rule(zone, year):
    """The year's offset changes as yearly rules: what calendar apps repeat with an RRULE.

    Each change is a wall-clock time (before the change, as RFC 5545 wants it) on the nth
    weekday of its month, or the last (-1) when it falls in the month's last seven days.
    """
    rules = []
    for moment, before, after in offset_changes(zone, year):
        wall = (moment + before).replace(tzinfo=None)
        last = wall.day + 7 > monthrange(wall.year, wall.month)[1]
        nth = -1 if last else (wall.day - 1) // 7 + 1
        local = moment.astimezone(zone)
        kind = "DAYLIGHT" if local.dst() else "STANDARD"
        rules.append(
            (kind, wall.month, nth, wall.weekday(), wall.time(), before, after, local.tzname())
        )
    return tuple(rules)


def on(year, rule):
    """The wall-clock time of `rule`'s change in `year`."""
    _kind, month, nth, weekday, clock, _before, _after, _name = rule
    if nth > 0:
        first = date(year, month, 1)
        day = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    else:
        last = date(year, month, monthrange(year, month)[1])
        day = last - timedelta(days=(last.weekday() - weekday) % 7)
    return datetime.combine(day, clock)


def utc_offset(offset):
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"


@lru_cache(maxsize=16)
def vtimezone(tzid, first_year, last_year):
    """The VTIMEZONE of `tzid` for events from `first_year` to `last_year`, as calendar apps
    write it: a STANDARD and a DAYLIGHT observance, each repeated yearly by an RRULE
    (BYMONTH, BYDAY=-1SU…) from 1970, so that every event falls after both onsets.

    Every engine reads this form. A first onset given as DTSTART followed by RDATEs (what
    icalendar writes) puts ical.js an hour late all summer of the first year. Years whose
    changes differ (the rules changed) start new observances, the earlier ones ending with
    an UNTIL a day after their last change: RFC 5545 gives UNTIL in UTC, dateutil (vobject)
    compares it with wall-clock times, and a day's margin suits both. A year without
    changes is one STANDARD observance.
    """
    zone = ZoneInfo(tzid)
    periods = []  # [first year, last year, rules]
    for year in range(first_year, last_year + 1):
        rules = year_rule(zone, year)
        if periods and periods[-1][2] == rules:
            periods[-1][1] = year
        else:
            periods.append([year, year, rules])
    lines = ["BEGIN:VTIMEZONE", f"TZID:{tzid}"]
    for index, (first, last, rules) in enumerate(periods):
        since = min(first - 1, 1970) if index == 0 else first
        if not rules:
            moment = datetime(first, 1, 1, tzinfo=UTC).astimezone(zone)
            offset = utc_offset(moment.utcoffset())
            lines += [
                "BEGIN:STANDARD",
                f"DTSTART:{stamp(datetime(since, 1, 1))}",
                f"TZOFFSETFROM:{offset}",
                f"TZOFFSETTO:{offset}",
                f"TZNAME:{moment.tzname()}",
                "END:STANDARD",
            ]
            continue
        for rule in rules:
            kind, month, nth, weekday, _clock, before, after, name = rule
            repeat = f"RRULE:FREQ=YEARLY;BYMONTH={month};BYDAY={nth}{DAYS[weekday]}"
            if index < len(periods) - 1:
                repeat += f";UNTIL={stamp(on(last, rule) + timedelta(days=1))}Z"
            lines += [
                f"BEGIN:{kind}",
                f"DTSTART:{stamp(on(since, rule))}",
                repeat,
                f"TZOFFSETFROM:{utc_offset(before)}",
                f"TZOFFSETTO:{utc_offset(after)}",
                f"TZNAME:{name}",
                f"END:{kind}",
            ]
    lines.append("END:VTIMEZONE")
    return "\r\n".join(lines).encode()


def calendar(vevents, *, name, url, years):
    """A whole VCALENDAR: the feed header, the time zone, then the events.

    `years` is the (first, last) year of the events, for the VTIMEZONE; `name` is shown by
    calendar apps as the subscribed calendar's name.
    """
    header = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"NAME:{text(name)}",
        f"X-WR-CALNAME:{text(name)}",
        f"X-WR-TIMEZONE:{TZID}",
        f"URL;VALUE=URI:{url}",
        f"REFRESH-INTERVAL;VALUE=DURATION:{REFRESH_INTERVAL}",
        f"X-PUBLISHED-TTL:{REFRESH_INTERVAL}",
    ]
    parts = ["\r\n".join(map(fold, header)).encode()]
    if vevents:
        parts.append(vtimezone(TZID, *years))
    parts.extend(vevents)
    parts.append(b"END:VCALENDAR\r\n")
    return b"\r\n".join(parts)


# The file's name

MAX_NAME = 60  # characters of a file's name before ".ics"
# Letters that Unicode does not decompose into ASCII but French writes every day.
LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})
APOSTROPHES = str.maketrans("’'", "  ")  # l’agora: two words, not "lagora"


def slug(name, *, plain):
    if plain:
        return slugify(name.translate(LIGATURES))[:MAX_NAME].strip("-_")
    return slugify(name.translate(APOSTROPHES), allow_unicode=True)[:MAX_NAME].strip("-_")


def filename(*names):
    """A file's name after the first of `names` with letters or digits to keep: its UTF-8 slug
    and the ASCII slug every browser takes ("Atelier « Cœur de ville »" gives
    atelier-cœur-de-ville.ics and atelier-coeur-de-ville.ics). The last name is ASCII."""
    readable = next(found for name in names if (found := slug(name, plain=False)))
    plain = next(found for name in (readable, *names) if (found := slug(name, plain=True)))
    return f"{readable}.ics", f"{plain}.ics"
