"""Factories for events: types, venues, the index, event pages and agendas."""

import uuid
from datetime import timedelta

import factory
import wagtail_factories
from django.utils import timezone

from events.models import EventIndexPage, EventPage, EventType, Venue


class EventTypeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Event type {n}")
    slug = factory.Sequence(lambda n: f"event-type-{n}")

    class Meta:
        model = EventType
        django_get_or_create = ("slug",)


class VenueFactory(factory.django.DjangoModelFactory):
    name = "National Academy of Medicine"
    address = "500 Fifth Street NW"
    city = "Washington, DC"
    map_url = "https://www.openstreetmap.org/search?query=Washington"

    class Meta:
        model = Venue


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Events"
    slug = "events"
    introduction = "Public meetings and webinars."

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Public meeting {n}")
    summary = "Expert panels on clinician burnout and well-being."
    start = factory.LazyFunction(lambda: timezone.now() + timedelta(days=10))
    end = factory.LazyAttribute(lambda event: event.start + timedelta(hours=3))
    time_zone = "America/New_York"
    event_type = factory.SubFactory(EventTypeFactory, name="Public meeting", slug="public-meeting")

    class Meta:
        model = EventPage


def speaker(name="", role="panelist", affiliation="", person=None):
    return {
        "type": "item",
        "id": str(uuid.uuid4()),
        "value": {
            "person": person.pk if person else None,
            "name": name,
            "affiliation": affiliation,
            "role": role,
        },
    }


def session(start, end, title, *, day=None, speakers=(), slides=None, recording=None):
    return {
        "type": "session",
        "value": {
            "day": day,
            "start_time": start,
            "end_time": end,
            "title": title,
            "description": f"<p>About {title}.</p>",
            "speakers": list(speakers),
            "slides": slides.pk if slides else None,
            "recordings": (
                [{"type": "item", "id": str(uuid.uuid4()), "value": recording}] if recording else []
            ),
        },
    }


def recording(title="Session recording", url="https://www.youtube.com/watch?v=abc123"):
    return {
        "url": url,
        "title": title,
        "captions": "",
        "transcript": f"Transcript of {title}: the panel discussed workflow redesign.",
    }


def agenda(count, *, person=None, slides=None):
    """``count`` half-hour sessions from 9:00, each with speakers, slides and a recording."""
    sessions = []
    for number in range(count):
        hour, minute = 9 + number // 2, 30 * (number % 2)
        end_hour, end_minute = 9 + (number + 1) // 2, 30 * ((number + 1) % 2)
        speakers = [speaker(f"Panelist {number}", "panelist", "A network organization")]
        if person is not None:
            speakers.append(speaker(person=person, role="moderator"))
        sessions.append(
            session(
                f"{hour:02d}:{minute:02d}",
                f"{end_hour:02d}:{end_minute:02d}",
                f"Session {number + 1}",
                speakers=speakers,
                slides=slides,
                recording=recording(f"Recording of session {number + 1}"),
            )
        )
    return sessions
