"""The exhibit's index page: the grid of works, the tour, the artist pages, and the two
public forms (hosting requests and the open call)."""

from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.panels import (
    FieldPanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import BodyBlock
from core.listing import FilterableListingMixin, ListingFilter, ListingSort, build_listing
from core.metadata import ShareImage
from core.pages import BasePage, when_shown
from gallery.models.artworks import ARTWORKS_PER_PAGE, ArtworkPage, on_display
from gallery.models.taxonomy import Artist
from gallery.models.tour import TourStop
from gallery.submissions import handle_artwork_submission, handle_hosting_request


class GalleryIndexPage(
    FilterableListingMixin,
    RoutablePageMixin,
    BasePage,
):
    """ "Expressions of Clinician Well-Being": the grid of artworks, the tour, the artist
    pages, and the two public forms (hosting requests and the open call)."""

    introduction = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        help_text="What the exhibit is and why it exists; shown above the artworks.",
    )
    support_notice = models.CharField(
        max_length=300,
        default=(
            "Some works speak about burnout, grief and suicide. If you or someone you love "
            "is struggling, free and confidential support is available at any hour."
        ),
    )
    support_link = models.CharField(
        max_length=200, default="tel:988", help_text="A tel: link or web address."
    )
    support_link_text = models.CharField(max_length=80, default="Call or text 988")
    hosting_introduction = models.TextField(
        blank=True, help_text="Shown above the “Host the traveling gallery” form."
    )
    call_introduction = models.TextField(
        blank=True, help_text="Shown above the open-call submission form."
    )
    body = StreamField(BodyBlock(), blank=True, help_text="Anything else, below the tour.")

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldPanel("support_notice"),
                FieldPanel("support_link"),
                FieldPanel("support_link_text"),
            ],
            heading="Support notice",
        ),
        FieldPanel("hosting_introduction"),
        FieldPanel("call_introduction"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction", boost=2),
        index.SearchField("body"),
    ]
    api_fields = [APIField("introduction")]

    parent_page_types = ["home.HomePage", "core.StandardPage"]
    subpage_types = ["gallery.ArtworkPage"]

    listing_filters = (
        ListingFilter("medium", "Medium", "medium__slug", label_field="medium__name"),
        ListingFilter("theme", "Theme", "themes__slug", label_field="themes__name"),
    )
    listing_sorts = (
        ListingSort("gallery", "Gallery order", ("path",)),
        ListingSort("title", "Title A–Z", ("title", "path")),
        ListingSort("newest", "Newest first", ("-year", "path")),
    )
    listing_per_page = ARTWORKS_PER_PAGE
    # The page cache (home/caching.py) renders this page afresh when any of these change:
    # it lists every tour stop and names artists, mediums and themes in cards and filters.
    cache_dependencies = ["gallery.TourStop", "gallery.Artist", "gallery.Medium", "gallery.Theme"]

    search_is_listing = True

    class Meta:
        verbose_name = "gallery index page"

    # Listing ---------------------------------------------------------------------------

    @cached_property
    def visible_artworks(self):
        """The live, public artworks of this gallery that may be shown today (worked out
        once per request: the grid and the tour both list them)."""
        return on_display(ArtworkPage.objects.child_of(self).live().public())

    def artworks(self):
        return self.visible_artworks.all()

    def listing_items(self, request):
        return self.artworks().order_by("path")

    def get_listing(self, request):
        listing = super().get_listing(request)
        if listing.page is not None:
            # Facet counts run on the bare queryset; only the shown page needs its media.
            listing.page.object_list = ArtworkPage.with_card_media(listing.page.object_list)
        return listing

    def get_context(self, request, *args, with_listing=True, **kwargs):
        if not with_listing:
            return Page.get_context(self, request, *args, **kwargs)
        context = super().get_context(request, *args, **kwargs)
        # The tour leads the unfiltered view only; read when the template first asks.
        stops = when_shown(
            lambda: ([], []) if context["listing"].is_filtered else self.tour_stops()
        )
        context["upcoming_stops"] = when_shown(lambda: stops()[0])
        context["past_stops"] = when_shown(lambda: stops()[1])
        return context

    def tour_stops(self):
        """Upcoming and past stops."""
        today = timezone.localdate()
        works = self.artworks().defer_streamfields().only("title", "url_path", "path", "depth")
        stops = list(TourStop.objects.public_listing(works))
        upcoming = [stop for stop in stops if stop.end_date >= today]
        past = sorted(
            (stop for stop in stops if stop.end_date < today),
            key=lambda stop: stop.start_date,
            reverse=True,
        )
        return upcoming, past

    # Routes ----------------------------------------------------------------------------

    @path("artists/<int:artist_id>/", name="artist")
    def artist_works(self, request, artist_id):
        artist = get_object_or_404(Artist, pk=artist_id)
        items = self.artworks().filter(artist=artist).order_by("path")
        listing = build_listing(request, items, per_page=ARTWORKS_PER_PAGE)
        if listing.page is None and listing.status == 200:
            raise Http404
        if listing.page is not None:
            if listing.paginator.count == 0:
                raise Http404("This artist has no works on display.")
            listing.page.object_list = ArtworkPage.with_card_media(listing.page.object_list)
        response = self.render(
            request,
            with_listing=False,
            template="gallery/artist_page.html",
            context_overrides={
                "artist": artist,
                "listing": listing,
                "robots_noindex": listing.is_filtered,
                **self.artist_metadata(artist, listing),
            },
        )
        response.status_code = listing.status
        return response

    def artist_metadata(self, artist, listing):
        """The artist page's title, description and sharing image (their first work's)."""
        description = artist.public_bio or (
            f"Works by {artist.display_name} in {self.title}, an art exhibit about "
            "clinician well-being."
        )
        metadata = {
            "meta_title": f"Works by {artist.display_name}",
            "meta_description": description,
        }
        works = listing.page.object_list if listing.page is not None else []
        first = next((work for work in works if not work.content_warning), None)
        item = first.primary_image if first is not None else None
        if item is not None:
            # A rendition the card loaded already.
            metadata["meta_image"] = ShareImage(item.image, item.alt, "format-jpeg|fill-800x600")
        return metadata

    def artist_url(self, artist):
        return self.url + artist_subpath(artist.pk)

    def cached_paths_showing(self, shown):
        """The artist's page of works here, for the CDN to drop when one of their works is
        published or unpublished, or the artist changes."""
        artist_id = shown.pk if isinstance(shown, Artist) else getattr(shown, "artist_id", None)
        return [f"/{artist_subpath(artist_id)}"] if artist_id else []

    @path("host/", name="host")
    def host_the_gallery(self, request):
        return handle_hosting_request(self, request)

    @path("host/thanks/", name="host_thanks")
    def host_thanks(self, request):
        return self.render(
            request,
            with_listing=False,
            template="gallery/host_thanks.html",
            context_overrides={
                "reference": request.session.get("gallery_hosting_reference", ""),
                "robots_noindex": True,
            },
        )

    @path("submit/", name="submit")
    def open_call(self, request):
        return handle_artwork_submission(self, request)

    @path("submit/received/", name="submission_received")
    def submission_received(self, request):
        reference = request.session.get("gallery_submission_reference", "")
        return self.render(
            request,
            with_listing=False,
            template="gallery/submission_received.html",
            context_overrides={"reference": reference, "robots_noindex": True},
        )

    def subpage_url(self, name):
        return self.url + self.reverse_subpage(name)

    def get_sitemap_urls(self, request=None):
        """The gallery, its two forms and the page of every artist with a work on display."""
        urls = super().get_sitemap_urls(request)
        if urls:
            for name in ("host", "submit"):
                urls.append({"location": self.full_url + self.reverse_subpage(name)})
            artists = self.artworks().order_by("artist_id").values_list("artist_id", flat=True)
            for artist_id in artists.distinct():
                urls.append({"location": self.full_url + artist_subpath(artist_id)})
        return urls

    # Search ----------------------------------------------------------------------------

    @property
    def search_date(self):
        return None

    @property
    def search_summary(self):
        return (
            "An art exhibit in which clinicians, patients and families show what burnout, "
            "well-being and resilience look, feel and sound like."
        )


def artist_subpath(artist_id):
    """The artist route below a gallery index, without a gallery instance at hand."""
    return GalleryIndexPage.get_resolver().reverse("artist", artist_id=artist_id).lstrip("/")
