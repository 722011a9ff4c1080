"""A commitment statement as the public sends it, and what staff do with it: accept it as
a network organization's statement, or decline it."""

import uuid

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.html import escape, format_html
from wagtail.admin.panels import FieldPanel
from wagtail.documents import get_document_model
from wagtail.utils.file import hash_filelike

from community.models.organizations import NetworkOrganization, OrganizationKind
from core.models import PublicSubmission

REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # nothing that reads as 0/O or 1/I
SESSION_REFERENCE_KEY = "community_commitment_statement_reference"
SUBMISSION_SCOPE = "commitment-statement"
SUBMISSIONS_PER_HOUR = 5


def statement_upload_path(instance, filename):
    # A name nobody can guess: submitted files are not public until staff accept them.
    return f"commitment-statements/{uuid.uuid4().hex}.pdf"


def new_reference():
    return "CS-" + get_random_string(8, REFERENCE_ALPHABET)


class SubmissionStatus(models.TextChoices):
    NEW = "new", "New"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"


class CommitmentStatementSubmission(PublicSubmission):
    """A commitment statement as an organization sent it, waiting for staff."""

    reference = models.CharField(max_length=20, unique=True, editable=False)
    organization_name = models.CharField("organization", max_length=255)
    organization_website = models.URLField("website", blank=True)
    contact_name = models.CharField("contact name", max_length=150)
    contact_title = models.CharField("contact title", max_length=150, blank=True)
    contact_email = models.EmailField("contact email")
    statement_text = models.TextField("statement", blank=True)
    statement_file = models.FileField(
        "statement PDF", upload_to=statement_upload_path, blank=True, max_length=200
    )
    consent = models.BooleanField(
        default=False, help_text="The contact agreed that the statement may be published."
    )
    status = models.CharField(
        max_length=20, choices=SubmissionStatus.choices, default=SubmissionStatus.NEW, db_index=True
    )
    organization = models.ForeignKey(
        NetworkOrganization,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="statement_submissions",
        help_text="The organization record created or updated when this was accepted.",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True, editable=False)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    staff_notes = models.TextField(blank=True, help_text="Only staff see these.")

    panels = [FieldPanel("staff_notes")]

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = "commitment statement submission"
        verbose_name_plural = "commitment statement submissions"

    def __str__(self):
        return f"{self.organization_name} ({self.reference})"

    def save(self, *args, **kwargs):
        if not self.reference:
            self.reference = new_reference()
            while type(self).objects.filter(reference=self.reference).exists():
                self.reference = new_reference()
        super().save(*args, **kwargs)

    # Staff notification -----------------------------------------------------------------

    def notification_subject(self):
        return f"New commitment statement from {self.organization_name} ({self.reference})"

    def notification_body(self):
        lines = [
            f"{self.organization_name} submitted a commitment statement on the website.",
            "",
            f"Reference: {self.reference}",
            f"Contact: {self.contact_name}"
            + (f", {self.contact_title}" if self.contact_title else "")
            + f" <{self.contact_email}>",
            f"Website: {self.organization_website or 'not given'}",
            f"Statement: {'text' if self.statement_text else ''}"
            f"{' and ' if self.statement_text and self.statement_file else ''}"
            f"{'PDF' if self.statement_file else ''}",
        ]
        admin_url = self.admin_url()
        if admin_url:
            lines += ["", f"Review it in the staff inbox: {admin_url}"]
        return "\n".join(lines)

    def admin_url(self):
        try:
            path = reverse(
                "community_commitmentstatementsubmission_modeladmin_inspect", args=[self.pk]
            )
        except NoReverseMatch:
            return ""
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path

    # Inbox display ----------------------------------------------------------------------

    def get_statement_file_display(self):
        if not self.statement_file:
            return "No PDF"
        return format_html(
            '<a href="{}">Download the PDF</a>',
            reverse("community_statement_file", args=[self.pk]),
        )

    @property
    def statement_kind(self):
        parts = [
            name
            for name, present in (("text", self.statement_text), ("PDF", self.statement_file))
            if present
        ]
        return " and ".join(parts)

    # Review -----------------------------------------------------------------------------

    @transaction.atomic
    def accept(self, user=None):
        """Create or update the organization as a draft for an editor to review and publish.

        A live organization keeps showing its published version until that draft is
        published; a new one stays off the site until then.
        """
        organization = self.organization or (
            NetworkOrganization.objects.filter(name__iexact=self.organization_name.strip())
            .order_by("pk")
            .first()
        )
        is_new = organization is None
        if is_new:
            organization = NetworkOrganization(
                name=self.organization_name.strip(), kind=OrganizationKind.NETWORK, live=False
            )
        if self.organization_website:
            organization.website = self.organization_website
        if self.statement_text.strip():
            organization.statement_text = text_to_rich_text(self.statement_text)
        if self.statement_file:
            organization.statement_document = self.make_document(user)
        if organization.date_joined is None:
            organization.date_joined = timezone.localdate()
        if is_new:
            organization.save()
        organization.save_revision(user=user, log_action=True)

        self.status = SubmissionStatus.ACCEPTED
        self.organization = organization
        self.reviewed_at = timezone.now()
        self.reviewed_by = user
        self.save(update_fields=["status", "organization", "reviewed_at", "reviewed_by"])
        return organization

    def decline(self, user=None):
        self.status = SubmissionStatus.DECLINED
        self.reviewed_at = timezone.now()
        self.reviewed_by = user
        self.save(update_fields=["status", "reviewed_at", "reviewed_by"])

    def make_document(self, user=None):
        Document = get_document_model()
        document = Document(
            title=f"{self.organization_name.strip()} commitment statement", uploaded_by_user=user
        )
        with self.statement_file.open("rb") as upload:
            content = upload.read()
        document.file.save(f"{self.reference.lower()}.pdf", ContentFile(content), save=False)
        # What Wagtail's own upload form records for every document: its size and hash.
        document.file_size = len(content)
        document.file_hash = hash_filelike(ContentFile(content))
        document.save()
        return document


def text_to_rich_text(text):
    """Plain text from the form as rich-text paragraphs (blank lines separate them)."""
    paragraphs = [" ".join(block.split()) for block in text.replace("\r\n", "\n").split("\n\n")]
    return "".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs if paragraph)
