"""Public meetings, webinars and workshops: the events index, event pages and their parts.

Start and end are stored as exact instants (UTC in the database) together with the event's
IANA time zone, and shown in that zone. Whether an event is upcoming is decided by the
clock at request time: nothing is archived by hand, and cached copies of the pages expire
when the next event ends.
"""

import math
import zoneinfo
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, IntegerField, Min, Value, When
from django.http import HttpResponse
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from core.blocks import BodyBlock, MediaEmbedBlock, UploadedMediaBlock
from core.listing import FilterableListingMixin, ListingFilter, YearFilter
from core.pages import BasePage, RecordingCaptionsMixin, when_shown
from events.blocks import SPEAKER_ROLES, AgendaBlock

DEFAULT_TIME_ZONE = "America/New_York"
RESERVED_SLUGS = {"calendar"}  # the events index's own sub-page (its iCal feed)


def validate_time_zone(value):
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
        raise ValidationError(f"“{value}” is not a known time zone.") from error


def time_zone_choices():
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


# Snippets ----------------------------------------------------------------------------------


@register_snippet
class EventType(models.Model):
    """The managed list of kinds of event: public meeting, webinar, workshop…"""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True, help_text="Used in filter addresses.")

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        ordering = ["name"]
        verbose_name = "event type"

    def __str__(self):
        return self.name


