"""The public commitment statement form and the staff inbox."""

import csv
import hashlib
import io

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from community.models import CommitmentStatementSubmission, NetworkOrganization
from community.models.submissions import SubmissionStatus
from tests.community.factories import (
    CommitmentStatementPageFactory,
    NetworkOrganizationFactory,
    minimal_pdf,
)
from tests.helpers import retry_email_later, undelivered_email

pytestmark = pytest.mark.django_db

INBOX_URL = "/admin/community/commitmentstatementsubmission/"


@pytest.fixture
def form_page(organizations_index):
    return CommitmentStatementPageFactory(parent=organizations_index)


def valid_data(**changes):
    data = {
        "organization_name": "Riverside Health System",
        "organization_website": "https://riverside.example.org",
        "contact_name": "Ana Ruiz",
        "contact_title": "Chief Wellness Officer",
        "contact_email": "ana@riverside.example.org",
        "statement_text": "We commit to measuring burnout every year.\n\nAnd acting on it.",
        "consent": "on",
        "website_url": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def pdf_upload(content=None, name="statement.pdf"):
    return SimpleUploadedFile(name, content or minimal_pdf(), content_type="application/pdf")


def errors_by_field(html):
    """{field id: error text} for every field error shown, checking each is announced."""
    soup = BeautifulSoup(html, "html.parser")
    errors = {}
    for error_list in soup.select("ul.errorlist[id]"):
        field_id = error_list["id"].removesuffix("-error")
        field = soup.find(id=field_id)
        assert field is not None, field_id
        assert error_list["id"] in field.get("aria-describedby", "").split()
        assert field.get("aria-invalid") == "true"
        errors[field_id] = error_list.get_text(" ", strip=True)
    return errors


def test_form_page_shows_every_field_with_a_label(client, form_page):
    soup = BeautifulSoup(client.get(form_page.url).content, "html.parser")

    for name in (
        "organization_name",
        "organization_website",
        "contact_name",
        "contact_title",
        "contact_email",
        "statement_text",
        "statement_file",
        "consent",
    ):
        field = soup.find(attrs={"name": name})
        assert soup.find("label", attrs={"for": field["id"]}), name
    assert soup.select_one("form.public-form")["enctype"] == "multipart/form-data"
    assert soup.find(attrs={"name": "csrfmiddlewaretoken"})


def test_valid_statement_is_saved_and_shows_its_reference(client, form_page):
    response = client.post(form_page.url, valid_data())

    assert response.status_code == 302
    submission = CommitmentStatementSubmission.objects.get()
    assert submission.organization_name == "Riverside Health System"
    assert submission.status == SubmissionStatus.NEW
    assert submission.consent
    assert submission.reference.startswith("CS-")
    thanks = client.get(response["Location"])
    assert submission.reference in thanks.content.decode()
    assert "Staff will read it soon." in thanks.content.decode()


def test_thanks_page_without_a_submission_sends_visitors_to_the_form(client, form_page):
    response = client.get(f"{form_page.url}thanks/")
    assert response.status_code == 302
    assert response["Location"] == form_page.url


def test_pdf_statement_is_saved_under_a_name_nobody_can_guess(client, form_page):
    response = client.post(
        form_page.url, valid_data(statement_text="", statement_file=pdf_upload())
    )

    assert response.status_code == 302
    submission = CommitmentStatementSubmission.objects.get()
    assert submission.statement_file.name.startswith("commitment-statements/")
    assert "statement" not in submission.statement_file.name.split("/")[-1]
    assert submission.statement_file.read().startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"organization_name": ""}, "id_organization_name", "Enter your organization's name."),
        ({"contact_name": ""}, "id_contact_name", "Enter your name."),
        ({"contact_email": ""}, "id_contact_email", "Enter your email address."),
        ({"contact_email": "ana@"}, "id_contact_email", "name@example.org"),
        ({"organization_website": "riverside"}, "id_organization_website", "full address"),
        ({"statement_text": ""}, "id_statement_text", "Paste your statement here"),
        ({"consent": None}, "id_consent", "Please confirm"),
        ({"contact_name": "Ana\x07"}, "id_contact_name", "control characters"),
        ({"statement_text": "x" * 10_001}, "id_statement_text", "at most 10000 characters"),
    ],
)
def test_each_invalid_field_gets_its_own_message(client, form_page, changes, field, message):
    response = client.post(form_page.url, valid_data(**changes))

    assert response.status_code == 400
    errors = errors_by_field(response.content.decode())
    assert list(errors) == [field]
    assert message in errors[field]
    assert not CommitmentStatementSubmission.objects.exists()


