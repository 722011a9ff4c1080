"""Network organizations and sponsors, their commitment statements, and their A–Z index."""

import string
from dataclasses import dataclass
from urllib.parse import urlencode

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, CharField, Value, When
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.html import strip_tags
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Page,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from core.listing import MAX_PARAM_LENGTH, FilterableListingMixin, ListingFilter, ListingSort
from core.metadata import ShareImage
from core.pages import BasePage, when_shown

LOGO_RENDITION = "max-240x120"
OTHER_INITIAL = "#"
LETTERS = list(string.ascii_uppercase) + [OTHER_INITIAL]


class OrganizationKind(models.TextChoices):
    SPONSOR = "sponsor", "Sponsor"
    NETWORK = "network", "Network organization"


def initial_of(name):
    """The letter an organization is filed under: its first letter, or # for anything else."""
    for character in name.strip():
        if character.isalnum():
            letter = character.upper()
            return letter if letter in string.ascii_uppercase else OTHER_INITIAL
    return OTHER_INITIAL


class NetworkOrganization(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    models.Model,
):
    """An organization in the Collaborative's network, or one of its sponsors.

    A snippet with drafts: accepting a submitted commitment statement writes a draft that an
    editor reviews and publishes. Public pages show only ``live`` rows, which always hold
    the published version.
    """

    name = models.CharField(max_length=255)
    slug = models.SlugField(
        max_length=255,
        unique=True,
        blank=True,
        help_text="Used in the address of its statement; leave empty to make one from the name.",
    )
    kind = models.CharField(
        max_length=20, choices=OrganizationKind.choices, default=OrganizationKind.NETWORK
    )
    website = models.URLField(blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    logo_alt_text = models.CharField(
        max_length=250,
        blank=True,
        help_text="Usually the organization's name as written in the logo (required with a logo).",
    )
    date_joined = models.DateField(
        null=True, blank=True, help_text="When it joined the network or became a sponsor."
    )
    statement_text = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "ol", "ul", "h3"],
        verbose_name="commitment statement",
        help_text="The organization's commitment to clinician well-being, as text.",
    )
    statement_document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="commitment statement document",
        help_text="The statement as the organization sent it (usually a PDF).",
    )
    is_sample_content = models.BooleanField(
        "sample content",
        default=False,
        db_index=True,
        help_text="A fictional organization made for the demo. Its pages say so to visitors.",
    )
    # Kept in step by save() so the index can filter and count in the database.
    has_statement = models.BooleanField(default=False, editable=False, db_index=True)
    initial = models.CharField(max_length=1, editable=False, db_index=True, default=OTHER_INITIAL)

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("slug"), FieldPanel("kind"), FieldPanel("website")],
            heading="Organization",
        ),
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("logo_alt_text")], heading="Logo"),
        FieldPanel("date_joined"),
        MultiFieldPanel(
            [FieldPanel("statement_text"), FieldPanel("statement_document")],
            heading="Commitment statement",
        ),
        FieldPanel("is_sample_content"),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("statement_text"),
        index.FilterField("live"),
        index.FilterField("kind"),
        index.FilterField("has_statement"),
    ]
    api_fields = [APIField("name"), APIField("kind"), APIField("website"), APIField("date_joined")]

    # Site search: what visitors call organizations, which they may find, and where.
    search_label = "Organizations"

    class Meta:
        ordering = ["name"]
        verbose_name = "network organization"
        verbose_name_plural = "network organizations"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is None:
            self.has_statement = bool(strip_tags(self.statement_text).strip()) or bool(
                self.statement_document_id
            )
            self.initial = initial_of(self.name)
            if not self.slug:
                self.slug = unique_organization_slug(self.name)
        super().save(*args, **kwargs)

    def clean(self):
        if self.logo_id and not self.logo_alt_text.strip():
            raise ValidationError({"logo_alt_text": "Describe the logo, or remove it."})

    @property
    def search_summary(self):
        text = " ".join(strip_tags(self.statement_text).split())
        return (
            text[:240]
            or f"{self.name} is a {self.get_kind_display().lower()} of the Collaborative."
        )

    def get_preview_template(self, request, mode_name):
        return "community/organization_preview.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["organization"] = self
        return context

    @classmethod
    def search_visible(cls):
        return cls.objects.filter(live=True)

    @classmethod
    def search_result_urls(cls, organizations):
        """Each organization's entry on the network organizations page, searched for by its
        name so that it is on the page shown however long the list grows (one query for
        the page), or "" each while there is no such page."""
        index_page = None
        if organizations:
            index_page = (
                NetworkOrganizationIndexPage.objects.live().public().order_by("path").first()
            )
        return {
            organization.pk: (
                f"{index_page.url}?{urlencode({'q': organization.name})}"
                f"#organization-{organization.slug or slugify(organization.name)}"
                if index_page is not None
                else ""
            )
            for organization in organizations
        }


