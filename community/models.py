from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index


class Person(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    models.Model,
):
    """Someone the site names: leadership, staff, working-group members, authors, speakers.

    A snippet with drafts and revisions, so a changed bio is reviewed before it goes public.
    """

    name = models.CharField(max_length=150)
    credentials = models.CharField(
        max_length=80, blank=True, help_text="Degrees and credentials, e.g. MD, PhD, RN."
    )
    role_title = models.CharField(
        max_length=200, blank=True, help_text="Their title, e.g. Program Officer."
    )
    organization = models.CharField(max_length=200, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    photo_alt_text = models.CharField(
        max_length=250,
        blank=True,
        help_text="Describe the photo for people who cannot see it (required with a photo).",
    )
    bio = RichTextField(blank=True, features=["bold", "italic", "link"])
    website = models.URLField(blank=True)
    slug = models.SlugField(max_length=160, unique=True, help_text="Used in the person's address.")

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("credentials"),
                FieldPanel("role_title"),
                FieldPanel("organization"),
                FieldPanel("slug"),
            ],
            heading="Who they are",
        ),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("photo_alt_text")], heading="Photo"),
        FieldPanel("bio"),
        FieldPanel("website"),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("role_title"),
        index.SearchField("organization"),
        index.FilterField("live"),
    ]
    api_fields = [
        APIField("name"),
        APIField("credentials"),
        APIField("role_title"),
        APIField("organization"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "person"
        verbose_name_plural = "people"

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        return f"{self.name}, {self.credentials}" if self.credentials else self.name

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.photo_id and not self.photo_alt_text.strip():
            raise ValidationError({"photo_alt_text": "Describe the photo, or remove it."})

    def get_preview_template(self, request, mode_name):
        return "community/person_preview.html"