def test_all_missing_fields_are_reported_together_with_a_summary(client, form_page):
    response = client.post(form_page.url, {"website_url": ""})

    html = response.content.decode()
    assert set(errors_by_field(html)) == {
        "id_organization_name",
        "id_contact_name",
        "id_contact_email",
        "id_statement_text",
        "id_consent",
    }
    assert "Please correct 5 things below" in html
    assert 'href="#id_contact_email"' in html


def test_what_was_typed_is_kept_when_the_form_has_errors(client, form_page):
    html = client.post(form_page.url, valid_data(contact_email="nope")).content.decode()
    assert 'value="Riverside Health System"' in html
    assert "We commit to measuring burnout every year." in html


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile("statement.pdf", b"Just text, not a PDF", "application/pdf"),
            "This file is not a PDF",
        ),
        (
            SimpleUploadedFile("statement.docx", b"PK\x03\x04 a word file", "application/msword"),
            "This file is not a PDF",
        ),
        (
            SimpleUploadedFile(
                "broken.pdf", b"%PDF-1.7\n garbage with no objects", "application/pdf"
            ),
            "could not be opened",
        ),
    ],
)
def test_files_that_are_not_readable_pdfs_are_refused_with_a_clear_message(
    client, form_page, upload, message
):
    response = client.post(form_page.url, valid_data(statement_text="", statement_file=upload))

    errors = errors_by_field(response.content.decode())
    assert response.status_code == 400
    assert message in errors["id_statement_file"]
    assert "id_statement_text" not in errors
    assert not CommitmentStatementSubmission.objects.exists()


def test_a_pdf_over_the_size_limit_is_refused(client, form_page, monkeypatch):
    monkeypatch.setattr("community.forms.MAX_PDF_SIZE", 100)

    response = client.post(form_page.url, valid_data(statement_file=pdf_upload()))

    errors = errors_by_field(response.content.decode())
    assert "the limit is 100" in errors["id_statement_file"]
    assert not CommitmentStatementSubmission.objects.exists()


def test_a_honeypot_hit_is_refused_and_nothing_is_saved(client, form_page):
    response = client.post(form_page.url, valid_data(website_url="http://spam.example"))

    assert response.status_code == 400
    assert "could not be accepted" in response.content.decode()
    assert not CommitmentStatementSubmission.objects.exists()
    assert not mail.outbox


def test_a_burst_over_the_rate_limit_is_refused_without_a_server_error(client, form_page):
    statuses = [
        client.post(form_page.url, valid_data(organization_name=f"Organization {n}")).status_code
        for n in range(7)
    ]

    assert statuses == [302] * 5 + [429] * 2
    assert CommitmentStatementSubmission.objects.count() == 5
    refused = client.post(form_page.url, valid_data(organization_name="One more"))
    assert "try again later" in refused.content.decode()
    assert 'value="One more"' in refused.content.decode()


def test_visitors_behind_the_sites_proxy_each_have_their_own_limit(client, form_page, settings):
    settings.TRUSTED_PROXIES = 1  # nginx in front: it appends the visitor's address
    statuses = [
        client.post(
            form_page.url,
            valid_data(organization_name=f"Organization {n}"),
            REMOTE_ADDR="10.0.0.2",  # the proxy
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}",
        ).status_code
        for n in range(7)
    ]

    assert statuses == [302] * 7
    assert CommitmentStatementSubmission.objects.count() == 7


