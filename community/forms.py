"""The public commitment statement form."""

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from community.models.submissions import CommitmentStatementSubmission
from core.protection import PublicFormMixin

MAX_PDF_SIZE = 5 * 1024 * 1024
PDF_MAGIC = b"%PDF-"


class CommitmentStatementForm(PublicFormMixin, forms.ModelForm):
    organization_website = forms.URLField(
        required=False,
        assume_scheme="https",
        label="Organization's website (optional)",
        help_text="For example https://www.example.org",
        error_messages={
            "invalid": "Enter the website as a full address, e.g. https://www.example.org."
        },
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
    )
    statement_file = forms.FileField(
        required=False,
        label="Or attach your statement as a PDF",
        help_text=f"A PDF file of up to {filesizeformat(MAX_PDF_SIZE)}.",
        widget=forms.FileInput(attrs={"accept": "application/pdf,.pdf"}),
    )
    consent = forms.BooleanField(
        required=True,
        error_messages={"required": "Please confirm that you may submit and we may publish it."},
    )

    class Meta:
        model = CommitmentStatementSubmission
        fields = [
            "organization_name",
            "organization_website",
            "contact_name",
            "contact_title",
            "contact_email",
            "statement_text",
            "statement_file",
            "consent",
        ]
        labels = {
            "organization_name": "Organization",
            "contact_name": "Your name",
            "contact_title": "Your title (optional)",
            "contact_email": "Your email address",
            "statement_text": "Your organization's commitment statement",
        }
        help_texts = {
            "organization_name": "The full name, as it should appear in the list of network "
            "organizations.",
            "contact_email": "We write to this address only about your statement.",
            "statement_text": "Paste the statement here, or attach it as a PDF below.",
        }
        error_messages = {
            "organization_name": {"required": "Enter your organization's name."},
            "contact_name": {"required": "Enter your name."},
            "contact_email": {
                "required": "Enter your email address.",
                "invalid": "Enter an email address in the form name@example.org.",
            },
        }
        widgets = {
            "organization_name": forms.TextInput(attrs={"autocomplete": "organization"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "contact_title": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "statement_text": forms.Textarea(attrs={"rows": 10}),
        }

    def __init__(self, *args, consent_label="", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = (
            consent_label or "I may submit this statement, and it may be published."
        )
        self.fields["statement_text"].max_length = 10_000

    def clean_statement_file(self):
        upload = self.cleaned_data.get("statement_file")
        if not upload:
            return None
        if upload.size > MAX_PDF_SIZE:
            raise ValidationError(
                f"This file is {filesizeformat(upload.size)}; the limit is "
                f"{filesizeformat(MAX_PDF_SIZE)}. Please attach a smaller PDF or paste the "
                "statement as text."
            )
        upload.seek(0)
        if upload.read(len(PDF_MAGIC)) != PDF_MAGIC:
            raise ValidationError(
                "This file is not a PDF. Please attach a PDF, or paste the statement as text."
            )
        upload.seek(0)
        try:
            reader = PdfReader(upload)
            if reader.is_encrypted:
                raise ValidationError(
                    "This PDF is password-protected. Please attach a PDF without a password."
                )
            page_count = len(reader.pages)
        except ValidationError:
            raise
        except (PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
            raise ValidationError(
                "This PDF could not be opened; it may be damaged. Please save it again as a "
                "PDF, or paste the statement as text."
            ) from error
        finally:
            upload.seek(0)
        if page_count == 0:
            raise ValidationError("This PDF has no pages.")
        return upload

    def clean(self):
        cleaned = super().clean()
        has_text = bool((cleaned.get("statement_text") or "").strip())
        if (
            not has_text
            and not cleaned.get("statement_file")
            and "statement_file" not in self.errors
        ):
            self.add_error(
                "statement_text", "Paste your statement here, or attach it as a PDF below."
            )
        return cleaned

    def describe_errors(self):
        """Tie every field to its help text and error messages for screen readers."""
        for name, field in self.fields.items():
            bound = self[name]
            described_by = []
            if field.help_text:
                described_by.append(f"{bound.auto_id}-help")
            if self.is_bound and bound.errors:
                described_by.append(f"{bound.auto_id}-error")
                field.widget.attrs["aria-invalid"] = "true"
            if described_by:
                field.widget.attrs["aria-describedby"] = " ".join(described_by)
            if field.required:
                field.widget.attrs["aria-required"] = "true"
        return self

    def fingerprint(self):
        upload = self.cleaned_data.get("statement_file")
        return [
            self.cleaned_data["organization_name"],
            self.cleaned_data["contact_email"],
            self.cleaned_data.get("statement_text", ""),
            upload.size if upload else "",
        ]