@register_snippet
class Venue(index.Indexed, models.Model):
    """A place where events are held, reused by every event there."""

    name = models.CharField(max_length=200)
    address = models.CharField(max_length=250, blank=True, help_text="Street address.")
    city = models.CharField(max_length=120, help_text="City and state or country.")
    map_url = models.URLField(blank=True, help_text="A link to the place on a map.")

    panels = [FieldPanel("name"), FieldPanel("address"), FieldPanel("city"), FieldPanel("map_url")]
    search_fields = [index.SearchField("name"), index.SearchField("city")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"{self.name}, {self.city}"

    @property
    def full_address(self):
        return ", ".join(part for part in (self.name, self.address, self.city) if part)


# The index -----------------------------------------------------------------------------------


class EventIndexPage(
    FilterableListingMixin,
    RoutablePageMixin,
    BasePage,
):
    introduction = models.TextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    listing_filters = (
        ListingFilter("type", "Event type", "event_type__slug", label_field="event_type__name"),
        YearFilter("year", "Year", "year", order="-value"),
    )
    listing_per_page = 20

    parent_page_types = ["home.HomePage", "core.StandardPage"]
    subpage_types = ["events.EventPage"]
    # An event page shows its venue, type, agenda document and working group.
    child_related = ("venue", "event_type", "agenda_document", "related_working_group")
    # Calendar apps refresh a subscription every few hours; a hundred events is years ahead.
    feed_size = 100
    max_count = 1

    search_is_listing = True

    class Meta:
        verbose_name = "events index"

    @classmethod
    def index_for_home_page(cls):
        return list(cls.objects.live().public()[:1])

    def events(self):
        return EventPage.objects.child_of(self).live().public()

    def cache_seconds(self):
        """Cached copies of the listing and the feed expire when the next event ends."""
        return cache_timeout(EventPage.seconds_until_next_change(EventPage.objects.child_of(self)))

    def listing_items(self, request):
        now = timezone.now()
        upcoming = When(end__gt=now, then=Value(1))
        return (
            self.events()
            .select_related("event_type", "venue")
            .defer_streamfields()
            .annotate(
                listed_as_upcoming=Case(upcoming, default=Value(0), output_field=IntegerField()),
                upcoming_start=Case(When(end__gt=now, then=F("start")), default=None),
            )
            .order_by(
                F("listed_as_upcoming").desc(),
                F("upcoming_start").asc(nulls_last=True),
                "-start",
                "pk",
            )
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        periods = when_shown(lambda: self.events_by_period(context["listing"]))
        context["upcoming_events"] = when_shown(lambda: periods()["upcoming"])
        context["past_events_by_year"] = when_shown(lambda: periods()["past"])
        context["feed_url"] = self.feed_url(request)
        context["webcal_url"] = webcal(context["feed_url"])
        return context

    @staticmethod
    def events_by_period(listing):
        """The listed events: those upcoming, and those past by year [(year, events)]."""
        upcoming, past_years = [], []
        for event in listing.page or []:
            if event.listed_as_upcoming:
                upcoming.append(event)
            elif past_years and past_years[-1][0] == event.year:
                past_years[-1][1].append(event)
            else:
                past_years.append((event.year, [event]))
        return {"upcoming": upcoming, "past": past_years}

    def feed_url(self, request=None):
        return self.get_full_url(request) + self.reverse_subpage("feed")

    def get_cached_paths(self):
        return ["/", f"/{self.reverse_subpage('feed')}"]

    @path("calendar/", name="feed")
    def feed(self, request):
        """The next ``feed_size`` events as an iCalendar feed for calendar subscriptions."""
        from events.calendars import upcoming_events_calendar

        events = (
            self.events()
            .filter(end__gt=timezone.now())
            .select_related("venue")
            .defer_streamfields()
            .order_by("start", "pk")[: self.feed_size]
        )
        calendar = upcoming_events_calendar(self, events, request)
        return calendar_response(calendar, filename=None)


def webcal(url):
    return "webcal://" + url.split("://", 1)[-1]


def calendar_response(calendar, filename):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# The event -----------------------------------------------------------------------------------


class WallClockDateTimeField(forms.DateTimeField):
    """A date and time as typed (naive): the form places it in the event's zone."""

    def to_python(self, value):
        with timezone.override(UTC):
            result = super().to_python(value)
        return result.replace(tzinfo=None) if result else result


class EventPageForm(WagtailAdminPageForm):
    """Start and end are typed in the event's own time zone, whatever the editor's zone."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "time_zone" in self.fields:
            self.fields["time_zone"].widget = forms.Select(choices=time_zone_choices())
        for name in ("start", "end"):
            if name in self.fields:
                field = self.fields[name]
                self.fields[name] = WallClockDateTimeField(
                    required=field.required,
                    widget=field.widget,
                    label=field.label,
                    help_text=field.help_text,
                )
        zone = self._zone(self.instance.time_zone)
        for name in ("start", "end"):
            value = getattr(self.instance, name, None)
            if name in self.fields and value is not None and zone is not None:
                self.initial[name] = value.astimezone(zone).replace(tzinfo=None)

    @staticmethod
    def _zone(name):
        try:
            return zoneinfo.ZoneInfo(name) if name else None
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return None

    def clean(self):
        cleaned = super().clean()
        zone_name = cleaned.get("time_zone")
        if self._zone(zone_name) is None:
            return cleaned
        for name in ("start", "end"):
            value = cleaned.get(name)
            if value is None:
                continue
            local = local_wall_clock(value.replace(tzinfo=None), zone_name)
            if local is None:
                self.add_error(
                    name, "That time does not exist there (the clocks skip it): choose another."
                )
            else:
                cleaned[name] = local
        return cleaned


def seconds_until(moment):
    """Whole seconds from now until ``moment`` (at least 1), or None once it has passed."""
    remaining = (moment - timezone.now()).total_seconds()
    return max(1, math.ceil(remaining)) if remaining > 0 else None


def cache_timeout(seconds):
    """The page cache's usual lifetime, shortened to ``seconds`` when that comes first."""
    return min(seconds, settings.PAGE_CACHE_SECONDS) if seconds else None


def local_wall_clock(wall_clock, zone_name):
    """The instant a clock in ``zone_name`` shows as ``wall_clock`` (naive), or None when
    a daylight-saving change skips that time."""
    local = wall_clock.replace(tzinfo=zoneinfo.ZoneInfo(zone_name))
    round_trip = local.astimezone(UTC).astimezone(local.tzinfo)
    if round_trip.replace(tzinfo=None) != wall_clock:
        return None
    return local


class EventPage(RecordingCaptionsMixin, BasePage):
    recording_fields = ("recordings",)

    REGISTRATION_CHOICES = [
        ("", "No registration needed"),
        ("open", "Registration open"),
        ("closed", "Registration closed"),
        ("full", "Full (waiting list only)"),
    ]
    STATUS_CHOICES = [
        ("scheduled", "Scheduled"),
        ("cancelled", "Cancelled"),
        ("postponed", "Postponed"),
        ("rescheduled", "Rescheduled"),
        ("moved_online", "Moved online"),
    ]

    event_type = models.ForeignKey(
        EventType, null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    summary = models.TextField(
        help_text="One or two sentences for listings, calendars and search results."
    )
    start = models.DateTimeField(help_text="In the event's own time zone.")
    end = models.DateTimeField(help_text="In the event's own time zone.")
    time_zone = models.CharField(
        max_length=64,
        default=DEFAULT_TIME_ZONE,
        validators=[validate_time_zone],
        help_text="Where the event takes place (for online events, the organizers' zone).",
    )
    year = models.PositiveSmallIntegerField(
        editable=False, db_index=True, default=0, help_text="The start's year, local time."
    )
    status = models.CharField(max_length=20, choices=STATUS_CHOICES, default="scheduled")
    venue = models.ForeignKey(
        Venue,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text="Leave blank for an online-only event.",
    )
    online_url = models.URLField(
        "online attendance link",
        blank=True,
        help_text="Where to join online. Shown only until the event ends.",
    )
    registration_url = models.URLField(blank=True)
    registration_status = models.CharField(
        max_length=10, choices=REGISTRATION_CHOICES, blank=True, default=""
    )
    description = StreamField(BodyBlock(), blank=True)
    agenda = StreamField(AgendaBlock(), blank=True, help_text="The sessions, in order.")
    agenda_document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The full agenda to download (PDF).",
    )
    recordings = StreamField(
        [("recording", MediaEmbedBlock()), ("uploaded", UploadedMediaBlock())],
        blank=True,
        help_text="Recordings of the whole event: files uploaded under Media, or video-site "
        "addresses.",
    )
    related_working_group = models.ForeignKey(
        "community.WorkingGroupPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text="The working group that organized this event, if any.",
    )

    base_form_class = EventPageForm
    content_panels = Page.content_panels + [
        FieldPanel("event_type"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("time_zone"),
                FieldPanel("status"),
            ],
            heading="When",
        ),
        MultiFieldPanel(
            [FieldPanel("venue"), FieldPanel("online_url")],
            heading="Where",
        ),
        MultiFieldPanel(
            [FieldPanel("registration_status"), FieldPanel("registration_url")],
            heading="Registration",
        ),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("agenda_document"), FieldPanel("agenda")],
            heading="Agenda",
        ),
        FieldPanel("recordings"),
        InlinePanel("resources", heading="Additional resources", label="Resource"),
        InlinePanel("artworks_on_display", heading="Artworks on display", label="Artwork"),
        PageChooserPanel("related_working_group", page_type="community.WorkingGroupPage"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.SearchField("agenda"),
        index.RelatedFields("venue", [index.SearchField("name"), index.SearchField("city")]),
        index.RelatedFields("event_type", [index.SearchField("name")]),
        index.FilterField("event_type"),
        index.FilterField("year"),
        index.FilterField("start"),
        index.FilterField("end"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    search_label = "Events"

    class Meta:
        verbose_name = "event"

    # Time ------------------------------------------------------------------------------------

    @cached_property
    def zone(self):
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo(DEFAULT_TIME_ZONE)

    @property
    def local_start(self):
        return self.start.astimezone(self.zone)

    @property
    def local_end(self):
        return self.end.astimezone(self.zone)

    def has_ended(self, now=None):
        return self.end <= (now or timezone.now())

    @property
    def when_text(self):
        """ "May 2, 2018, 9 a.m. – 4:30 p.m. EDT", in the event's own zone."""
        start, end = self.local_start, self.local_end
        if start.date() == end.date():
            return (
                f"{format_date(start, 'F j, Y')}, {format_date(start, 'P')} – "
                f"{format_date(end, 'P T')}"
            )
        return f"{format_date(start, 'F j, Y, P T')} – {format_date(end, 'F j, Y, P T')}"

    # Where -----------------------------------------------------------------------------------

    @property
    def attendance_mode(self):
        """schema.org's attendance mode: offline, online or mixed."""
        if self.venue_id and self.online_url and self.status != "moved_online":
            return "mixed"
        if self.online_url and (not self.venue_id or self.status == "moved_online"):
            return "online"
        return "offline"

    @property
    def place_text(self):
        mode = self.attendance_mode
        if mode == "online":
            return "Online"
        city = self.venue.city if self.venue_id else ""
        return f"{city} and online" if mode == "mixed" and city else city

    def show_online_link(self, now=None):
        """The joining link matters until the event ends, and not for a cancelled one."""
        return bool(self.online_url) and not self.has_ended(now) and self.status != "cancelled"

    def show_registration(self, now=None):
        return (
            self.registration_status == "open"
            and bool(self.registration_url)
            and not self.has_ended(now)
            and self.status not in ("cancelled", "postponed")
        )

    # Agenda ----------------------------------------------------------------------------------

    def schedule(self):
        """The agenda as days of sessions with exact start and end instants."""
        days = []
        first_day = self.local_start.date()
        for block in self.agenda:
            value = block.value
            day = value.get("day") or first_day
            session = ScheduledSession(
                value=value,
                start=self._instant(day, value["start_time"]),
                end=self._instant(day, value.get("end_time")),
                speakers=[speaker for speaker in value.get("speakers", []) if speaker.display_name],
            )
            if not days or days[-1].day != day:
                days.append(AgendaDay(day=day))
            days[-1].sessions.append(session)
        return days

    def _instant(self, day, wall_clock):
        if wall_clock is None:
            return None
        if isinstance(wall_clock, str):
            wall_clock = time.fromisoformat(wall_clock)
        return datetime.combine(day, wall_clock, tzinfo=self.zone)

    def presenter_slides(self, schedule=None):
        """Every session's slides, in agenda order, titled by their session."""
        return [
            (session.value["title"], session.value["slides"])
            for day in (schedule if schedule is not None else self.schedule())
            for session in day.sessions
            if session.value.get("slides")
        ]

    def speakers(self):
        """Everyone who speaks, once each, in agenda order."""
        seen, speakers = set(), []
        for day in self.schedule():
            for session in day.sessions:
                for speaker in session.speakers:
                    if speaker.display_name not in seen:
                        seen.add(speaker.display_name)
                        speakers.append(speaker)
        return speakers

    # Related content -------------------------------------------------------------------------

    def shown_resources(self):
        resources = self.resources.select_related("page")
        return [resource for resource in resources if resource.is_shown]

    def shown_artworks(self):
        links = self.artworks_on_display.select_related("artwork")
        return [link.artwork for link in links if link.artwork and link.artwork.live]

    # Listings, search and the home page ------------------------------------------------------

    def cache_seconds(self):
        """A cached copy of the page expires when the event ends (joining and registration
        links disappear then)."""
        return cache_timeout(seconds_until(self.end) if self.end else None)

    @staticmethod
    def seconds_until_next_change(events):
        """Seconds until the next live one of ``events`` ends and moves from upcoming to
        past (for kept copies of a page listing them), or None when none is upcoming."""
        next_end = events.live().filter(end__gt=timezone.now()).aggregate(next_end=Min("end"))
        return seconds_until(next_end["next_end"]) if next_end["next_end"] else None

    @staticmethod
    def listed_cache_seconds(events):
        """How long a kept page that shows ``events`` as upcoming (the home page's first
        few) stays right: until the first of them ends and leaves the list."""
        ends = [event.end for event in events if event.end]
        return cache_timeout(seconds_until(min(ends)) if ends else None)

    @classmethod
    def upcoming_for_home_page(cls, limit):
        return (
            cls.objects.live()
            .public()
            .filter(end__gt=timezone.now())
            .select_related("event_type", "venue")
            .defer_streamfields()
            .order_by("start", "pk")[:limit]
        )

    @property
    def search_date(self):
        return self.local_start.date() if self.start else None

    naming_heading = "Events"

    @classmethod
    def parts_of(cls, named, pages, paths):
        """What ``named`` did at each event, read from the agenda's stored data: "Moderator,
        Opening remarks" for each session in which they speak. No queries."""
        roles = dict(SPEAKER_ROLES)
        parts = {}
        for page in pages:
            spoken = set()
            for content_path in paths[page.pk]:
                steps = content_path.split(".")
                if len(steps) == 5 and steps[0] == "agenda" and steps[2] == "speakers":
                    spoken.add((steps[1], steps[3]))
            if not spoken:
                continue
            parts[page.pk] = [
                f"{roles.get(speaker['value'].get('role'), 'Speaker')}, {session['value']['title']}"
                for session in page.agenda.raw_data
                for speaker in session["value"].get("speakers", [])
                if (session["id"], speaker.get("id")) in spoken
            ]
        return parts

    @property
    def naming_note(self):
        return format_date(self.local_start, "F j, Y") if self.start else ""

    @property
    def search_summary(self):
        return self.summary

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = "The event must end after it starts."
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = f"“{self.slug}” is the address of the events calendar: choose another."
        if self.registration_status == "open" and not self.registration_url:
            errors["registration_url"] = "Open registration needs the registration link."
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.start:
            self.year = self.local_start.year
        return super().save(*args, **kwargs)

    # Calendars -------------------------------------------------------------------------------

    def ics_url(self, request=None):
        url = self.get_url(request)  # None while a new event is being previewed
        return url + self.reverse_subpage("ics") if url else ""

    def get_cached_paths(self):
        return ["/", f"/{self.reverse_subpage('ics')}"]

    @path("calendar/", name="ics")
    def ics(self, request):
        from events.calendars import event_calendar

        return calendar_response(event_calendar(self, request), filename=f"{self.slug}.ics")

    def get_context(self, request, *args, **kwargs):
        from events.calendars import add_to_calendar_links
        from events.metadata import event_json_ld

        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        schedule = self.schedule()
        context.update(
            schedule=schedule,
            presenter_slides=self.presenter_slides(schedule),
            resources=self.shown_resources(),
            artworks=self.shown_artworks(),
            has_ended=self.has_ended(now),
            show_online_link=self.show_online_link(now),
            show_registration=self.show_registration(now),
            ics_url=self.ics_url(request),
            calendar_links=add_to_calendar_links(self, request),
            json_ld=event_json_ld(self, request),
        )
        return context


@dataclass
class ScheduledSession:
    value: object
    start: datetime
    end: datetime | None
    speakers: list = field(default_factory=list)


@dataclass
class AgendaDay:
    day: date
    sessions: list = field(default_factory=list)


# An event's further reading: a publication or a standard page of this site.
RESOURCE_PAGE_TYPES = ["publications.PublicationPage", "core.StandardPage"]


class EventResource(Orderable):
    """A further reading or link for an event: a page of this site, or an external address."""

    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="resources")
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="A publication or page of this site…",
    )
    url = models.URLField("external URL", blank=True, help_text="…or another site's address.")
    label = models.CharField(
        max_length=250, blank=True, help_text="Leave blank to use the page's title."
    )

    panels = [
        PageChooserPanel("page", page_type=RESOURCE_PAGE_TYPES),
        FieldPanel("url"),
        FieldPanel("label"),
    ]

    def clean(self):
        if self.page_id and self.page.specific_class._meta.label not in RESOURCE_PAGE_TYPES:
            raise ValidationError({"page": "Choose a publication or a standard page."})
        if bool(self.page_id) == bool(self.url):
            message = "Choose a page or enter an external URL (one of the two)."
            raise ValidationError({"page": message, "url": message})
        if self.url and not self.label:
            raise ValidationError({"label": "External links need a label."})

    @property
    def is_shown(self):
        return bool(self.url) or (self.page is not None and self.page.live)

    @property
    def href(self):
        return self.page.url if self.page_id else self.url

    @property
    def text(self):
        return self.label or (self.page.title if self.page_id else self.url)


class EventArtwork(Orderable):
    """An artwork from the gallery shown at the event."""

    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="artworks_on_display")
    artwork = models.ForeignKey("gallery.ArtworkPage", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("artwork")]
