"""Each role finds its own panels on the dashboard, with the right counts and links, and
each panel costs the same number of queries however much it counts."""

import datetime

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from community.models import CommitmentStatementSubmission
from editorial.dashboard import (
    INBOXES,
    AwaitingMyReviewPanel,
    ChangesRequestedPanel,
    GalleryPanelReviewPanel,
    MyDraftsPanel,
    RecentlyPublishedPanel,
    ScheduledThisWeekPanel,
    StaffInboxesPanel,
)
from editorial.wagtail_hooks import add_editorial_panels
from gallery.models import ArtworkSubmission
from tests.editorial.helpers import make_user
from tests.factories import StandardPageFactory
from tests.gallery import factories as gallery_factories

counter = {"n": 0}


def next_n():
    counter["n"] += 1
    return counter["n"]


# --- Building work for the panels --------------------------------------------------------


def submitted_page(parent, editor, title=None):
    """A draft page its editor has submitted to its workflow (the Communications review)."""
    page = StandardPageFactory(parent=parent, title=title or f"Page {next_n()}", live=False)
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    return Page.objects.get(pk=page.pk)


def send_back(page, reviewer, comment):
    page = Page.objects.get(pk=page.pk)
    page.current_workflow_task.specific.on_action(
        page.current_workflow_task_state, reviewer, "reject", comment=comment
    )


def submitted_artwork(gallery, editor, title=None):
    artwork = gallery_factories.ArtworkPageFactory(
        parent=gallery, title=title or f"Artwork {next_n()}", live=False
    )
    artwork.save_revision(user=editor)
    artwork.get_workflow().start(artwork, editor)
    return artwork


def statement(status="new"):
    n = next_n()
    return CommitmentStatementSubmission.objects.create(
        organization_name=f"Hospital {n}",
        contact_name="Sam Lee",
        contact_email="sam@example.org",
        statement_text="We commit to well-being.",
        status=status,
    )


def hosting_request(status="new"):
    today = datetime.date.today()
    return gallery_factories.HostingRequestFactory(
        preferred_start=today, preferred_end=today + datetime.timedelta(days=30), status=status
    )


def open_call_submission(artwork):
    return ArtworkSubmission.objects.create(
        artwork=artwork,
        artist=artwork.artist,
        title=artwork.title,
        contact_email="artist@example.org",
        consent_given_at=timezone.now(),
    )


@pytest.fixture
def gallery(home_page):
    return gallery_factories.GalleryIndexPageFactory(parent=home_page)


# --- Rendering ---------------------------------------------------------------------------


