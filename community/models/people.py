"""People: the Person snippet and the page that lists them by role."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Subquery
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.html import strip_tags
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    Page,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from community.blocks import ProfileLinkBlock
from core.metadata import ShareImage
from core.pages import BasePage, pages_naming, when_shown

PHOTO_RENDITION = "fill-240x240-c100"


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
    The row always holds the published version; a pending draft lives in a revision, so
    public pages read the row and filter on ``live``.
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
    links = StreamField(
        [("link", ProfileLinkBlock())],
        blank=True,
        help_text="Other places to find them: ORCID, an institutional profile, social media.",
    )
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
        MultiFieldPanel([FieldPanel("website"), FieldPanel("links")], heading="Links"),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("role_title"),
        index.SearchField("organization"),
        index.SearchField("bio"),
        index.FilterField("live"),
    ]
    api_fields = [
        APIField("name"),
        APIField("credentials"),
        APIField("role_title"),
        APIField("organization"),
    ]

    # Site search: what visitors call people, which people they may find, and where.
    search_label = "People"

    class Meta:
        ordering = ["name"]
        verbose_name = "person"
        verbose_name_plural = "people"

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        return f"{self.name}, {self.credentials}" if self.credentials else self.name

    @property
    def title_line(self):
        """Role and organization on one line, e.g. “Program Officer, National Academy of
        Medicine”."""
        return ", ".join(part for part in (self.role_title, self.organization) if part)

    @property
    def initials(self):
        words = [word for word in self.name.split() if word[:1].isalpha()]
        return "".join(word[0] for word in words[:1] + words[1:][-1:]).upper()

    @property
    def search_summary(self):
        bio = " ".join(strip_tags(self.bio).split())
        return bio[:240] or self.title_line

    def clean(self):
        if self.photo_id and not self.photo_alt_text.strip():
            raise ValidationError({"photo_alt_text": "Describe the photo, or remove it."})

    def get_preview_template(self, request, mode_name):
        return "community/person_preview.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["person"] = self
        return context

    def get_profile_url(self, request=None):
        """The public address of this person's profile, or "" while no people page exists."""
        directory_url = people_directory_url()
        return f"{directory_url}{self.slug}/" if directory_url else ""

    @classmethod
    def search_visible(cls):
        return cls.objects.filter(live=True)

    @classmethod
    def search_result_urls(cls, people):
        """Each person's profile address (one query for the people page), or "" each while
        there is no people page."""
        directory_url = people_directory_url() if people else ""
        return {
            person.pk: f"{directory_url}{person.slug}/" if directory_url else ""
            for person in people
        }


def people_directory_url():
    """The address of the live, public people page that holds profiles (the first in the
    tree), or "" while there is none. One query: callers listing people ask once."""
    directory = PeoplePage.objects.live().public().order_by("path").first()
    return directory.url if directory is not None else ""


class PeopleGroup(models.TextChoices):
    """The groups a people page shows, in this order."""

    CHAIR = "chair", "Chair"
    CO_CHAIR = "co_chair", "Co-chair"
    STAFF = "staff", "Staff"


GROUP_HEADINGS = {
    PeopleGroup.CHAIR: "Chair",
    PeopleGroup.CO_CHAIR: "Co-chairs",
    PeopleGroup.STAFF: "Staff",
}


class PeoplePage(RoutablePageMixin, BasePage):
    """Leadership and staff, grouped by role, in the order editors set; each person's profile
    lives at ``<this page>/<person slug>/``."""

    introduction = models.TextField(blank=True)
    body = RichTextField(blank=True, help_text="Optional text shown after the people.")

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        InlinePanel(
            "placements",
            heading="People",
            label="Person",
            help_text="Drag to set the order within each group.",
        ),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction", boost=2),
        index.SearchField("body"),
    ]
    api_fields = [APIField("introduction")]

    parent_page_types = ["home.HomePage", "core.StandardPage"]
    subpage_types = []
    gives_addresses_to = ("community.Person",)  # every person's profile lives below

    class Meta:
        verbose_name = "people page"

    @property
    def search_date(self):
        return None

    @property
    def search_summary(self):
        return self.introduction or "The Collaborative's leadership and staff."

    def live_placements(self):
        return list(
            self.placements.filter(person__live=True)
            .select_related("person", "person__photo")
            .prefetch_related("person__photo__renditions")
            .order_by("sort_order", "pk")
        )

    def groups(self):
        """[(heading, [placement, ...]), ...] in the fixed order of the groups."""
        placements = self.live_placements()
        return [
            (GROUP_HEADINGS[group], [p for p in placements if p.group == group])
            for group in PeopleGroup
            if any(p.group == group for p in placements)
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["groups"] = when_shown(self.groups)
        return context

    @path("<slug:person_slug>/", name="person")
    def person_profile(self, request, person_slug):
        role_here = PeoplePagePerson.objects.filter(page=self, person=OuterRef("pk")).order_by(
            "sort_order"
        )
        person = (
            Person.objects.filter(live=True, slug=person_slug)
            .select_related("photo")
            .annotate(group_here=Subquery(role_here.values("group")[:1]))
            .first()
        )
        if person is None:
            raise Http404("No such person")
        context = Page.get_context(self, request)
        context.update(
            person=person,
            role=PeopleGroup(person.group_here).label if person.group_here else "",
            named_on=pages_naming(person),
            person_json_ld=person_json_ld(person, request),
            meta_title=person.display_name,
            meta_description=person.search_summary,
            meta_image=ShareImage(person.photo, person.photo_alt_text) if person.photo else None,
        )
        return TemplateResponse(request, "community/person_page.html", context)

    def cached_paths_showing(self, shown):
        """A person's profile here, for the CDN to drop when the person changes."""
        if isinstance(shown, Person) and shown.slug:
            return [f"/{self.reverse_subpage('person', kwargs={'person_slug': shown.slug})}"]
        return []

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        for placement in self.live_placements():
            urls.append({"location": self.full_url + placement.person.slug + "/"})
        return urls


def person_json_ld(person, request):
    data = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": person.name,
        "url": request.build_absolute_uri(),
    }
    if person.role_title:
        data["jobTitle"] = person.role_title
    if person.organization:
        data["worksFor"] = {"@type": "Organization", "name": person.organization}
    if person.credentials:
        data["honorificSuffix"] = person.credentials
    same_as = [person.website] if person.website else []
    same_as += [link.value["url"] for link in person.links]
    if same_as:
        data["sameAs"] = same_as
    return data


class PeoplePagePerson(Orderable):
    """One person on a people page, in a group."""

    page = ParentalKey(PeoplePage, on_delete=models.CASCADE, related_name="placements")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    group = models.CharField(max_length=20, choices=PeopleGroup.choices, default=PeopleGroup.STAFF)

    panels = [FieldPanel("person"), FieldPanel("group")]

    class Meta(Orderable.Meta):
        verbose_name = "person on the page"

    def __str__(self):
        return f"{self.person} ({self.get_group_display()})"
