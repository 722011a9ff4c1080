"""Each role signs in and is greeted by its own dashboard panels, with the right counts."""

import datetime
import os

from django.utils import timezone
from wagtail.models import Page, Site

from community.models import CommitmentStatementSubmission
from editorial.roles import EDITORS, GALLERY_REVIEWERS, MODERATORS
from gallery.models import ArtworkSubmission
from tests.browser.conftest import assert_accessible, log_in, make_user
from tests.factories import StandardPageFactory
from tests.gallery import factories as gallery_factories

# Set to a folder to keep a picture of each role's dashboard (to look at, not compared).
SCREENSHOTS = os.environ.get("DASHBOARD_SCREENSHOTS")


def submit(page, user):
    page.save_revision(user=user)
    page.get_workflow().start(page, user)
    return Page.objects.get(pk=page.pk)


def build_the_week(editor, moderator):
    """Two pages waiting for moderators (one sent back), two artworks waiting for the
    panel, one page published today, one going live in three days, and new submissions."""
    home = Site.objects.get(is_default_site=True).root_page
    submit(StandardPageFactory(parent=home, title="Peer support groups", live=False), editor)
    submit(StandardPageFactory(parent=home, title="Night shift wellness", live=False), editor)
    sent_back = submit(StandardPageFactory(parent=home, title="Wellness days", live=False), editor)
    sent_back.current_workflow_task.specific.on_action(
        sent_back.current_workflow_task_state, moderator, "reject", comment="Add the dates."
    )
    StandardPageFactory(parent=home, title="Resilience toolkit", live=False).save_revision(
        user=moderator
    ).publish(user=moderator)
    soon = StandardPageFactory(parent=home, title="Summer gathering", live=False)
    soon.go_live_at = timezone.now() + datetime.timedelta(days=3)
    soon.save_revision(user=moderator).publish(user=moderator)

    gallery = gallery_factories.GalleryIndexPageFactory(parent=home)
    for title in ("Hands at rest", "The long corridor"):
        artwork = gallery_factories.ArtworkPageFactory(parent=gallery, title=title, live=False)
        submit(artwork, editor)
        ArtworkSubmission.objects.create(
            artwork=artwork,
            artist=artwork.artist,
            title=title,
            contact_email="artist@example.org",
            consent_given_at=timezone.now(),
        )
    for name in ("Mercy Hospital", "Lakeside Clinic"):
        CommitmentStatementSubmission.objects.create(
            organization_name=name,
            contact_name="Sam Lee",
            contact_email="sam@example.org",
            statement_text="We commit to clinician well-being.",
        )
    today = datetime.date.today()
    gallery_factories.HostingRequestFactory(
        preferred_start=today, preferred_end=today + datetime.timedelta(days=30)
    )


def panel(browser_page, heading):
    return browser_page.get_by_role("region", name=heading)


def count_text(browser_page, heading):
    return panel(browser_page, heading).locator(".editorial-dashboard__count").inner_text()


def panel_headings(browser_page):
    return browser_page.locator(".w-dashboard .w-panel__heading").all_inner_texts()


def test_each_role_is_greeted_by_its_own_panels(browser, site_url):
    editor = make_user("edna", EDITORS)
    moderator = make_user("mona", MODERATORS)
    make_user("rafael", GALLERY_REVIEWERS)
    build_the_week(editor, moderator)

    def dashboard_for(username):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        browser_page = context.new_page()
        log_in(browser_page, site_url, username)
        if SCREENSHOTS:
            # The admin scrolls inside its own layout: a tall window shows all of it.
            browser_page.set_viewport_size({"width": 1280, "height": 2600})
            browser_page.screenshot(path=f"{SCREENSHOTS}/dashboard-{username}.png")
            browser_page.set_viewport_size({"width": 1280, "height": 900})
        return context, browser_page

    # The editor: what came back, their drafts, the week ahead, the inboxes.
    context, editor_page = dashboard_for("edna")
    headings = panel_headings(editor_page)
    for heading in ("Changes requested of you", "My drafts", "Scheduled this week"):
        assert heading in headings
    assert "Awaiting your review" not in headings
    assert count_text(editor_page, "Changes requested of you") == "1 item needs your changes."
    changes = panel(editor_page, "Changes requested of you")
    assert changes.get_by_text("Add the dates.", exact=False).is_visible()
    assert count_text(editor_page, "My drafts") == "5 pages have your unpublished changes."
    assert count_text(editor_page, "Scheduled this week") == (
        "1 change is scheduled in the next seven days."
    )
    assert count_text(editor_page, "Staff inboxes") == "5 submissions wait for staff."
    assert_accessible(editor_page, context=".w-dashboard")
    changes.get_by_role("link", name="Wellness days").click()
    editor_page.wait_for_url(f"**/admin/pages/{Page.objects.get(title='Wellness days').pk}/edit/")
    context.close()

    # The moderator: the head of the review inbox and what went out this week.
    context, moderator_page = dashboard_for("mona")
    headings = panel_headings(moderator_page)
    assert headings.index("Awaiting your review") < headings.index("My drafts")
    assert count_text(moderator_page, "Awaiting your review") == (
        "2 items are waiting for your review, oldest first."
    )
    awaiting = panel(moderator_page, "Awaiting your review")
    assert awaiting.locator(".editorial-dashboard__title").all_inner_texts() == [
        "Peer support groups",
        "Night shift wellness",
    ]
    assert count_text(moderator_page, "Published in the last 7 days") == (
        "1 page was published in the last seven days."
    )
    assert "Works awaiting the gallery panel" not in headings
    assert_accessible(moderator_page, context=".w-dashboard")
    awaiting.get_by_role("link", name="Open the review inbox").click()
    moderator_page.wait_for_url("**/admin/editorial/review/")
    context.close()

    # The gallery panel: the works at its step, and nothing else.
    context, reviewer_page = dashboard_for("rafael")
    assert panel_headings(reviewer_page) == ["Works awaiting the gallery panel"]
    assert count_text(reviewer_page, "Works awaiting the gallery panel") == (
        "2 works are waiting for the panel, oldest first."
    )
    assert_accessible(reviewer_page, context=".w-dashboard")
    context.close()
