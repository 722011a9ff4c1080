"""Working groups, and the index that shows them by phase of the Collaborative."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from community.models.people import Person, people_directory_url
from core.blocks import BodyBlock
from core.pages import BasePage, when_shown


@dataclass(frozen=True)
class Phase:
    value: str
    label: str
    start_year: int
    end_year: int

    @property
    def years(self):
        return f"{self.start_year}–{self.end_year}"


# Newest last; the index shows the newest (current) phase first.
PHASES = (
    Phase("phases-1-2", "Phases I–II", 2017, 2020),
    Phase("phase-3", "Phase III", 2021, 2022),
)
PHASES_BY_VALUE = {phase.value: phase for phase in PHASES}


class WorkingGroupIndexPage(BasePage):
    introduction = models.TextField(blank=True)
    body = StreamField(BodyBlock(), blank=True, help_text="Shown after the working groups.")

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("introduction", boost=2)]
    api_fields = [APIField("introduction")]

    parent_page_types = ["home.HomePage", "core.StandardPage"]
    subpage_types = ["community.WorkingGroupPage"]

    search_is_listing = True

    class Meta:
        verbose_name = "working groups index"

    @property
    def search_date(self):
        return None

    @property
    def search_summary(self):
        return self.introduction

    def phases(self):
        """[(phase, [working group, ...]), ...], the newest phase first."""
        children = WorkingGroupPage.objects.child_of(self).live()
        groups = list(children.public().defer_streamfields().order_by("title"))
        return [
            (phase, [group for group in groups if group.phase == phase.value])
            for phase in reversed(PHASES)
            if any(group.phase == phase.value for group in groups)
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["phases"] = when_shown(self.phases)
        return context


class WorkingGroupPage(BasePage):
    charge = models.TextField(
        help_text="The group's charge: what it set out to do, in a sentence or two."
    )
    phase = models.CharField(
        max_length=20, choices=[(phase.value, f"{phase.label} ({phase.years})") for phase in PHASES]
    )
    start_year = models.PositiveSmallIntegerField(help_text="The year the group began meeting.")
    end_year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The year it finished; leave empty while it is active."
    )
    body = StreamField(BodyBlock(), blank=True, help_text="Its work, products and results.")

    content_panels = Page.content_panels + [
        FieldPanel("charge"),
        MultiFieldPanel(
            [
                FieldPanel("phase"),
                FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
            ],
            heading="When",
        ),
        FieldPanel("body"),
        InlinePanel("members", heading="Members", label="Member"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("charge", boost=2),
        index.SearchField("body"),
        index.RelatedFields("members", [index.SearchField("person_name", boost=2)]),
        index.FilterField("phase"),
    ]
    api_fields = [
        APIField("charge"),
        APIField("phase"),
        APIField("start_year"),
        APIField("end_year"),
    ]

    parent_page_types = ["community.WorkingGroupIndexPage"]
    subpage_types = []

    search_label = "Working groups"

    class Meta:
        verbose_name = "working group"

    def clean(self):
        super().clean()
        if self.end_year and self.start_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": "A group cannot finish before it starts."})

    @property
    def phase_info(self):
        return PHASES_BY_VALUE.get(self.phase)

    @property
    def active_years(self):
        if not self.start_year:
            return ""
        if not self.end_year:
            return f"{self.start_year} to present"
        if self.end_year == self.start_year:
            return str(self.start_year)
        return f"{self.start_year}–{self.end_year}"

    @property
    def search_date(self):
        return None

    @property
    def search_summary(self):
        return self.charge

    naming_heading = "Working groups"

    @classmethod
    def parts_of(cls, named, pages, paths):
        """The role ``named`` holds in each working group: one query."""
        memberships = WorkingGroupMember.objects.filter(page__in=pages, person=named)
        parts = {}
        for membership in memberships.order_by("sort_order"):
            parts.setdefault(membership.page_id, []).append(membership.get_role_display())
        return parts

    @property
    def naming_date(self):
        return datetime.date(self.start_year, 1, 1) if self.start_year else None

    @property
    def naming_note(self):
        return self.active_years

    def live_members(self):
        return list(
            self.members.filter(person__live=True)
            .select_related("person", "person__photo")
            .order_by("sort_order", "pk")
        )

    def related_publications(self, limit=10):
        """The group's live, public publications, newest first (the publications app names
        the group; this is that link read the other way)."""
        items = self.publications.live().public().defer_streamfields()
        return list(items.order_by("-publication_date", "pk")[:limit])

    def related_events(self, limit=10):
        items = self.events.live().public().defer_streamfields()
        return list(items.order_by("-start", "pk")[:limit])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["members"] = when_shown(self.members_shown)
        context["related_publications"] = when_shown(self.related_publications)
        context["related_events"] = when_shown(self.related_events)
        return context

    def members_shown(self):
        """The live members, each with the address of their profile when there is one."""
        members = self.live_members()
        directory_url = people_directory_url() if members else ""
        for member in members:
            member.profile_url = f"{directory_url}{member.person.slug}/" if directory_url else ""
        return members


class WorkingGroupRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    CO_CHAIR = "co_chair", "Co-chair"
    MEMBER = "member", "Member"
    STAFF = "staff", "Staff"


class WorkingGroupMember(Orderable):
    page = ParentalKey(WorkingGroupPage, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(
        max_length=20, choices=WorkingGroupRole.choices, default=WorkingGroupRole.MEMBER
    )

    panels = [FieldPanel("person"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = "working group member"

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"

    @property
    def person_name(self):
        return self.person.name
