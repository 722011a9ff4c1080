"""Search's demo content: the synonyms and abbreviations visitors use, and a promoted result.

Runs after the content apps (search is last in INSTALLED_APPS), so promotions can point at
their pages; a promotion whose page does not exist yet is simply left out.
"""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from search.models import SearchSynonym

SYNONYMS = [
    (
        "EHR\nelectronic health record\nelectronic health records\nEMR",
        "Clinicians say EHR; papers spell it out.",
    ),
    ("PA\nphysician assistant\nphysician assistants", "The profession's own abbreviation."),
    ("NAM\nNational Academy of Medicine", "The Collaborative's home institution."),
    ("COVID\nCOVID-19\ncoronavirus\npandemic", "One crisis, many names."),
    ("RN\nregistered nurse\nnurse", "Nurses search by their credential."),
    ("suicide\nsuicidal ideation", "Research literature uses the clinical term."),
    ("burnout\nburn out\nburned out", "Spelled as one word or two."),
    ("team-based care\ninterprofessional care\ncare teams", "Different names for one idea."),
]

# (query, slug of the page to put first, why)
PROMOTIONS = [
    (
        "national plan",
        "national-plan-for-health-workforce-well-being",
        "The Collaborative's national plan, with its priority areas and actions.",
    ),
    (
        "burnout",
        "what-is-clinician-burnout",
        "Start here: what clinician burnout is and why it matters.",
    ),
]


def load(builder):
    created = 0
    for terms, note in SYNONYMS:
        _, was_created = SearchSynonym.objects.get_or_create(terms=terms, defaults={"note": note})
        created += was_created
    builder.say(f"  {created} search synonyms added")
    for query_string, slug, description in PROMOTIONS:
        page = Page.objects.filter(slug=slug).live().first()
        if page is None:
            continue
        query = Query.get(query_string)
        if not SearchPromotion.objects.filter(query=query, page=page).exists():
            SearchPromotion.objects.create(
                query=query, page=page, description=description, sort_order=0
            )
            builder.say(f"  promoted “{page.title}” for “{query_string}”")
