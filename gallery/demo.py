"""Demo content of the gallery: the exhibit "Expressions of Clinician Well-Being".

The exhibit's facts (who was invited to take part, that a panel selected the works, that
the gallery travels and was shown at the 2019 public meeting on diversity, inclusion and
loneliness) come from the Collaborative's pages. The artists are fictional; the poems and
prose were written for this demo. Images are abstract compositions drawn with Pillow, and
their alt text and long descriptions are written from the parameters that drew them.
For benchmarks, synthetic works are added in bulk (``_synthetic_artworks``).
"""

import datetime

from django.apps import apps
from django.utils import timezone
from wagtail.models import Site

from demo.builder import (
    NOCTURNE_SECONDS,
    bulk_add_children,
    child_slugs,
    describe_abstract,
    site_root,
    write_nocturne,
)
from gallery.models import (
    Artist,
    ArtworkImage,
    ArtworkPage,
    GalleryIndexPage,
    GallerySettings,
    HostingRequest,
    Medium,
    Theme,
    TourStop,
)

MEDIUMS = [
    ("Visual art", "visual-art", Medium.KIND_IMAGES, "VisualArtwork"),
    ("Photography", "photography", Medium.KIND_IMAGES, "Photograph"),
    ("Poetry", "poetry", Medium.KIND_TEXT, "CreativeWork"),
    ("Prose", "prose", Medium.KIND_TEXT, "CreativeWork"),
    ("Music", "music", Medium.KIND_RECORDING, "MusicRecording"),
    ("Video", "video", Medium.KIND_RECORDING, "VideoObject"),
    ("Mixed media", "mixed-media", Medium.KIND_MIXED, "VisualArtwork"),
]

THEMES = [
    ("Burnout", "burnout", "Exhaustion, cynicism and the sense that the work no longer counts."),
    ("Resilience", "resilience", "What carries people through, and what systems owe them."),
    ("Joy in practice", "joy-in-practice", "The moments that remind clinicians why they began."),
    ("Loneliness", "loneliness", "Isolation on the ward, at home, and in training."),
    ("Connection", "connection", "Teams, mentors, patients and families holding each other up."),
    ("Grief and loss", "grief-and-loss", "Patients lost, colleagues lost, and the grief carried."),
    ("Diversity and inclusion", "diversity-and-inclusion", "Belonging for every clinician."),
    ("Documentation burden", "documentation-burden", "Screens, clicks and the hours after."),
]

ARTISTS = {
    "okafor": ("Adaeze Okafor", False, "Intensive care nurse", "Baltimore, Maryland"),
    "lindqvist": ("Erik Lindqvist", False, "Family physician", "Duluth, Minnesota"),
    "moreno": ("Lucía Moreno", False, "Pharmacist", "Tucson, Arizona"),
    "chen": ("Wei Chen", False, "Medical student", "Ann Arbor, Michigan"),
    "anonymous-resident": ("", True, "Surgical resident", ""),
    "brooks": ("Tamara Brooks", False, "Daughter of a hospice nurse", "Memphis, Tennessee"),
    "haddad": ("Samir Haddad", False, "Emergency physician", "Dearborn, Michigan"),
    "nguyen": ("Linh Nguyen", False, "Nurse practitioner", "San Jose, California"),
    "whitehorse": ("Dana Whitehorse", False, "Physical therapist", "Albuquerque, New Mexico"),
    "osei": ("Kwame Osei", False, "Respiratory therapist", "Columbus, Ohio"),
    "patel": ("Meera Patel", False, "Pediatric oncologist", "Houston, Texas"),
    "anonymous-patient": ("", True, "Patient", ""),
    "garcia": ("Rafael García", False, "Hospital chaplain", "San Antonio, Texas"),
    "kim": ("Joanne Kim", False, "Dentist", "Seattle, Washington"),
}

BIOS = {
    "okafor": "Adaeze has worked nights in a cardiac ICU for eleven years and paints on the "
    "mornings after.",
    "lindqvist": "Erik runs a rural practice and photographs the roads between his patients.",
    "moreno": "Lucía writes in the margins of her shifts at a community pharmacy.",
    "chen": "Wei draws to make sense of the first years of medical training.",
    "brooks": "Tamara grew up listening to her mother's stories from the hospice.",
    "haddad": "Samir composes short pieces for piano between emergency department shifts.",
    "nguyen": "Linh makes collages from the paper trail of primary care.",
    "whitehorse": "Dana films the small rituals that keep a rehabilitation team together.",
    "osei": "Kwame sings with a choir of hospital staff that began during the pandemic.",
    "patel": "Meera writes about the children she cares for and the colleagues beside her.",
    "garcia": "Rafael sits with families in their hardest hours and writes about listening.",
    "kim": "Joanne paints the quiet of a dental clinic before the first patient arrives.",
}

