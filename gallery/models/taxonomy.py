"""The gallery's managed lists: mediums, themes and artists (snippets editors extend)."""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.timezone import localdate
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index


class Medium(models.Model):
    """How a work is made. ``kind`` decides what the work page shows and what a submission
    must include; ``schema_type`` names it for search engines."""

    KIND_IMAGES = "images"
    KIND_TEXT = "text"
    KIND_RECORDING = "recording"
    KIND_MIXED = "mixed"
    KIND_CHOICES = [
        (KIND_IMAGES, "Images (painting, drawing, photography…)"),
        (KIND_TEXT, "Written work (poetry, prose)"),
        (KIND_RECORDING, "Audio or video recording"),
        (KIND_MIXED, "Mixed media (any of these)"),
    ]
    SCHEMA_CHOICES = [
        ("VisualArtwork", "Visual artwork"),
        ("Photograph", "Photograph"),
        ("CreativeWork", "Written or other creative work"),
        ("MusicRecording", "Music recording"),
        ("VideoObject", "Video"),
    ]

    name = models.CharField(max_length=60, unique=True)
    slug = models.SlugField(max_length=60, unique=True, help_text="Used in filter addresses.")
    kind = models.CharField(max_length=12, choices=KIND_CHOICES, default=KIND_IMAGES)
    schema_type = models.CharField(
        "schema.org type", max_length=20, choices=SCHEMA_CHOICES, default="VisualArtwork"
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("kind"), FieldPanel("schema_type")]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "mediums"

    def __str__(self):
        return self.name


class Theme(models.Model):
    name = models.CharField(max_length=60, unique=True)
    slug = models.SlugField(max_length=60, unique=True, help_text="Used in filter addresses.")
    description = models.TextField(blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Artist(index.Indexed, models.Model):
    """The person behind a work. An artist may choose to be shown as "Anonymous": the name
    is then kept for staff only and never published or indexed."""

    name = models.CharField(max_length=150, blank=True)
    is_anonymous = models.BooleanField(
        "show as Anonymous",
        default=False,
        help_text="The artist asked not to be named. Their name stays visible to staff only.",
    )
    profession = models.CharField(
        max_length=100,
        blank=True,
        help_text="For example: nurse, physician, pharmacist, student, family member.",
    )
    place = models.CharField(max_length=100, blank=True, help_text="City and state, or country.")
    bio = models.TextField("short biography", blank=True, max_length=1500)
    is_sample_content = models.BooleanField(
        "sample content",
        default=False,
        db_index=True,
        help_text="A fictional artist made for the demo, as fictional organizations are.",
    )

    panels = [
        MultiFieldPanel([FieldPanel("name"), FieldPanel("is_anonymous")], heading="Name"),
        FieldPanel("profession"),
        FieldPanel("place"),
        FieldPanel("bio"),
        FieldPanel("is_sample_content"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("profession"),
        index.SearchField("bio"),
        index.FilterField("is_anonymous"),
        index.FilterField("id"),
        index.FilterField("name"),
    ]
    # Site search: what visitors call artists, which they may find, and where.
    search_label = "Artists"

    class Meta:
        ordering = ["name"]

    def __str__(self):
        if self.is_anonymous:
            return f"Anonymous ({self.name})" if self.name else "Anonymous"
        return self.name

    @property
    def display_name(self):
        """The name the public sees."""
        return "Anonymous" if self.is_anonymous or not self.name else self.name

    @property
    def public_bio(self):
        return "" if self.is_anonymous else self.bio

    def clean(self):
        super().clean()
        if not self.is_anonymous and not self.name.strip():
            raise ValidationError({"name": "Enter the artist's name, or tick “show as Anonymous”."})

    @classmethod
    def search_visible(cls):
        """Named artists with a work on display (an artist's page lists those works)."""
        # Live works (a work in a private section is rare enough to leave to its page).
        artworks = apps.get_model("gallery", "ArtworkPage").objects.live()
        shown = artworks.filter(Q(display_until__isnull=True) | Q(display_until__gte=localdate()))
        shown = shown.values("artist_id")
        return cls.objects.filter(is_anonymous=False, pk__in=shown).exclude(name="")

    @classmethod
    def search_result_urls(cls, artists):
        """Each artist's page of works in the gallery (one query for the gallery), or ""
        each while there is no gallery."""
        gallery = None
        if artists:
            gallery = (
                apps.get_model("gallery", "GalleryIndexPage")
                .objects.live()
                .public()
                .order_by("path")
                .first()
            )
        return {artist.pk: gallery.artist_url(artist) if gallery else "" for artist in artists}

    @property
    def search_summary(self):
        return self.public_bio or self.profession