def request_for(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return request


def panel_names(user):
    # Wagtail's own panels are objects with a name too; one stands in for them here.
    class WagtailPanel:
        name = "workflow_objects_to_moderate"

    panels = [WagtailPanel()]
    add_editorial_panels(request_for(user), panels)
    return {panel.name for panel in panels}


def render(panel, user):
    html = panel.render_html({"request": request_for(user), "csrf_token": ""})
    return BeautifulSoup(html, "html.parser")


def shown_count(soup):
    return int(soup.select_one("[data-dashboard-count]")["data-dashboard-count"])


def titles(soup):
    return [a.get_text(strip=True) for a in soup.select(".editorial-dashboard__title a")]


def links(soup):
    return [a["href"] for a in soup.select(".editorial-dashboard__title a")]


def text(soup):
    return " ".join(soup.get_text().split())


# --- Who sees which panel ----------------------------------------------------------------

EDITOR_PANELS = {
    "editorial_changes_requested",
    "editorial_my_drafts",
    "editorial_scheduled_this_week",
}
MODERATOR_PANELS = {"editorial_awaiting_review", "editorial_recently_published"}


def test_each_role_is_greeted_with_its_own_panels(editor, moderator, reviewer, superuser):
    assert panel_names(editor) == EDITOR_PANELS | {"editorial_staff_inboxes"}
    assert panel_names(moderator) == EDITOR_PANELS | MODERATOR_PANELS | {"editorial_staff_inboxes"}
    # The gallery panel edits artworks in the galleries and nothing else.
    assert panel_names(reviewer) == {"editorial_gallery_panel"}
    assert panel_names(superuser) == (
        EDITOR_PANELS | MODERATOR_PANELS | {"editorial_gallery_panel", "editorial_staff_inboxes"}
    )


def test_wagtails_unbounded_review_panel_gives_way_to_ours(moderator_client, moderator):
    html = moderator_client.get(reverse("wagtailadmin_home")).content.decode()

    assert 'id="editorial-awaiting-review-section"' in html
    assert 'id="awaiting-review-section"' not in html
    assert "editorial/dashboard.css" in html


def test_people_without_inbox_permissions_do_not_see_the_inboxes(reviewer):
    assert "editorial_staff_inboxes" not in panel_names(reviewer)
    assert "editorial_staff_inboxes" not in panel_names(make_user("nobody"))


# --- Editors -----------------------------------------------------------------------------


def test_changes_requested_lists_what_came_back_with_the_comment(editor, moderator, home_page):
    waiting = submitted_page(home_page, editor, "Still in review")
    sent_back = submitted_page(home_page, editor, "Wellness days")
    send_back(sent_back, moderator, "Add the dates.")

    soup = render(ChangesRequestedPanel(), editor)

    assert shown_count(soup) == 1
    assert titles(soup) == ["Wellness days"]
    assert links(soup) == [reverse("wagtailadmin_pages:edit", args=(sent_back.pk,))]
    assert "1 item needs your changes." in text(soup)
    assert "Add the dates." in text(soup)
    assert waiting.title not in text(soup)
    # Not the moderator's to change.
    moderator_view = render(ChangesRequestedPanel(), moderator)
    assert "No reviewer has asked you for changes." in text(moderator_view)
    assert not titles(moderator_view)


def test_changes_requested_includes_pages_i_last_edited_that_someone_else_submitted(
    editor, moderator, home_page
):
    colleague = make_user("colin", "Editors")
    page = submitted_page(home_page, colleague, "Peer support")
    send_back(page, moderator, "Shorter, please.")
    page.specific.save_revision(user=editor)

    assert titles(render(ChangesRequestedPanel(), editor)) == ["Peer support"]


def test_my_drafts_counts_all_and_lists_a_few(editor, home_page):
    for _ in range(7):
        StandardPageFactory(parent=home_page, title=f"Draft {next_n()}", live=False).save_revision(
            user=editor
        )

    soup = render(MyDraftsPanel(), editor)

    assert shown_count(soup) == 7
    assert "7 pages have your unpublished changes." in text(soup)
    assert len(titles(soup)) == 5


def test_my_drafts_says_which_are_scheduled(moderator, home_page):
    page = StandardPageFactory(parent=home_page, title="Summer gathering", live=False)
    page.go_live_at = timezone.now() + datetime.timedelta(days=3)
    page.save_revision(user=moderator).publish(user=moderator)

    assert "Standard page: Scheduled to go live" in text(render(MyDraftsPanel(), moderator))


def test_scheduled_panel_says_so_when_the_week_is_empty(editor, home_page):
    soup = render(ScheduledThisWeekPanel(), editor)

    assert "Nothing is scheduled to go live or expire in the next seven days." in text(soup)
    assert soup.select_one("[data-dashboard-count]") is None


# --- Moderators --------------------------------------------------------------------------


def test_awaiting_my_review_counts_and_lists_the_oldest_first(editor, moderator, home_page):
    with time_machine.travel(timezone.now() - datetime.timedelta(days=3)):
        oldest = submitted_page(home_page, editor, "Oldest")
    for _ in range(6):
        submitted_page(home_page, editor)
    send_back(submitted_page(home_page, editor, "Sent back"), moderator, "No.")

    soup = render(AwaitingMyReviewPanel(), moderator)

    assert shown_count(soup) == 7
    assert "7 items are waiting for your review, oldest first." in text(soup)
    assert titles(soup)[0] == "Oldest"
    assert len(titles(soup)) == 5
    assert "Sent back" not in titles(soup)
    assert links(soup)[0] == reverse("wagtailadmin_pages:edit", args=(oldest.pk,))
    assert soup.find("a", string="Open the review inbox")["href"] == reverse(
        "editorial_review_inbox"
    )
    assert "submitted by Edna" in text(soup)


def test_awaiting_my_review_is_empty_for_a_new_moderator(moderator):
    soup = render(AwaitingMyReviewPanel(), moderator)

    assert "Nothing is waiting for your review." in text(soup)
    assert soup.find("a", string="Open the review inbox") is None


def test_recently_published_counts_the_last_seven_days(moderator, home_page):
    with time_machine.travel(timezone.now() - datetime.timedelta(days=10)):
        StandardPageFactory(parent=home_page, title="Long ago", live=False).save_revision(
            user=moderator
        ).publish(user=moderator)
    for title in ("Monday news", "Tuesday news"):
        page = StandardPageFactory(parent=home_page, title=title, live=False)
        page.save_revision(user=moderator).publish(user=moderator)

    soup = render(RecentlyPublishedPanel(), moderator)

    assert shown_count(soup) == 2
    assert titles(soup) == ["Tuesday news", "Monday news"]
    assert "Published by Mona" in text(soup)
    assert "Long ago" not in text(soup)


# --- Gallery reviewers -------------------------------------------------------------------


def test_gallery_panel_lists_works_at_its_step_only(
    editor, moderator, reviewer, gallery, home_page
):
    first = submitted_artwork(gallery, editor, "Night shift")
    reference = open_call_submission(first).reference
    submitted_artwork(gallery, editor, "Hand washing")
    passed = submitted_artwork(gallery, editor, "Already approved")
    Page.objects.get(pk=passed.pk).current_workflow_task.specific.on_action(
        Page.objects.get(pk=passed.pk).current_workflow_task_state, reviewer, "approve"
    )
    submitted_page(home_page, editor, "Not art")

    soup = render(GalleryPanelReviewPanel(), reviewer)

    assert shown_count(soup) == 2
    assert titles(soup) == ["Night shift", "Hand washing"]
    assert links(soup)[0] == reverse("wagtailadmin_pages:edit", args=(first.pk,))
    assert "2 works are waiting for the panel, oldest first." in text(soup)
    details = [d.get_text(strip=True) for d in soup.select(".editorial-dashboard__detail")]
    assert details == [
        f"Open call, reference {reference}",
        "Gallery panel approval, submitted by Edna",
    ]
    # The approved work now waits for the moderators, and only for them.
    assert titles(render(AwaitingMyReviewPanel(), moderator)) == ["Already approved", "Not art"]


def test_gallery_panel_says_so_when_nothing_waits(reviewer):
    soup = render(GalleryPanelReviewPanel(), reviewer)

    assert "No open-call works are waiting for the panel." in text(soup)


# --- Staff inboxes -----------------------------------------------------------------------


def test_staff_inboxes_count_what_is_new_in_each(editor, gallery):
    statement()
    statement()
    statement(status="accepted")
    hosting_request()
    hosting_request(status="scheduled")
    open_call_submission(submitted_artwork(gallery, editor))
    published = gallery_factories.ArtworkPageFactory(parent=gallery, live=True)
    open_call_submission(published)

    soup = render(StaffInboxesPanel(INBOXES), editor)

    assert shown_count(soup) == 4
    assert "4 submissions wait for staff." in text(soup)
    items = [" ".join(li.get_text().split()) for li in soup.select("li")]
    assert items == [
        "Commitment statements 2 new",
        "Hosting requests 1 new",
        "Open-call submissions 1 awaiting a decision",
    ]
    assert links(soup)[0] == (
        reverse("community_commitmentstatementsubmission_modeladmin_index") + "?status__exact=new"
    )


def test_staff_inbox_links_open_the_filtered_inboxes(editor, editor_client):
    statement()
    statement(status="declined")
    href = links(render(StaffInboxesPanel(INBOXES), editor))[0]

    response = editor_client.get(href)

    assert response.status_code == 200
    assert response.context["result_count"] == 1


def test_staff_inboxes_say_so_when_everything_is_handled(editor):
    soup = render(StaffInboxesPanel(INBOXES), editor)

    assert "0 submissions wait for staff." in text(soup)
    assert "Every inbox is handled: no new submissions." in text(soup)
    assert len(soup.select("li")) == 3


# --- Bounded queries ---------------------------------------------------------------------


def queries(panel, user):
    request = request_for(user)
    with CaptureQueriesContext(connection) as captured:
        panel.render_html({"request": request, "csrf_token": ""})
    return len(captured)


def grow_everything(how_many, *, editor, moderator, reviewer, gallery, home_page):
    for _ in range(how_many):
        submitted_page(home_page, editor)
        send_back(submitted_page(home_page, editor), moderator, "Again, please.")
        submitted_artwork(gallery, editor)
        StandardPageFactory(parent=home_page, live=False).save_revision(user=moderator).publish(
            user=moderator
        )
        statement()
        hosting_request()
        open_call_submission(submitted_artwork(gallery, editor))


PANELS = [
    ("changes requested", ChangesRequestedPanel, "editor"),
    ("my drafts", MyDraftsPanel, "editor"),
    ("awaiting review", AwaitingMyReviewPanel, "moderator"),
    ("recently published", RecentlyPublishedPanel, "moderator"),
    ("gallery panel", GalleryPanelReviewPanel, "reviewer"),
    ("staff inboxes", lambda: StaffInboxesPanel(INBOXES), "editor"),
]


def test_every_panel_costs_the_same_queries_at_two_sizes(
    editor, moderator, reviewer, gallery, home_page
):
    people = {"editor": editor, "moderator": moderator, "reviewer": reviewer}
    grow = {"editor": editor, "moderator": moderator, "reviewer": reviewer, "gallery": gallery}

    grow_everything(1, home_page=home_page, **grow)
    for _, make_panel, who in PANELS:
        queries(make_panel(), people[who])  # warm caches (content types, permissions)
    small = {label: queries(make(), people[who]) for label, make, who in PANELS}
    grow_everything(6, home_page=home_page, **grow)
    large = {label: queries(make(), people[who]) for label, make, who in PANELS}

    print("dashboard panel queries:", large)
    assert small == large
    assert max(large.values()) <= 8
