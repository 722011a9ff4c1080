"""Workflow emails reach the right people, after the action is saved, and a broken mail
server never costs an approval."""

import io

import pytest
from django.core import mail
from django.core.management import call_command

from editorial.roles import EDITORS
from tests.editorial.helpers import edit_page, make_user, workflow_action
from tests.helpers import retry_email_later, undelivered_email


@pytest.fixture
def bystander(db):
    """Another editor, who has nothing to do with the submission."""
    return make_user("bea", EDITORS)


def submit(editor_client, page, callbacks):
    with callbacks(execute=True):
        response = edit_page(editor_client, page, "action-submit", title="Programs and projects")
    assert response.status_code == 302
    page.refresh_from_db()
    return page


def test_submission_emails_the_moderators_not_the_author_or_other_editors(
    editor, moderator, bystander, editor_client, live_page, django_capture_on_commit_callbacks
):
    submit(editor_client, live_page, django_capture_on_commit_callbacks)

    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == [moderator.email]
    assert "Programs and projects" in mail.outbox[0].subject + mail.outbox[0].body
    assert not undelivered_email().exists()


def test_approval_emails_the_author(
    editor,
    moderator,
    editor_client,
    moderator_client,
    live_page,
    django_capture_on_commit_callbacks,
):
    page = submit(editor_client, live_page, django_capture_on_commit_callbacks)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(moderator_client, page, "approve")

    assert [message.to for message in mail.outbox] == [[editor.email]]
    assert "approved" in mail.outbox[0].subject.lower()


def test_rejection_emails_the_author_with_the_comment(
    editor, editor_client, moderator_client, live_page, django_capture_on_commit_callbacks
):
    page = submit(editor_client, live_page, django_capture_on_commit_callbacks)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(moderator_client, page, "reject", comment="Shorten the introduction.")

    assert [message.to for message in mail.outbox] == [[editor.email]]
    assert "Shorten the introduction." in mail.outbox[0].body


def test_emails_are_sent_only_after_the_action_commits(
    moderator, editor_client, live_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        edit_page(editor_client, live_page, "action-submit", title="Programs and projects")

    assert mail.outbox == []
    assert undelivered_email().count() == 1
    for callback in callbacks:
        callback()
    assert [message.to for message in mail.outbox] == [[moderator.email]]


def test_a_failing_mail_server_loses_no_workflow_action_and_emails_are_retried(
    settings,
    failing_mail,
    editor,
    moderator,
    editor_client,
    moderator_client,
    live_page,
    django_capture_on_commit_callbacks,
):
    page = submit(editor_client, live_page, django_capture_on_commit_callbacks)
    assert page.current_workflow_state.status == "in_progress"

    with django_capture_on_commit_callbacks(execute=True):
        response = workflow_action(moderator_client, page, "approve")

    assert response.json()["step"] == "success"
    page.refresh_from_db()
    assert page.live
    assert page.title == "Programs and projects"
    pending = undelivered_email()
    assert sorted(email.to[0] for email in pending) == [editor.email, moderator.email]
    assert all(
        "mail server down" in email.logs.get().message for email in pending
    )  # each delivery failed once, and says why
    assert mail.outbox == []

    # The mail server is back: the scheduler's next pass sends what was waiting.
    retry_email_later(settings)

    assert not undelivered_email().exists()
    assert sorted(m.to[0] for m in mail.outbox) == [editor.email, moderator.email]


def test_retrying_never_sends_an_email_twice(
    moderator, editor_client, live_page, django_capture_on_commit_callbacks
):
    submit(editor_client, live_page, django_capture_on_commit_callbacks)

    call_command("run_scheduler", "--once", stdout=io.StringIO())

    assert len(mail.outbox) == 1
