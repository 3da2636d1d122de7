"""schema.org descriptions of pages, embedded as JSON-LD for search engines and calendars."""

import json

from django.utils import timezone

from portal.core.http import absolute_url, page_url


def event_json_ld(event):
    """schema.org Event, for search engines and calendar apps; its addresses are the
    public ones (PUBLIC_BASE_URL), whatever host this request came by."""
    # schema.org names an event's status as ours are named: EventScheduled, EventPostponed…
    status = f"https://schema.org/Event{event.state.capitalize()}"
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "startDate": (
            timezone.localtime(event.start).date().isoformat()
            if event.all_day
            else timezone.localtime(event.start).isoformat()
        ),
        "endDate": (
            timezone.localtime(event.end).date().isoformat()
            if event.all_day
            else timezone.localtime(event.end).isoformat()
        ),
        "eventStatus": status,
        "url": page_url(event),
        "inLanguage": event.locale.language_code,
        "isAccessibleForFree": event.free_entry,
    }
    if event.summary:
        data["description"] = event.summary
    locations = []
    if event.place_name or event.address:
        place = {"@type": "Place", "name": event.place_name or event.address}
        if event.address:
            place["address"] = event.address
        if event.has_coordinates:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(event.latitude),
                "longitude": float(event.longitude),
            }
        locations.append(place)
    if event.online_url:
        locations.append({"@type": "VirtualLocation", "url": event.online_url})
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    data["eventAttendanceMode"] = (
        "https://schema.org/MixedEventAttendanceMode"
        if len(locations) > 1
        else "https://schema.org/OnlineEventAttendanceMode"
        if event.online_url
        else "https://schema.org/OfflineEventAttendanceMode"
    )
    organiser = event.local_organiser
    if organiser:
        data["organizer"] = {
            "@type": "Organization",
            "name": organiser.name,
            **({"url": organiser.website} if organiser.website else {}),
        }
    if event.image:
        data["image"] = absolute_url(event.image.get_rendition("fill-1200x630").url)
    # Escape "<" so that no text can close the <script> element holding the JSON.
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
