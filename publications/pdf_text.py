"""The words inside an attached PDF, for search.

Extraction happens when a publication is saved or published. It never stops that: an
encrypted, scanned or broken PDF is logged and the publication is saved without its text.
Each file is read once; the text is kept by the file's hash for every page that uses it.
"""

import logging

from django.apps import apps
from wagtail.utils.file import hash_filelike

logger = logging.getLogger(__name__)

MAX_PAGES = 300
MAX_CHARACTERS = 400_000


def text_for_document(document):
    """The text of ``document`` (a Wagtail document), from the cache or read now."""
    ExtractedPdfText = apps.get_model("publications", "ExtractedPdfText")
    file_hash = _file_hash(document)
    if file_hash:
        cached = ExtractedPdfText.objects.filter(file_hash=file_hash).first()
        if cached is not None:
            return cached.text
    text, problem = extract_text(document)
    if file_hash:
        ExtractedPdfText.objects.update_or_create(
            file_hash=file_hash, defaults={"text": text, "problem": problem[:300]}
        )
    return text


def _file_hash(document):
    """The file's hash as Wagtail keeps it (``file_hash``), worked out and stored when it
    has none yet; "" when the file cannot be read. Not Wagtail's ``get_file_hash()``: it
    saves the document, whose post_save receivers (publications.signals) would read this
    PDF's text again from inside this reading."""
    if not document.file_hash:
        try:
            with document.open_file() as file:
                file_hash = hash_filelike(file)
        except (OSError, ValueError):
            return ""
        document.file_hash = file_hash
        type(document).objects.filter(pk=document.pk).update(file_hash=file_hash)
    return document.file_hash


def extract_text(document):
    """``(text, problem)``: the PDF's text, and what went wrong if it could not be read."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    name = getattr(document, "title", "") or str(document)
    if not document.file.name.lower().endswith(".pdf"):
        return "", "not a PDF"
    try:
        with document.open_file() as handle:
            reader = PdfReader(handle)
            # Many PDFs are "encrypted" with an empty password only to restrict printing.
            if reader.is_encrypted and not reader.decrypt(""):
                logger.warning("Not indexing the encrypted PDF %r", name)
                return "", "encrypted"
            pieces, length = [], 0
            for number, pdf_page in enumerate(reader.pages):
                if number >= MAX_PAGES or length >= MAX_CHARACTERS:
                    break
                piece = pdf_page.extract_text() or ""
                pieces.append(piece)
                length += len(piece)
    except (PyPdfError, OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        logger.warning("Could not read the text of the PDF %r: %s", name, error)
        return "", f"unreadable: {error}"[:300]
    except Exception as error:  # pypdf raises many kinds of error on damaged files
        logger.exception("Unexpected error reading the PDF %r", name)
        return "", f"unexpected error: {error}"[:300]
    text = " ".join(" ".join(pieces).split())[:MAX_CHARACTERS]
    if not text:
        logger.warning("The PDF %r has no extractable text (scanned images?)", name)
        return "", "no text (scanned?)"
    return text, ""
