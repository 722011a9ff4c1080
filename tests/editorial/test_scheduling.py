"""Scheduled publishing and expiry, at the boundary, with a frozen clock."""

import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from core.models import StandardPage
from tests.factories import StandardPageFactory

GO_LIVE = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
SECOND = datetime.timedelta(seconds=1)


def run_scheduler():
    call_command("run_scheduler", "--once", stdout=io.StringIO())


def scheduled_draft(home_page, go_live_at, user=None):
    page = StandardPageFactory(
        parent=home_page, title="Spring meeting", slug="spring-meeting", live=False
    )
    page.go_live_at = go_live_at
    page.save_revision(user=user).publish(user=user)
    return StandardPage.objects.get(pk=page.pk)


def public_presence(client, page, word):
    page = Page.objects.get(pk=page.pk)
    return {
        "page": client.get(f"/{page.slug}/").status_code,
        "api": [item["id"] for item in client.get("/api/v2/pages/").json()["items"]],
        "search": [p.pk for p in Page.objects.live().public().search(word)],
        "search_page": page.title in client.get(reverse("search"), {"q": word}).content.decode(),
        "sitemap": f"/{page.slug}/" in client.get("/sitemap.xml").content.decode(),
    }


def test_scheduled_page_is_not_live_a_second_before_its_time(home_page):
    with time_machine.travel(GO_LIVE - datetime.timedelta(days=1), tick=False):
        page = scheduled_draft(home_page, GO_LIVE)
    assert not page.live
    assert page.get_latest_revision().approved_go_live_at == GO_LIVE

    with time_machine.travel(GO_LIVE - SECOND, tick=False):
        run_scheduler()

    page.refresh_from_db()
    assert not page.live


def test_scheduled_page_goes_live_on_the_first_run_after_its_time(client, home_page):
    with time_machine.travel(GO_LIVE - datetime.timedelta(days=1), tick=False):
        page = scheduled_draft(home_page, GO_LIVE)

    with time_machine.travel(GO_LIVE + SECOND, tick=False):
        run_scheduler()
        assert client.get("/spring-meeting/").status_code == 200

    page.refresh_from_db()
    assert page.live
    assert page.first_published_at == GO_LIVE + SECOND


def test_page_scheduled_in_the_past_goes_live_on_the_next_run(home_page):
    with time_machine.travel(GO_LIVE - datetime.timedelta(days=1), tick=False):
        page = scheduled_draft(home_page, GO_LIVE)

    # The scheduler was down for a week; its next run catches up.
    with time_machine.travel(GO_LIVE + datetime.timedelta(days=7), tick=False):
        run_scheduler()

    page.refresh_from_db()
    assert page.live


def test_expired_page_leaves_the_site_search_api_and_sitemap_at_its_time(client, home_page):
    expires = GO_LIVE + datetime.timedelta(days=30)
    with time_machine.travel(GO_LIVE, tick=False):
        page = StandardPageFactory(
            parent=home_page, title="Quillwort call for art", slug="call-for-art"
        )
        page.expire_at = expires
        page.save_revision().publish()

    with time_machine.travel(expires - SECOND, tick=False):
        run_scheduler()
        before = public_presence(client, page, "Quillwort")
    assert before == {
        "page": 200,
        "api": [home_page.pk, page.pk],
        "search": [page.pk],
        "search_page": True,
        "sitemap": True,
    }

    with time_machine.travel(expires + SECOND, tick=False):
        run_scheduler()
        after = public_presence(client, page, "Quillwort")
    assert after == {
        "page": 404,
        "api": [home_page.pk],
        "search": [],
        "search_page": False,
        "sitemap": False,
    }
    page.refresh_from_db()
    assert page.expired
    assert not page.live


def test_run_scheduler_repeats_until_stopped(monkeypatch, home_page):
    import editorial.management.commands.run_scheduler as scheduler

    passes = []

    def fake_sleep(seconds):
        passes.append(seconds)
        if len(passes) == 3:
            raise KeyboardInterrupt

    monkeypatch.setattr(scheduler.time, "sleep", fake_sleep)
    with time_machine.travel(GO_LIVE - datetime.timedelta(days=1), tick=False):
        page = scheduled_draft(home_page, GO_LIVE)
    with time_machine.travel(GO_LIVE + SECOND, tick=False), pytest.raises(KeyboardInterrupt):
        call_command("run_scheduler", "--interval", "5", stdout=io.StringIO())

    assert passes == [5, 5, 5]
    page.refresh_from_db()
    assert page.live
    assert timezone.now() > GO_LIVE
