"""Each role can do exactly its part: editors draft and submit, moderators approve and publish."""

from django.urls import reverse
from wagtail.models import Page, WorkflowState

from core.models import StandardPage
from tests.editorial.helpers import (
    AS_SCRIPT,
    assert_refused_form_post,
    create_page,
    edit_page,
    workflow_action,
)


def test_editor_creates_and_submits_a_page_that_stays_unpublished(editor_client, home_page):
    response = create_page(
        editor_client, home_page, StandardPage, "action-submit", title="Resources", slug="resources"
    )

    assert response.status_code == 302
    page = StandardPage.objects.get(slug="resources")
    assert not page.live
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Communications review"
    assert state.current_task_state.task.name == "Moderator approval"


def test_editor_gets_403_when_pressing_publish_on_a_new_page(editor_client, home_page):
    fields = {"title": "Sneaky", "slug": "sneaky"}
    scripted = create_page(
        editor_client, home_page, StandardPage, "action-publish", headers=AS_SCRIPT, **fields
    )
    posted = create_page(editor_client, home_page, StandardPage, "action-publish", **fields)

    assert scripted.status_code == 403
    assert_refused_form_post(editor_client, posted)
    assert not StandardPage.objects.filter(slug="sneaky").exists()


def test_editor_gets_403_when_pressing_publish_on_an_existing_page(editor_client, live_page):
    scripted = edit_page(
        editor_client, live_page, "action-publish", headers=AS_SCRIPT, title="Changed title"
    )
    posted = edit_page(editor_client, live_page, "action-publish", title="Changed title")

    assert scripted.status_code == 403
    assert_refused_form_post(editor_client, posted)
    live_page.refresh_from_db()
    assert live_page.title == "Programs"
    assert not live_page.has_unpublished_changes


def test_editor_gets_403_on_the_moderation_actions(editor_client, live_page):
    edit_page(editor_client, live_page, "action-submit", title="Programs and projects")

    assert workflow_action(editor_client, live_page, "approve").status_code == 403
    assert workflow_action(editor_client, live_page, "reject", comment="no").status_code == 403
    live_page.refresh_from_db()
    assert live_page.title == "Programs"
    assert live_page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_editor_gets_403_on_unpublish(editor_client, live_page):
    url = reverse("wagtailadmin_pages:unpublish", args=(live_page.pk,))

    assert editor_client.post(url, **AS_SCRIPT).status_code == 403
    assert_refused_form_post(editor_client, editor_client.post(url))
    live_page.refresh_from_db()
    assert live_page.live


def test_moderator_approves_a_submission_and_it_goes_live(
    editor_client, moderator_client, home_page
):
    create_page(
        editor_client, home_page, StandardPage, "action-submit", title="Resources", slug="resources"
    )
    page = StandardPage.objects.get(slug="resources")

    response = workflow_action(moderator_client, page, "approve")

    assert response.json()["step"] == "success"
    page.refresh_from_db()
    assert page.live
    assert page.current_workflow_state is None
    assert editor_client.get(page.url).status_code == 200


def test_moderator_publishes_and_unpublishes_directly(moderator_client, live_page):
    response = edit_page(moderator_client, live_page, "action-publish", title="Our programs")

    assert response.status_code == 302
    live_page.refresh_from_db()
    assert live_page.title == "Our programs"
    assert not live_page.has_unpublished_changes

    unpublish = reverse("wagtailadmin_pages:unpublish", args=(live_page.pk,))
    assert moderator_client.post(unpublish).status_code == 302
    live_page.refresh_from_db()
    assert not live_page.live


def test_moderator_schedules_a_page(moderator_client, live_page):
    response = edit_page(
        moderator_client,
        live_page,
        "action-publish",
        title="Later title",
        go_live_at="2099-01-01 09:00",
    )

    assert response.status_code == 302
    live_page.refresh_from_db()
    assert live_page.title == "Programs"
    revision = live_page.latest_revision
    assert revision.approved_go_live_at is not None
    assert revision.approved_go_live_at.year == 2099


def test_gallery_reviewer_cannot_open_or_change_ordinary_pages(reviewer_client, live_page):
    edit = reverse("wagtailadmin_pages:edit", args=(live_page.pk,))
    add = reverse("wagtailadmin_pages:add", args=("core", "standardpage", live_page.pk))

    assert reviewer_client.get(edit, **AS_SCRIPT).status_code == 403
    assert reviewer_client.get(add, **AS_SCRIPT).status_code == 403
    posted = reviewer_client.post(edit, {"title": "x", "action-publish": "1"})
    assert_refused_form_post(reviewer_client, posted)
    live_page.refresh_from_db()
    assert live_page.title == "Programs"


def test_gallery_reviewer_cannot_approve_a_communications_review(
    editor_client, reviewer_client, live_page
):
    edit_page(editor_client, live_page, "action-submit", title="Programs and projects")

    assert workflow_action(reviewer_client, live_page, "approve").status_code == 403
    state = Page.objects.get(pk=live_page.pk).current_workflow_state
    assert state.current_task_state.status == "in_progress"
