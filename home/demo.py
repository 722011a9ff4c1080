"""Demo content of the home page: the Collaborative's goals, its hero and its call-outs.

Facts (names, dates, goals) come from the Collaborative's public pages; the words are the
project's own. It runs after every other app's demo: the home page links to their pages.
"""

from core.models import StandardPage
from demo.builder import describe_abstract
from home.models import HomePage
from publications.models import KnowledgeHubPage

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


def load(builder):
    home = HomePage.objects.get(pk=builder.home_page().pk)
    about = StandardPage.objects.child_of(home).get(slug="about")
    hub = KnowledgeHubPage.objects.child_of(home).filter(slug="knowledge-hub").first()
    _hero_image(builder, home)
    if home.goals and home.hero_link and home.knowledge_hub_page_id:
        return
    home.seo_title = "Action Collaborative on Clinician Well-Being and Resilience"
    home.search_description = (
        "The National Academy of Medicine's Action Collaborative on Clinician Well-Being and "
        "Resilience: publications, events, working groups and the Expressions of Clinician "
        "Well-Being art exhibit."
    )
    home.hero_text = (
        "Clinicians of every kind are experiencing alarming rates of burnout. Since 2017 the "
        "National Academy of Medicine's Action Collaborative has brought together a network of "
        "more than 200 organizations to reverse it."
    )
    home.goals_heading = "Three goals"
    home.goals_intro = "Everything the Collaborative does serves three aims."
    home.goals = [{"type": "goal", "value": {"title": t, "description": d}} for t, d in GOALS]
    home.gallery_text = (
        "Art from clinicians, patients and families about what burnout and well-being look, "
        "feel and sound like."
    )
    home.knowledge_hub_heading = "The Clinician Well-Being Knowledge Hub"
    home.knowledge_hub_text = (
        "Research, toolkits, case studies and validated instruments for people working to "
        "support clinician well-being, in one searchable place."
    )
    home.knowledge_hub_page = hub
    links = [
        {
            "type": "link",
            "value": {"label": "About the Collaborative", "page": about.pk, "url": ""},
        },
    ]
    if hub is not None:  # the publications app's demo builds it
        links.append(
            {
                "type": "link",
                "value": {"label": "Visit the knowledge hub", "page": hub.pk, "url": ""},
            }
        )
    home.hero_link = links
    home.save_revision().publish()
    builder.say("  the home page's sections filled in")


HERO_IMAGE = {"seed": "home-hero", "width": 1200, "height": 800, "style": "circles"}


def _hero_image(builder, home):
    """A generated abstract picture for the hero, described from what drew it; the
    communications staff replace it (and set its focal point) in the admin."""
    if home.hero_image_id:
        return
    home.hero_image = builder.image("Home page hero (sample image)", **HERO_IMAGE)
    home.hero_image_alt = describe_abstract(**HERO_IMAGE)[0]
    home.save_revision().publish()
