"""The home page's upcoming events come from live, public event pages."""

from datetime import UTC, datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import PageViewRestriction

from events.models import EventIndexPage, EventPage
from tests.events.factories import EventPageFactory

pytestmark = pytest.mark.django_db


def section_text(client):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    section = soup.select_one("[aria-labelledby=upcoming-events-heading]")
    return section, section.get_text(" ", strip=True) if section else ""


def test_home_page_lists_upcoming_events_soonest_first(client, events_index):
    later = EventPageFactory(parent=events_index, title="Later webinar")
    later.start = timezone.now() + timedelta(days=40)
    later.end = later.start + timedelta(hours=1)
    later.save_revision().publish()
    EventPageFactory(parent=events_index, title="Soon meeting")
    section, _ = section_text(client)
    titles = [a.get_text() for a in section.select(".card__title a")]
    assert titles == ["Soon meeting", "Later webinar"]
    assert section.select_one(".card__title").name == "h3"


def test_home_page_never_shows_drafts_private_or_past_events(client, events_index):
    EventPageFactory(parent=events_index, title="Draft meeting").unpublish()
    private = EventPageFactory(parent=events_index, title="Private meeting")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    EventPageFactory(
        parent=events_index,
        title="Old meeting",
        start=datetime(2018, 5, 2, 13, tzinfo=UTC),
        end=datetime(2018, 5, 2, 20, tzinfo=UTC),
    )
    section, text = section_text(client)
    assert "No upcoming events are scheduled right now." in text
    assert section.find("a", string="See our past meetings")["href"] == events_index.url
    assert "Draft meeting" not in text and "Private meeting" not in text
    assert list(EventPage.upcoming_for_home_page(3)) == []


def test_private_events_index_is_not_offered(events_index):
    PageViewRestriction.objects.create(page=events_index, restriction_type="password", password="x")
    assert EventIndexPage.index_for_home_page() == []


def test_home_page_contract_costs_few_queries(django_assert_max_num_queries, events_index):
    for _ in range(5):
        EventPageFactory(parent=events_index)
    with django_assert_max_num_queries(2):
        events = list(EventPage.upcoming_for_home_page(3))
        for event in events:
            event.event_type, event.venue, event.place_text  # noqa: B018
    assert len(events) == 3


def test_listing_cache_lifetime_ends_with_the_first_listed_event(events_index, settings):
    settings.PAGE_CACHE_SECONDS = 600

    def lifetime():
        return EventPage.listed_cache_seconds(EventPage.upcoming_for_home_page(3))

    assert lifetime() is None
    EventPageFactory(parent=events_index)  # ends in ten days: the cache's own limit applies
    assert lifetime() == 600
    EventPageFactory(
        parent=events_index,
        start=timezone.now() - timedelta(hours=1),
        end=timezone.now() + timedelta(seconds=90),
    )
    assert 85 <= lifetime() <= 90
