"""Sending work back always says why, and the author sees it."""

from django.core import mail
from django.urls import reverse
from wagtail.models import WorkflowState

from tests.editorial.helpers import edit_page, workflow_action

COMMENT = "Please add the date of the 2022 meeting and cite the discussion paper."


def submit_change(editor_client, page):
    edit_page(editor_client, page, "action-submit", title="Programs and projects")
    page.refresh_from_db()
    return page


def test_request_changes_without_a_comment_is_refused_with_a_message(
    editor_client, moderator_client, live_page
):
    page = submit_change(editor_client, live_page)

    response = workflow_action(moderator_client, page, "reject", comment="   ")

    assert response.status_code == 200
    assert "Tell the author what to change" in response.json()["html"]
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_request_changes_form_asks_for_the_comment(editor_client, moderator_client, live_page):
    page = submit_change(editor_client, live_page)
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "reject", task_state.pk))

    html = moderator_client.get(url).json()["html"]

    assert "What needs to change" in html
    assert "The author sees this comment" in html


def test_a_bare_rejection_through_the_editor_is_refused(editor_client, moderator_client, live_page):
    page = submit_change(editor_client, live_page)

    response = edit_page(
        moderator_client,
        page,
        "action-workflow-action",
        headers={"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"},
        **{"workflow-action-name": "reject", "workflow-action-extra-data": "{}"},
    )

    assert response.status_code == 403
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_rejected_submission_returns_to_draft_with_the_comment_for_its_author(
    editor, editor_client, moderator_client, live_page, django_capture_on_commit_callbacks
):
    page = submit_change(editor_client, live_page)

    with django_capture_on_commit_callbacks(execute=True):
        response = workflow_action(moderator_client, page, "reject", comment=COMMENT)

    assert response.json()["step"] == "success"
    page.refresh_from_db()
    assert page.title == "Programs"
    assert page.has_unpublished_changes
    assert page.get_latest_revision_as_object().title == "Programs and projects"
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not page.workflow_in_progress

    # The author reads the comment in the page's workflow history and in their submissions.
    edit = editor_client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert f"Mona requested changes: “{COMMENT}”" in [str(m) for m in edit.context["messages"]]
    history = reverse("wagtailadmin_pages:workflow_history_detail", args=(page.pk, state.pk))
    assert COMMENT in editor_client.get(history).content.decode()
    submissions = editor_client.get(reverse("editorial_my_submissions")).content.decode()
    assert COMMENT in submissions
    assert "Programs and projects" in submissions or "Programs" in submissions

    # ...and in their email.
    to_author = [m for m in mail.outbox if editor.email in m.to]
    assert len(to_author) == 1
    assert COMMENT in to_author[0].body


def test_author_can_edit_and_resubmit_after_changes_are_requested(
    editor_client, moderator_client, live_page
):
    page = submit_change(editor_client, live_page)
    workflow_action(moderator_client, page, "reject", comment=COMMENT)

    response = edit_page(editor_client, page, "action-restart-workflow", title="Programs (2022)")

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert page.get_latest_revision_as_object().title == "Programs (2022)"
