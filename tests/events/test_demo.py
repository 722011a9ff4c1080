"""The demo events: facts from the seeds, one upcoming event, idempotent, and scalable."""

from datetime import UTC, datetime

import pytest
from django.utils import timezone
from wagtail.models import Page, Revision

import core.demo
import events.demo
from demo.builder import DemoBuilder
from events.models import EventPage


def load(scale=1):
    builder = DemoBuilder(scale=scale)
    core.demo.load(builder)
    events.demo.load(builder)


def test_demo_has_the_seed_meetings_and_an_upcoming_event(demo_site, client):
    meeting = EventPage.objects.get(slug="establishing-clinician-well-being-as-a-national-priority")
    assert meeting.start == datetime(2018, 5, 2, 13, 0, tzinfo=UTC)  # 9 a.m. in Washington
    assert meeting.venue.city == "Washington, DC"
    assert meeting.agenda_document is not None
    assert len(meeting.presenter_slides()) == 4
    diversity = EventPage.objects.get(slug="diversity-inclusion-and-loneliness")
    titles = [block.value["title"] for block in diversity.agenda]
    assert "Workflow redesign to improve well-being and joy in practice" in titles
    assert "The artists behind Expressions of Clinician Well-Being" in titles
    upcoming = list(EventPage.upcoming_for_home_page(3))
    assert upcoming and upcoming[0].start > timezone.now()
    for event in (meeting, diversity, upcoming[0]):
        assert client.get(event.url).status_code == 200
    assert client.get("/events/").status_code == 200


def test_demo_twice_changes_nothing(demo_site):
    counts = (Page.objects.count(), Revision.objects.count())
    stamps = list(EventPage.objects.order_by("pk").values_list("last_published_at", flat=True))
    load()
    assert (Page.objects.count(), Revision.objects.count()) == counts
    assert (
        list(EventPage.objects.order_by("pk").values_list("last_published_at", flat=True)) == stamps
    )


@pytest.mark.django_db
def test_scale_adds_sample_events_with_ten_session_agendas(client):
    load(scale=3)
    samples = EventPage.objects.filter(slug__startswith=events.demo.SAMPLE_PREFIX)
    assert samples.count() == 2 * events.demo.SAMPLE_EVENTS_PER_SCALE
    sample = samples.first()
    assert len(sample.agenda) == 10
    assert client.get(sample.url).status_code == 200
    index = sample.get_parent()
    assert index.numchild == EventPage.objects.child_of(index).count()
    load(scale=3)
    assert samples.count() == 2 * events.demo.SAMPLE_EVENTS_PER_SCALE
    fixed = Page.objects.get(pk=index.pk)
    assert fixed.get_children().count() == fixed.numchild
