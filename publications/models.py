"""Publications: the Collaborative's papers, reports, commentaries, and the knowledge hub that
gathers them with the other resources by kind.

Types and topics are snippets, so editors extend them without a deploy. Citation downloads
and feeds are routes of the pages that own them.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q, Subquery, prefetch_related_objects
from django.http import HttpResponse
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import Truncator
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import BodyBlock
from core.feeds import TopicFeeds
from core.listing import (
    FilterableListingMixin,
    ListingFilter,
    ListingSort,
    YearFilter,
)
from core.pages import BasePage, names_in, site_view_restrictions, when_shown
from publications import citations
from publications.feeds import PublicationsFeed
from publications.pdf_text import text_for_document

DOI_PATTERN = re.compile(r"^10\.\d{4,9}/\S+$")
DOI_PREFIXES = ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi:")


def normalise_doi(value):
    """A DOI as editors paste it (bare, ``doi:`` or a doi.org link) in its bare form."""
    value = (value or "").strip()
    for prefix in DOI_PREFIXES:
        if value.lower().startswith(prefix):
            return value[len(prefix) :].strip()
    return value


def validate_doi(value):
    if value and not DOI_PATTERN.match(normalise_doi(value)):
        raise ValidationError(
            "A DOI starts with “10.”, a registrant number, a slash and a suffix, "
            "e.g. 10.31478/201707b."
        )


class CitationKind(models.TextChoices):
    """How a type of publication is cited: decides the RIS, BibTeX and schema.org types."""

    ARTICLE = "article", "Article or paper"
    REPORT = "report", "Report"
    RESOURCE = "resource", "Resource, tool or web collection"


class PublicationType(models.Model):
    name = models.CharField(max_length=80, unique=True, help_text="E.g. Discussion paper.")
    slug = models.SlugField(max_length=80, unique=True, help_text="Used in filter addresses.")
    citation_kind = models.CharField(
        max_length=20,
        choices=CitationKind.choices,
        default=CitationKind.ARTICLE,
        help_text="How citation managers should file publications of this type.",
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("citation_kind")]

    class Meta:
        ordering = ["name"]
        verbose_name = "publication type"

    def __str__(self):
        return self.name


class Topic(models.Model):
    name = models.CharField(max_length=80, unique=True, help_text="E.g. Suicide prevention.")
    slug = models.SlugField(max_length=80, unique=True, help_text="Used in filter addresses.")

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        ordering = ["name"]
        verbose_name = "topic"

    def __str__(self):
        return self.name


class PublicationIndexPage(FilterableListingMixin, TopicFeeds, BasePage):
    introduction = models.TextField(blank=True, help_text="A sentence or two under the title.")

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    listing_filters = (
        ListingFilter("type", "Type", "publication_type__slug", "publication_type__name"),
        ListingFilter("topic", "Topic", "topics__slug", "topics__name"),
        YearFilter("year", "Year", "publication_date__year", order="-value"),
    )
    listing_sorts = (
        ListingSort("newest", "Newest first", ("-publication_date", "title")),
        ListingSort("oldest", "Oldest first", ("publication_date", "title")),
        ListingSort("title", "Title (A–Z)", ("title",)),
    )
    listing_per_page = 12
    feed_class = PublicationsFeed
    feed_subject = "The newest publications"
    feed_ordering = ("-publication_date", "-first_published_at")
    topic_model = Topic

    subpage_types = ["publications.PublicationPage"]
    child_related = ("publication_type", "document")  # shown on every publication page
    parent_page_types = ["home.HomePage", "core.StandardPage"]

    search_is_listing = True

    class Meta:
        verbose_name = "publication index"

    def publications(self):
        """Live, public publications below this index, ready for listing without more queries."""
        return PublicationPage.listing_queryset().descendant_of(self)

    def listing_items(self, request):
        return self.publications()

    featured_limit = 3

    def featured_publications(self):
        """The newest featured publications, shown in their own block above the listing."""
        return list(
            self.publications()
            .filter(featured=True)
            .order_by("-publication_date", "title")[: self.featured_limit]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured"] = when_shown(lambda: self.featured_shown(context["listing"]))
        return context

    def featured_shown(self, listing):
        """Only the unfiltered first view leads with them; the listing stays by date."""
        if listing.params or listing.page is None:
            return []
        return self.featured_publications()

    # Feeds (core.feeds.TopicFeeds) ---------------------------------------------------------

    def feed_queryset(self):
        return self.publications()

    @property
    def search_date(self):
        return None

    @property
    def search_summary(self):
        return self.introduction or "The Collaborative's publications and resources."


class PublicationPage(RoutablePageMixin, BasePage):
    publication_type = models.ForeignKey(
        PublicationType,
        null=True,
        blank=False,
        on_delete=models.SET_NULL,
        related_name="publications",
        verbose_name="type",
    )
    publication_date = models.DateField(
        help_text="The date it was published (for a year only, use 1 January)."
    )
    container_title = models.CharField(
        "published in",
        max_length=200,
        blank=True,
        help_text="The journal or series, e.g. NAM Perspectives. Leave blank for reports.",
    )
    publisher = models.CharField(max_length=200, default="National Academy of Medicine")
    group_author = models.CharField(
        "group author",
        max_length=200,
        blank=True,
        help_text="For a work without individual authors: the organization credited as its "
        "author, e.g. National Academy of Medicine. Left empty, such a work is credited to "
        "its publisher.",
    )
    doi = models.CharField(
        "DOI",
        max_length=200,
        blank=True,
        validators=[validate_doi],
        help_text="Only the DOI, e.g. 10.31478/201707b (a doi.org link is fine too).",
    )
    abstract = models.TextField(help_text="A short summary in plain text, shown in listings.")
    body = StreamField(BodyBlock(), blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="PDF",
        help_text="The full text as a PDF. Its words become searchable.",
    )
    external_url = models.URLField(
        "external link", blank=True, help_text="Where it is published elsewhere, if anywhere."
    )
    topics = ParentalManyToManyField(Topic, blank=True, related_name="publications")
    related_working_group = models.ForeignKey(
        "community.WorkingGroupPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="publications",
        help_text="The working group that produced it.",
    )
    featured = models.BooleanField(
        default=False, help_text="Featured publications lead the index and the home page."
    )
    pdf_text = models.TextField(blank=True, editable=False)
    pdf_text_file_hash = models.CharField(max_length=40, blank=True, editable=False)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("publication_type"),
                FieldPanel("publication_date"),
                FieldPanel("container_title"),
                FieldPanel("publisher"),
                FieldPanel("doi"),
            ],
            heading="Publication details",
        ),
        InlinePanel("authors", heading="Authors", label="Author"),
        FieldPanel("group_author"),
        FieldPanel("abstract"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("document"), FieldPanel("external_url")], heading="Full text"),
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("featured"),
            ],
            heading="Topics and placement",
        ),
        MultiFieldPanel(
            [
                PageChooserPanel("related_working_group", page_type="community.WorkingGroupPage"),
                InlinePanel("related_events", heading="Related events", label="Event"),
            ],
            heading="Related",
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("author_names", boost=2),
        index.SearchField("abstract", boost=1.5),
        index.SearchField("body"),
        index.SearchField("topic_names"),
        index.SearchField("type_name"),
        index.SearchField("container_title"),
        index.SearchField("pdf_text"),
        index.AutocompleteField("author_names"),
        index.FilterField("publication_type"),
        index.FilterField("publication_date"),
        index.FilterField("featured"),
        index.RelatedFields("topics", [index.FilterField("slug")]),
    ]
    api_fields = [
        APIField("type_name"),
        APIField("author_names"),
        APIField("topic_names"),
        APIField("publication_date"),
        APIField("doi"),
        APIField("abstract"),
        APIField("body"),
        APIField("external_url"),
    ]

    parent_page_types = ["publications.PublicationIndexPage"]
    subpage_types = []

    search_label = "Publications"
    og_type = "article"

    class Meta:
        verbose_name = "publication"
        indexes = [
            # The index page's default order (featured first, newest first) and the
            # newest/oldest sorts: the first page of ten thousand needs no sort of them all.
            models.Index(fields=["-featured", "-publication_date"], name="publication_list_order"),
            models.Index(fields=["publication_date"], name="publication_date_order"),
        ]

    # Queries ----------------------------------------------------------------------------

    @classmethod
    def card_queryset(cls):
        """Live publications with what a card shows (type, authors), in two queries."""
        return (
            cls.objects.live()
            .select_related("publication_type")
            .prefetch_related(authors_with_people())
            .defer_streamfields()
            .defer("pdf_text")
        )

    @classmethod
    def listing_queryset(cls):
        """Card-ready, live and public publications for an index."""
        return cls.card_queryset().public()

    @classmethod
    def featured_for_home_page(cls, limit):
        return (
            cls.card_queryset()
            .public()
            .filter(featured=True)
            .order_by("-publication_date", "title")[:limit]
        )

    # Saving -----------------------------------------------------------------------------

    def clean(self):
        super().clean()
        self.doi = normalise_doi(self.doi)

    def save(self, *args, **kwargs):
        self.doi = normalise_doi(self.doi)
        self.refresh_pdf_text()
        return super().save(*args, **kwargs)

    def refresh_pdf_text(self):
        """Keep ``pdf_text`` in step with the attached PDF; extraction never blocks saving."""
        if not self.document_id:
            self.pdf_text, self.pdf_text_file_hash = "", ""
            return
        document = self.document
        if document.file_hash and document.file_hash == self.pdf_text_file_hash:
            return
        self.pdf_text = text_for_document(document)
        self.pdf_text_file_hash = document.file_hash or ""

    # What templates, search and citations read -----------------------------------------------

    @cached_property
    def author_credits(self):
        """The authors to show, in order: published people and free-text names."""
        prefetch_related_objects([self], authors_with_people())  # none if a listing did
        return [credit for author in self.authors.all() if (credit := author.credit())]

    @cached_property
    def citation_authors(self):
        """Who a citation credits: the individual authors, or else the group author (the
        publisher when none is named), so that no format is left without an author."""
        if self.author_credits:
            return self.author_credits
        name = self.group_author.strip() or self.publisher.strip()
        return [citations.Author.organization(name)] if name else []

    @cached_property
    def topic_list(self):
        return list(self.topics.all())

    @property
    def author_names(self):
        return ", ".join(credit.name for credit in self.author_credits)

    @property
    def topic_names(self):
        return ", ".join(topic.name for topic in self.topic_list)

    @property
    def type_name(self):
        return self.publication_type.name if self.publication_type_id else ""

    @property
    def citation_kind(self):
        if self.publication_type_id:
            return self.publication_type.citation_kind
        return CitationKind.ARTICLE

    @property
    def doi_url(self):
        return f"https://doi.org/{self.doi}" if self.doi else ""

    @property
    def search_date(self):
        return self.publication_date

    naming_heading = "Publications"
    # A search naming a kind of publication ("consensus study report") finds that kind first.
    search_kind_field = "publication_type__name"

    @classmethod
    def parts_of(cls, named, pages, paths):
        """The publications ``named`` wrote, each with its kind: one query for the kinds."""
        authored = [page.pk for page in pages if names_in(paths[page.pk], "authors")]
        kinds = dict(
            cls.objects.filter(pk__in=authored).values_list("pk", "publication_type__name")
        )
        return {pk: [kind] if kind else [] for pk, kind in kinds.items()}

    @property
    def naming_note(self):
        return f"{self.publication_date:%B %Y}" if self.publication_date else ""

    @property
    def search_summary(self):
        return Truncator(strip_tags(self.abstract)).words(40)

    def get_citation(self, request=None):
        return citations.Citation.for_publication(self, request)

    def citation_shown(self, request):
        """The citation the page shows, its type and PDF read with it in one query."""
        self.prefetch_details()
        return self.get_citation(request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        citation = when_shown(lambda: self.citation_shown(request))
        related = when_shown(lambda: self.related_pages(request))
        context["citation"] = citation
        context["citation_meta"] = when_shown(lambda: citations.highwire_meta(citation()))
        context["json_ld"] = when_shown(lambda: citations.json_ld_script(citation()))
        context["related_working_group"] = when_shown(lambda: related()[0])
        context["related_events"] = when_shown(lambda: related()[1])
        # A publication's address is its index's address plus its slug.
        url = self.get_url(request) or ""
        context["index_url"] = url[: -len(self.slug) - 1] if url.endswith(f"{self.slug}/") else ""
        return context

    def related_pages(self, request=None):
        """The related working group (or None) and events, only those live and public."""
        if getattr(request, "is_preview", False):
            # A preview's events are in memory, not yet in the database.
            event_ids = [link.event_id for link in self.related_events.all()]
            linked = Q(pk__in=event_ids)
        else:
            event_ids = None
            saved = PublicationRelatedEvent.objects.filter(page_id=self.pk)
            linked = Q(pk__in=saved.values("event_id"))
        if self.related_working_group_id:
            linked |= Q(pk=self.related_working_group_id)
        links = PublicationRelatedEvent.objects.filter(page_id=self.pk, event_id=OuterRef("pk"))
        pages = (
            Page.objects.live()
            .filter(linked)
            .public()
            .annotate(is_event=Exists(links), event_order=Subquery(links.values("sort_order")[:1]))
        )
        pages = {page.pk: page for page in pages}
        if event_ids is None:
            event_ids = sorted(
                (pk for pk, page in pages.items() if page.is_event),
                key=lambda pk: (pages[pk].event_order or 0, pk),
            )
        return pages.get(self.related_working_group_id), [
            pages[pk] for pk in event_ids if pk in pages
        ]

    def prefetch_details(self):
        """Type and PDF in one query (instead of one each) for the page's own view."""
        if not (self.publication_type_id or self.document_id) or not self.pk:
            return
        # What routing's select_related already brought (the Model _meta API's fields).
        fields = [self._meta.get_field(name) for name in ("publication_type", "document")]
        if all(field.is_cached(self) for field in fields):
            return
        fetched = (
            type(self)
            .objects.filter(pk=self.pk)
            .select_related("publication_type", "document")
            .only("publication_type", "document")
            .first()
        )
        if fetched is None:
            return
        if fetched.publication_type_id == self.publication_type_id:
            self.publication_type = fetched.publication_type
        if fetched.document_id == self.document_id:
            self.document = fetched.document

    def get_cached_paths(self):
        return ["/"] + [f"/{self.reverse_subpage(name)}" for name in ("ris", "bibtex")]

    @path("citation/ris/", name="ris")
    def citation_ris(self, request):
        return self._download(
            citations.to_ris(self.get_citation(request)),
            "application/x-research-info-systems",
            "ris",
        )

    @path("citation/bibtex/", name="bibtex")
    def citation_bibtex(self, request):
        return self._download(
            citations.to_bibtex(self.get_citation(request)), "application/x-bibtex", "bib"
        )

    def _download(self, content, content_type, extension):
        response = HttpResponse(content, content_type=f"{content_type}; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.{extension}"'
        return response


def authors_with_people():
    """A publication's authors in order, each with the person it names."""
    return Prefetch(
        "authors",
        queryset=PublicationAuthor.objects.select_related("person").order_by("sort_order"),
    )


class PublicationAuthor(Orderable):
    """One author: a person the site knows, or a name typed in with an affiliation."""

    page = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="authors")
    person = models.ForeignKey(
        "community.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="publication_credits",
        help_text="Choose a person, or type a name below.",
    )
    name = models.CharField(
        max_length=200, blank=True, help_text="For authors who are not people on this site."
    )
    affiliation = models.CharField(max_length=200, blank=True)

    panels = [FieldPanel("person"), FieldPanel("name"), FieldPanel("affiliation")]

    class Meta(Orderable.Meta):
        verbose_name = "author"

    def __str__(self):
        credit = self.credit()
        return credit.name if credit else ""

    def clean(self):
        super().clean()
        if not self.person_id and not self.name.strip():
            raise ValidationError({"name": "Choose a person or type the author's name."})

    def credit(self):
        person = self.person if self.person_id else None
        if person is not None and person.live:
            return citations.Author(
                name=person.name,
                display_name=person.display_name,
                affiliation=self.affiliation or person.organization,
            )
        # A person not (or no longer) published is credited by name only.
        name = self.name.strip() or (person.name if person is not None else "")
        if not name:
            return None
        return citations.Author(name=name, display_name=name, affiliation=self.affiliation)


