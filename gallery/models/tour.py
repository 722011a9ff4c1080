"""The traveling exhibit: where it has been and will be, and requests to host it."""

import secrets

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.models import DraftStateMixin, RevisionMixin
from wagtail.search import index

from core.models import PublicSubmission


class TourStopQuerySet(models.QuerySet):
    def public_listing(self, works):
        """Live stops with their event and the ``works`` they showed (two queries)."""
        return (
            self.filter(live=True)
            .select_related("event")
            .prefetch_related(models.Prefetch("artworks", queryset=works.order_by("path")))
            .order_by("start_date")
        )


class TourStop(DraftStateMixin, RevisionMixin, index.Indexed, ClusterableModel):
    """One showing of the traveling gallery. Drafts (for example a stop created from a
    hosting request) stay out of the public tour list until published."""

    host_organization = models.CharField(max_length=200)
    city = models.CharField(max_length=100, help_text="City and state, or country.")
    venue = models.CharField(max_length=200, blank=True)
    start_date = models.DateField()
    end_date = models.DateField()
    description = models.TextField(blank=True, help_text="A sentence or two about the showing.")
    artworks = ParentalManyToManyField(
        "gallery.ArtworkPage", blank=True, related_name="tour_stops", verbose_name="works shown"
    )
    event = models.ForeignKey(
        "events.EventPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The event at which the works were shown, if any.",
    )
    is_sample_content = models.BooleanField(
        "sample content",
        default=False,
        help_text="A fictional showing made for the demo: the public tour list says so.",
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="tour_stop")

    objects = TourStopQuerySet.as_manager()

    panels = [
        FieldPanel("host_organization"),
        FieldRowPanel([FieldPanel("city"), FieldPanel("venue")]),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading="Dates"),
        FieldPanel("description"),
        FieldPanel("is_sample_content"),
        MultiFieldPanel(
            [FieldPanel("artworks"), PageChooserPanel("event", page_type="events.EventPage")],
            heading="What was shown, and where",
        ),
    ]
    search_fields = [
        index.SearchField("host_organization", boost=2),
        index.SearchField("city"),
        index.SearchField("venue"),
        index.AutocompleteField("host_organization"),
        index.FilterField("live"),
    ]

    class Meta:
        ordering = ["-start_date"]
        verbose_name = "tour stop"

    def __str__(self):
        return f"{self.host_organization}, {self.city} ({self.start_date:%b %-d, %Y})"

    @property
    def revisions(self):
        return self._revisions

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "The last day cannot be before the first day."})


def new_hosting_reference():
    """A short reference the organization can quote, e.g. HOST-7KQ4M2XD."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "HOST-" + "".join(secrets.choice(alphabet) for _ in range(8))


class HostingRequest(PublicSubmission):
    """A request from an organization to host the traveling gallery, triaged by staff."""

    STATUS_NEW = "new"
    STATUS_DISCUSSION = "discussion"
    STATUS_SCHEDULED = "scheduled"
    STATUS_DECLINED = "declined"
    STATUS_CHOICES = [
        (STATUS_NEW, "New"),
        (STATUS_DISCUSSION, "In discussion"),
        (STATUS_SCHEDULED, "Scheduled"),
        (STATUS_DECLINED, "Declined"),
    ]

    # What the public form asks, in the order it asks it.
    PUBLIC_FIELDS = (
        "organization",
        "contact_name",
        "email",
        "phone",
        "city",
        "venue",
        "preferred_start",
        "preferred_end",
        "audience",
        "space_notes",
        "security_notes",
    )

    reference = models.CharField(
        max_length=16, unique=True, default=new_hosting_reference, editable=False
    )
    organization = models.CharField(max_length=200)
    contact_name = models.CharField(max_length=150)
    email = models.EmailField()
    phone = models.CharField(max_length=40, blank=True)
    city = models.CharField(max_length=100, help_text="City and state, or country.")
    venue = models.CharField(max_length=200, help_text="Where the works would hang.")
    preferred_start = models.DateField("first day")
    preferred_end = models.DateField("last day")
    audience = models.TextField(
        "audience", max_length=2000, help_text="Who would see the exhibit, and roughly how many."
    )
    space_notes = models.TextField(
        "space", max_length=2000, blank=True, help_text="Walls, easels, screens, lighting."
    )
    security_notes = models.TextField(
        "security", max_length=2000, blank=True, help_text="Who can reach the space, after hours."
    )
    status = models.CharField(
        max_length=12, choices=STATUS_CHOICES, default=STATUS_NEW, db_index=True
    )
    staff_notes = models.TextField(blank=True)
    tour_stop = models.ForeignKey(
        TourStop,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hosting_requests",
        help_text="The tour stop created when this request was scheduled.",
    )

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = "hosting request"

    def __str__(self):
        return f"{self.organization} ({self.preferred_start:%b %-d, %Y})"

    def notification_subject(self):
        return f"Request to host the traveling gallery: {self.organization}"

    def notification_body(self):
        return (
            f"{self.contact_name} <{self.email}> asked to host the traveling gallery.\n\n"
            f"Organization: {self.organization}\n"
            f"Where: {self.venue}, {self.city}\n"
            f"Dates: {self.preferred_start:%B %-d, %Y} to {self.preferred_end:%B %-d, %Y}\n\n"
            f"Audience:\n{self.audience}\n\n"
            "Triage it in the admin under Gallery inbox > Hosting requests."
        )

    def schedule(self):
        """Create a draft tour stop from this request and mark the request scheduled."""
        if self.tour_stop_id:
            return self.tour_stop
        stop = TourStop(
            host_organization=self.organization,
            city=self.city,
            venue=self.venue,
            start_date=self.preferred_start,
            end_date=self.preferred_end,
            live=False,
        )
        stop.save()
        stop.save_revision(log_action=True)
        self.tour_stop = stop
        self.status = self.STATUS_SCHEDULED
        self.save(update_fields=["tour_stop", "status"])
        return stop
