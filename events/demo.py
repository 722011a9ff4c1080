"""Demo events: the Collaborative's public meetings from the seeds, one upcoming webinar,
and, for benchmarks, sample events with ten-session agendas: (N-1) x 20 with --scale N, or
as many as make N events in all with --events N (or --large)."""

import random
import uuid
from datetime import date, datetime, time, timedelta

from django.apps import apps
from django.utils import timezone
from wagtail.models import Page

from demo.builder import bulk_add_children, child_slugs, site_root
from events.models import EventArtwork, EventIndexPage, EventPage, EventResource, EventType, Venue

EASTERN = "America/New_York"
SAMPLE_EVENTS_PER_SCALE = 20
SAMPLE_PREFIX = "sample-meeting-"

SAMPLE_AGENDA_NOTE = (
    "<p><strong>Sample agenda.</strong> The session times, descriptions and slides on this "
    "page were written for this demonstration and credit no speaker: they are not the "
    "meeting's actual program.</p>"
)

SEED_PUBLICATIONS = [
    "Burnout among Health Care Professionals: A Call to Explore and Address This "
    "Underrecognized Threat to Safe, High-Quality Care",
    "Validated Instruments to Assess Work-Related Dimensions of Well-Being",
    "A Journey to Construct an All-Encompassing Conceptual Model of Factors Affecting "
    "Clinician Well-Being and Resilience",
    "Care-Centered Clinician Documentation in the Digital Environment: Solutions to "
    "Alleviate Burnout",
    "Nurse Suicide: Breaking the Silence",
]


def load(builder):
    home = site_root()
    types = {
        slug: EventType.objects.get_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in [
            ("public-meeting", "Public meeting"),
            ("webinar", "Webinar"),
            ("workshop", "Workshop"),
        ]
    }
    venue, _ = Venue.objects.get_or_create(
        name="National Academy of Medicine",
        city="Washington, DC",
        defaults={
            "map_url": "https://www.openstreetmap.org/search?query=Washington%2C%20DC",
        },
    )
    index = builder.page(
        home,
        EventIndexPage,
        "events",
        title="Events",
        introduction="Public meetings, webinars and workshops of the Action Collaborative: "
        "what is coming up, and the slides and resources of past meetings.",
        show_in_menus=True,
    )
    builder.add_to_navigation(index, "Events")
    _national_priority_meeting(builder, index, types["public-meeting"], venue)
    _diversity_meeting(builder, index, types["public-meeting"], venue)
    _upcoming_webinar(builder, index, types["webinar"])
    extra = builder.synthetic_children_count(
        "events", index, EventPage, SAMPLE_PREFIX, per_scale=SAMPLE_EVENTS_PER_SCALE
    )
    if extra:
        created = create_sample_events(index, extra, list(types.values()), venue)
        builder.say(f"  {created} sample events")


# The meetings from the seeds ------------------------------------------------------------------


def _session(start, end, title, description, speakers=(), slides=None):
    return {
        "type": "session",
        "id": str(uuid.uuid5(uuid.NAMESPACE_URL, title + start)),
        "value": {
            "day": None,
            "start_time": start,
            "end_time": end,
            "title": title,
            "description": f"<p>{description}</p>",
            "speakers": [
                {"type": "item", "id": str(uuid.uuid4()), "value": speaker} for speaker in speakers
            ],
            "slides": slides.pk if slides else None,
            "recordings": [],
        },
    }


def _aware(day, hour, minute=0):
    from zoneinfo import ZoneInfo

    return datetime.combine(day, time(hour, minute), tzinfo=ZoneInfo(EASTERN))


def _publication_resources(event, titles):
    try:
        Publication = apps.get_model("publications", "PublicationPage")
    except LookupError:
        return
    found = {page.title: page for page in Publication.objects.live().filter(title__in=titles)}
    for position, title in enumerate(titles, start=1):
        if title in found:
            EventResource.objects.create(event=event, page=found[title], sort_order=position)


def _knowledge_hub_resource(event):
    hub = Page.objects.child_of(site_root()).filter(slug="knowledge-hub").live().first()
    if hub is not None:
        EventResource.objects.create(event=event, page=hub, sort_order=0)