def test_a_forged_forwarded_address_does_not_escape_the_limit(client, form_page, settings):
    settings.TRUSTED_PROXIES = 1
    statuses = [
        client.post(
            form_page.url,
            valid_data(organization_name=f"Organization {n}"),
            REMOTE_ADDR="10.0.0.2",
            # The visitor wrote the first address; the proxy appended the real one.
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}, 198.51.100.7",
        ).status_code
        for n in range(7)
    ]

    assert statuses == [302] * 5 + [429] * 2


def test_junk_posts_do_not_close_the_form_for_anyone(client, form_page):
    for _ in range(10):
        response = client.post(form_page.url, valid_data(contact_email="not an address"))
        assert response.status_code == 400
    response = client.post(form_page.url, valid_data())
    assert response.status_code == 302
    assert CommitmentStatementSubmission.objects.count() == 1


def test_a_double_submission_is_saved_once_and_shows_the_same_reference(client, form_page):
    first = client.post(form_page.url, valid_data())
    second = client.post(form_page.url, valid_data())

    assert CommitmentStatementSubmission.objects.count() == 1
    reference = CommitmentStatementSubmission.objects.get().reference
    assert reference in client.get(first["Location"]).content.decode()
    assert second.status_code == 302


def test_staff_are_emailed_after_the_statement_is_saved(
    client, form_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(form_page.url, valid_data())

    submission = CommitmentStatementSubmission.objects.get()
    assert len(mail.outbox) == 1
    assert submission.reference in mail.outbox[0].subject
    assert "Riverside Health System" in mail.outbox[0].subject
    assert "ana@riverside.example.org" in mail.outbox[0].body
    assert f"{INBOX_URL}inspect/{submission.pk}/" in mail.outbox[0].body


def test_a_failing_mail_server_loses_nothing(
    client, settings, form_page, failing_mail, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(form_page.url, valid_data())

    assert response.status_code == 302
    submission = CommitmentStatementSubmission.objects.get()
    assert undelivered_email().filter(subject__contains=submission.reference).exists()
    assert mail.outbox == []

    retry_email_later(settings)

    assert not undelivered_email().exists()
    assert submission.reference in mail.outbox[0].subject


def test_csrf_is_enforced(form_page):
    csrf_client = Client(enforce_csrf_checks=True)

    response = csrf_client.post(form_page.url, valid_data())

    assert response.status_code == 403
    assert not CommitmentStatementSubmission.objects.exists()

    csrf_client.get(form_page.url)
    token = csrf_client.cookies["csrftoken"].value
    response = csrf_client.post(form_page.url, valid_data(csrfmiddlewaretoken=token))
    assert response.status_code == 302


# The staff inbox ------------------------------------------------------------------------


def _submit(client, form_page, **changes):
    client.post(form_page.url, valid_data(**changes))
    return CommitmentStatementSubmission.objects.order_by("-pk").first()


def test_submission_is_visible_in_the_inbox_for_staff(client, admin_client, form_page):
    submission = _submit(client, form_page)

    index = admin_client.get(INBOX_URL)
    assert index.status_code == 200
    assert "Riverside Health System" in index.content.decode()
    assert submission.reference in index.content.decode()

    inspect = admin_client.get(f"{INBOX_URL}inspect/{submission.pk}/")
    html = inspect.content.decode()
    assert "ana@riverside.example.org" in html
    assert "We commit to measuring burnout every year." in html
    assert f"{INBOX_URL}accept/{submission.pk}/" in html

    assert client.get(INBOX_URL).status_code == 302  # visitors are sent to log in


def test_inbox_filters_by_status_and_searches(client, admin_client, form_page):
    _submit(client, form_page, organization_name="Accepted Org").accept()
    _submit(client, form_page, organization_name="Declined Org").decline()
    _submit(client, form_page, organization_name="Waiting Org")

    new = admin_client.get(INBOX_URL, {"status__exact": "new"}).content.decode()
    assert "Waiting Org" in new and "Accepted Org" not in new and "Declined Org" not in new
    declined = admin_client.get(INBOX_URL, {"status__exact": "declined"}).content.decode()
    assert "Declined Org" in declined and "Waiting Org" not in declined
    found = admin_client.get(INBOX_URL, {"q": "Waiting"}).content.decode()
    assert "Waiting Org" in found and "Accepted Org" not in found


def test_inbox_exports_csv(client, admin_client, form_page):
    _submit(client, form_page)

    response = admin_client.get(INBOX_URL, {"export": "csv"})

    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(content)))
    assert rows[0]["Organization"] == "Riverside Health System"
    assert rows[0]["Contact Email"] == "ana@riverside.example.org"
    assert rows[0]["Website"] == "https://riverside.example.org"
    assert rows[0]["Status"] == "new"


