"""iCalendar files: one per event and a feed of upcoming events, read back with icalendar."""

from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from tests.events.factories import EventPageFactory, VenueFactory

pytestmark = pytest.mark.django_db


def utc(*args):
    return datetime(*args, tzinfo=UTC)


def read_calendar(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


@pytest.fixture
def winter_event(events_index):
    return EventPageFactory(
        parent=events_index,
        title="Winter meeting",
        start=utc(2030, 1, 15, 14),  # 9:00 EST
        end=utc(2030, 1, 15, 22),
        venue=VenueFactory(),
    )


@pytest.fixture
def summer_event(events_index):
    return EventPageFactory(
        parent=events_index,
        title="Summer webinar",
        start=utc(2030, 7, 15, 13),  # 9:00 EDT
        end=utc(2030, 7, 15, 14),
        online_url="https://example.org/join",
    )


def test_event_ics_round_trips_with_right_instants_and_vtimezone(client, winter_event):
    response = client.get(winter_event.url + "calendar/")
    assert response["Content-Disposition"] == f'attachment; filename="{winter_event.slug}.ics"'
    calendar = read_calendar(response)
    assert "Clinician Well-Being Collaborative" in str(calendar["PRODID"])
    assert str(calendar["VERSION"]) == "2.0"
    [event] = calendar.walk("VEVENT")
    assert event.decoded("DTSTART").astimezone(UTC) == utc(2030, 1, 15, 14)
    assert event.decoded("DTEND").astimezone(UTC) == utc(2030, 1, 15, 22)
    assert event["DTSTART"].params["TZID"] == "America/New_York"
    assert event.decoded("DTSTART").hour == 9
    assert str(event["SUMMARY"]) == "Winter meeting"
    assert str(event["UID"]).startswith(str(winter_event.translation_key))
    assert event.decoded("DTSTAMP").tzinfo is not None
    assert "Washington, DC" in str(event["LOCATION"])
    [zone] = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "America/New_York"
    assert {component.name for component in zone.subcomponents} == {"STANDARD", "DAYLIGHT"}
    assert calendar.get_missing_tzids() == set()


def test_uid_is_stable_when_the_event_is_edited(client, winter_event):
    first = read_calendar(client.get(winter_event.url + "calendar/")).walk("VEVENT")[0]["UID"]
    winter_event.title = "Winter meeting (new title)"
    winter_event.save_revision().publish()
    second = read_calendar(client.get(winter_event.url + "calendar/")).walk("VEVENT")[0]["UID"]
    assert first == second


def test_feed_lists_upcoming_events_with_uid_and_dtstamp(
    client, events_index, winter_event, summer_event
):
    EventPageFactory(
        parent=events_index,
        title="Last year's meeting",
        start=timezone.now() - timedelta(days=365),
        end=timezone.now() - timedelta(days=365) + timedelta(hours=2),
    )
    calendar = read_calendar(client.get(events_index.url + "calendar/"))
    events = calendar.walk("VEVENT")
    assert [str(event["SUMMARY"]) for event in events] == ["Winter meeting", "Summer webinar"]
    for event in events:
        assert event.get("UID")
        assert event.get("DTSTAMP")
    assert events[1].decoded("DTSTART").astimezone(UTC) == utc(2030, 7, 15, 13)
    assert str(events[1]["LOCATION"]) == "Online"
    assert len({str(event["UID"]) for event in events}) == 2
    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["America/New_York"]
    assert calendar.get_missing_tzids() == set()


def test_feed_never_lists_drafts_or_private_events(client, events_index, winter_event):
    draft = EventPageFactory(parent=events_index, title="Draft meeting")
    draft.unpublish()
    private = EventPageFactory(parent=events_index, title="Private meeting")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    calendar = read_calendar(client.get(events_index.url + "calendar/"))
    assert [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")] == ["Winter meeting"]


def test_feed_lists_the_next_events_up_to_its_size(client, events_index, monkeypatch):
    monkeypatch.setattr(type(events_index), "feed_size", 2)
    for days, title in ((30, "Third"), (10, "First"), (20, "Second")):
        start = timezone.now() + timedelta(days=days)
        EventPageFactory(parent=events_index, title=title, start=start)

    calendar = read_calendar(client.get(events_index.url + "calendar/"))

    assert [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")] == ["First", "Second"]


def test_empty_feed_is_still_a_valid_calendar(client, events_index):
    calendar = read_calendar(client.get(events_index.url + "calendar/"))
    assert calendar.walk("VEVENT") == []
    assert calendar.get("PRODID")


def test_index_offers_a_webcal_subscription(client, events_index):
    response = client.get(events_index.url)
    assert b'href="webcal://localhost/events/calendar/"' in response.content


def test_add_to_calendar_links_carry_the_exact_times(client, winter_event):
    response = client.get(winter_event.url)
    html = response.content.decode()
    google = next(
        link for link in response.context["calendar_links"] if link[0] == "Google Calendar"
    )[1]
    query = parse_qs(urlsplit(google).query)
    assert query["dates"] == ["20300115T140000Z/20300115T220000Z"]
    assert query["ctz"] == ["America/New_York"]
    assert query["text"] == ["Winter meeting"]
    outlook = dict(response.context["calendar_links"])["Outlook.com"]
    assert parse_qs(urlsplit(outlook).query)["startdt"] == ["2030-01-15T09:00:00-05:00"]
    assert "Add to Google Calendar" in html
    assert f'href="{winter_event.url}calendar/" download' in html


def test_cancelled_event_is_marked_in_its_calendar_file_and_listing(client, winter_event):
    winter_event.status = "cancelled"
    winter_event.save_revision().publish()
    [entry] = read_calendar(client.get(winter_event.url + "calendar/")).walk("VEVENT")
    assert str(entry["STATUS"]) == "CANCELLED"
    listing = client.get("/events/").content.decode()
    assert "<strong>Cancelled</strong>" in listing
    page = client.get(winter_event.url).content.decode()
    assert "This event will not take place." in page
    assert "Add to Google Calendar" not in page