def unique_organization_slug(name, exclude_pk=None):
    base = slugify(name)[:240] or "organization"
    slug, number = base, 2
    taken = NetworkOrganization.objects.exclude(pk=exclude_pk)
    while taken.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


@dataclass(frozen=True)
class LabelledListingFilter(ListingFilter):
    """A facet whose stored values are not what visitors read or type: booleans, choices.

    ``options`` holds (value in the URL, value in the database, label) triples, in the
    order they are offered.
    """

    options: tuple = ()

    def _database_value(self, value):
        for url_value, database_value, _label in self.options:
            if url_value == value:
                return database_value
        return None

    def apply(self, items, value):
        return items.filter(**{self.value_field: self._database_value(value)})

    def exists(self, items, value):
        # The options are fixed, so a valid value needs no query.
        return self._database_value(value) is not None

    def value_expression(self, model):
        """The value visitors see in the address, from the stored one."""
        return Case(
            *(
                When(**{self.value_field: database_value}, then=Value(url_value))
                for url_value, database_value, _label in self.options
            ),
            output_field=CharField(),
        )

    def counted_options(self, rows):
        counted = {row["value"]: row["count"] for row in rows}
        return [
            (url_value, label, counted[url_value])
            for url_value, _database_value, label in self.options
            if url_value in counted
        ]


STATEMENT_FILTER = LabelledListingFilter(
    "statement",
    "Commitment statement",
    "has_statement",
    order="value",
    all_label="All",
    options=(("yes", True, "Has a commitment statement"), ("no", False, "No statement yet")),
)


@dataclass(frozen=True)
class LetterFilter(ListingFilter):
    """A–Z and #: any of those is valid (a letter without organizations lists none)."""

    def exists(self, items, value):
        return value in LETTERS


LETTER_FILTER = LetterFilter("letter", "Letter", "initial", order="value", all_label="All letters")