class PublicationRelatedEvent(Orderable):
    page = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="related_events")
    event = models.ForeignKey("events.EventPage", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("event", page_type="events.EventPage")]

    class Meta(Orderable.Meta):
        verbose_name = "related event"


class ExtractedPdfText(models.Model):
    """Text already pulled out of a PDF, by the file's hash: a PDF is read only once."""

    file_hash = models.CharField(max_length=40, unique=True)
    text = models.TextField(blank=True)
    problem = models.CharField(max_length=300, blank=True)
    extracted_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "extracted PDF text"
        verbose_name_plural = "extracted PDF texts"

    def __str__(self):
        return self.file_hash


# The knowledge hub ---------------------------------------------------------------------------


class ResourceKind(models.TextChoices):
    """The kinds of resource the hub gathers, in the order it presents them."""

    NATIONAL_PLAN = "national-plan", "National plan"
    REPORTS = "reports", "Reports and discussion papers"
    TOOLKITS = "toolkits", "Toolkits and compendia"
    INSTRUMENTS = "instruments", "Validated instruments"
    CASE_STUDIES = "case-studies", "Case studies"
    STRATEGIES = "strategies", "Strategies (COVID-19)"
    CONCEPTUAL_MODEL = "conceptual-model", "Conceptual model"
    EXTERNAL = "external", "External resources"


