"""What each role finds in the admin: dashboard panels, inboxes in the menu, the audit report."""

import csv
import datetime
import io

import openpyxl
import time_machine
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from tests.editorial.helpers import create_page, edit_page
from tests.factories import StandardPageFactory

DASHBOARD = "wagtailadmin_home"


def listed(response):
    """The text of the report's table (empty when there is no table)."""
    table = BeautifulSoup(response.content, "html.parser").select_one("#listing-results table")
    return " ".join(table.get_text().split()) if table else ""


def dashboard(client):
    return client.get(reverse(DASHBOARD)).content.decode()


def test_editor_dashboard_lists_my_drafts_with_where_each_stands(
    editor_client, moderator_client, live_page, home_page
):
    from core.models import StandardPage

    create_page(editor_client, home_page, StandardPage, "action-save", title="Ideas", slug="ideas")
    edit_page(editor_client, live_page, "action-submit", title="Programs and projects")

    html = dashboard(editor_client)

    assert "My drafts" in html
    assert "Ideas" in html
    assert "Programs and projects" in html
    assert "In review" in html
    assert "Draft" in html
    # Editors see the week ahead too (issue 19): what they wrote may be about to go live.
    assert "Scheduled this week" in html
    # A moderator's own dashboard does not list the editor's drafts.
    assert "Ideas" not in dashboard(moderator_client)


def test_moderator_dashboard_shows_what_awaits_review_and_the_week_ahead(
    editor_client, moderator_client, live_page, home_page
):
    edit_page(editor_client, live_page, "action-submit", title="Programs and projects")
    soon = StandardPageFactory(parent=home_page, title="Summer gathering", live=False)
    soon.go_live_at = timezone.now() + datetime.timedelta(days=3)
    soon.save_revision().publish()
    later = StandardPageFactory(parent=home_page, title="Winter gathering", live=False)
    later.go_live_at = timezone.now() + datetime.timedelta(days=30)
    later.save_revision().publish()

    html = dashboard(moderator_client)

    assert "Awaiting your review" in html
    assert "Programs and projects" in html
    assert "Scheduled this week" in html
    assert "Summer gathering" in html
    assert "Goes live" in html
    assert "Winter gathering" not in html


def test_the_editorial_inboxes_are_in_the_menu(editor_client, moderator_client):
    editor_html = dashboard(editor_client)
    moderator_html = dashboard(moderator_client)

    for html in (editor_html, moderator_html):
        assert reverse("editorial_review_inbox") in html
        assert reverse("editorial_my_submissions") in html
    assert reverse("editorial_published_report") in moderator_html
    assert reverse("editorial_published_report") not in editor_html


def test_review_inbox_lists_only_what_the_user_can_review(
    editor_client, moderator_client, reviewer_client, live_page
):
    edit_page(editor_client, live_page, "action-submit", title="Programs and projects")
    url = reverse("editorial_review_inbox")

    assert "Programs and projects" in listed(moderator_client.get(url))
    assert listed(reviewer_client.get(url)) == ""
    assert listed(editor_client.get(url)) == ""


def test_my_submissions_shows_status(editor_client, live_page):
    edit_page(editor_client, live_page, "action-submit", title="Programs and projects")

    html = editor_client.get(reverse("editorial_my_submissions")).content.decode()

    assert "Programs" in html
    assert "Awaiting Moderator approval" in html


def publish_at(page, when, user, title):
    with time_machine.travel(when, tick=False):
        page.title = title
        page.save_revision(user=user).publish(user=user)


def test_published_report_lists_who_published_what_in_a_date_range(
    moderator, moderator_client, home_page
):
    march = datetime.datetime(2026, 3, 10, 15, 0, tzinfo=datetime.UTC)
    april = datetime.datetime(2026, 4, 10, 15, 0, tzinfo=datetime.UTC)
    page = StandardPageFactory(parent=home_page, title="Toolkit", live=False)
    publish_at(page, march, moderator, "Toolkit (March)")
    other = StandardPageFactory(parent=home_page, title="Resources", live=False)
    publish_at(other, april, moderator, "Resources (April)")
    url = reverse("editorial_published_report")

    march_only = moderator_client.get(
        url, {"timestamp_from": "2026-03-01", "timestamp_to": "2026-03-31"}
    ).content.decode()
    everything = moderator_client.get(url).content.decode()

    assert "Toolkit (March)" in march_only
    assert "Resources (April)" not in march_only
    assert "Mona" in march_only
    assert "Toolkit (March)" in everything and "Resources (April)" in everything


def test_published_report_exports_csv_and_xlsx(moderator, moderator_client, home_page):
    march = datetime.datetime(2026, 3, 10, 15, 0, tzinfo=datetime.UTC)
    page = StandardPageFactory(parent=home_page, title="Toolkit", live=False)
    publish_at(page, march, moderator, "Toolkit (March)")
    url = reverse("editorial_published_report")
    period = {"timestamp_from": "2026-03-01", "timestamp_to": "2026-03-31"}

    response = moderator_client.get(url, {**period, "export": "csv"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [(row["Page"], row["Page ID"], row["Type"], row["Published by"]) for row in rows] == [
        ("Toolkit (March)", str(page.pk), "Standard page", "Mona")
    ]
    assert rows[0]["Published at"].startswith("2026-03-10")

    response = moderator_client.get(url, {**period, "export": "xlsx"})
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook.active
    assert [cell.value for cell in sheet[1]] == [
        "Page",
        "Page ID",
        "Type",
        "Published by",
        "Published at",
    ]
    assert sheet["A2"].value == "Toolkit (March)"


def test_published_report_is_for_people_who_publish(editor_client, reviewer_client):
    url = reverse("editorial_published_report")

    assert editor_client.get(url, HTTP_X_REQUESTED_WITH="XMLHttpRequest").status_code == 403
    assert reviewer_client.get(url, HTTP_X_REQUESTED_WITH="XMLHttpRequest").status_code == 403


def test_page_history_records_who_published(moderator, moderator_client, live_page):
    edit_page(moderator_client, live_page, "action-publish", title="Our programs")

    html = moderator_client.get(reverse("wagtailadmin_pages:history", args=(live_page.pk,)))

    assert "Published" in html.content.decode()
    assert "Mona" in html.content.decode()
