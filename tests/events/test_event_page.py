"""What an event page shows: facts, agenda, speakers, recordings, resources, metadata."""

import json
from datetime import UTC, datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import PageViewRestriction

from community.models import Person
from events.models import EventArtwork, EventPage, EventResource
from tests.events.factories import (
    EventPageFactory,
    VenueFactory,
    agenda,
    recording,
    session,
    speaker,
)
from tests.factories import DocumentFactory, StandardPageFactory
from tests.helpers import assert_constant_queries

pytestmark = pytest.mark.django_db


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def person():
    return Person.objects.create(
        name="Victor Dzau",
        credentials="MD",
        role_title="President",
        organization="National Academy of Medicine",
        slug="victor-dzau",
    )


@pytest.fixture
def meeting(events_index, person):
    slides = DocumentFactory(title="Workflow redesign slides")
    return EventPageFactory(
        parent=events_index,
        title="Diversity, inclusion and loneliness",
        start=datetime(2019, 10, 29, 13, tzinfo=UTC),
        end=datetime(2019, 10, 29, 20, tzinfo=UTC),
        venue=VenueFactory(),
        agenda=[
            session("09:00", "09:15", "Welcome", speakers=[speaker(person=person, role="speaker")]),
            session(
                "13:00",
                "14:30",
                "Workflow redesign and joy in practice",
                speakers=[
                    speaker("Ana Ruiz", "moderator", "Example Health"),
                    speaker("Sam Lee", "panelist"),
                ],
                slides=slides,
                recording=recording("Workflow redesign session"),
            ),
        ],
        recordings=[{"type": "recording", "value": recording("Full meeting")}],
    )


def test_agenda_lists_sessions_speakers_slides_and_recordings(client, meeting):
    soup = soup_of(client.get(meeting.url))
    sessions = soup.select(".agenda-session")
    assert [s.h4.get_text() for s in sessions] == [
        "Welcome",
        "Workflow redesign and joy in practice",
    ]
    welcome, workflow = sessions
    assert welcome.select_one(".speaker__name").get_text() == "Victor Dzau, MD"
    assert "President, National Academy of Medicine" in welcome.get_text()
    speakers = [
        li.get_text(" ", strip=True) for li in workflow.select(".agenda-session__speakers li")
    ]
    assert speakers == ["Moderator: Ana Ruiz , Example Health", "Panelist: Sam Lee"]
    assert workflow.find("a", string="Slides: Workflow redesign and joy in practice")
    assert "Transcript of Workflow redesign session" in workflow.get_text()


def test_draft_person_details_are_not_shown(client, meeting, person):
    person.live = False
    person.save()
    soup = soup_of(client.get(meeting.url))
    assert "Victor Dzau" not in soup.get_text()
    assert "Sam Lee" in soup.get_text()


def test_unreachable_embed_provider_leaves_a_link_and_the_transcript(client, meeting):
    # The test machine has no network: the oEmbed lookup fails like a provider outage.
    soup = soup_of(client.get(meeting.url))
    fallbacks = soup.select(".media-embed__fallback a")
    assert [a["href"] for a in fallbacks] == ["https://www.youtube.com/watch?v=abc123"] * 2
    assert not soup.select(".media-embed__player")
    assert "Transcript of Full meeting" in soup.select_one("#recordings-heading").parent.get_text()


def test_past_event_hides_registration_joining_and_calendar_buttons(client, meeting):
    meeting.online_url = "https://example.org/join"
    meeting.registration_status = "open"
    meeting.registration_url = "https://example.org/register"
    meeting.save_revision().publish()
    soup = soup_of(client.get(meeting.url))
    text = soup.get_text()
    assert "This event has ended." in text
    assert not soup.find("a", href="https://example.org/join")
    assert not soup.find("a", href="https://example.org/register")
    assert "Add to Google Calendar" not in text
    assert soup.find("a", string="Download the event (.ics)")


def test_upcoming_event_offers_registration_and_joining(client, events_index):
    event = EventPageFactory(
        parent=events_index,
        online_url="https://example.org/join",
        registration_status="open",
        registration_url="https://example.org/register",
    )
    soup = soup_of(client.get(event.url))
    assert soup.find("a", href="https://example.org/join")
    assert soup.find("a", href="https://example.org/register")
    event.registration_status = "full"
    event.save_revision().publish()
    text = soup_of(client.get(event.url)).get_text()
    assert "This event is full." in text


