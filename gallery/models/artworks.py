"""Each work of the exhibit, its images, and the querysets listings show them with."""

import datetime
import re
from urllib.parse import urljoin

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q, Subquery
from django.http import Http404
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import MediaEmbedBlock, UploadedMediaBlock
from core.metadata import SHARE_IMAGE_SPEC, ShareImage
from core.pages import BasePage, RecordingCaptionsMixin, when_shown
from gallery.models.taxonomy import Artist, Medium, Theme
from gallery.models.tour import TourStop

# The rendition specs the templates ask for, expanded the way {% picture %} expands them,
# so listings prefetch exactly these and never query per artwork.
# 680 wide fits a one-column card on a 1.75x phone (about 380 px), where 800 was a third
# too large.
CARD_IMAGE_SPECS = Filter.expand_spec(["format-{avif,webp,jpeg}", "fill-{400x300,680x510,800x600}"])
ARTWORK_IMAGE_SPECS = Filter.expand_spec(["format-{avif,webp,jpeg}", "width-{640,1024,1600}"])

ARTWORKS_PER_PAGE = 24


def images_with_renditions(specs):
    """ArtworkImage rows with their image and exactly ``specs`` renditions (two queries)."""
    Rendition = get_image_model().get_rendition_model()
    return (
        ArtworkImage.objects.order_by("sort_order")
        .select_related("image")
        .prefetch_related(
            Prefetch(
                "image__renditions",
                queryset=Rendition.objects.filter(filter_spec__in=specs),
                to_attr="prefetched_renditions",
            )
        )
    )


def on_display(queryset, today=None):
    """Works whose display permission has not run out."""
    today = today or timezone.localdate()
    return queryset.filter(Q(display_until__isnull=True) | Q(display_until__gte=today))


# The reference an open-call submission leaves at the end of its draft artwork's slug.
SUBMISSION_SLUG = re.compile(r"-exp-[a-z2-9]{8}$")