def validate_resource_link(value):
    """A web address, or a telephone number as ``tel:`` (a crisis line)."""
    if re.fullmatch(r"tel:\+?[0-9-]{3,20}", value):
        return
    URLValidator(schemes=["https"])(value)


class KnowledgeHubPage(FilterableListingMixin, BasePage):
    """The Collaborative's resources by kind: each links to a page of the site, a document or
    a source elsewhere; filterable by kind and topic without JavaScript, and searchable."""

    introduction = models.TextField(blank=True, help_text="A sentence or two under the title.")
    body = RichTextField(blank=True, help_text="Optional text shown after the resources.")

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        InlinePanel("resources", heading="Resources", label="Resource"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction", boost=2),
        index.SearchField("body"),
        index.RelatedFields(
            "resources", [index.SearchField("title", boost=2), index.SearchField("summary")]
        ),
    ]
    api_fields = [APIField("introduction")]

    parent_page_types = ["home.HomePage", "core.StandardPage"]
    subpage_types = ["core.StandardPage"]

    listing_filters = (
        ListingFilter("kind", "Kind", "kind", order="choices", choices=tuple(ResourceKind.choices)),
        ListingFilter("topic", "Topic", "topics__slug", "topics__name"),
    )
    listing_per_page = 24

    class Meta:
        verbose_name = "knowledge hub"

    @property
    def search_date(self):
        return None

    @property
    def search_summary(self):
        return self.introduction or "The Collaborative's resources, by kind."

    def visible_resources(self):
        """The resources a visitor may open: those linking to a live, public page, to a
        document, or elsewhere; in the editors' order, with what their links need."""
        return self.openable(self.resources.all())

    @staticmethod
    def openable(resources):
        """Of ``resources``, those a visitor may open (see ``visible_resources``)."""
        resources = resources.filter(Q(link_page__isnull=True) | Q(link_page__live=True))
        for restriction in site_view_restrictions():
            resources = resources.exclude(link_page__path__startswith=restriction.page.path)
        return resources.select_related("link_page", "link_document").order_by("sort_order", "pk")

    def listing_items(self, request):
        return self.visible_resources().prefetch_related("topics")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = when_shown(lambda: self.sections(context["listing"]))
        return context

    @staticmethod
    def sections(listing):
        """The listed resources by kind, in the kinds' order: (label, kind, resources)."""
        if listing.page is None:
            return []
        order = {kind: position for position, kind in enumerate(ResourceKind.values)}
        resources = sorted(listing.page.object_list, key=lambda r: order.get(r.kind, 99))
        return [
            (ResourceKind(kind).label, kind, [r for r in resources if r.kind == kind])
            for kind in ResourceKind.values
            if any(r.kind == kind for r in resources)
        ]

    @classmethod
    def featured_resources(cls, hub_id, limit=3):
        """The first resources of a live hub in the editors' order, each with its hub, for
        the home page's call-out: one query, the hub included."""
        resources = HubResource.objects.filter(page_id=hub_id, page__live=True)
        return list(cls.openable(resources).select_related("page")[:limit])


