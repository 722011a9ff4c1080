"""A private page's password cannot be guessed at speed, and nobody's inbox can be flooded
with password-reset emails."""

import pytest
from django.core import mail
from wagtail.models import PageViewRestriction

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_guessing_a_private_page_s_password_stops_after_ten_tries(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Members", slug="members")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="the-right-one"
    )
    url = f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"

    statuses = [
        client.post(url, {"password": f"guess-{n}", "return_url": page.url}).status_code
        for n in range(12)
    ]

    assert 429 not in statuses[:10]
    assert statuses[10:] == [429, 429]
    refused = client.post(url, {"password": "the-right-one", "return_url": page.url})
    assert refused.status_code == 429
    assert "Too many attempts" in refused.content.decode()


def test_password_reset_emails_to_one_account_stop_after_three(
    client, django_user_model, django_capture_on_commit_callbacks
):
    django_user_model.objects.create_user("edna", "edna@example.org", "a-long-passphrase-1")
    statuses = []
    for number in range(6):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                "/admin/password_reset/",
                {"email": "edna@example.org"},
                REMOTE_ADDR=f"198.51.100.{number}",  # a different address each time
            )
        statuses.append(response.status_code)

    assert statuses[:3] == [302, 302, 302]
    assert statuses[3:] == [429, 429, 429]
    assert len(mail.outbox) == 3
