// Reads iCalendar files with ical.js (the engine of Thunderbird and Nextcloud Calendar) and
// prints, as JSON, one list per file of its events' UID, start and end as ical.js resolves
// them: {"date": "2027-09-04"} for a whole day, else {"utc": "2027-03-28T08:00:00Z", "zone":
// the zone applied, "floating" when the file does not define its TZID}. Used by
// tests/calendar/engines.py.
//
//   node tests/calendar/icaljs_events.mjs a.ics b.ics …
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

function instant(time) {
  if (time.isDate) {
    return { date: time.toString() };
  }
  const utc = new Date(time.toUnixTime() * 1000).toISOString().replace(".000Z", "Z");
  return { utc, zone: time.zone ? time.zone.tzid : null };
}

const files = process.argv.slice(2).map((path) => {
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(path, "utf8")));
  return calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    return { uid: event.uid, start: instant(event.startDate), end: instant(event.endDate) };
  });
});
process.stdout.write(JSON.stringify(files));