class NetworkOrganizationIndexPage(
    FilterableListingMixin,
    RoutablePageMixin,
    BasePage,
):
    """The sponsors, then every live network organization A–Z (each organization once), with
    letter navigation, filters and a name search; each commitment statement at
    ``<this page>/statements/<organization slug>/``."""

    introduction = models.TextField(blank=True)
    sponsors_heading = models.CharField(max_length=120, default="Our sponsors")
    sponsors_text = models.TextField(
        blank=True, help_text="A sentence of thanks shown above the sponsors."
    )
    body = RichTextField(blank=True, help_text="Shown after the list, e.g. how to join.")

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldPanel("sponsors_heading"), FieldPanel("sponsors_text")], heading="Sponsors"
        ),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction", boost=2),
        index.SearchField("body"),
    ]
    api_fields = [APIField("introduction")]

    parent_page_types = ["home.HomePage", "core.StandardPage"]
    subpage_types = ["community.CommitmentStatementPage"]

    listing_filters = (LETTER_FILTER, STATEMENT_FILTER)
    listing_extra_params = ("q",)  # the name search
    listing_sorts = (ListingSort("name", "Name, A–Z", ("name", "pk")),)
    listing_per_page = 60
    # The page cache (home/caching.py) renders this page afresh when an organization changes.
    cache_dependencies = ["community.NetworkOrganization"]

    search_is_listing = True

    class Meta:
        verbose_name = "network organizations index"

    @property
    def search_date(self):
        return None

    @property
    def search_summary(self):
        return self.introduction

    @staticmethod
    def search_query(request):
        return " ".join(request.GET.get("q", "").split())[:MAX_PARAM_LENGTH].replace("\x00", "")

    def listing_items(self, request):
        items = NetworkOrganization.objects.filter(live=True, kind=OrganizationKind.NETWORK)
        query = self.search_query(request)
        if query:
            items = items.filter(name__icontains=query)
        return items.order_by("name", "pk").only(
            "pk",
            "name",
            "slug",
            "kind",
            "website",
            "date_joined",
            "has_statement",
            "is_sample_content",
            "initial",
        )

    def get_listing(self, request):
        listing = super().get_listing(request)
        query = self.search_query(request)
        if query:
            # Keep the search in pagination and filter links, and out of search engines.
            listing.params["q"] = query
        return listing

    def letters(self, listing):
        """Every letter A–Z (and #), with a link for those that have organizations."""
        letter_facet = next(facet for facet in listing.facets if facet.param == "letter")
        counts = {option.value: option.count for option in letter_facet.options}
        return [
            {
                "letter": letter,
                "count": counts.get(letter, 0),
                "url": listing.url_with(letter=letter, page=None),
                "selected": letter == letter_facet.selected,
            }
            for letter in LETTERS
        ]

    def sponsors(self, query=""):
        """The live sponsors (those whose name contains ``query``, when given)."""
        sponsors = NetworkOrganization.objects.filter(live=True, kind=OrganizationKind.SPONSOR)
        if query:
            sponsors = sponsors.filter(name__icontains=query)
        return list(
            sponsors.select_related("logo").prefetch_related("logo__renditions").order_by("name")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        listing = context["listing"]  # built when first read, as is all below
        query = context["query"] = self.search_query(request)
        context["letters"] = when_shown(lambda: self.letters(listing))
        context["letter_filters"] = when_shown(
            lambda: [facet for facet in listing.facets if facet.param != "letter"]
        )
        context["letter_selected"] = when_shown(
            lambda: any(facet.param == "letter" for facet in listing.active_filters)
        )
        context["sponsors"] = when_shown(lambda: self.sponsors_shown(listing, query))
        context["statement_form_url"] = when_shown(self.statement_form_url)
        return context

    def sponsors_shown(self, listing, query):
        """Above the directory on its first, unnarrowed page; a name search looks for
        sponsors too."""
        narrowed = any(facet.param != "q" for facet in listing.active_filters)
        first_page = listing.page is None or listing.page.number == 1
        return self.sponsors(query) if first_page and not narrowed else []

    def statement_form_url(self):
        form_page = (
            Page.objects.child_of(self)
            .type(apps.get_model("community", "CommitmentStatementPage"))
            .live()
            .public()
            .first()
        )
        return form_page.url if form_page is not None else ""

    def cached_paths_showing(self, shown):
        """An organization's statement page here, for the CDN to drop when it changes."""
        if isinstance(shown, NetworkOrganization) and shown.slug:
            kwargs = {"organization_slug": shown.slug}
            return [f"/{self.reverse_subpage('statement', kwargs=kwargs)}"]
        return []

    @path("statements/<slug:organization_slug>/", name="statement")
    def statement(self, request, organization_slug):
        organization = (
            NetworkOrganization.objects.filter(live=True, slug=organization_slug)
            .select_related("logo", "statement_document")
            .first()
        )
        if organization is None:
            raise Http404("No such organization")
        context = Page.get_context(self, request)
        context["organization"] = organization
        context["organization_json_ld"] = organization_json_ld(organization, request)
        context["meta_title"] = f"{organization.name}: commitment statement"
        context["meta_description"] = organization.search_summary
        if organization.logo:
            context["meta_image"] = ShareImage(organization.logo, organization.logo_alt_text)
        return TemplateResponse(request, "community/organization_statement.html", context)

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        for organization in NetworkOrganization.objects.filter(live=True).only("slug"):
            urls.append({"location": self.full_url + f"statements/{organization.slug}/"})
        return urls


def organization_json_ld(organization, request):
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": organization.name,
        "url": organization.website or request.build_absolute_uri(),
        "memberOf": {
            "@type": "Organization",
            "name": "Action Collaborative on Clinician Well-Being and Resilience",
        },
    }
    return data
