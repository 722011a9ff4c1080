"""“Host the traveling gallery”: the public form and the staff inbox."""

import csv
import datetime
import io
import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.utils import timezone

from gallery.models import HostingRequest, TourStop
from tests.gallery.factories import HostingRequestFactory
from tests.helpers import retry_email_later, undelivered_email

pytestmark = pytest.mark.django_db


def valid_data(**changes):
    start = timezone.localdate() + datetime.timedelta(days=60)
    data = {
        "organization": "Riverside Medical Center",
        "contact_name": "Jordan Lee",
        "email": "jordan.lee@example.org",
        "phone": "",
        "city": "Sacramento, California",
        "venue": "Education wing lobby",
        "preferred_start": start.isoformat(),
        "preferred_end": (start + datetime.timedelta(days=14)).isoformat(),
        "audience": "Residents, nurses and visitors; around 400 people a day.",
        "space_notes": "Twelve metres of wall, track lighting.",
        "security_notes": "Locked at night, staffed reception.",
        "website_url": "",
    }
    data.update(changes)
    return data


def host_url(gallery):
    return gallery.url + "host/"


def test_form_page_has_labelled_fields_and_a_csrf_token(client, gallery):
    response = client.get(host_url(gallery))
    assert response.status_code == 200
    html = response.content.decode()
    assert "csrfmiddlewaretoken" in html
    assert '<label for="id_organization">' in html
    assert 'type="date"' in html


def test_valid_request_is_saved_emailed_and_thanked(
    client, gallery, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(host_url(gallery), valid_data())
    assert response.status_code == 302
    assert response["Location"].endswith("/host/thanks/")
    saved = HostingRequest.objects.get()
    assert saved.organization == "Riverside Medical Center"
    assert saved.status == HostingRequest.STATUS_NEW
    assert len(mail.outbox) == 1
    assert "Riverside Medical Center" in mail.outbox[0].subject
    assert "Thank you for your request" in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"email": "not-an-address"}, "email", "valid email"),
        ({"organization": ""}, "organization", "required"),
        (
            {"preferred_start": "2000-01-01", "preferred_end": "2000-01-05"},
            "preferred_start",
            "in the past",
        ),
        ({"preferred_end": "__before__"}, "preferred_end", "on or after the first day"),
        ({"preferred_start": "31/31/2031"}, "preferred_start", "valid date"),
        ({"audience": "Nurses\x07"}, "audience", "control characters"),
    ],
)
def test_invalid_requests_are_refused_field_by_field(client, gallery, changes, field, message):
    data = valid_data(**changes)
    if data["preferred_end"] == "__before__":
        start = datetime.date.fromisoformat(data["preferred_start"])
        data["preferred_end"] = (start - datetime.timedelta(days=1)).isoformat()
    response = client.post(host_url(gallery), data)
    assert response.status_code == 200
    assert not HostingRequest.objects.exists()
    form = response.context["form"]
    assert message in " ".join(form.errors[field])
    html = response.content.decode()
    assert f'id="id_{field}_errors"' in html
    assert f'aria-describedby="id_{field}' in html and 'aria-invalid="true"' in html


def test_honeypot_submission_is_not_saved(client, gallery):
    response = client.post(host_url(gallery), valid_data(website_url="http://spam.example"))
    assert response.status_code == 400
    assert not HostingRequest.objects.exists()
    assert "could not be accepted" in response.content.decode()


def test_rate_limit_stops_a_flood_from_one_address(client, gallery):
    for number in range(5):
        response = client.post(host_url(gallery), valid_data(organization=f"Clinic {number}"))
        assert response.status_code == 302
    response = client.post(host_url(gallery), valid_data(organization="Clinic 6"))
    assert response.status_code == 429
    assert "wait an hour" in response.content.decode()
    assert HostingRequest.objects.count() == 5


def test_same_request_twice_is_saved_once(client, gallery):
    client.post(host_url(gallery), valid_data())
    response = client.post(host_url(gallery), valid_data())
    assert response.status_code == 302
    assert HostingRequest.objects.count() == 1


def test_csrf_is_enforced(gallery):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(host_url(gallery), valid_data())
    assert response.status_code == 403
    assert not HostingRequest.objects.exists()