class ArtworkPage(RecordingCaptionsMixin, BasePage):
    recording_fields = ("recording",)

    artist = models.ForeignKey(Artist, on_delete=models.PROTECT, related_name="artworks")
    medium = models.ForeignKey(Medium, on_delete=models.PROTECT, related_name="artworks")
    year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
        help_text="The year the work was made.",
    )
    themes = ParentalManyToManyField(Theme, blank=True, related_name="artworks")
    summary = models.CharField(
        max_length=300, blank=True, help_text="One sentence about the work for cards and search."
    )
    content_warning = models.CharField(
        max_length=200,
        blank=True,
        help_text="For example “suicide, grief”. Visitors see it before the work and choose "
        "to open it.",
    )
    written_work = models.TextField(
        "text of the work",
        blank=True,
        help_text="The full text of a poem or prose piece. Line breaks and spacing are kept.",
    )
    recording = StreamField(
        [("recording", MediaEmbedBlock()), ("uploaded", UploadedMediaBlock())],
        blank=True,
        max_num=1,
        help_text="Audio or video: a file uploaded under Media, or a video site's address; "
        "with its captions and transcript.",
    )
    statement = models.TextField("artist statement", blank=True)
    consent_date = models.DateField(
        null=True, blank=True, help_text="When the artist agreed to the work being displayed."
    )
    display_until = models.DateField(
        "display allowed until",
        null=True,
        blank=True,
        help_text="After this date the work leaves the public gallery. Blank: no end date.",
    )
    credit_line = models.CharField(
        max_length=250,
        blank=True,
        help_text="For example “© 2019 the artist. Shown with permission.”",
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("artist"), FieldPanel("medium"), FieldPanel("year"), FieldPanel("themes")],
            heading="About the work",
        ),
        FieldPanel("summary"),
        FieldPanel("content_warning"),
        InlinePanel(
            "artwork_images",
            heading="Images",
            label="image",
            help_text="Describe every image in context, or mark it as decorative.",
        ),
        FieldPanel("written_work"),
        FieldPanel("recording"),
        FieldPanel("statement"),
        MultiFieldPanel(
            [
                HelpPanel("Keep the artist's consent on file before publishing."),
                FieldPanel("consent_date"),
                FieldPanel("display_until"),
                FieldPanel("credit_line"),
            ],
            heading="Rights and consent",
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("artist_name", boost=3),
        index.AutocompleteField("artist_name"),
        index.SearchField("summary", boost=2),
        index.SearchField("written_work"),
        index.SearchField("statement"),
        index.SearchField("recording"),
        index.RelatedFields("medium", [index.SearchField("name")]),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.FilterField("medium"),
        index.FilterField("artist"),
        index.FilterField("year"),
        index.FilterField("display_until"),
    ]
    api_fields = [
        APIField("artist_name"),
        APIField("year"),
        APIField("summary"),
        APIField("written_work"),
        APIField("statement"),
        APIField("credit_line"),
    ]

    parent_page_types = ["gallery.GalleryIndexPage"]
    subpage_types = []

    search_label = "Artworks"
    og_type = "article"

    class Meta:
        verbose_name = "artwork"

    # Content ---------------------------------------------------------------------------

    @property
    def artist_name(self):
        """The public name: never the real name of an artist who chose to be anonymous."""
        return self.artist.display_name if self.artist_id else ""

    @property
    def primary_image(self):
        """The first image (uses the prefetched images when the queryset has them)."""
        return next(iter(self.artwork_images.all()), None)

    @property
    def is_on_display(self):
        return self.display_until is None or self.display_until >= timezone.localdate()

    @property
    def search_date(self):
        if self.year:
            return datetime.date(self.year, 1, 1)
        return self.first_published_at.date() if self.first_published_at else None

    @property
    def search_summary(self):
        if self.summary:
            return self.summary
        by = f" by {self.artist_name}" if self.artist_id else ""
        return (
            f"{self.medium.name if self.medium_id else 'An artwork'}{by}, in the gallery "
            "Expressions of Clinician Well-Being."
        )

    def save(self, *args, **kwargs):
        """A work from the open call carries its submission's reference in its slug while it
        is a draft (``night-bell-exp-7kq4m2xd``); once accepted and live, its address drops
        the reference (``night-bell``, or ``night-bell-2`` when that is taken)."""
        if self.live and self.pk and SUBMISSION_SLUG.search(self.slug or ""):
            self.slug = self.accepted_slug()
        return super().save(*args, **kwargs)

    def accepted_slug(self):
        references = {
            reference.lower() for reference in self.submissions.values_list("reference", flat=True)
        }
        base, _separator, suffix = self.slug.rpartition("-exp-")
        if f"exp-{suffix}" not in references or not base:
            return self.slug
        siblings = Page.objects.sibling_of(self).exclude(pk=self.pk)
        candidate, number = base, 1
        while siblings.filter(slug=candidate).exists():
            number += 1
            candidate = f"{base}-{number}"
        return candidate

    def clean(self):
        super().clean()
        if self.display_until and self.consent_date and self.display_until < self.consent_date:
            raise ValidationError(
                {"display_until": "The display end date cannot be before the consent date."}
            )

    # Queries ---------------------------------------------------------------------------

    @classmethod
    def with_card_media(cls, queryset):
        """What an artwork card needs, in three queries for any number of cards (without
        the long texts and recordings a card never shows)."""
        return (
            queryset.defer_streamfields()
            .defer("written_work", "statement")
            .select_related("artist", "medium")
            .prefetch_related(
                Prefetch("artwork_images", queryset=images_with_renditions(CARD_IMAGE_SPECS))
            )
        )

    @classmethod
    def highlights_for_home_page(cls, limit):
        """A few recent works that have an image, for the home page."""
        has_image = Exists(ArtworkImage.objects.filter(page=OuterRef("pk")))
        items = on_display(cls.objects.live().public()).filter(has_image)
        items = items.defer_streamfields().order_by("-first_published_at", "-pk")[:limit]
        return cls.with_card_media(items)

    @classmethod
    def on_display_at(cls, event_page):
        """Works shown at an event through the traveling gallery's stops there."""
        shown = TourStop.artworks.through.objects.filter(
            tourstop__live=True, tourstop__event_id=event_page.pk
        ).values("artworkpage_id")
        items = on_display(cls.objects.live().public()).filter(pk__in=shown)
        return cls.with_card_media(items.defer_streamfields().order_by("path"))

    def neighbours(self):
        """The previous and next works in gallery order, in one query that also brings
        this work's artist and medium (a served page arrives without them)."""
        siblings = on_display(ArtworkPage.objects.sibling_of(self).live().public())
        previous_path = siblings.filter(path__lt=self.path).order_by("-path").values("path")[:1]
        next_path = siblings.filter(path__gt=self.path).order_by("path").values("path")[:1]
        rows = (
            siblings.filter(
                Q(pk=self.pk) | Q(path=Subquery(previous_path)) | Q(path=Subquery(next_path))
            )
            .select_related("artist", "medium")
            .defer_streamfields()
            .order_by()  # three rows, told apart by path below
        )
        previous = following = None
        for row in rows:
            if row.path < self.path:
                previous = row
            elif row.path > self.path:
                following = row
            else:
                self._adopt_related(row)
        return previous, following

    def _adopt_related(self, row):
        if row.artist_id == self.artist_id:
            self.artist = row.artist
        if row.medium_id == self.medium_id:
            self.medium = row.medium

    def images_for_display(self):
        return list(images_with_renditions(ARTWORK_IMAGE_SPECS).filter(page=self))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        neighbours = when_shown(self.neighbours)
        context["previous_work"] = when_shown(lambda: neighbours()[0])
        context["next_work"] = when_shown(lambda: neighbours()[1])
        images = context["images"] = when_shown(self.images_for_display)
        themes = context["themes"] = when_shown(lambda: list(self.themes.all()))
        context["structured_data"] = when_shown(lambda: self.structured_data(images(), themes()))
        gallery = context["gallery"] = when_shown(self.gallery)
        context["artist_url"] = when_shown(
            lambda: (
                gallery().url
                + gallery().reverse_subpage("artist", kwargs={"artist_id": self.artist_id})
            )
        )
        return context

    def gallery(self):
        """The gallery the work hangs in: routing passed through it on the way here."""
        if self.route_ancestors:
            return self.route_ancestors[-1]
        return self.get_parent().specific  # a preview, or a page not reached by its address

    def share_image(self, context):
        """The work's first image, from the renditions the page loaded; none for a work
        behind a content warning, whose image is shown only to a reader who chooses to."""
        images = context["images"]() if "images" in context else []
        if self.content_warning or not images:
            return None
        return ShareImage(images[0].image, images[0].alt)

    def serve(self, request, *args, **kwargs):
        if not self.is_on_display and not getattr(request, "is_preview", False):
            raise Http404("This work is no longer on display.")
        return super().serve(request, *args, **kwargs)

    def structured_data(self, images=(), themes=()):
        """schema.org data for search engines (VisualArtwork, CreativeWork…)."""
        data = {
            "@context": "https://schema.org",
            "@type": self.medium.schema_type if self.medium_id else "CreativeWork",
            "name": self.title,
            "url": self.full_url,
            "creator": {"@type": "Person", "name": self.artist_name},
            "isPartOf": {"@type": "CollectionPage", "name": "Expressions of Clinician Well-Being"},
        }
        if self.medium_id:
            data["artMedium" if data["@type"] == "VisualArtwork" else "genre"] = self.medium.name
        if self.year:
            data["dateCreated"] = str(self.year)
        if self.summary:
            data["description"] = self.summary
        if self.credit_line:
            data["creditText"] = self.credit_line
        if self.content_warning:
            data["contentRating"] = f"Content warning: {self.content_warning}"
        keywords = [theme.name for theme in themes]
        if keywords:
            data["keywords"] = ", ".join(keywords)
        if self.written_work:
            data["text"] = self.written_work
        # Renditions, never the original files (the proxy does not serve originals).
        image_urls = [
            urljoin(self.full_url or "", item.image.get_rendition(SHARE_IMAGE_SPEC).url)
            for item in images
            if item.image_id
        ]
        if image_urls:
            data["image"] = image_urls
        return data


class ArtworkImage(Orderable):
    page = ParentalKey(ArtworkPage, on_delete=models.CASCADE, related_name="artwork_images")
    image = models.ForeignKey("wagtailimages.Image", on_delete=models.CASCADE, related_name="+")
    alt_text = models.CharField(
        "alternative text",
        max_length=400,
        blank=True,
        help_text="Describe what this image shows in the context of this work.",
    )
    decorative = models.BooleanField(
        default=False, help_text="Tick only if the image adds nothing a reader would miss."
    )
    long_description = models.TextField(
        blank=True,
        help_text="A fuller description for people who cannot see the work (optional).",
    )

    panels = [
        FieldPanel("image"),
        FieldPanel("alt_text"),
        FieldPanel("decorative"),
        FieldPanel("long_description"),
    ]

    def clean(self):
        super().clean()
        if not self.decorative and not self.alt_text.strip():
            raise ValidationError(
                {
                    "alt_text": "Describe the image for people who cannot see it, "
                    "or mark it decorative."
                }
            )

    @property
    def alt(self):
        return "" if self.decorative else self.alt_text