def _national_priority_meeting(builder, index, event_type, venue):
    slug = "establishing-clinician-well-being-as-a-national-priority"
    if Page.objects.child_of(index).filter(slug=slug).exists():
        return
    slides = {
        name: builder.document(
            f"Slides: {name}",
            paragraphs,
            heading=f"{name} (Meeting 3, May 2, 2018)",
        )
        for name, paragraphs in [
            (
                "Why clinician well-being is a national priority",
                [
                    "More than half of U.S. physicians report significant symptoms of burnout: "
                    "emotional exhaustion, depersonalization and a low sense of personal "
                    "accomplishment at work.",
                    "Burnout affects patient safety, turnover and the whole care team; "
                    "investing in clinician well-being benefits patients and clinicians alike.",
                ],
            ),
            (
                "A conceptual model of factors affecting clinician well-being",
                [
                    "The model brings together the external factors (society and culture, "
                    "rules and regulations, the organization, the learning and practice "
                    "environment) and the individual factors that shape well-being.",
                    "Organizations can use it to find where to act first.",
                ],
            ),
            (
                "Measuring burnout and well-being",
                [
                    "Valid and reliable instruments exist to measure burnout, well-being and "
                    "suicidal ideation among clinicians at every career stage.",
                    "Measuring regularly lets an organization see whether its changes help.",
                ],
            ),
            (
                "Clinical documentation and the electronic health record",
                [
                    "Electronic health records were built largely for billing and legal "
                    "documentation; documentation now takes up much of a clinician's day.",
                    "Care-centered documentation would serve clinicians and patients first.",
                ],
            ),
        ]
    }
    agenda_pdf = builder.document(
        "Agenda: Establishing Clinician Well-Being as a National Priority",
        [
            "Third meeting of the Action Collaborative on Clinician Well-Being and Resilience. "
            "Washington, DC, May 2, 2018. All times Eastern.",
            "9:00 a.m. Welcome and opening remarks",
            "9:30 a.m. Why clinician well-being is a national priority",
            "10:45 a.m. A conceptual model of factors affecting clinician well-being",
            "12:00 p.m. Lunch",
            "1:00 p.m. Measuring burnout and well-being",
            "2:15 p.m. Clinical documentation and the electronic health record",
            "3:30 p.m. Discussion: from understanding to action",
            "4:15 p.m. Closing remarks and adjournment",
        ],
    )
    agenda = [
        _session(
            "09:00",
            "09:30",
            "Welcome and opening remarks",
            "The Collaborative's leadership opens its third meeting and reviews the work of "
            "its first year.",
        ),
        _session(
            "09:30",
            "10:45",
            "Why clinician well-being is a national priority",
            "What burnout costs clinicians, patients and the health system, and why "
            "sustained action is needed at organizational, state and national levels.",
            slides=slides["Why clinician well-being is a national priority"],
        ),
        _session(
            "10:45",
            "12:00",
            "A conceptual model of factors affecting clinician well-being",
            "Working group members present a first look at a model of the external and "
            "individual factors that affect clinician burnout and well-being.",
            slides=slides["A conceptual model of factors affecting clinician well-being"],
        ),
        _session("12:00", "13:00", "Lunch", "Lunch is served for participants."),
        _session(
            "13:00",
            "14:15",
            "Measuring burnout and well-being",
            "The Research, Data, and Metrics Working Group discusses valid and reliable "
            "instruments for measuring burnout, well-being and suicidal ideation.",
            slides=slides["Measuring burnout and well-being"],
        ),
        _session(
            "14:15",
            "15:30",
            "Clinical documentation and the electronic health record",
            "How electronic health records could support patient care and clinicians' "
            "workflow instead of adding to the documentation burden.",
            slides=slides["Clinical documentation and the electronic health record"],
        ),
        _session(
            "15:30",
            "16:15",
            "Discussion: from understanding to action",
            "An open discussion with meeting participants and members of the public.",
        ),
        _session(
            "16:15",
            "16:30",
            "Closing remarks and adjournment",
            "The co-chairs summarize the day and the Collaborative's next steps.",
        ),
    ]
    day = date(2018, 5, 2)
    event = builder.page(
        index,
        EventPage,
        slug,
        title="Establishing Clinician Well-Being as a National Priority",
        event_type=event_type,
        summary="The third meeting of the Action Collaborative on Clinician Well-Being and "
        "Resilience, held in Washington, DC. Its presenter slides and further "
        "resources are collected here.",
        start=_aware(day, 9),
        end=_aware(day, 16, 30),
        time_zone=EASTERN,
        venue=venue,
        description=[
            {
                "type": "rich_text",
                "value": "<p>A year after it was launched in 2017, the Collaborative met for "
                "the third time to take stock of its working groups' progress and to make the "
                "case for treating clinician well-being as a national priority.</p>"
                + SAMPLE_AGENDA_NOTE,
            }
        ],
        agenda=agenda,
        agenda_document=agenda_pdf,
    )
    _knowledge_hub_resource(event)
    _publication_resources(event, SEED_PUBLICATIONS[:4])
    event.save_revision().publish()


