"""Demo content of the ground floor: the Collaborative's story in standard pages, and the
site settings (menus, footer, crisis line).

Facts (names, dates, goals, phases) come from the Collaborative's public pages; the words
are the project's own.
"""

from wagtail.models import Site

from core.models import SiteSettings, StandardPage


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


def load(builder):
    home = builder.home_page()
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
    _site_settings(about)
    _default_share_image(builder)


def _default_share_image(builder):
    """The card a shared link shows for pages without an image of their own."""
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    if site_settings.default_share_image_id is None:
        image = builder.image(
            "Clinician Well-Being Collaborative (sharing image)", width=1200, height=630
        )
        image.description = "Abstract bands in the Collaborative's colors"
        image.save(update_fields=["description"])
        site_settings.default_share_image = image
        site_settings.save()


def _site_settings(about):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    if not site_settings.main_navigation:
        site_settings.main_navigation = [
            {"type": "link", "value": {"label": "About", "page": about.pk, "url": ""}},
        ]
        site_settings.footer_navigation = [
            {
                "type": "link",
                "value": {"label": "About the Collaborative", "page": about.pk, "url": ""},
            },
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