@pytest.mark.parametrize(
    "formula", ['=HYPERLINK("http://x.example","Open")', "+1+1", "-2+3", "@SUM(A1)"]
)
def test_a_formula_sent_through_the_form_is_exported_as_text(
    client, admin_client, form_page, formula
):
    client.post(form_page.url, valid_data(organization_name=formula, statement_text=formula))

    response = admin_client.get(INBOX_URL, {"export": "csv"})

    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0]["Organization"] == "'" + formula
    assert rows[0]["Statement"] == "'" + formula


def test_staff_can_download_a_submitted_pdf_and_visitors_cannot(client, admin_client, form_page):
    submission = _submit(client, form_page, statement_file=pdf_upload())
    url = reverse("community_statement_file", args=[submission.pk])

    response = admin_client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert Client().get(url).status_code == 302


def test_accepting_creates_a_draft_organization_that_appears_once_published(
    client, admin_client, form_page, organizations_index
):
    submission = _submit(client, form_page, statement_file=pdf_upload())
    accept_url = f"{INBOX_URL}accept/{submission.pk}/"

    confirm = admin_client.get(accept_url)
    assert "draft" in confirm.content.decode()
    response = admin_client.post(accept_url)

    assert response.status_code == 302
    submission.refresh_from_db()
    organization = submission.organization
    assert submission.status == SubmissionStatus.ACCEPTED
    assert not organization.live and organization.has_unpublished_changes
    assert organization.latest_revision is not None
    assert "Riverside Health System" not in client.get(organizations_index.url).content.decode()

    organization.latest_revision.publish()

    organization.refresh_from_db()
    assert organization.live and organization.has_statement
    document = organization.statement_document
    assert document.title == "Riverside Health System commitment statement"
    # Recorded as Wagtail's upload form records them: the file's size, and its hash.
    with document.open_file() as file:
        content = file.read()
    assert document.file_size == len(content) > 0
    assert document.file_hash == hashlib.sha1(content).hexdigest()  # noqa: S324
    html = client.get(f"{organizations_index.url}statements/{organization.slug}/").content.decode()
    assert "We commit to measuring burnout every year." in html
    assert organization.statement_document.url in html


def test_accepting_a_statement_of_a_listed_organization_updates_it_as_a_draft(
    client, admin_client, form_page, organizations_index
):
    existing = NetworkOrganizationFactory(
        name="Riverside Health System", statement_text="<p>Our first statement.</p>"
    )
    existing.save_revision().publish()
    submission = _submit(client, form_page, statement_text="Our renewed commitment.")

    admin_client.post(f"{INBOX_URL}accept/{submission.pk}/")

    existing.refresh_from_db()
    assert NetworkOrganization.objects.count() == 1
    assert existing.live and existing.has_unpublished_changes
    url = f"{organizations_index.url}statements/{existing.slug}/"
    assert "Our first statement." in client.get(url).content.decode()
    existing.latest_revision.publish()
    assert "Our renewed commitment." in client.get(url).content.decode()


def test_declining_marks_the_submission_and_publishes_nothing(client, admin_client, form_page):
    submission = _submit(client, form_page)

    admin_client.post(f"{INBOX_URL}decline/{submission.pk}/")

    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.DECLINED
    assert submission.reviewed_at is not None
    assert not NetworkOrganization.objects.exists()


def test_staff_cannot_add_submissions_by_hand(admin_client):
    assert admin_client.get(f"{INBOX_URL}create/").status_code in (302, 403)


def test_form_page_costs_few_queries(client, form_page):
    from tests.helpers import count_queries

    count, _ = count_queries(client, form_page.url)
    assert count <= 15
