"""The bases of Wagtail's upload forms (``WAGTAILDOCS_DOCUMENT_FORM_BASE`` and
``WAGTAILIMAGES_IMAGE_FORM_BASE``): every upload, in the admin and anywhere else Wagtail's
forms are used, is checked before it is stored.

Documents are what they claim to be: an HTML page renamed .pdf, or a script renamed .docx,
is refused with a clear message. Images go through ``core.images.sanitize_image``.
"""

from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from core.images import sanitize_image

ZIP_SIGNATURE = b"PK\x03\x04"
SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": (ZIP_SIGNATURE,),
    "pptx": (ZIP_SIGNATURE,),
    "xlsx": (ZIP_SIGNATURE,),
}
TEXT_EXTENSIONS = {"csv", "txt"}
MARKUP_HINTS = (b"<!doctype", b"<html", b"<script", b"<svg", b"<?xml", b"<iframe")


def document_content_problem(uploaded):
    """A message saying why the upload's content does not match its name, or None."""
    extension = Path(uploaded.name).suffix.lower().lstrip(".")
    position = uploaded.tell() if hasattr(uploaded, "tell") else 0
    uploaded.seek(0)
    head = uploaded.read(2048)
    uploaded.seek(position)
    if extension in SIGNATURES:
        if not head.startswith(SIGNATURES[extension]):
            return (
                f"This file is not a real .{extension} file; please upload the original document."
            )
        return None
    if extension in TEXT_EXTENSIONS:
        lowered = head.lstrip().lower()
        if b"\x00" in head or lowered.startswith(MARKUP_HINTS):
            return f"This file does not look like plain .{extension} text."
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            if error.start < len(head) - 4:  # not just a character cut at the 2 KB boundary
                return f"This .{extension} file is not UTF-8 text."
    return None


class SafeDocumentForm(BaseDocumentForm):
    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and hasattr(uploaded, "content_type"):  # a new upload, not the stored file
            problem = document_content_problem(uploaded)
            if problem:
                raise ValidationError(problem, code="invalid_content")
        return uploaded


class SafeImageForm(BaseImageForm):
    """Base of Wagtail's admin image forms (``WAGTAILIMAGES_IMAGE_FORM_BASE``): every
    upload is checked and stored without metadata, like the public form's."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and "file" in self.changed_data:
            try:
                return sanitize_image(uploaded)
            except ValidationError as error:
                raise forms.ValidationError(error.messages, code=error.code) from None
        return uploaded
