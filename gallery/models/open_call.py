"""The open call for artworks: its dates, and the record of each public submission."""

import secrets

from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from core.models import PublicSubmission


@register_setting(icon="image")
class GallerySettings(BaseSiteSetting):
    call_opens = models.DateField(
        null=True, blank=True, help_text="First day artists can submit work. Blank: closed."
    )
    call_closes = models.DateField(null=True, blank=True, help_text="Last day of the call.")
    closed_message = models.CharField(
        max_length=300,
        default="The call for submissions is closed. Thank you to everyone who shared their work.",
        help_text="Shown instead of the form while the call is closed.",
    )

    panels = [
        FieldRowPanel([FieldPanel("call_opens"), FieldPanel("call_closes")], heading="Open call"),
        FieldPanel("closed_message"),
    ]

    class Meta:
        verbose_name = "gallery settings"

    def call_is_open(self, today=None):
        today = today or timezone.localdate()
        if not self.call_opens or not self.call_closes:
            return False
        return self.call_opens <= today <= self.call_closes


def new_reference():
    """A short reference an artist can quote, e.g. EXP-7KQ4M2XD (no look-alike letters)."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "EXP-" + "".join(secrets.choice(alphabet) for _ in range(8))


class ArtworkSubmission(PublicSubmission):
    """What the open-call form received: the draft artwork it created and how to reach
    the artist (kept here, never on the public page)."""

    reference = models.CharField(max_length=16, unique=True, default=new_reference, editable=False)
    artwork = models.ForeignKey(
        "gallery.ArtworkPage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
    )
    artist = models.ForeignKey(
        "gallery.Artist", null=True, on_delete=models.SET_NULL, related_name="submissions"
    )
    title = models.CharField(max_length=255)
    contact_email = models.EmailField()
    consent_given_at = models.DateTimeField()

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = "artwork submission"

    def __str__(self):
        return f"{self.reference}: {self.title}"

    def notification_subject(self):
        return f"New gallery submission {self.reference}: {self.title}"

    def notification_body(self):
        return (
            f"A work titled “{self.title}” was submitted to the open call "
            f"(reference {self.reference}).\n\n"
            "It is a draft in the gallery review workflow; reviewers will find it on their "
            "admin dashboard."
        )
