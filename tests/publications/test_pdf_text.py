import io
import logging

import pytest
from pypdf import PdfWriter

from demo.builder import write_pdf
from publications import pdf_text
from publications.models import ExtractedPdfText, PublicationPage
from tests.publications.factories import make_pdf_document, make_publication

pytestmark = pytest.mark.django_db

PHRASE = "quokka stethoscope lullaby"


def search(query):
    return list(PublicationPage.objects.live().search(query))


def encrypted_pdf():
    writer = PdfWriter(clone_from=io.BytesIO(write_pdf("Locked", [f"The {PHRASE} inside."])))
    writer.encrypt("a-real-password")
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def blank_pdf():
    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def test_a_phrase_only_inside_the_pdf_finds_the_publication(index):
    document = make_pdf_document("Full text", [f"Deep in the appendix: the {PHRASE} finding."])
    publication = make_publication(index, title="A Plain Title", document=document)
    make_publication(index, title="Another Paper")

    assert PHRASE not in publication.title + publication.abstract
    assert search(PHRASE) == [publication]


def test_the_pdf_text_is_not_shown_to_visitors(client, index):
    document = make_pdf_document("Full text", [f"The {PHRASE} finding."])
    publication = make_publication(index, document=document)

    assert PHRASE in publication.pdf_text
    assert PHRASE not in client.get(publication.url).content.decode()


def test_removing_the_pdf_removes_its_text_from_search(index):
    publication = make_publication(
        index, document=make_pdf_document("Full text", [f"The {PHRASE} finding."])
    )
    publication.document = None
    publication.save_revision().publish()

    assert search(PHRASE) == []


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (encrypted_pdf(), "encrypted"),
        (b"%PDF-1.4\nthis is not really a pdf at all", "unreadable"),
        (b"", "unreadable"),
        (blank_pdf(), "no text"),
    ],
    ids=["encrypted", "broken", "empty-file", "scanned-no-text"],
)
def test_unreadable_pdfs_are_logged_and_never_block_publishing(index, caplog, content, problem):
    document = make_pdf_document("Troublesome", [], content=content)

    with caplog.at_level(logging.WARNING, logger="publications.pdf_text"):
        publication = make_publication(index, title="Still Published", document=document)

    assert publication.live
    assert publication.pdf_text == ""
    assert search("Still Published") == [publication]
    assert caplog.records, "the failure should be logged"
    assert ExtractedPdfText.objects.get(file_hash=document.file_hash).problem.startswith(problem)


def test_the_same_pdf_is_read_only_once(index, monkeypatch):
    calls = []
    real_extract = pdf_text.extract_text

    def counting_extract(document):
        calls.append(document.pk)
        return real_extract(document)

    monkeypatch.setattr(pdf_text, "extract_text", counting_extract)
    content = write_pdf("Shared", [f"The {PHRASE} finding."])
    first = make_pdf_document("Copy one", [], content=content)
    second = make_pdf_document("Copy two", [], content=content)

    one = make_publication(index, document=first)
    one.save_revision().publish()
    two = make_publication(index, document=second)

    assert len(calls) == 1
    assert PHRASE in two.pdf_text


def test_replacing_the_document_file_refreshes_the_text(index):
    from django.core.files.base import ContentFile

    document = make_pdf_document("Versioned", ["The first edition."])
    publication = make_publication(index, document=document)
    document.file.save("second.pdf", ContentFile(write_pdf("v2", [f"The {PHRASE}."])), save=False)
    document.file_hash = ""
    document.save()

    publication.refresh_from_db()
    assert PHRASE in publication.pdf_text
    assert search(PHRASE) == [publication]
