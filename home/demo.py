"""Demo content of the home app: the home page, the Collaborative's story, site settings,
and one demo account per editorial role.

Facts (names, dates, goals, phases) come from the Collaborative's public pages; the words
are the project's own.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page, Site

from home.models import HomePage, SiteSettings, StandardPage

GOALS = [
    (
        "Understand the challenges",
        "Build a shared, evidence-based picture of what wears clinicians down and what "
        "helps them thrive.",
    ),
    (
        "Make burnout visible",
        "Bring clinician stress, burnout, depression and suicide into the open, so that "
        "they are discussed and acted on rather than endured in silence.",
    ),
    (
        "Advance solutions",
        "Elevate multidisciplinary, evidence-based solutions that improve patient care by "
        "caring for the people who give it.",
    ),
]


def rich(*paragraphs):
    return {"type": "rich_text", "value": "".join(f"<p>{p}</p>" for p in paragraphs)}


def heading(text):
    return {"type": "rich_text", "value": f"<h2>{text}</h2>"}


ABOUT_BODY = [
    heading("Why the Collaborative exists"),
    rich(
        "Doctors, nurses, pharmacists, dentists, trainees and every other kind of clinician "
        "report high rates of burnout. It threatens the people who provide care, the safety "
        "of the patients they care for and the sustainability of the health system.",
        "The National Academy of Medicine launched the Action Collaborative on Clinician "
        "Well-Being and Resilience in 2017. It has since aligned more than 80 organizations "
        "at the centre of the U.S. health system and built a network of more than 200 "
        "organizations that have committed to reversing the trend.",
    ),
    heading("Phases I and II, 2017 to 2020: building a community"),
    rich(
        "The first phases brought people together to talk openly about clinician well-being. "
        "Working groups looked for evidence-based ways to engage leaders, break the culture "
        "of silence around distress, gather promising practices and metrics, and reduce the "
        "burden of workload and workflow.",
        "The work produced an online knowledge hub, a series of <i>NAM Perspectives</i> "
        "discussion papers, the art exhibit Expressions of Clinician Well-Being, and a "
        "conceptual model of the factors that shape clinician well-being.",
    ),
    heading("Phase III, 2021 to 2022: a national strategy"),
    rich(
        "In its third phase the Collaborative organized three working groups: one to lay the "
        "groundwork for a national strategy, one to help organizations put proven tools into "
        "practice, and one to learn from the toll of COVID-19 on the health workforce.",
        "That work led to the National Plan for Health Workforce Well-Being, published in "
        "October 2022.",
    ),
    {
        "type": "quote",
        "value": {
            "quote": "When we invest in clinician well-being, patients, care teams and the "
            "whole health system benefit.",
            "attribution": "The Collaborative's founding premise",
        },
    },
]

BURNOUT_BODY = [
    rich(
        "Burnout is a work-related syndrome with three marks: a high degree of emotional "
        "exhaustion, depersonalization (a growing cynicism toward patients and work) and a "
        "low sense of personal accomplishment.",
        "It is common. More than half of U.S. physicians have reported significant symptoms, "
        "physicians report it nearly twice as often as other U.S. workers, nurses report "
        "similarly high levels, and medical trainees show more burnout and depression than "
        "people of the same age in other careers.",
    ),
    heading("Why it matters to patients"),
    rich(
        "The consequences reach well beyond the clinician: lower job performance, higher "
        "turnover, and in the worst cases medical error and clinician suicide. Studies have "
        "linked surgeon burnout to self-reported major errors, and nurse burnout on hospital "
        "units to rates of health care-associated infection.",
    ),
    heading("Where change has to happen"),
    rich(
        "Burnout is a problem of systems, not of individual weakness. It calls for steady "
        "attention from organizations, states and the nation, and for leaders who build "
        "cultures that address its drivers while giving people the support to recover.",
    ),
    {
        "type": "accordion",
        "value": {
            "heading": "Common questions",
            "items": [
                {
                    "heading": "Is burnout the same as depression?",
                    "body": "<p>No. Burnout is defined by work, while depression affects every "
                    "part of life; the two often occur together and both deserve care.</p>",
                },
                {
                    "heading": "Who is affected?",
                    "body": "<p>Clinicians of every profession, specialty, setting and career "
                    "stage, students included.</p>",
                },
            ],
        },
    },
]

MODEL_BODY = [
    rich(
        "The Collaborative's Conceptual Model working group set out to describe, in one "
        "picture, what affects clinician well-being and resilience and what follows from it.",
        "The model groups the factors into external ones (the rules, the workplace, the "
        "organization, the culture of health care) and individual ones (personal traits, "
        "skills and circumstances). It applies to every health profession, specialty, "
        "setting and career stage, students included, and links clinician well-being to "
        "outcomes for clinicians, for patients and for the health system.",
        "It is a map for understanding well-being, not a diagnostic or assessment tool, and "
        "it will change as the evidence grows.",
    ),
    {
        "type": "table",
        "value": {
            "caption": "Domains of the conceptual model",
            "table": {
                "first_row_is_table_header": True,
                "first_col_is_header": True,
                "data": [
                    ["Domain", "Examples of factors"],
                    [
                        "Society and culture",
                        "Expectations of clinicians, stigma about seeking help",
                    ],
                    ["Rules and regulations", "Documentation and reporting requirements"],
                    ["Organizational factors", "Leadership, staffing, scheduling, team structure"],
                    ["Learning and practice environment", "Physical space, work-life integration"],
                    [
                        "Health care responsibilities",
                        "Workload, patient needs, administrative tasks",
                    ],
                    ["Personal factors", "Support systems, personality, sense of meaning"],
                    ["Skills and abilities", "Clinical competence, communication, coping skills"],
                ],
            },
        },
    },
]

HUB_BODY = [
    rich(
        "The Clinician Well-Being Knowledge Hub gathers, in one easy-to-search place, what "
        "people need to tackle burnout in their organizations and in their own lives: "
        "peer-reviewed research, personal stories, toolkits, presentations and more.",
        "It is a living collection, and new resources are added over time. The hub received "
        "an Award of Excellence at the 24th Annual Communicator Awards.",
    ),
    heading("What you will find"),
    rich(
        "<b>Case studies</b> of organizations that have supported the well-being of "
        "practicing clinicians, trainees and students, written to inspire others facing "
        "similar problems.",
        "<b>Validated instruments</b> for measuring burnout, engagement and professional "
        "satisfaction, so that organizations can measure, act and measure again.",
        "<b>The conceptual model</b> of factors affecting clinician well-being and resilience.",
    ),
]


def load(builder):
    home = _home_page(builder)
    about = builder.page(
        home,
        StandardPage,
        "about",
        title="About the Collaborative",
        introduction="Since 2017 the National Academy of Medicine's Action Collaborative has "
        "worked to reverse clinician burnout and make clinician well-being a national priority.",
        body=ABOUT_BODY,
        show_in_menus=True,
    )
    builder.page(
        about,
        StandardPage,
        "what-is-clinician-burnout",
        title="What is clinician burnout?",
        introduction="A syndrome of exhaustion, cynicism and lost sense of accomplishment "
        "that affects clinicians of every kind, and their patients.",
        body=BURNOUT_BODY,
        show_in_menus=True,
    )
    builder.page(
        about,
        StandardPage,
        "conceptual-model",
        title="Factors affecting clinician well-being and resilience",
        introduction="A conceptual model of what shapes clinician well-being, across every "
        "profession and career stage.",
        body=MODEL_BODY,
        show_in_menus=True,
    )
    hub = builder.page(
        home,
        StandardPage,
        "knowledge-hub",
        title="Clinician Well-Being Knowledge Hub",
        introduction="Research, tools and stories for anyone working to support clinician "
        "well-being.",
        body=HUB_BODY,
        show_in_menus=True,
    )
    if not home.knowledge_hub_page_id:
        home.knowledge_hub_page = hub
        home.save_revision().publish()
    _site_settings(builder, home, about, hub)
    _demo_users(builder)


def _home_page(builder):
    site = Site.objects.filter(is_default_site=True).first()
    if site and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    root = Page.get_first_root_node()
    # Wagtail's fresh database holds a "Welcome" placeholder page; the home page replaces it.
    for placeholder in Page.objects.child_of(root).filter(content_type__model="page"):
        if not placeholder.get_children().exists():
            placeholder.delete()
    home = HomePage(
        title="Home",
        slug="home",
        seo_title="Action Collaborative on Clinician Well-Being and Resilience",
        search_description="The National Academy of Medicine's Action Collaborative on "
        "Clinician Well-Being and Resilience: publications, events, working groups and the "
        "Expressions of Clinician Well-Being art exhibit.",
        hero_heading="Clinician well-being is essential for safe, high-quality patient care",
        hero_text="Clinicians of every kind are experiencing alarming rates of burnout. Since "
        "2017 the National Academy of Medicine's Action Collaborative has brought together a "
        "network of more than 200 organizations to reverse it.",
        goals_heading="Three goals",
        goals_intro="Everything the Collaborative does serves three aims.",
        goals=[{"type": "goal", "value": {"title": t, "description": d}} for t, d in GOALS],
        gallery_text="Art from clinicians, patients and families about what burnout and "
        "well-being look, feel and sound like.",
        knowledge_hub_heading="The Clinician Well-Being Knowledge Hub",
        knowledge_hub_text="Research, toolkits, case studies and validated instruments for "
        "people working to support clinician well-being, in one searchable place.",
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Clinician Well-Being Collaborative",
        )
    else:
        site.root_page = home
        site.site_name = "Clinician Well-Being Collaborative"
        site.save()
    builder.say("  created the home page")
    return home


def _site_settings(builder, home, about, hub):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    if not site_settings.main_navigation:
        site_settings.main_navigation = [
            {"type": "link", "value": {"label": "About", "page": about.pk, "url": ""}},
            {"type": "link", "value": {"label": "Knowledge hub", "page": hub.pk, "url": ""}},
        ]
        site_settings.footer_navigation = [
            {
                "type": "link",
                "value": {"label": "About the Collaborative", "page": about.pk, "url": ""},
            },
            {"type": "link", "value": {"label": "Knowledge hub", "page": hub.pk, "url": ""}},
        ]
        site_settings.newsletter_url = "https://nam.edu/subscribe/"
        site_settings.footer_text = (
            "<p>The National Academy of Medicine is an independent organization that, with the "
            "National Academy of Sciences and the National Academy of Engineering, advises the "
            "nation and the international community.</p>"
        )
        site_settings.social_links = [
            {
                "type": "social",
                "value": {
                    "platform": "linkedin",
                    "url": "https://www.linkedin.com/company/national-academy-of-medicine/",
                },
            },
            {
                "type": "social",
                "value": {
                    "platform": "youtube",
                    "url": "https://www.youtube.com/@NationalAcademyofMedicine",
                },
            },
        ]
        site_settings.save()
    home_page = HomePage.objects.get(pk=home.pk)
    if not home_page.hero_link:
        home_page.hero_link = [
            {
                "type": "link",
                "value": {"label": "About the Collaborative", "page": about.pk, "url": ""},
            },
            {
                "type": "link",
                "value": {"label": "Visit the knowledge hub", "page": hub.pk, "url": ""},
            },
        ]
        home_page.save_revision().publish()


DEMO_ACCOUNTS = [
    # username, group names, is_superuser
    ("admin", [], True),
    ("editor", ["Editors"], False),
    ("moderator", ["Moderators"], False),
    ("reviewer", ["Gallery reviewers"], False),
]


def _demo_users(builder):
    password = getattr(settings, "DEMO_USERS_PASSWORD", None)
    if not password:
        builder.say("  no DEMO_USERS_PASSWORD in these settings: demo accounts not created")
        return
    User = get_user_model()
    for username, group_names, is_superuser in DEMO_ACCOUNTS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "email": f"{username}@example.org",
                "first_name": username.capitalize(),
                "last_name": "Demo",
                "is_staff": True,
                "is_superuser": is_superuser,
            },
        )
        if created:
            user.set_password(password)
            user.save()
        for group in Group.objects.filter(name__in=group_names):
            user.groups.add(group)
