from django.apps import apps
from django.db import models
from wagtail.admin.panels import (
    FieldPanel,
    HelpPanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock, GoalBlock, LinkBlock, SocialLinkBlock
from home.routing import ChildrenServedInOneQuery
from home.visibility import ViewRestrictionsInOneQuery, public


def content_from(model_label, method, *args):
    """Items another app offers the home page, or nothing while that app has no such model.

    The home app sits below the content apps, so it names their models by label instead
    of importing them; each model offers a classmethod returning a ready queryset.
    """
    try:
        model = apps.get_model(model_label)
    except LookupError:
        return []
    provider = getattr(model, method, None)
    return list(provider(*args)) if provider else []


class HomePage(ChildrenServedInOneQuery, ViewRestrictionsInOneQuery, Page):
    hero_heading = models.CharField(
        max_length=150, help_text="The statement at the top of the home page."
    )
    hero_text = models.TextField(blank=True, help_text="One or two sentences under the heading.")
    hero_link = StreamField(
        [("link", LinkBlock())], blank=True, max_num=2, help_text="Up to two buttons in the hero."
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
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The page the knowledge-hub call-out links to.",
    )
    body = StreamField(BodyBlock(), blank=True, help_text="Anything else, below the sections.")

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_heading"), FieldPanel("hero_text"), FieldPanel("hero_link")],
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

    class Meta:
        verbose_name = "home page"

    def featured_publications(self):
        return content_from("publications.PublicationPage", "featured_for_home_page", 3)

    def upcoming_events(self):
        return content_from("events.EventPage", "upcoming_for_home_page", 3)

    def gallery_highlights(self):
        return content_from("gallery.ArtworkPage", "highlights_for_home_page", 4)

    def past_events_page(self):
        return content_from("events.EventIndexPage", "index_for_home_page")

    def cache_seconds(self):
        """The upcoming-events section changes when the next event ends: a cached copy of
        the home page must not outlive that moment."""
        try:
            return apps.get_model("events.EventPage").listing_cache_seconds()
        except LookupError:
            return None


class StandardPage(ChildrenServedInOneQuery, ViewRestrictionsInOneQuery, Page):
    introduction = models.TextField(
        blank=True, help_text="A short summary shown under the title and in listings."
    )
    body = StreamField(BodyBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]

    search_fields = Page.search_fields + [
        index.SearchField("introduction", boost=2),
        index.SearchField("body"),
    ]
    api_fields = [APIField("introduction"), APIField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]

    class Meta:
        verbose_name = "standard page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["child_pages"] = public(
            self.get_children().live().in_menu().specific().defer_streamfields()
        )
        return context


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Everything that appears on every page, edited in one place (and read from the cache:
    saving them refreshes every page)."""

    crisis_line_message = models.CharField(
        max_length=200,
        default="If you or someone you know is in crisis, call or text 988.",
        help_text="Shown at the top of every page. Keep it short.",
    )
    crisis_line_link = models.CharField(
        max_length=200,
        default="tel:988",
        help_text="A tel: link or web address for the crisis line.",
    )
    crisis_line_link_text = models.CharField(max_length=80, default="Call 988")
    newsletter_heading = models.CharField(max_length=120, default="Join our community")
    newsletter_text = models.CharField(
        max_length=300,
        blank=True,
        default="Sign up for National Academy of Medicine email updates.",
    )
    newsletter_url = models.URLField(blank=True, help_text="The sign-up form's address.")
    main_navigation = StreamField(
        [("link", LinkBlock())], blank=True, help_text="The menu at the top of every page."
    )
    footer_navigation = StreamField(
        [("link", LinkBlock())], blank=True, help_text="Links in the footer."
    )
    footer_text = RichTextField(blank=True, features=["bold", "italic", "link"])
    social_links = StreamField([("social", SocialLinkBlock())], blank=True)

    panels = []
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("crisis_line_message"),
                    FieldPanel("crisis_line_link"),
                    FieldPanel("crisis_line_link_text"),
                ],
                heading="Crisis line",
            ),
            ObjectList(
                [FieldPanel("main_navigation"), FieldPanel("footer_navigation")],
                heading="Navigation",
            ),
            ObjectList(
                [
                    FieldPanel("newsletter_heading"),
                    FieldPanel("newsletter_text"),
                    FieldPanel("newsletter_url"),
                    FieldPanel("footer_text"),
                    FieldPanel("social_links"),
                ],
                heading="Footer",
            ),
        ]
    )

    class Meta:
        verbose_name = "site settings"

    @classmethod
    def for_site(cls, site):
        from home.structure import structure_cached

        if site is None:
            return super().for_site(site)
        return structure_cached(f"site-settings:{site.pk}", lambda: super(cls, cls).for_site(site))


class PublicSubmission(models.Model):
    """Base of everything the public submits through a form (commitment statements,
    hosting requests, artworks): saved first, then staff are notified."""

    submitted_at = models.DateTimeField(auto_now_add=True, db_index=True)
    notified_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When staff were emailed about it."
    )

    class Meta:
        abstract = True

    def notification_subject(self):
        return f"New {self._meta.verbose_name}: {self}"

    def notification_body(self):
        return f"A new {self._meta.verbose_name} was submitted on the website: {self}."


# The editorial app's own models (the review task and the workflow email queue).
from home.editorial import EditorialEmail, ReviewTask  # noqa: E402,F401
