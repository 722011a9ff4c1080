"""The home page: the top floor, showing what the content apps offer."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from core.blocks import BodyBlock, GoalBlock, LinkBlock
from core.metadata import SITE_NAME, ShareImage
from core.pages import BasePage, SitePageQuerySet
from events.models import EventIndexPage, EventPage
from gallery.models import ArtworkPage
from news.models import NewsPage
from publications.models import KnowledgeHubPage, PublicationPage


class HomePageQuerySet(SitePageQuerySet):
    """Home pages, each with its hero image: Wagtail loads the site's home page through the
    default manager, so the hero comes in the same query."""

    def select_for_update(self, *args, **kwargs):
        # A lock (Wagtail's, when publishing) takes the page alone: PostgreSQL cannot lock
        # the optional side of the join to the hero image.
        return super(HomePageQuerySet, self.select_related(None)).select_for_update(*args, **kwargs)


class HomePageManager(PageManager.from_queryset(HomePageQuerySet)):
    def get_queryset(self):
        return super().get_queryset().select_related("hero_image")


class HomePage(BasePage):
    objects = HomePageManager()

    hero_heading = models.CharField(
        max_length=150, help_text="The statement at the top of the home page."
    )
    hero_text = models.TextField(blank=True, help_text="One or two sentences under the heading.")
    hero_link = StreamField(
        [("link", LinkBlock())], blank=True, max_num=2, help_text="Up to two buttons in the hero."
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown beside the heading. Set its focal point in the image's own editor: "
        "the crop keeps it in view on every screen.",
    )
    hero_image_alt = models.CharField(
        "hero image alt text",
        max_length=250,
        blank=True,
        help_text="What the image shows, for people who cannot see it (required with an image).",
    )
    goals_heading = models.CharField(max_length=120, default="Our goals")
    goals_intro = models.TextField(blank=True)
    goals = StreamField([("goal", GoalBlock())], blank=True)
    featured_publications_heading = models.CharField(
        max_length=120, default="Featured publications"
    )
    upcoming_events_heading = models.CharField(max_length=120, default="Upcoming events")
    gallery_heading = models.CharField(
        max_length=120, default="Expressions of Clinician Well-Being"
    )
    gallery_text = models.TextField(blank=True)
    knowledge_hub_heading = models.CharField(max_length=120, blank=True)
    knowledge_hub_text = models.TextField(blank=True)
    knowledge_hub_page = models.ForeignKey(
        "publications.KnowledgeHubPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The page the knowledge-hub call-out links to.",
    )
    body = StreamField(BodyBlock(), blank=True, help_text="Anything else, below the sections.")

    def clean(self):
        super().clean()
        if self.hero_image_id and not self.hero_image_alt.strip():
            raise ValidationError({"hero_image_alt": "Describe the hero image."})

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_text"),
                FieldPanel("hero_link"),
                FieldPanel("hero_image"),
                FieldPanel("hero_image_alt"),
            ],
            heading="Hero",
        ),
        MultiFieldPanel(
            [FieldPanel("goals_heading"), FieldPanel("goals_intro"), FieldPanel("goals")],
            heading="Goals",
        ),
        MultiFieldPanel(
            [
                HelpPanel(
                    "These sections fill themselves from featured publications, upcoming "
                    "events and the gallery; here you only set their headings."
                ),
                FieldPanel("featured_publications_heading"),
                FieldPanel("upcoming_events_heading"),
                FieldPanel("gallery_heading"),
                FieldPanel("gallery_text"),
            ],
            heading="Sections from the rest of the site",
        ),
        MultiFieldPanel(
            [
                FieldPanel("knowledge_hub_heading"),
                FieldPanel("knowledge_hub_text"),
                PageChooserPanel("knowledge_hub_page"),
            ],
            heading="Knowledge hub call-out",
        ),
        FieldPanel("body"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("hero_heading"),
        index.SearchField("hero_text"),
        index.SearchField("body"),
    ]
    api_fields = [APIField("hero_heading"), APIField("hero_text"), APIField("goals")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    search_is_listing = True

    class Meta:
        verbose_name = "home page"

    def meta_title(self):
        """Shared, the home page is the site, not “Home”."""
        return self.seo_title or SITE_NAME

    def meta_description(self):
        return self.search_description or self.hero_text or self.hero_heading

    def share_image(self, context):
        """The hero image, which the page shows already (else the site's default)."""
        if self.hero_image_id is None:
            return None
        return ShareImage(self.hero_image, self.hero_image_alt or None)

    def featured_publications(self):
        return PublicationPage.featured_for_home_page(3)

    @cached_property
    def latest_news(self):
        return NewsPage.latest(3)

    def news_index_url(self):
        """The address of the news index the latest items sit in (their parent's address,
        read from theirs: no query)."""
        if not self.latest_news:
            return ""
        url = self.latest_news[0].url or ""
        return url[: url.rstrip("/").rfind("/") + 1]

    @cached_property
    def upcoming_events(self):
        return list(EventPage.upcoming_for_home_page(3))

    @cached_property
    def knowledge_hub_resources(self):
        """The first resources of the knowledge hub, when it is live."""
        if not self.knowledge_hub_page_id:
            return []
        return KnowledgeHubPage.featured_resources(self.knowledge_hub_page_id, 3)

    @cached_property
    def live_knowledge_hub(self):
        """The hub the call-out links to, when it is live (read with its resources)."""
        if self.knowledge_hub_resources:
            return self.knowledge_hub_resources[0].page
        hub = self.knowledge_hub_page
        return hub if hub is not None and hub.live else None

    def gallery_highlights(self):
        return ArtworkPage.highlights_for_home_page(4)

    def past_events_page(self):
        """The events index, for a link to past meetings when none is coming up (only
        then is it looked up)."""
        if self.upcoming_events:
            return []
        return EventIndexPage.index_for_home_page()

    def cache_seconds(self):
        """The upcoming-events section changes when an event it shows ends: a kept copy of
        the home page (or of its content) must not outlive that moment."""
        return EventPage.listed_cache_seconds(self.upcoming_events)