# Benchmark works (``--scale``, ``--artworks``, ``--large``) share a few generated images.
BENCHMARK_PREFIX = "benchmark-work-"
BENCHMARK_IMAGES = 6
# The captions of the generated recording (``demo.builder.write_nocturne``), cue by cue.
NOCTURNE_CAPTIONS = """WEBVTT

00:00:00.000 --> 00:00:04.000
[Two high notes repeat at uneven intervals, like pagers going off]

00:00:04.000 --> 00:00:08.000
[A slow melody of low notes begins beneath them]

00:00:08.000 --> 00:00:12.000
[The high notes join the melody, which ends on a held chord]
"""

IMAGE_SIZE = {"width": 1200, "height": 900}
BENCHMARK_IMAGE_SIZE = {"width": 800, "height": 600}
BENCHMARK_TEXT = "A generated poem\nso that the gallery\nis large enough to measure."

# title, slug, artist, medium, year, themes, details
ARTWORKS = [
    (
        "Night Shift, Bed Nine",
        "night-shift-bed-nine",
        "okafor",
        "visual-art",
        2018,
        ["burnout", "loneliness"],
        {
            "style": "bands",
            "summary": "The glow of one monitor at four in the morning.",
            "statement": "At four in the morning the unit hums and nobody speaks. I wanted to "
            "paint how bright one monitor can feel when you have been awake for twenty hours.",
        },
    ),
    (
        "Handover",
        "handover",
        "moreno",
        "poetry",
        2019,
        ["connection", "resilience"],
        {
            "text": "I give you the list,\n"
            "the allergies, the pending labs,\n"
            "the daughter who calls at nine.\n\n"
            "I give you the room that smells of lemon soap\n"
            "and the man who will not sleep\n"
            "until someone says his wife's name.\n\n"
            "What I do not write down\n"
            "I give you anyway:\n"
            "the weight of it,\n"
            "and my hand on your shoulder\n"
            "as I go.",
            "summary": "A poem about what passes between two nurses at the change of shift.",
            "statement": "Handover is twelve minutes long. Most of what matters is not on the "
            "form.",
        },
    ),
    (
        "Inbox Zero",
        "inbox-zero",
        "lindqvist",
        "photography",
        2019,
        ["documentation-burden", "burnout"],
        {
            "style": "grid",
            "summary": "The electronic inbox at the end of a clinic day.",
            "statement": "I counted: 143 messages after the last patient left. This is what "
            "the screen looked like to me by nine at night.",
        },
    ),
    (
        "What the Chaplain Heard",
        "what-the-chaplain-heard",
        "garcia",
        "prose",
        2018,
        ["grief-and-loss", "connection"],
        {
            "text": "The resident found me in the stairwell. She did not want to talk about "
            "the patient; she wanted to talk about the vending machine, how it had eaten her "
            "dollar twice that week.\n\n"
            "So we talked about the vending machine. We talked about it for ten minutes, and "
            "then for one more minute she talked about the patient, and then she went back "
            "upstairs.\n\n"
            "I have learned that grief in a hospital often arrives by the side door. My work "
            "is to leave that door open, and to stay on the stairs long enough.",
            "content_warning": "death of a patient",
            "summary": "A hospital chaplain on how grief arrives by the side door.",
            "statement": "Clinicians rarely ask for help directly. I wrote this for the ones "
            "who talk about the vending machine.",
        },
    ),
    (
        "Nocturne for Two Pagers",
        "nocturne-for-two-pagers",
        "haddad",
        "music",
        2019,
        ["burnout", "resilience"],
        {
            "audio": "nocturne",
            "captions": NOCTURNE_CAPTIONS,
            "transcript": "This twelve-second sketch was synthesized for the sample gallery. "
            "It opens with two high notes, one after the other, repeating at uneven intervals "
            "like two pagers going off. At the fourth second a slow melody of low notes "
            "begins beneath them. At the eighth second the high notes become part of the "
            "melody, and the piece ends on a held chord.",
            "summary": "A short piano piece built around the sound of two pagers.",
            "statement": "I wanted to turn the sound that wakes me into something I could "
            "bear to hear.",
        },
    ),
    (
        "Rounds",
        "rounds",
        "whitehorse",
        "video",
        2019,
        ["connection", "joy-in-practice"],
        {
            "summary": "A three-minute film about the huddle that starts a rehabilitation "
            "team's day.",
            "statement": "Our huddle takes five minutes. It has kept four of us from quitting.",
        },
    ),
    (
        "Paper Trail",
        "paper-trail",
        "nguyen",
        "mixed-media",
        2018,
        ["documentation-burden"],
        {
            "style": "grid",
            "text": "prior authorization / prior authorization / prior",
            "summary": "A collage built from the forms of one week in primary care.",
            "statement": "Every square stands for a form I completed in one week.",
        },
    ),
    (
        "First Cadaver",
        "first-cadaver",
        "chen",
        "visual-art",
        2019,
        ["grief-and-loss", "loneliness"],
        {
            "style": "circles",
            "content_warning": "death",
            "summary": "A drawing about the first weeks of anatomy lab.",
            "statement": "No one told us we were allowed to feel anything.",
        },
    ),
    (
        "Still Here",
        "still-here",
        "anonymous-resident",
        "poetry",
        2019,
        ["burnout", "loneliness", "resilience"],
        {
            "text": "There was a week I rehearsed leaving:\n"
            "the letter, the car, the long road west.\n\n"
            "There was a colleague who noticed\n"
            "I had stopped eating lunch,\n"
            "who sat down anyway,\n"
            "who said, you don't have to talk.\n\n"
            "I am writing this from the other side of that week.\n"
            "If you are in it now:\n"
            "someone will sit down.\n"
            "Let them.",
            "content_warning": "thoughts of suicide",
            "summary": "A resident's poem about a colleague who noticed.",
            "statement": "I am sharing this anonymously because I am still in training. I "
            "want other residents to know that asking for help did not end my career.",
        },
    ),
    (
        "Her Blue Cardigan",
        "her-blue-cardigan",
        "brooks",
        "prose",
        2018,
        ["grief-and-loss", "resilience"],
        {
            "text": "My mother kept a blue cardigan in the car for the nights a family "
            "needed her to stay. She would come home at dawn smelling of other people's "
            "houses and sit at the kitchen table without taking it off.\n\n"
            "I used to think the cardigan was for the cold. Now I think it was a way of "
            "carrying something home that she could take off at the door, and some nights "
            "could not.",
            "summary": "A daughter remembers her mother, a hospice nurse.",
            "statement": "Families of clinicians carry some of the weight too.",
        },
    ),
    (
        "Between Patients",
        "between-patients",
        "kim",
        "visual-art",
        2019,
        ["joy-in-practice"],
        {
            "style": "waves",
            "summary": "The calm of a dental clinic in the minute between two patients.",
            "statement": "I paint the sixty seconds I get to myself between appointments.",
        },
    ),
    (
        "We Sing at Seven",
        "we-sing-at-seven",
        "osei",
        "music",
        2020,
        ["connection", "joy-in-practice", "resilience"],
        {
            "summary": "A staff choir's song about beginning again.",
            "statement": "The choir started with five of us in a break room. Singing together "
            "is the only time some of us breathe all day.",
        },
    ),
    (
        "Two Hundred Clicks",
        "two-hundred-clicks",
        "lindqvist",
        "video",
        2019,
        ["documentation-burden", "burnout"],
        {
            "summary": "A short film counting the clicks behind one routine visit.",
            "statement": "I made this for the people who design our software.",
        },
    ),
    (
        "Oncology Playroom",
        "oncology-playroom",
        "patel",
        "photography",
        2018,
        ["joy-in-practice", "connection"],
        {
            "style": "circles",
            "summary": "Colour in the playroom of a children's cancer unit.",
            "statement": "The playroom is where I remember that my patients are children first.",
        },
    ),
    (
        "Lunch, Standing Up",
        "lunch-standing-up",
        "okafor",
        "poetry",
        2019,
        ["burnout", "documentation-burden"],
        {
            "text": "Crackers from the patient fridge,\n"
            "half a coffee gone cold twice,\n"
            "eaten at the counter\n"
            "between a call light\n"
            "and a chart that will not close.\n\n"
            "We joke about it.\n"
            "We should not have to.",
            "summary": "A short poem about the meal most nurses skip.",
            "statement": "Joking about skipped meals is how we cope. I wanted to stop "
            "joking for a minute.",
        },
    ),
    (
        "The Empty Chair at Morbidity and Mortality",
        "empty-chair",
        "haddad",
        "prose",
        2019,
        ["grief-and-loss", "loneliness"],
        {
            "text": "We lost a colleague that winter. At the next conference someone left "
            "her usual chair empty, and for an hour we discussed cases as though nothing "
            "was missing from the room.\n\n"
            "Afterwards, in the hallway, three of us said the same sentence at once: we "
            "should have asked. It was the first honest thing said all day, and it changed "
            "how our department meets.",
            "content_warning": "suicide of a colleague",
            "summary": "How one department began to talk about losing a colleague.",
            "statement": "Our department now begins every conference by asking how people "
            "are. It started with an empty chair.",
        },
    ),
    (
        "Desert Commute",
        "desert-commute",
        "moreno",
        "photography",
        2020,
        ["resilience"],
        {
            "style": "bands",
            "summary": "The drive home after a night in the pharmacy.",
            "statement": "The sky on the drive home is the part of the night I keep.",
        },
    ),
    (
        "Belonging",
        "belonging",
        "whitehorse",
        "mixed-media",
        2019,
        ["diversity-and-inclusion", "connection"],
        {
            "style": "circles",
            "summary": "Circles of many colours, overlapping without erasing one another.",
            "statement": "I am often the only Native clinician in the room. This is the room "
            "I hope for.",
        },
    ),
    (
        "Anatomy of a Long Day",
        "anatomy-of-a-long-day",
        "chen",
        "visual-art",
        2020,
        ["burnout"],
        {
            "style": "grid",
            "summary": "Sixteen hours of a student's day, drawn as fading squares.",
            "statement": "Each square is an hour. I stopped colouring them in around hour twelve.",
        },
    ),
    (
        "Thank-You Notes",
        "thank-you-notes",
        "nguyen",
        "photography",
        2019,
        ["joy-in-practice", "connection"],
        {
            "style": "waves",
            "summary": "The board where a clinic keeps its patients' thank-you cards.",
            "statement": "On bad days we read the board. It works more often than you would think.",
        },
    ),
    (
        "Small Talk",
        "small-talk",
        "anonymous-patient",
        "poetry",
        2019,
        ["connection", "joy-in-practice"],
        {
            "text": "You asked about my garden\n"
            "before you asked about my pain.\n\n"
            "I told you about the tomatoes,\n"
            "the ones the squirrels always win,\n"
            "and you laughed,\n"
            "and for a minute\n"
            "neither of us was in a hospital.",
            "summary": "A patient's poem about the question that came first.",
            "statement": "I want my doctors to know that the small talk is not small.",
        },
    ),
    (
        "Breathe In, Count Four",
        "breathe-in-count-four",
        "osei",
        "video",
        2020,
        ["resilience", "burnout"],
        {
            "summary": "A respiratory therapist teaches the breathing he forgot to do.",
            "statement": "I recorded this for my team and then realised it was for me.",
        },
    ),
    (
        "Quiet Room",
        "quiet-room",
        "patel",
        "visual-art",
        2020,
        ["resilience", "loneliness"],
        {
            "style": "waves",
            "summary": "The staff quiet room of a children's hospital.",
            "statement": "Our hospital opened a quiet room for staff. I painted what it "
            "feels like to close its door.",
        },
    ),
    (
        "Chorus of Call Lights",
        "chorus-of-call-lights",
        "kim",
        "mixed-media",
        2018,
        ["burnout", "joy-in-practice"],
        {
            "style": "bands",
            "text": "ding / ding / ding / thank you / ding",
            "summary": "Rows of call lights, and the one thank-you among them.",
            "statement": "The lights never stop. Every so often one of them is a thank-you.",
        },
    ),
    (
        "Letters to a New Intern",
        "letters-to-a-new-intern",
        "lindqvist",
        "prose",
        2020,
        ["resilience", "connection"],
        {
            "text": "Eat something before you round. Learn the names of the unit clerks. "
            "Write down one thing each day that went right, even if it is only that a "
            "patient slept.\n\n"
            "When you make a mistake, and you will, tell someone the same day. Not because "
            "you must, but because carrying it alone is heavier than any rule.\n\n"
            "And when you are the senior, sit down beside the intern who has stopped "
            "eating lunch.",
            "summary": "Advice from a family physician to the intern he once was.",
            "statement": "I wish someone had written me this letter in my first July.",
        },
    ),
]

