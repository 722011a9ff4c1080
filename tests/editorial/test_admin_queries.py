"""The editorial admin views cost the same number of queries however much is listed."""

import datetime

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.models import StandardPage
from editorial.wagtail_hooks import MyDraftsPanel, ScheduledThisWeekPanel
from tests.editorial.helpers import create_page, edit_page
from tests.factories import StandardPageFactory
from tests.helpers import assert_constant_queries

counter = {"n": 0}


def submit_pages(editor_client, home_page, how_many):
    for _ in range(how_many):
        counter["n"] += 1
        create_page(
            editor_client,
            home_page,
            StandardPage,
            "action-submit",
            title=f"Submitted page {counter['n']}",
            slug=f"submitted-{counter['n']}",
        )


@pytest.mark.parametrize(
    ("url_name", "who"),
    [
        ("editorial_review_inbox", "moderator_client"),
        ("editorial_my_submissions", "editor_client"),
        ("editorial_published_report", "moderator_client"),
    ],
)
def test_editorial_admin_views_cost_constant_queries(
    request, url_name, who, editor_client, moderator_client, live_page, home_page
):
    client = request.getfixturevalue(who)
    submit_pages(editor_client, home_page, 2)
    edit_page(moderator_client, live_page, "action-publish", title="Programs, updated")

    def grow():
        submit_pages(editor_client, home_page, 4)
        for page in StandardPage.objects.filter(slug__startswith="submitted-")[:3]:
            page.save_revision().publish()

    queries = assert_constant_queries(client, reverse(url_name), grow)
    print(f"{url_name} as {who}: {queries} queries")


def panel_queries(panel, user):
    request = RequestFactory().get("/admin/")
    request.user = user
    with CaptureQueriesContext(connection) as captured:
        panel.render_html({"request": request, "csrf_token": ""})
    return len(captured)


@pytest.mark.parametrize("panel_class", [MyDraftsPanel, ScheduledThisWeekPanel])
def test_dashboard_panels_cost_constant_queries(
    panel_class, editor, editor_client, moderator, home_page
):
    user = editor if panel_class is MyDraftsPanel else moderator
    soon = timezone.now() + datetime.timedelta(days=2)

    def add_content(how_many):
        submit_pages(editor_client, home_page, how_many)
        for _ in range(how_many):
            counter["n"] += 1
            page = StandardPageFactory(
                parent=home_page, title=f"Scheduled {counter['n']}", live=False
            )
            page.go_live_at = soon
            page.save_revision(user=editor).publish()

    add_content(1)
    panel_queries(panel_class(), user)
    small = panel_queries(panel_class(), user)
    add_content(4)
    large = panel_queries(panel_class(), user)

    assert small == large <= 4
