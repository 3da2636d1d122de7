"""A resident takes events into their own calendar: one event, or the tour's feed."""

from pathlib import Path

import icalendar
import vobject

from portal.calendar.ics import filename


def test_resident_adds_an_event_to_their_calendar_and_finds_the_tour_feed(new_page, server):
    page = new_page("phone")
    page.goto("/fr/agenda/agora-itinerante/")
    page.locator(".stop__title a").first.click()
    title = page.locator("h1").inner_text()

    with page.expect_download() as download:
        page.get_by_role("link", name="Ajouter à mon agenda").click()
    # Saved under the event's name (the UTF-8 one: Chromium reads filename*).
    assert download.value.suggested_filename == filename(title, "-")[0]
    body = Path(download.value.path()).read_text(encoding="utf-8")
    (event,) = icalendar.Calendar.from_ical(body).events
    assert str(event["SUMMARY"]) in (title, f"Annulé : {title}")
    assert str(event["URL"]).endswith(page.url.removeprefix(server))
    assert vobject.readOne(body).vevent.uid.value == str(event["UID"])

    subscribe = page.get_by_role("link", name="S’abonner à toutes les étapes de la tournée")
    feed = subscribe.get_attribute("href")
    assert feed.startswith("webcal://") and feed.endswith(".ics")
    # Web calendars take the https address: it is one keyboard press away.
    page.locator(".calendar-links__address summary").first.focus()
    page.keyboard.press("Enter")
    address = page.locator(".calendar-links__url").first
    assert address.is_visible()
    https = address.inner_text()
    assert https.removeprefix("http://") == feed.removeprefix("webcal://")
    response = page.request.get(https)
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    stops = icalendar.Calendar.from_ical(response.text()).events
    assert title in {str(stop["SUMMARY"]).removeprefix("Annulé : ") for stop in stops}