HOSTING_REQUESTS = [
    {
        "organization": "Riverbend Health System",
        "contact_name": "Maria Alvarez",
        "email": "wellbeing@riverbend.example.org",
        "city": "Louisville, Kentucky",
        "venue": "Education center atrium",
        "days_ahead": 120,
        "length": 21,
        "audience": "Grand rounds, new-resident orientation and visitors to the education "
        "center; about 300 people a week.",
        "space_notes": "Twenty metres of gallery wall with picture rails, two screens for "
        "video works.",
        "security_notes": "Atrium is locked overnight and watched by campus security.",
        "status": HostingRequest.STATUS_NEW,
    },
    {
        "organization": "Northern Plains School of Nursing",
        "contact_name": "Thomas Reed",
        "email": "t.reed@northernplains.example.edu",
        "city": "Fargo, North Dakota",
        "venue": "Library reading room",
        "days_ahead": 200,
        "length": 30,
        "audience": "Nursing and pharmacy students and faculty during well-being month.",
        "space_notes": "Easels available; no wall hanging allowed.",
        "security_notes": "Library staffed during opening hours; closed at night.",
        "status": HostingRequest.STATUS_DISCUSSION,
        "staff_notes": "Asked whether printed reproductions are acceptable for easels.",
    },
]


def load(builder):
    home = site_root()
    mediums = {
        slug: Medium.objects.get_or_create(
            slug=slug, defaults={"name": name, "kind": kind, "schema_type": schema}
        )[0]
        for name, slug, kind, schema in MEDIUMS
    }
    themes = {
        slug: Theme.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description}
        )[0]
        for name, slug, description in THEMES
    }
    artists = {}
    for key, (name, anonymous, profession, place) in ARTISTS.items():
        lookup = {"name": name} if name else {"is_anonymous": True, "profession": profession}
        artists[key] = Artist.objects.get_or_create(
            **lookup,
            defaults={
                "name": name,
                "is_anonymous": anonymous,
                "profession": profession,
                "place": place,
                "bio": BIOS.get(key, ""),
                # The demo's artists are fictional, and the admin says so.
                "is_sample_content": True,
            },
        )[0]

    gallery = builder.page(
        home,
        GalleryIndexPage,
        "gallery",
        title="Expressions of Clinician Well-Being",
        show_in_menus=True,
        introduction="<p>An art exhibit in which clinicians, patients, their loved ones and "
        "organizations show what burnout, well-being and resilience look, feel and sound "
        "like. The National Academy of Medicine invited artists of every skill to take part, "
        "and a panel of reviewers chose the works shown here.</p>"
        "<p>We hope these works open conversations that are hard to start, and help "
        "everyone see why clinician well-being matters to the whole health system.</p>",
        support_notice="Some works speak about burnout, grief and suicide. If you or someone "
        "you love is in distress, the 988 Suicide and Crisis Lifeline offers free, "
        "confidential support 24 hours a day, 7 days a week.",
        hosting_introduction="Selected works travel to meetings, hospitals and schools. Tell "
        "us about your organization, your space and your audience, and the Collaborative's "
        "staff will be in touch to plan a showing.",
        call_introduction="Show us what clinician burnout, well-being and resilience look, "
        "feel and sound like to you. Clinicians, trainees, patients, families and "
        "organizations are all welcome, whatever your skill. Visual art, photography, "
        "poetry, prose, music, video and mixed media are all accepted.",
    )
    builder.add_to_navigation(gallery, "Gallery")
    _open_call_dates()

    existing = set(ArtworkPage.objects.child_of(gallery).values_list("slug", flat=True))
    created = 0
    for index, (title, slug, artist, medium, year, theme_slugs, details) in enumerate(ARTWORKS):
        if slug in existing:
            continue
        _create_artwork(
            builder,
            gallery,
            index,
            title,
            slug,
            artists[artist],
            mediums[medium],
            year,
            [themes[t] for t in theme_slugs],
            details,
        )
        created += 1
    builder.say(
        f"Gallery: {created} artworks created, "
        f"{len(existing & {work[1] for work in ARTWORKS})} already there."
    )

    _synthetic_artworks(
        builder, gallery, list(mediums.values()), list(themes.values()), list(artists.values())
    )
    _tour(gallery)
    _hosting_requests()