def test_mail_failure_loses_nothing(
    client, settings, gallery, failing_mail, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(host_url(gallery), valid_data())
    assert response.status_code == 302
    saved = HostingRequest.objects.get()
    assert undelivered_email().filter(subject__contains=saved.organization).exists()
    assert mail.outbox == []

    retry_email_later(settings)

    assert "Riverside Medical Center" in mail.outbox[0].subject


# The staff inbox ------------------------------------------------------------------------


@pytest.fixture
def staff_client(client, db):
    admin = get_user_model().objects.create_superuser("staff", "staff@example.org", "x" * 16)
    client.force_login(admin)
    return client


INBOX = "/admin/gallery/hostingrequest/"


def test_inbox_lists_requests_and_filters_by_status(staff_client, gallery):
    HostingRequestFactory(
        organization="New Clinic",
        preferred_start=datetime.date(2030, 1, 1),
        preferred_end=datetime.date(2030, 1, 2),
    )
    HostingRequestFactory(
        organization="Declined Clinic",
        status=HostingRequest.STATUS_DECLINED,
        preferred_start=datetime.date(2030, 2, 1),
        preferred_end=datetime.date(2030, 2, 2),
    )
    html = staff_client.get(INBOX).content.decode()
    assert "New Clinic" in html and "Declined Clinic" in html
    for label in ("New", "In discussion", "Scheduled", "Declined"):
        assert label in html
    filtered = staff_client.get(INBOX + "?status__exact=declined").content.decode()
    assert "Declined Clinic" in filtered and "New Clinic" not in filtered
    searched = staff_client.get(INBOX + "?q=New").content.decode()
    assert "New Clinic" in searched and "Declined Clinic" not in searched


def test_inbox_exports_csv(staff_client, gallery):
    HostingRequestFactory(
        organization="Export Clinic",
        preferred_start=datetime.date(2030, 1, 1),
        preferred_end=datetime.date(2030, 1, 2),
    )
    response = staff_client.get(INBOX + "?export=csv")
    assert response.status_code == 200
    content = (
        b"".join(response.streaming_content).decode()
        if response.streaming
        else response.content.decode()
    )
    rows = list(csv.reader(io.StringIO(content)))
    assert "Organization" in rows[0]
    assert any("Export Clinic" in row for row in rows[1:])


def test_a_formula_in_a_request_is_exported_as_text(staff_client, gallery):
    HostingRequestFactory(
        organization="=cmd|' /C calc'!A0",
        preferred_start=datetime.date(2030, 1, 1),
        preferred_end=datetime.date(2030, 1, 2),
    )
    response = staff_client.get(INBOX + "?export=csv")
    content = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(content)))
    assert "'=cmd|' /C calc'!A0" in rows[1]


def test_inspect_view_shows_the_whole_request(staff_client, gallery):
    hosting_request = HostingRequestFactory(
        organization="Inspect Clinic",
        security_notes="Badge access only",
        preferred_start=datetime.date(2030, 1, 1),
        preferred_end=datetime.date(2030, 1, 2),
    )
    html = staff_client.get(f"{INBOX}inspect/{hosting_request.pk}/").content.decode()
    assert "Inspect Clinic" in html and "Badge access only" in html


def test_scheduling_creates_a_draft_tour_stop(staff_client, gallery):
    hosting_request = HostingRequestFactory(
        organization="Lakeside Hospital",
        preferred_start=datetime.date(2030, 3, 1),
        preferred_end=datetime.date(2030, 3, 10),
    )
    assert "Schedule" in staff_client.get(INBOX).content.decode()
    url = f"{INBOX}schedule/{hosting_request.pk}/"
    assert "Create the draft tour stop" in staff_client.get(url).content.decode()
    response = staff_client.post(url)
    assert response.status_code == 302
    stop = TourStop.objects.get()
    assert stop.host_organization == "Lakeside Hospital"
    assert stop.start_date == datetime.date(2030, 3, 1)
    assert not stop.live
    assert stop.latest_revision is not None
    hosting_request.refresh_from_db()
    assert hosting_request.status == HostingRequest.STATUS_SCHEDULED
    assert hosting_request.tour_stop == stop
    # Draft stops stay off the public tour.
    assert "Lakeside Hospital" not in Client().get(gallery.url).content.decode()
    staff_client.post(url)
    assert TourStop.objects.count() == 1


def test_schedule_view_needs_permission(client, gallery):
    hosting_request = HostingRequestFactory(
        preferred_start=datetime.date(2030, 1, 1), preferred_end=datetime.date(2030, 1, 2)
    )
    response = client.post(f"{INBOX}schedule/{hosting_request.pk}/")
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert not TourStop.objects.exists()


def test_the_thank_you_page_gives_the_requests_reference_number(client, gallery):
    response = client.post(host_url(gallery), valid_data())
    saved = HostingRequest.objects.get()
    assert re.fullmatch(r"HOST-[A-Z2-9]{8}", saved.reference)

    thanks = BeautifulSoup(client.get(response["Location"]).content, "html.parser")
    assert thanks.select_one(".reference").get_text() == saved.reference
    # Sent twice: saved once, and the page gives the first request's reference.
    again = client.post(host_url(gallery), valid_data())
    assert HostingRequest.objects.count() == 1
    thanks = BeautifulSoup(client.get(again["Location"]).content, "html.parser")
    assert thanks.select_one(".reference").get_text() == saved.reference
