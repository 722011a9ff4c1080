"""iCalendar files for events, made with the icalendar library.

Each event carries a stable UID, a DTSTAMP, its start and end in its own time zone (TZID)
and the matching VTIMEZONE, which Outlook, Google and Apple calendars all need to place a
local time correctly across daylight-saving changes.
"""

from datetime import UTC, date, timedelta
from urllib.parse import urlencode, urlsplit

from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

PRODID = "-//National Academy of Medicine//Clinician Well-Being Collaborative events//EN"


def new_calendar(name=None):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
    return calendar


def event_uid(event, request=None):
    """Stable across edits, moves and renames: the page's translation key at our host."""
    host = urlsplit(event.get_full_url(request) or "").hostname or "localhost"
    return f"{event.translation_key}@{host}"


def location_text(event):
    if event.attendance_mode == "online":
        return "Online"
    parts = [event.venue.full_address] if event.venue_id else []
    if event.attendance_mode == "mixed":
        parts.append("and online")
    return " ".join(parts)


def calendar_event(event, request=None):
    url = event.get_full_url(request)
    entry = CalendarEvent()
    entry.add("uid", event_uid(event, request))
    entry.add("dtstamp", (event.last_published_at or timezone.now()).astimezone(UTC))
    entry.add("dtstart", event.local_start)
    entry.add("dtend", event.local_end)
    entry.add("summary", event.title)
    description = event.summary.strip()
    if url:
        description = f"{description}\n\n{url}" if description else url
    entry.add("description", description)
    if url:
        entry.add("url", url)
    location = location_text(event)
    if location:
        entry.add("location", location)
    entry.add("status", _STATUS.get(event.status, "CONFIRMED"))
    if event.last_published_at:
        entry.add("last-modified", event.last_published_at.astimezone(UTC))
    return entry


_STATUS = {"cancelled": "CANCELLED", "postponed": "TENTATIVE"}


def _add_time_zones(calendar, events):
    """VTIMEZONE for every zone used, covering just the years the events span."""
    if not events:
        return
    first = min(event.local_start.date() for event in events)
    last = max(event.local_end.date() for event in events)
    calendar.add_missing_timezones(
        first_date=date(first.year - 1, 1, 1), last_date=date(last.year + 1, 12, 31)
    )


def event_calendar(event, request=None):
    calendar = new_calendar()
    calendar.add_component(calendar_event(event, request))
    _add_time_zones(calendar, [event])
    return calendar


def upcoming_events_calendar(index, events, request=None):
    events = list(events)
    calendar = new_calendar(f"{index.title} · Clinician Well-Being Collaborative")
    calendar.add("refresh-interval", timedelta(hours=12), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT12H")
    for event in events:
        calendar.add_component(calendar_event(event, request))
    _add_time_zones(calendar, events)
    return calendar


def add_to_calendar_links(event, request=None):
    """Links that open the event in Google or Outlook calendars, pre-filled."""
    details = event.summary.strip()
    url = event.get_full_url(request)
    if url:
        details = f"{details}\n\n{url}"
    location = location_text(event)
    utc_format = "%Y%m%dT%H%M%SZ"
    google = "https://calendar.google.com/calendar/render?" + urlencode(
        {
            "action": "TEMPLATE",
            "text": event.title,
            "dates": f"{event.start.astimezone(UTC).strftime(utc_format)}/"
            f"{event.end.astimezone(UTC).strftime(utc_format)}",
            "details": details,
            "location": location,
            "ctz": event.time_zone,
        }
    )
    outlook_query = urlencode(
        {
            "path": "/calendar/action/compose",
            "rru": "addevent",
            "subject": event.title,
            "startdt": event.local_start.isoformat(),
            "enddt": event.local_end.isoformat(),
            "body": details,
            "location": location,
        }
    )
    return [
        ("Google Calendar", google),
        ("Outlook.com", f"https://outlook.live.com/calendar/0/deeplink/compose?{outlook_query}"),
        (
            "Microsoft 365",
            f"https://outlook.office.com/calendar/0/deeplink/compose?{outlook_query}",
        ),
    ]