def _create_artwork(builder, gallery, index, title, slug, artist, medium, year, themes, details):
    recording = []
    if details.get("audio") == "nocturne":
        media = builder.media(
            f"Gallery: {title} (sample recording)",
            write_nocturne(),
            "wav",
            duration=NOCTURNE_SECONDS,
        )
        recording = [
            (
                "uploaded",
                {
                    "media": media,
                    "title": title,
                    "captions": details["captions"],
                    "transcript": details["transcript"],
                },
            )
        ]
    artwork = ArtworkPage(
        title=title,
        slug=slug,
        artist=artist,
        medium=medium,
        year=year,
        summary=details.get("summary", ""),
        content_warning=details.get("content_warning", ""),
        written_work=details.get("text", ""),
        recording=recording,
        statement=details.get("statement", ""),
        consent_date=datetime.date(year, 9, 1),
        credit_line=f"© {year} {artist.display_name}. Shown with the artist's permission.",
    )
    artwork.themes = themes
    if details.get("style"):
        image = builder.image(
            f"Gallery: {title}", seed=f"gallery-{slug}", **IMAGE_SIZE, style=details["style"]
        )
        alt_text, long_description = describe_abstract(
            f"gallery-{slug}", **IMAGE_SIZE, style=details["style"]
        )
        artwork.artwork_images = [
            ArtworkImage(
                image=image, alt_text=alt_text, long_description=long_description, sort_order=0
            )
        ]
    gallery.add_child(instance=artwork)
    artwork.save_revision().publish()
    return artwork


