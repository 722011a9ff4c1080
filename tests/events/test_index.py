"""The events index: upcoming first, past by year, filters, bad input, privacy, queries."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import PageViewRestriction

from events.demo import create_sample_events
from tests.events.factories import (
    EventPageFactory,
    EventTypeFactory,
    VenueFactory,
    agenda,
)
from tests.helpers import assert_constant_queries

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 6, 1, 16, 0, tzinfo=UTC)


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def titles(soup, selector):
    return [a.get_text() for a in soup.select(f"{selector} .card__title a")]


@pytest.fixture
def calendar_of_events(events_index):
    webinar = EventTypeFactory(name="Webinar", slug="webinar")

    def event(title, start, hours=2, **fields):
        return EventPageFactory(
            parent=events_index,
            title=title,
            start=start,
            end=start + timedelta(hours=hours),
            **fields,
        )

    return {
        "ended_a_minute_ago": event("Just ended", NOW - timedelta(hours=2, minutes=1)),
        "ends_in_a_minute": event("Almost over", NOW - timedelta(hours=1, minutes=59)),
        "next_month": event("Next month", NOW + timedelta(days=30), event_type=webinar),
        "next_week": event("Next week", NOW + timedelta(days=7)),
        "past_2025": event("Autumn 2025", datetime(2025, 10, 29, 13, tzinfo=UTC)),
        "past_2018": event("Meeting 3", datetime(2018, 5, 2, 13, tzinfo=UTC), hours=7),
        "spring_2025": event("Spring 2025", datetime(2025, 3, 1, 14, tzinfo=UTC)),
    }


@time_machine.travel(NOW, tick=False)
def test_upcoming_soonest_first_then_past_by_year_newest_first(client, calendar_of_events):
    soup = soup_of(client.get("/events/"))
    assert titles(soup, "[aria-labelledby=upcoming-heading]") == [
        "Almost over",
        "Next week",
        "Next month",
    ]
    assert [h.get_text() for h in soup.select(".event-year")] == ["2026", "2025", "2018"]
    assert titles(soup, "[aria-labelledby=past-heading]") == [
        "Just ended",
        "Autumn 2025",
        "Spring 2025",
        "Meeting 3",
    ]


def test_an_event_becomes_past_by_itself_when_it_ends(client, events_index):
    start = NOW - timedelta(hours=1)
    EventPageFactory(parent=events_index, title="Afternoon", start=start, end=NOW)
    with time_machine.travel(NOW - timedelta(minutes=1), tick=False):
        soup = soup_of(client.get("/events/"))
        assert titles(soup, "[aria-labelledby=upcoming-heading]") == ["Afternoon"]
    with time_machine.travel(NOW + timedelta(minutes=1), tick=False):
        soup = soup_of(client.get("/events/"))
        assert titles(soup, "[aria-labelledby=upcoming-heading]") == []
        assert titles(soup, "[aria-labelledby=past-heading]") == ["Afternoon"]


@time_machine.travel(NOW, tick=False)
def test_filter_by_type_and_year_with_counts(client, calendar_of_events):
    soup = soup_of(client.get("/events/?type=webinar"))
    assert titles(soup, ".listing-results") == ["Next month"]
    options = [o.get_text() for o in soup.select("#filter-year option")]
    assert options == ["All", "2026 (1)"]
    soup = soup_of(client.get("/events/?year=2025"))
    assert titles(soup, ".listing-results") == ["Autumn 2025", "Spring 2025"]
    types = [o.get_text() for o in soup.select("#filter-type option")]
    assert types == ["All", "Public meeting (2)"]
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex, follow"


@time_machine.travel(NOW, tick=False)
def test_unknown_filter_values_are_dropped_with_a_notice(client, calendar_of_events):
    response = client.get("/events/?type=concert&year=1850")
    assert response.status_code == 200
    soup = soup_of(response)
    notices = [p.get_text() for p in soup.select(".notice")]
    assert any("no event type “concert”" in text for text in notices)
    assert any("no year “1850”" in text for text in notices)
    assert len(titles(soup, ".listing-results")) == 7


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ("page=abc", 400, "Page numbers are whole numbers"),
        ("page=-3", 400, "Page numbers are whole numbers"),
        ("page=9999", 404, "There is no page 9999"),
        ("year=" + "9" * 5000, 200, "so that filter was left out"),
    ],
)
def test_bad_page_numbers_give_a_clear_page(client, calendar_of_events, query, status, message):
    response = client.get(f"/events/?{query}")
    assert response.status_code == status
    assert message in response.content.decode()
    assert b"<h1>Events</h1>" in response.content


def test_drafts_and_private_events_never_listed(client, events_index):
    EventPageFactory(parent=events_index, title="Public meeting")
    EventPageFactory(parent=events_index, title="Draft meeting").unpublish()
    private = EventPageFactory(parent=events_index, title="Private meeting")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    soup = soup_of(client.get("/events/"))
    assert titles(soup, ".listing-results") == ["Public meeting"]


def test_no_upcoming_events_says_so(client, events_index):
    EventPageFactory(
        parent=events_index,
        title="Old meeting",
        start=datetime(2018, 5, 2, 13, tzinfo=UTC),
        end=datetime(2018, 5, 2, 20, tzinfo=UTC),
    )
    text = soup_of(client.get("/events/")).get_text()
    assert "No upcoming events are scheduled right now." in text


def test_index_queries_do_not_grow_from_5_to_200_events(client, events_index):
    venue = VenueFactory()
    types = [EventTypeFactory(name="Public meeting", slug="public-meeting"), EventTypeFactory()]
    for _ in range(5):
        EventPageFactory(parent=events_index, venue=venue, agenda=agenda(10))
    assert_constant_queries(
        client,
        "/events/",
        lambda: create_sample_events(events_index, 195, types, venue),
        at_most=15,
    )
    assert_constant_queries(
        client,
        f"/events/?type=public-meeting&year={timezone.localdate().year}",
        lambda: None,
        at_most=15,
    )


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_SECONDS = 600


def test_cached_listing_expires_when_the_next_event_ends(client, events_index, page_cache):
    EventPageFactory(
        parent=events_index, title="Afternoon", start=NOW - timedelta(hours=1), end=NOW
    )
    with time_machine.travel(NOW - timedelta(minutes=2), tick=False):
        first = client.get("/events/")
        assert first["X-Page-Cache"] == "miss"
        assert "s-maxage=120" in first["Cache-Control"]
        assert client.get("/events/")["X-Page-Cache"] == "hit"
    with time_machine.travel(NOW + timedelta(seconds=1), tick=False):
        response = client.get("/events/")
        assert response["X-Page-Cache"] == "miss"
        soup = soup_of(response)
        assert titles(soup, "[aria-labelledby=past-heading]") == ["Afternoon"]


def test_cached_event_page_expires_when_it_ends(client, events_index, page_cache):
    event = EventPageFactory(
        parent=events_index,
        start=NOW - timedelta(hours=1),
        end=NOW,
        online_url="https://example.org/join",
    )
    with time_machine.travel(NOW - timedelta(seconds=30), tick=False):
        response = client.get(event.url)
        assert "s-maxage=30" in response["Cache-Control"]
        assert b"https://example.org/join" in response.content
    with time_machine.travel(NOW + timedelta(seconds=1), tick=False):
        response = client.get(event.url)
        assert b"https://example.org/join" not in response.content
        assert b"This event has ended." in response.content


def test_events_under_a_restricted_section_are_private(client, home_page):
    from tests.events.factories import EventIndexPageFactory

    index = EventIndexPageFactory(parent=home_page)
    EventPageFactory(parent=index, title="Members' meeting")
    PageViewRestriction.objects.create(page=index, restriction_type="login")
    from events.models import EventPage

    assert list(index.events()) == []
    assert list(EventPage.upcoming_for_home_page(3)) == []
    assert list(EventPage.objects.live().public()) == []


@time_machine.travel(NOW, tick=False)
def test_a_year_without_events_lists_none(client, calendar_of_events):
    response = client.get("/events/?year=2031")
    assert response.status_code == 200
    soup = soup_of(response)
    assert titles(soup, ".listing-results") == []
    assert "No events match these filters." in soup.get_text()
