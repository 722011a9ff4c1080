"""Document uploads in the admin: allowed types only, size-limited, content must match."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def upload(admin_client, name, content):
    return admin_client.post(
        "/admin/documents/add/",
        {"title": name, "file": SimpleUploadedFile(name, content), "collection": 1},
    )


def test_a_real_pdf_is_accepted(admin_client, home_page):
    response = upload(admin_client, "agenda.pdf", PDF)
    assert response.status_code == 302
    assert get_document_model().objects.filter(title="agenda.pdf").exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("agenda.pdf", b"<!DOCTYPE html><html><script>alert(1)</script></html>", "not a real .pdf"),
        ("slides.pptx", b"#!/bin/sh\nrm -rf /\n", "not a real .pptx"),
        ("list.csv", b"<html><body>hi</body></html>", "plain .csv"),
        ("page.html", b"<html></html>", "extension"),
        ("script.exe", b"MZ\x90\x00", "extension"),
    ],
)
def test_disguised_or_disallowed_files_are_refused(admin_client, home_page, name, content, message):
    response = upload(admin_client, name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not get_document_model().objects.exists()


def test_oversized_documents_are_refused(admin_client, home_page, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    response = upload(admin_client, "big.pdf", PDF + b"0" * 2048)
    assert response.status_code == 200
    assert "too big" in response.content.decode()
    assert not get_document_model().objects.exists()