def _synthetic_artworks(builder, gallery, mediums, themes, artists):
    """Benchmark works: (scale - 1) copies of the exhibit's size, or as many as make the
    total asked for with ``--artworks N``. Inserted in bulk (see ``_insert_artworks``)."""
    wanted = builder.synthetic_children_count(
        "artworks", gallery, ArtworkPage, BENCHMARK_PREFIX, per_scale=len(ARTWORKS)
    )
    if not wanted:
        return
    have = child_slugs(gallery, BENCHMARK_PREFIX)
    missing = [number for number in range(wanted) if f"{BENCHMARK_PREFIX}{number:05d}" not in have]
    if missing:
        pool = [
            (
                builder.image(
                    f"Gallery benchmark image {n}",
                    seed=f"bench-{n}",
                    **BENCHMARK_IMAGE_SIZE,
                    style=benchmark_style(n),
                ),
                describe_abstract(f"bench-{n}", **BENCHMARK_IMAGE_SIZE, style=benchmark_style(n)),
            )
            for n in range(BENCHMARK_IMAGES)
        ]
        _insert_artworks(gallery, missing, mediums, themes, artists, pool)
    builder.say(f"Gallery: {len(missing)} benchmark artworks created, {len(have)} already there.")


def benchmark_style(number):
    return ["bands", "circles", "grid", "waves"][number % 4]


