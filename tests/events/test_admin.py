"""Editors type event times in the event's own zone, whatever their own zone is."""

from datetime import UTC, datetime

import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from events.models import EventPage
from tests.events.factories import EventTypeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "password")
    client.force_login(user)
    return client


def form_data(**overrides):
    data = {
        "title": "Fall-back meeting",
        "slug": "fall-back-meeting",
        "event_type": EventTypeFactory(name="Workshop", slug="workshop").pk,
        "summary": "A workshop held the day the clocks fall back.",
        "start": "2024-11-03 09:00",
        "end": "2024-11-03 12:30",
        "time_zone": "America/New_York",
        "status": "scheduled",
        "registration_status": "",
        "description": streamfield([]),
        "agenda": streamfield([]),
        "recordings": streamfield([]),
        "resources": inline_formset([]),
        "artworks_on_display": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_typed_times_are_saved_as_the_event_zone_instants(editor_client, events_index, settings):
    settings.TIME_ZONE = "Asia/Tokyo"
    url = f"/admin/pages/add/events/eventpage/{events_index.pk}/"
    assert editor_client.get(url).status_code == 200
    response = editor_client.post(url, form_data())
    assert response.status_code == 302, response.context["form"].errors
    event = EventPage.objects.get(slug="fall-back-meeting")
    assert event.start == datetime(2024, 11, 3, 14, 0, tzinfo=UTC)  # 9:00 EST
    assert event.end == datetime(2024, 11, 3, 17, 30, tzinfo=UTC)
    assert event.year == 2024
    edit = editor_client.get(f"/admin/pages/{event.pk}/edit/")
    assert edit.context["form"].initial["start"] == datetime(2024, 11, 3, 9, 0)


def test_a_skipped_local_time_is_refused(editor_client, events_index):
    url = f"/admin/pages/add/events/eventpage/{events_index.pk}/"
    response = editor_client.post(url, form_data(start="2024-03-10 02:30", end="2024-03-10 04:00"))
    assert response.status_code == 200
    assert "does not exist there" in str(response.context["form"].errors["start"])
    assert not EventPage.objects.exists()


def test_end_must_follow_start_and_open_registration_needs_a_link(editor_client, events_index):
    url = f"/admin/pages/add/events/eventpage/{events_index.pk}/"
    response = editor_client.post(
        url, form_data(end="2024-11-03 08:00", registration_status="open")
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "end after it starts" in str(errors["end"])
    assert "registration link" in str(errors["registration_url"])


def test_times_are_read_in_the_event_zone_not_the_editors(editor_client, events_index):
    # 2:30 on March 10, 2024 does not exist in New York (the site's zone) but does in London.
    url = f"/admin/pages/add/events/eventpage/{events_index.pk}/"
    response = editor_client.post(
        url,
        form_data(start="2024-03-10 02:30", end="2024-03-10 04:00", time_zone="Europe/London"),
    )
    assert response.status_code == 302
    event = EventPage.objects.get()
    assert event.start == datetime(2024, 3, 10, 2, 30, tzinfo=UTC)


def test_the_calendar_address_is_not_a_free_slug(editor_client, events_index):
    url = f"/admin/pages/add/events/eventpage/{events_index.pk}/"
    response = editor_client.post(url, form_data(slug="calendar"))
    assert response.status_code == 200
    assert "events calendar" in str(response.context["form"].errors["slug"])


def test_editors_manage_venues_and_event_types_as_snippets(editor_client):
    from tests.events.factories import VenueFactory

    VenueFactory(name="Keck Center")
    EventTypeFactory(name="Webinar", slug="webinar")
    assert b"Keck Center" in editor_client.get("/admin/snippets/events/venue/").content
    assert b"Webinar" in editor_client.get("/admin/snippets/events/eventtype/").content


def test_event_edit_form_offers_the_linked_page_choosers(editor_client, events_index):
    from tests.events.factories import EventPageFactory

    event = EventPageFactory(parent=events_index)
    response = editor_client.get(f"/admin/pages/{event.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    for field in ("related_working_group", "resources-__prefix__-page", "artworks_on_display"):
        assert field in html


def test_a_new_event_can_be_previewed_before_it_is_saved(editor_client, events_index):
    url = f"/admin/pages/add/events/eventpage/{events_index.pk}/preview/"
    opening = {
        "day": "",
        "start_time": "09:00",
        "end_time": "10:00",
        "title": "Opening session",
        "description": rich_text(""),
        "speakers": {"count": 0},
        "slides": "",
        "recordings": {"count": 0},
    }
    response = editor_client.post(url, form_data(agenda=streamfield([("session", opening)])))
    assert response.status_code == 200 and response.json()["is_valid"], response.content
    response = editor_client.get(url)
    assert response.status_code == 200
    assert b"Fall-back meeting" in response.content
    assert b"Opening session" in response.content
