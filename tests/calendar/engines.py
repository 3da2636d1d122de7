"""Three calendar engines read the same files: icalendar and vobject (Python), and ical.js (the
engine of Thunderbird and Nextcloud Calendar) through Node.

Each gives, per event UID, its start and end as ("utc", "2027-03-28T08:00:00Z") or, for whole
days, ("date", "2027-09-04"): what must agree whatever app a resident uses.
"""

import json
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import icalendar
import vobject

ROOT = Path(__file__).resolve().parents[2]
ICALJS = Path(__file__).with_name("icaljs_events.mjs")


def moment(value):
    if isinstance(value, datetime):
        # A time without zone would be floating: the file's TZID was not applied.
        assert value.tzinfo is not None, value
        return "utc", value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return "date", value.isoformat()


def with_icalendar(body):
    parsed = icalendar.Calendar.from_ical(body)
    return {
        str(event["UID"]): (moment(event["DTSTART"].dt), moment(event["DTEND"].dt))
        for event in parsed.events
    }


def vobject_calendar(body):
    """The file as vobject reads it, with the time zones the file itself defines.

    vobject keeps the first VTIMEZONE it meets for a TZID for the rest of the process (or
    falls back to pytz's zone): they are forgotten first.
    """
    registered = vars(vobject.icalendar)["__tzidMap"]
    for tzid in [tzid for tzid in registered if tzid != "UTC"]:
        del registered[tzid]
    return vobject.readOne(body)


def with_vobject(body):
    calendar = vobject_calendar(body)
    return {
        event.uid.value: (moment(event.dtstart.value), moment(event.dtend.value))
        for event in calendar.contents.get("vevent", [])
    }


def with_icaljs(bodies, folder):
    """Every file read by ical.js in one Node process (it applies each file's VTIMEZONE)."""
    node = shutil.which("node")
    assert node, "Node.js is needed to read calendars with ical.js"
    assert (ROOT / "node_modules" / "ical.js").is_dir(), "ical.js missing: run `npm ci`"
    paths = []
    for number, body in enumerate(bodies):
        path = Path(folder) / f"{number}.ics"
        path.write_text(body, encoding="utf-8", newline="")
        paths.append(str(path))
    result = subprocess.run(
        [node, str(ICALJS), *paths], cwd=ROOT, capture_output=True, text=True, check=True
    )
    readings = []
    for events in json.loads(result.stdout):
        reading = {}
        for event in events:
            for side in ("start", "end"):
                # Like vobject's: a wall time not placed by the file's time zone is a failure.
                assert event[side].get("zone") != "floating", event
            reading[event["uid"]] = tuple(
                ("date", event[side]["date"])
                if "date" in event[side]
                else ("utc", event[side]["utc"])
                for side in ("start", "end")
            )
        readings.append(reading)
    return readings


def read(bodies, folder):
    """Each file's events as the three engines place them, checked to agree; one dict a file."""
    readings = with_icaljs(bodies, folder)
    for body, by_icaljs in zip(bodies, readings, strict=True):
        by_icalendar, by_vobject = with_icalendar(body), with_vobject(body)
        assert by_vobject == by_icalendar
        assert by_icaljs == by_icalendar
    return readings