def test_json_ld_describes_the_event(client, meeting):
    soup = soup_of(client.get(meeting.url))
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["@type"] == "Event"
    assert data["startDate"] == "2019-10-29T09:00:00-04:00"
    assert data["endDate"] == "2019-10-29T16:00:00-04:00"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"]["addressLocality"] == "Washington, DC"
    assert [p["name"] for p in data["performer"]] == ["Victor Dzau, MD", "Ana Ruiz", "Sam Lee"]
    assert soup.find("meta", property="og:description")["content"] == meeting.summary
    assert soup.find("meta", property="og:url")["content"] == meeting.full_url


def test_json_ld_for_an_online_event_and_a_script_breakout(client, events_index):
    event = EventPageFactory(
        parent=events_index,
        title="</script><script>alert(1)</script>",
        online_url="https://example.org/join",
        status="moved_online",
    )
    response = client.get(event.url)
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    data = json.loads(
        BeautifulSoup(html, "html.parser").find("script", type="application/ld+json").string
    )
    assert data["name"] == "</script><script>alert(1)</script>"
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://example.org/join"}
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventMovedOnline"


def test_resources_and_artworks_show_only_live_pages(client, meeting, home_page):
    hub = StandardPageFactory(parent=home_page, title="Clinician Well-Being Knowledge Hub")
    hidden = StandardPageFactory(parent=home_page, title="Unpublished page")
    hidden.unpublish()
    EventResource.objects.create(event=meeting, page=hub, sort_order=1)
    EventResource.objects.create(event=meeting, page=hidden, sort_order=2)
    EventResource.objects.create(
        event=meeting, url="https://nam.edu/", label="National Academy of Medicine", sort_order=3
    )
    from tests.gallery.factories import ArtworkPageFactory, GalleryIndexPageFactory

    artwork = ArtworkPageFactory(parent=GalleryIndexPageFactory(parent=home_page), title="Breathe")
    EventArtwork.objects.create(event=meeting, artwork=artwork)
    soup = soup_of(client.get(meeting.url))
    resources = soup.select_one("[aria-labelledby=resources-heading]")
    assert [a.get_text() for a in resources.select("a")] == [
        "Clinician Well-Being Knowledge Hub",
        "National Academy of Medicine",
    ]
    artworks = soup.select_one("[aria-labelledby=artworks-heading]")
    assert [a.get_text() for a in artworks.select("a")] == ["Breathe"]


def test_private_event_page_asks_for_the_password(client, meeting):
    PageViewRestriction.objects.create(page=meeting, restriction_type="password", password="x")
    response = client.get(meeting.url)
    assert b"Workflow redesign" not in response.content
    response = client.get(meeting.url + "calendar/")
    assert b"BEGIN:VCALENDAR" not in response.content


def test_event_page_queries_do_not_grow_with_the_site_or_the_agenda(client, events_index, person):
    slides = DocumentFactory()
    venue = VenueFactory()
    event = EventPageFactory(
        parent=events_index,
        venue=venue,
        agenda=agenda(1, person=person, slides=slides),
        agenda_document=slides,
    )
    EventResource.objects.create(event=event, url="https://nam.edu/", label="NAM")
    for _ in range(4):
        EventPageFactory(parent=events_index, agenda=agenda(10))

    def grow():
        from events.demo import create_sample_events

        event.agenda = agenda(10, person=person, slides=DocumentFactory())
        event.save_revision().publish()
        create_sample_events(events_index, 195, [event.event_type], venue)

    assert_constant_queries(client, event.url, grow, at_most=15)


def test_ended_status_uses_the_clock_at_request_time(events_index):
    event = EventPageFactory(
        parent=events_index,
        start=timezone.now() - timedelta(hours=2),
        end=timezone.now() + timedelta(minutes=1),
    )
    assert not event.has_ended()
    assert event.has_ended(timezone.now() + timedelta(minutes=2))


def test_search_finds_events_by_agenda_speaker_and_venue(events_index):
    from wagtail.search.backends import get_search_backend

    event = EventPageFactory(
        parent=events_index,
        title="Public meeting on clinician well-being",
        venue=VenueFactory(name="Keck Center"),
        agenda=[
            session("09:00", "10:00", "Loneliness among clinicians", speakers=[speaker("Ana Ruiz")])
        ],
    )
    backend = get_search_backend()
    for query in ("loneliness", "Ruiz", "Keck"):
        assert list(backend.search(query, EventPage)) == [event], query
    assert event.search_date == event.local_start.date()
    assert event.search_summary == event.summary