def _insert_artworks(gallery, numbers, mediums, themes, artists, pool):
    """Insert live benchmark works under ``gallery`` without revisions or per-page tree
    locking (``bulk_add_children``), then their images and themes in bulk. A thousand works
    take seconds."""
    works = []
    for number in numbers:
        artist = artists[number % len(artists)]
        medium = mediums[number % len(mediums)]
        year = 2017 + number % 5
        works.append(
            ArtworkPage(
                title=f"Benchmark work {number + 1}",
                slug=f"{BENCHMARK_PREFIX}{number:05d}",
                artist=artist,
                medium=medium,
                year=year,
                summary="A generated work that makes the gallery large enough to measure.",
                written_work=BENCHMARK_TEXT if medium.kind == Medium.KIND_TEXT else "",
                consent_date=datetime.date(year, 9, 1),
                credit_line=f"© {year} {artist.display_name}. Generated for benchmarks.",
            )
        )
    bulk_add_children(gallery, works)
    ArtworkImage.objects.bulk_create(
        [
            ArtworkImage(
                page_id=work.pk,
                image=pool[number % len(pool)][0],
                alt_text=pool[number % len(pool)][1][0],
                long_description=pool[number % len(pool)][1][1],
                sort_order=0,
            )
            for work, number in zip(works, numbers, strict=True)
        ],
        batch_size=500,
    )
    through = ArtworkPage.themes.through
    through.objects.bulk_create(
        [
            through(artworkpage_id=work.pk, theme_id=themes[(number + step) % len(themes)].pk)
            for work, number in zip(works, numbers, strict=True)
            for step in range(1 + number % 2)
        ],
        batch_size=1000,
    )


