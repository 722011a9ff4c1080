"""News and updates: announcements from the Collaborative, newest first, with a feed.

Topics are publications' topics, so a visitor following a topic finds its papers and its
news under the same name. Related publications and events are typed inline relations.
"""

import datetime

from django import forms
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import Truncator
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import BodyBlock
from core.feeds import TopicFeeds
from core.listing import FilterableListingMixin, ListingFilter, ListingSort, YearFilter
from core.pages import BasePage, site_pages
from news.feeds import NewsFeed
from publications.models import Topic


class NewsIndexPage(FilterableListingMixin, TopicFeeds, BasePage):
    introduction = models.TextField(blank=True, help_text="A sentence or two under the title.")

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    search_is_listing = True

    listing_filters = (
        ListingFilter("topic", "Topic", "topics__slug", "topics__name"),
        YearFilter("year", "Year", "date__year", order="-value"),
    )
    listing_sorts = (
        ListingSort("newest", "Newest first", ("-date", "-first_published_at", "title")),
        ListingSort("oldest", "Oldest first", ("date", "first_published_at", "title")),
    )
    listing_per_page = 10
    feed_class = NewsFeed
    feed_subject = "News"
    feed_ordering = ("-date", "-first_published_at")
    topic_model = Topic

    parent_page_types = ["home.HomePage", "core.StandardPage"]
    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = "news index"

    def news_items(self):
        """Live, public news below this index, ready for listing without more queries."""
        return NewsPage.listing_queryset().descendant_of(self)

    def listing_items(self, request):
        return self.news_items()

    # Feeds (core.feeds.TopicFeeds) ---------------------------------------------------------

    def feed_queryset(self):
        return self.news_items()

    @property
    def search_date(self):
        return None

    @property
    def search_summary(self):
        return self.introduction or "News and announcements from the Collaborative."


class NewsPage(BasePage):
    search_label = "News"
    og_type = "article"

    date = models.DateField(
        "news date",
        default=datetime.date.today,
        help_text="The day the news happened or was announced; lists sort by it.",
    )
    summary = models.TextField(
        help_text="One or two sentences in plain text, shown in listings, feeds and search."
    )
    body = StreamField(BodyBlock(), blank=True)
    topics = ParentalManyToManyField(Topic, blank=True, related_name="news_items")

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                InlinePanel("related_publications", label="Publication"),
                InlinePanel("related_events", label="Event"),
            ],
            heading="Related",
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=1.5),
        index.SearchField("body"),
        index.SearchField("topic_names"),
        index.FilterField("date"),
        index.RelatedFields("topics", [index.FilterField("slug")]),
    ]
    api_fields = [
        APIField("date"),
        APIField("summary"),
        APIField("body"),
        APIField("topic_names"),
    ]
    search_date_field = "date"

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "news item"
        verbose_name_plural = "news"
        indexes = [models.Index(fields=["-date"], name="news_date_order")]

    # Queries ----------------------------------------------------------------------------

    @classmethod
    def listing_queryset(cls):
        """Live, public news with their topics, bodies left out: two queries a page."""
        return (
            cls.objects.live()
            .public()
            .prefetch_related(Prefetch("topics", queryset=Topic.objects.order_by("name")))
            .defer_streamfields()
            .order_by("-date", "-first_published_at", "title")
        )

    @classmethod
    def latest(cls, limit=3):
        """The newest ``limit`` live, public news items (for the home page): a list, read
        in three queries (view restrictions, items, topics) whatever their number."""
        return list(cls.listing_queryset()[:limit])

    # What templates, feeds and search read ------------------------------------------------

    @cached_property
    def topic_list(self):
        return list(self.topics.all())

    @property
    def topic_names(self):
        return ", ".join(topic.name for topic in self.topic_list)

    @property
    def search_date(self):
        return self.date

    @property
    def search_summary(self):
        return Truncator(self.summary).words(40)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_publications"], context["related_events"] = self.related_pages(request)
        # A news item's address is its index's address plus its slug.
        url = self.get_url(request) or ""
        context["index_url"] = url[: -len(self.slug) - 1] if url.endswith(f"{self.slug}/") else ""
        return context

    def related_pages(self, request=None):
        """The related publications and events that are live and public, in their order."""
        if getattr(request, "is_preview", False):
            publication_ids = [link.publication_id for link in self.related_publications.all()]
            event_ids = [link.event_id for link in self.related_events.all()]
        else:
            publication_ids = list(
                NewsRelatedPublication.objects.filter(page_id=self.pk)
                .order_by("sort_order")
                .values_list("publication_id", flat=True)
            )
            event_ids = list(
                NewsRelatedEvent.objects.filter(page_id=self.pk)
                .order_by("sort_order")
                .values_list("event_id", flat=True)
            )
        wanted = [pk for pk in publication_ids + event_ids if pk]
        if not wanted:
            return [], []
        pages = {page.pk: page for page in site_pages().live().public().filter(pk__in=wanted)}
        return (
            [pages[pk] for pk in publication_ids if pk in pages],
            [pages[pk] for pk in event_ids if pk in pages],
        )

    @property
    def published_at(self):
        """When a feed says the item appeared: its news date, at noon UTC."""
        return timezone.make_aware(
            datetime.datetime.combine(self.date, datetime.time(12)), datetime.UTC
        )


class NewsRelatedPublication(Orderable):
    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="related_publications")
    publication = models.ForeignKey(
        "publications.PublicationPage", on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("publication", page_type="publications.PublicationPage")]

    class Meta(Orderable.Meta):
        verbose_name = "related publication"


class NewsRelatedEvent(Orderable):
    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="related_events")
    event = models.ForeignKey("events.EventPage", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("event", page_type="events.EventPage")]

    class Meta(Orderable.Meta):
        verbose_name = "related event"
