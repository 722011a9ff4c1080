"""Documents are what they claim to be: the content of an upload must match its extension.

An HTML page renamed .pdf, or a script renamed .docx, is refused with a clear message
before it is stored, in the admin and anywhere else Wagtail's document form is used.
"""

from pathlib import Path

from django.core.exceptions import ValidationError
from wagtail.documents.forms import BaseDocumentForm

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