def _diversity_meeting(builder, index, event_type, venue):
    slug = "diversity-inclusion-and-loneliness"
    if Page.objects.child_of(index).filter(slug=slug).exists():
        return
    agenda_pdf = builder.document(
        "Agenda: Public meeting on diversity, inclusion and loneliness",
        [
            "Public meeting of the Action Collaborative on Clinician Well-Being and Resilience. "
            "Washington, DC, October 29, 2019. All times Eastern.",
            "9:00 a.m. Welcome",
            "9:15 a.m. Diversity and inclusion in the clinician workforce",
            "10:45 a.m. Loneliness and connection among clinicians",
            "12:00 p.m. Lunch, with artworks from Expressions of Clinician Well-Being",
            "1:00 p.m. Workflow redesign to improve well-being and joy in practice",
            "2:30 p.m. The artists behind Expressions of Clinician Well-Being",
            "3:30 p.m. Public comment and closing remarks",
        ],
    )
    workflow_slides = builder.document(
        "Slides: Workflow redesign and joy in practice",
        [
            "Redesigning clinical workflow can give time back to patients and to clinicians.",
            "Team-based care, sharing documentation tasks and removing low-value work are "
            "among the approaches discussed.",
        ],
    )
    agenda = [
        _session(
            "09:00",
            "09:15",
            "Welcome",
            "The purpose of the meeting and how the public can take part.",
        ),
        _session(
            "09:15",
            "10:45",
            "Diversity and inclusion in the clinician workforce",
            "An expert panel on how diversity and inclusion shape clinicians' experience of "
            "burnout and well-being, and on building workplaces where every clinician belongs.",
        ),
        _session(
            "10:45",
            "12:00",
            "Loneliness and connection among clinicians",
            "Why isolation contributes to burnout, and how teams and organizations can "
            "rebuild connection among colleagues.",
        ),
        _session(
            "12:00",
            "13:00",
            "Lunch and gallery viewing",
            "Selected artworks from <i>Expressions of Clinician Well-Being</i> are on display "
            "throughout the meeting.",
        ),
        _session(
            "13:00",
            "14:30",
            "Workflow redesign to improve well-being and joy in practice",
            "How redesigning clinical workflow can improve clinician well-being and enhance "
            "joy in practice.",
            slides=workflow_slides,
        ),
        _session(
            "14:30",
            "15:30",
            "The artists behind Expressions of Clinician Well-Being",
            "Selected artists speak about the inspiration behind their artwork and how each "
            "piece captures critical moments in the journey to clinician well-being.",
        ),
        _session(
            "15:30",
            "16:00",
            "Public comment and closing remarks",
            "Members of the public share their perspectives with the Collaborative.",
        ),
    ]
    day = date(2019, 10, 29)
    event = builder.page(
        index,
        EventPage,
        slug,
        title="Clinician Well-Being: Diversity, Inclusion, and Loneliness",
        event_type=event_type,
        summary="A public meeting with expert panels on diversity, inclusion and loneliness, "
        "a session on workflow redesign, and artists from the Expressions of Clinician "
        "Well-Being gallery speaking about their work.",
        start=_aware(day, 9),
        end=_aware(day, 16),
        time_zone=EASTERN,
        venue=venue,
        description=[
            {
                "type": "rich_text",
                "value": "<p>A healthy, engaged clinician workforce is the foundation of "
                "high-quality patient care, yet burnout among U.S. clinicians keeps rising. "
                "This meeting invited the public to engage directly with the Action "
                "Collaborative through expert panels on burnout, resilience and well-being.</p>"
                "<p>Artworks selected for <i>Expressions of Clinician Well-Being</i> were on "
                "display throughout the day.</p>" + SAMPLE_AGENDA_NOTE,
            }
        ],
        agenda=agenda,
        agenda_document=agenda_pdf,
    )
    _knowledge_hub_resource(event)
    _publication_resources(event, SEED_PUBLICATIONS)
    try:
        Artwork = apps.get_model("gallery", "ArtworkPage")
    except LookupError:
        Artwork = None
    if Artwork is not None:
        for position, artwork in enumerate(Artwork.objects.live().public().order_by("pk")[:4]):
            EventArtwork.objects.create(event=event, artwork=artwork, sort_order=position)
    event.save_revision().publish()


