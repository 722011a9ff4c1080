"""Events in a real browser: read an agenda, download the .ics, see your own time zone."""

from datetime import timedelta
from pathlib import Path

from django.utils import timezone
from icalendar import Calendar
from wagtail.models import Site

from tests.browser.conftest import assert_accessible
from tests.events.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    VenueFactory,
    recording,
    session,
    speaker,
)


def make_event():
    home = Site.objects.get(is_default_site=True).root_page
    index = EventIndexPageFactory(parent=home)
    start = (timezone.now() + timedelta(days=20)).replace(
        hour=14, minute=0, second=0, microsecond=0
    )
    event = EventPageFactory(
        parent=index,
        title="Workflow redesign and joy in practice",
        slug="workflow-redesign",
        start=start,
        end=start + timedelta(hours=3),
        venue=VenueFactory(),
        online_url="https://example.org/join",
        agenda=[
            session(
                "10:00",
                "11:00",
                "Diversity and inclusion",
                speakers=[speaker("Ana Ruiz", "moderator", "Example Health")],
            ),
            session(
                "11:00",
                "12:30",
                "Loneliness and connection",
                speakers=[speaker("Sam Lee", "panelist")],
                recording=recording("Loneliness and connection"),
            ),
        ],
    )
    return index, event


def test_open_an_event_read_the_agenda_and_download_the_ics(page, site_url, tmp_path):
    index, event = make_event()
    page.goto(site_url + index.url)
    assert_accessible(page)
    page.get_by_role("link", name="Workflow redesign and joy in practice").click()
    assert page.get_by_role("heading", level=1).inner_text() == event.title

    agenda = page.get_by_role("region", name="Agenda")
    sessions = agenda.get_by_role("heading", level=4).all_inner_texts()
    assert sessions == ["Diversity and inclusion", "Loneliness and connection"]
    assert "Moderator: Ana Ruiz, Example Health" in agenda.inner_text()
    assert "10 a.m." in agenda.inner_text()
    # The provider cannot be reached: a plain link and the transcript remain.
    assert page.get_by_role("link", name="Watch or listen to “Loneliness and connection”").count()
    agenda.locator("details.transcript summary").first.click()
    assert "the panel discussed workflow redesign" in agenda.inner_text()
    assert_accessible(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the event (.ics)").first.click()
    download = download_info.value
    assert download.suggested_filename == "workflow-redesign.ics"
    target = tmp_path / "event.ics"
    download.save_as(target)
    calendar = Calendar.from_ical(Path(target).read_bytes())
    [entry] = calendar.walk("VEVENT")
    assert str(entry["SUMMARY"]) == event.title
    assert entry.decoded("DTSTART") == event.start
    assert calendar.walk("VTIMEZONE")


def test_visitors_elsewhere_see_their_own_time_beside_the_event_time(browser, site_url):
    _, event = make_event()
    context = browser.new_context(timezone_id="Europe/London", locale="en-GB")
    try:
        visitor = context.new_page()
        visitor.goto(site_url + event.url)
        notes = visitor.locator(".agenda .event-time__visitor").all_inner_texts()
        assert len(notes) == 2
        assert all(note.startswith("Your time: ") for note in notes)
        assert "Europe/London" in visitor.locator(".agenda__zone").inner_text()
        assert_accessible(visitor)
    finally:
        context.close()


def test_visitors_in_the_event_zone_see_no_duplicate_times(browser, site_url):
    _, event = make_event()
    context = browser.new_context(timezone_id="America/New_York")
    try:
        visitor = context.new_page()
        visitor.goto(site_url + event.url)
        assert visitor.locator(".event-time__visitor").count() == 0
    finally:
        context.close()
