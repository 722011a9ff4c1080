"""The ground floor: the standard page, what every page shares, site settings and the
base of public submissions."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import models
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import BodyBlock, LinkBlock, SocialLinkBlock
from core.pages import BasePage, site_pages
from core.protection import safe_header


class StandardPage(BasePage):
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

    parent_page_types = ["home.HomePage", "core.StandardPage"]

    template = "core/standard_page.html"

    class Meta:
        verbose_name = "standard page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["child_pages"] = (
            site_pages().child_of(self).live().public().in_menu().specific().defer_streamfields()
        )
        return context


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Everything that appears on every page, edited in one place: saving them refreshes
    every page."""

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
    default_share_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=(
            "Shown when a page without an image of its own is shared on social media. "
            "Landscape, at least 1200 × 630 pixels; its description is read as its alt text."
        ),
    )

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
            ObjectList([FieldPanel("default_share_image")], heading="Sharing"),
        ]
    )

    class Meta:
        verbose_name = "site settings"


class PublicSubmission(models.Model):
    """Base of everything the public submits through a form (commitment statements,
    hosting requests, artworks): saved first, then staff are told."""

    submitted_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        abstract = True

    def notify_staff(self):
        """Email staff about it. The message is queued with the submission and delivered
        once both are saved (operations.mail), so a mail server that is down loses
        nothing."""
        if settings.STAFF_NOTIFICATION_EMAILS:
            send_mail(
                safe_header(self.notification_subject()),
                self.notification_body(),
                settings.DEFAULT_FROM_EMAIL,
                settings.STAFF_NOTIFICATION_EMAILS,
            )

    def notification_subject(self):
        return f"New {self._meta.verbose_name}: {self}"

    def notification_body(self):
        return f"A new {self._meta.verbose_name} was submitted on the website: {self}."


class SubmissionFingerprint(models.Model):
    """A digest of something the public submitted, so that the same submission twice in a
    short time (a double click, two tabs) is saved once (core.protection)."""

    digest = models.CharField(max_length=64, unique=True)
    seen_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = "submission fingerprint"

    def __str__(self):
        return self.digest
