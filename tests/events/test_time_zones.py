"""Local times stay right across daylight-saving changes, in pages, forms and calendars."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup

from events.models import local_wall_clock
from tests.events.factories import EventPageFactory, session

pytestmark = pytest.mark.django_db

NEW_YORK = ZoneInfo("America/New_York")


def utc(*args):
    return datetime(*args, tzinfo=UTC)


@pytest.fixture
def spring_forward_event(events_index):
    """Three days across the 2024 change to daylight time (Sunday, March 10, 2 a.m.)."""
    return EventPageFactory(
        parent=events_index,
        title="Spring workshop",
        start=utc(2024, 3, 9, 14),  # 9:00 EST
        end=utc(2024, 3, 11, 21),  # 17:00 EDT
        agenda=[
            session("09:00", "10:00", "Saturday opening", day="2024-03-09"),
            session("09:00", "10:00", "Sunday session", day="2024-03-10"),
            session("09:00", "10:00", "Monday session", day="2024-03-11"),
        ],
    )


def test_sessions_keep_their_local_time_across_the_change(spring_forward_event):
    days = spring_forward_event.schedule()
    starts = [day.sessions[0].start for day in days]
    assert [start.astimezone(NEW_YORK).hour for start in starts] == [9, 9, 9]
    assert [start.astimezone(UTC) for start in starts] == [
        utc(2024, 3, 9, 14),
        utc(2024, 3, 10, 13),
        utc(2024, 3, 11, 13),
    ]


def test_event_page_shows_local_times_and_exact_instants(client, spring_forward_event):
    response = client.get(spring_forward_event.url)
    soup = BeautifulSoup(response.content, "html.parser")
    sessions = soup.select(".agenda-session")
    assert [s.select_one(".agenda-session__title").get_text() for s in sessions] == [
        "Saturday opening",
        "Sunday session",
        "Monday session",
    ]
    times = [s.select_one("time") for s in sessions]
    assert [t.get_text() for t in times] == ["9 a.m."] * 3
    assert [t["datetime"] for t in times] == [
        "2024-03-09T14:00:00Z",
        "2024-03-10T13:00:00Z",
        "2024-03-11T13:00:00Z",
    ]
    zones = [s.select_one("abbr").get_text() for s in sessions]
    assert zones == ["EST", "EDT", "EDT"]
    days = [h.get_text() for h in soup.select(".agenda__day")]
    assert days == ["Saturday, March 9, 2024", "Sunday, March 10, 2024", "Monday, March 11, 2024"]


def test_event_dates_show_in_the_event_zone_not_the_server_zone(client, events_index, settings):
    settings.TIME_ZONE = "Asia/Tokyo"
    event = EventPageFactory(
        parent=events_index,
        start=utc(2024, 11, 4, 1),  # 8 p.m. EST on November 3
        end=utc(2024, 11, 4, 2),
    )
    assert event.when_text == "November 3, 2024, 8 p.m. – 9 p.m. EST"
    response = client.get(event.url)
    facts = BeautifulSoup(response.content, "html.parser").select_one(".event-facts")
    assert "Sunday, November 3, 2024, 8 p.m." in facts.get_text()


def test_typed_times_are_read_in_the_event_zone():
    # The editor types 9:00 for a meeting on the day the clocks fall back.
    typed = datetime(2024, 11, 3, 9, 0)
    local = local_wall_clock(typed, "America/New_York")
    assert local.astimezone(UTC) == utc(2024, 11, 3, 14)
    summer = local_wall_clock(datetime(2024, 11, 2, 9, 0), "America/New_York")
    assert summer.astimezone(UTC) == utc(2024, 11, 2, 13)


def test_a_time_the_clocks_skip_is_refused():
    assert local_wall_clock(datetime(2024, 3, 10, 2, 30), "America/New_York") is None


def test_the_year_is_the_local_year(events_index):
    event = EventPageFactory(
        parent=events_index,
        start=utc(2025, 1, 1, 3),  # 10 p.m. on New Year's Eve in New York
        end=utc(2025, 1, 1, 4),
    )
    assert event.year == 2024
