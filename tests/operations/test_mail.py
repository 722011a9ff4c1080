"""A mail server that never answers holds up nobody: the submission is saved at once, the
delivery gives up after EMAIL_TIMEOUT, and the email waits in the queue for the next try."""

import io
import time

import pytest
from django.core import mail
from django.core.management import call_command

from community.models import CommitmentStatementSubmission
from tests.community.factories import (
    CommitmentStatementPageFactory,
    NetworkOrganizationIndexPageFactory,
)
from tests.helpers import undelivered_email

pytestmark = pytest.mark.django_db


@pytest.fixture
def hanging_mail_server(settings, silent_server):
    settings.POST_OFFICE = {
        **settings.POST_OFFICE,
        "BACKENDS": {"default": "django.core.mail.backends.smtp.EmailBackend"},
    }
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", silent_server.port
    settings.EMAIL_TIMEOUT = 2
    return silent_server


def test_a_submission_returns_in_seconds_and_its_email_waits(
    client, home_page, hanging_mail_server, django_capture_on_commit_callbacks
):
    index = NetworkOrganizationIndexPageFactory(parent=home_page)
    form_page = CommitmentStatementPageFactory(parent=index)
    data = {
        "organization_name": "Riverside Health System",
        "contact_name": "Ana Ortiz",
        "contact_email": "ana@riverside.example.org",
        "statement_text": "We commit to measuring burnout every year.",
        "consent": "on",
        "website_url": "",
    }
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):  # delivery runs in the request
        response = client.post(form_page.url, data)
    seconds = time.monotonic() - started

    assert response.status_code == 302
    assert CommitmentStatementSubmission.objects.count() == 1
    assert seconds < 8, seconds
    assert undelivered_email().count() == 1
    assert mail.outbox == []


def test_the_scheduler_s_retry_gives_up_in_seconds_too(hanging_mail_server):
    from django.core.mail import send_mail

    send_mail("A notice", "Body.", "site@example.org", ["staff@example.org"])
    started = time.monotonic()
    call_command("run_scheduler", "--once", stdout=io.StringIO())
    assert time.monotonic() - started < 8
    assert undelivered_email().count() == 1