def _open_call_dates():
    """Open the call around today the first time, so the submission form can be tried."""
    site = Site.objects.get(is_default_site=True)
    gallery_settings = GallerySettings.for_site(site)
    if gallery_settings.call_opens is None and gallery_settings.call_closes is None:
        today = timezone.localdate()
        gallery_settings.call_opens = today - datetime.timedelta(days=14)
        gallery_settings.call_closes = today + datetime.timedelta(days=90)
        gallery_settings.save()


def _meeting_page():
    try:
        EventPage = apps.get_model("events", "EventPage")
    except LookupError:
        return None
    return EventPage.objects.filter(title__icontains="loneliness").first()


def _tour(gallery):
    works = {page.slug: page for page in ArtworkPage.objects.child_of(gallery)}
    today = timezone.localdate()
    stops = [
        {
            "host_organization": "National Academy of Medicine",
            "city": "Washington, DC",
            "venue": "Public meeting on diversity, inclusion and loneliness",
            "start_date": datetime.date(2019, 10, 29),
            "end_date": datetime.date(2019, 10, 29),
            "description": "A sample showing: selected works shown alongside the public "
            "meeting, to demonstrate a tour stop linked to an event.",
            "event": _meeting_page(),
            "works": ["handover", "belonging", "still-here", "small-talk", "quiet-room"],
        },
        {
            "host_organization": "Fairhaven Community Hospital",
            "city": "Columbus, Ohio",
            "venue": "Staff wellness room",
            "start_date": datetime.date(2019, 11, 4),
            "end_date": datetime.date(2019, 12, 20),
            "description": "A sample showing of the printed exhibit at a fictional hospital.",
            "works": ["night-shift-bed-nine", "inbox-zero", "paper-trail", "desert-commute"],
        },
        {
            "host_organization": "Lakeshore University Medical Center",
            "city": "Milwaukee, Wisconsin",
            "venue": "Hospital main concourse",
            "start_date": today + datetime.timedelta(days=45),
            "end_date": today + datetime.timedelta(days=75),
            "description": "Shown during the medical center's clinician well-being month.",
            "works": ["between-patients", "oncology-playroom", "thank-you-notes"],
        },
    ]
    for stop in stops:
        if TourStop.objects.filter(
            host_organization=stop["host_organization"], venue=stop["venue"]
        ).exists():
            continue
        tour_stop = TourStop(
            host_organization=stop["host_organization"],
            city=stop["city"],
            venue=stop["venue"],
            start_date=stop["start_date"],
            end_date=stop["end_date"],
            description=stop["description"],
            event=stop.get("event"),
            is_sample_content=True,  # the seeds name no showing: every stop is fictional
        )
        tour_stop.artworks = [works[slug] for slug in stop["works"] if slug in works]
        tour_stop.save()
        tour_stop.save_revision().publish()
        if stop.get("event") is not None:
            _show_at_event(stop["event"], [works[slug] for slug in stop["works"] if slug in works])


def _show_at_event(event, artworks):
    """The works of a tour stop at a meeting are the meeting's "artworks on display" (the
    events demo runs first, before any artwork exists)."""
    event = event.specific
    if not hasattr(event, "artworks_on_display") or event.artworks_on_display.exists():
        return
    for artwork in artworks:
        event.artworks_on_display.add(
            event.artworks_on_display.model(
                artwork=artwork, sort_order=len(event.artworks_on_display.all())
            )
        )
    event.save_revision().publish()


def _hosting_requests():
    today = timezone.localdate()
    for data in HOSTING_REQUESTS:
        if HostingRequest.objects.filter(organization=data["organization"]).exists():
            continue
        start = today + datetime.timedelta(days=data["days_ahead"])
        HostingRequest.objects.create(
            organization=data["organization"],
            contact_name=data["contact_name"],
            email=data["email"],
            city=data["city"],
            venue=data["venue"],
            preferred_start=start,
            preferred_end=start + datetime.timedelta(days=data["length"]),
            audience=data["audience"],
            space_notes=data["space_notes"],
            security_notes=data["security_notes"],
            status=data["status"],
            staff_notes=data.get("staff_notes", ""),
        )