def _upcoming_webinar(builder, index, event_type):
    """Thirty days from the day the demo is built, so the upcoming list is never empty."""
    day = timezone.localdate() + timedelta(days=30)
    slug = f"knowledge-hub-webinar-{day:%Y-%m}"
    if Page.objects.child_of(index).filter(slug=slug).exists():
        return
    initiative = "https://nam.edu/initiatives/clinician-resilience-and-well-being/"
    builder.page(
        index,
        EventPage,
        slug,
        title="Webinar: Putting the Clinician Well-Being Knowledge Hub to Work",
        event_type=event_type,
        summary="Sample event, made up for this demonstration so that the list of upcoming "
        "events is never empty. A one-hour online tour of the Clinician Well-Being Knowledge "
        "Hub: research, "
        "toolkits, validated instruments and personal stories that organizations can use.",
        start=_aware(day, 13),
        end=_aware(day, 14),
        time_zone=EASTERN,
        online_url=initiative,
        registration_status="open",
        registration_url=initiative,
        agenda=[
            _session(
                "13:00",
                "13:10",
                "Welcome",
                "Why the Collaborative built a knowledge hub, and what it holds.",
            ),
            _session(
                "13:10",
                "13:40",
                "A tour of the knowledge hub",
                "Finding peer-reviewed research, toolkits and validated instruments for your "
                "organization.",
            ),
            _session(
                "13:40", "14:00", "Questions and answers", "Bring your questions for the staff."
            ),
        ],
    )


# Sample events for benchmarks -----------------------------------------------------------------

SAMPLE_TOPICS = [
    "Clinician burnout",
    "Resilience in residency",
    "Electronic health records and documentation",
    "Measuring well-being",
    "Nurse well-being",
    "Loneliness and connection",
    "Diversity and inclusion",
    "Workflow redesign",
    "Moral distress",
    "Peer support",
]


def create_sample_events(index, count, event_types, venue):
    """Add sample events in bulk (``bulk_add_children``: a few INSERTs a batch, no
    revisions): thousands of pages in seconds. The search index is rebuilt afterwards by
    load_demo_content. Idempotent by slug."""
    existing = child_slugs(index, SAMPLE_PREFIX)
    wanted = [f"{SAMPLE_PREFIX}{number:05d}" for number in range(1, count + 1)]
    missing = [slug for slug in wanted if slug not in existing]
    if not missing:
        return 0
    today = timezone.localdate()
    events = []
    for slug in missing:
        number = int(slug.removeprefix(SAMPLE_PREFIX))
        rng = random.Random(slug)
        day = today + timedelta(days=rng.randint(-9 * 365, 180))
        start = _aware(day, rng.choice([9, 10, 13]))
        topic = SAMPLE_TOPICS[number % len(SAMPLE_TOPICS)]
        event_type = event_types[number % len(event_types)]
        events.append(
            EventPage(
                title=f"{topic}: sample meeting {number}",
                slug=slug,
                event_type=event_type,
                summary=f"A sample {event_type.name.lower()} on {topic.lower()}, "
                "made for benchmarks.",
                start=start,
                end=start + timedelta(hours=5),
                time_zone=EASTERN,
                year=day.year,  # what save() would work out from the start
                venue=venue if event_type.slug != "webinar" else None,
                online_url="" if event_type.slug != "webinar" else "https://example.org/join",
                agenda=_sample_agenda(rng),
            )
        )
    bulk_add_children(index, events)
    return len(events)


def _sample_agenda(rng):
    sessions = []
    for number in range(10):
        start = time(9 + number // 2, 30 * (number % 2))
        end = time(9 + (number + 1) // 2, 30 * ((number + 1) % 2))
        sessions.append(
            _session(
                start.strftime("%H:%M"),
                end.strftime("%H:%M"),
                f"Session {number + 1}: {rng.choice(SAMPLE_TOPICS)}",
                "A sample session for benchmarks.",
                [
                    {
                        "person": None,
                        "name": f"Sample presenter {rng.randint(1, 500)}",
                        "affiliation": "Sample network organization",
                        "role": rng.choice(["panelist", "moderator", "keynote"]),
                    }
                ],
            )
        )
    return sessions
