"""schema.org Event data for search engines (JSON-LD), built from the event page."""

import json

from django.utils.safestring import mark_safe

SCHEMA = "https://schema.org/"
EVENT_STATUS = {
    "scheduled": "EventScheduled",
    "cancelled": "EventCancelled",
    "postponed": "EventPostponed",
    "rescheduled": "EventRescheduled",
    "moved_online": "EventMovedOnline",
}
ATTENDANCE_MODE = {
    "offline": "OfflineEventAttendanceMode",
    "online": "OnlineEventAttendanceMode",
    "mixed": "MixedEventAttendanceMode",
}
ORGANIZER = {
    "@type": "Organization",
    "name": "National Academy of Medicine",
    "url": "https://nam.edu/",
}
# Characters that could end the <script> element or open a comment inside it.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def event_data(event, request=None):
    url = event.get_full_url(request)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "startDate": event.local_start.isoformat(),
        "endDate": event.local_end.isoformat(),
        "eventStatus": SCHEMA + EVENT_STATUS.get(event.status, "EventScheduled"),
        "eventAttendanceMode": SCHEMA + ATTENDANCE_MODE[event.attendance_mode],
        "organizer": ORGANIZER,
        "location": locations(event, url),
    }
    if url:
        data["url"] = url
    if event.event_type_id:
        data["keywords"] = event.event_type.name
    performers = [performer(speaker) for speaker in event.speakers()]
    if performers:
        data["performer"] = performers
    if event.registration_url and event.registration_status == "open":
        data["offers"] = {
            "@type": "Offer",
            "url": event.registration_url,
            "price": "0",
            "priceCurrency": "USD",
            "availability": SCHEMA + "InStock",
        }
    return data


def locations(event, url):
    places = []
    if event.venue_id and event.attendance_mode != "online":
        venue = event.venue
        address = {"@type": "PostalAddress", "addressLocality": venue.city}
        if venue.address:
            address["streetAddress"] = venue.address
        places.append({"@type": "Place", "name": venue.name, "address": address})
    if event.attendance_mode in ("online", "mixed"):
        places.append(
            {
                "@type": "VirtualLocation",
                "url": event.online_url if event.show_online_link() else url,
            }
        )
    return places[0] if len(places) == 1 else places


def performer(speaker):
    person = {"@type": "Person", "name": speaker.display_name}
    if speaker.display_affiliation:
        person["affiliation"] = {"@type": "Organization", "name": speaker.display_affiliation}
    return person


def event_json_ld(event, request=None):
    """The JSON text, safe to place inside <script type="application/ld+json">."""
    text = json.dumps(event_data(event, request), ensure_ascii=False, indent=None)
    return mark_safe(text.translate(_SCRIPT_ESCAPES))  # noqa: S308 - escaped above