class HubResource(ClusterableModel, Orderable):
    """One resource in the knowledge hub: what it is, and where it opens."""

    page = ParentalKey(KnowledgeHubPage, on_delete=models.CASCADE, related_name="resources")
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=30, choices=ResourceKind.choices)
    summary = models.TextField(max_length=600, help_text="One or two sentences.")
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A page of this site (a publication, an event...).",
    )
    link_document = models.ForeignKey(
        get_document_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Or a document to download.",
    )
    link_url = models.CharField(
        max_length=500,
        blank=True,
        validators=[validate_resource_link],
        help_text="Or an https:// address elsewhere, or tel:988 for a telephone line.",
    )
    topics = ParentalManyToManyField(Topic, blank=True, related_name="hub_resources")

    panels = [
        FieldPanel("title"),
        FieldPanel("kind"),
        FieldPanel("summary"),
        PageChooserPanel("link_page"),
        FieldPanel("link_document"),
        FieldPanel("link_url"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "resource"

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        links = [bool(self.link_page_id), bool(self.link_document_id), bool(self.link_url)]
        if sum(links) != 1:
            message = "Link the resource to exactly one of: a page, a document or an address."
            raise ValidationError({"link_page": message})

    @property
    def url(self):
        if self.link_page_id and self.link_page is not None:
            return self.link_page.url
        if self.link_document_id and self.link_document is not None:
            return self.link_document.url
        return self.link_url

    @property
    def link_note(self):
        """What opening the link does, for visitors and screen readers alike."""
        if self.link_document_id and self.link_document is not None:
            extension = self.link_document.file_extension.upper()
            return f"{extension} download" if extension else "Download"
        if self.link_url.startswith("tel:"):
            return f"Call {self.link_url[4:]}"
        if self.link_url:
            return "Opens another website"
        return ""
