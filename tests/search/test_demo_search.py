"""Search over the demo site as a visitor meets it: every person, organization, working
group and artist is found first by their name; questions about resources find them in
the top three; the filters speak the visitors' language; and no home or listing page
stands in for content."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from search import engine

# What a visitor asks, and the resource (the end of its address) they are looking for.
RESOURCE_QUERIES = [
    ("validated survey", "/validated-instruments-work-related-well-being/"),
    ("well-being survey instruments", "/validated-instruments-work-related-well-being/"),
    ("covid resources", "/clinician-well-being-during-covid-19/"),
    ("covid-19 strategies", "/clinician-well-being-during-covid-19/"),
    ("resources for health care workers", "/resource-compendium-health-care-worker-well-being/"),
    ("burnout resource compendium", "/resource-compendium-health-care-worker-well-being/"),
    ("national plan health workforce", "/national-plan-for-health-workforce-well-being/"),
    ("case studies of well-being programs", "/clinician-well-being-case-studies/"),
    ("consensus study report", "/taking-action-against-clinician-burnout/"),
    ("conceptual model", "/conceptual-model-of-clinician-well-being/"),
    ("nurse suicide prevention", "/nurse-suicide-breaking-the-silence/"),
    ("EHR documentation solutions", "/care-centered-clinician-documentation/"),
]
VISITOR_LABELS = {
    "Publications",
    "Events",
    "Artworks",
    "People",
    "News",
    "Organizations",
    "Working groups",
    "Pages",
    "Artists",
}


@pytest.fixture
def demo(demo_site, db):
    """The shared demo; ``db`` after it, so that the test database is set up for a run
    of this module alone."""
    return demo_site


def result_links(client, query, **params):
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    return [link["href"] for link in page.select(".search-result__title a")]


def named_things():
    """(what, name, address) of every person, organization and artist visitors may find,
    and of every working group."""
    things = []
    for model in engine.snippet_models():
        visible = list(model.search_visible())
        addresses = model.search_result_urls(visible)
        things += [(model.__name__, item.name, addresses[item.pk]) for item in visible]
    groups = Page.objects.live().public().filter(content_type__model="workinggrouppage")
    things += [("WorkingGroupPage", group.title, group.url) for group in groups]
    return things


def test_every_person_organization_working_group_and_artist_is_found_first_by_name(demo, client):
    things = named_things()
    kinds = {kind for kind, _, _ in things}
    assert {"Person", "NetworkOrganization", "Artist", "WorkingGroupPage"} <= kinds

    missed = []
    for kind, name, address in things:
        assert address, (kind, name)
        links = result_links(client, name)
        if not links or links[0] != address:
            missed.append((kind, name, address, links[:3]))
    assert not missed


def test_an_organizations_result_leads_to_its_entry_on_the_network_page(demo, client):
    links = result_links(client, "Cleveland Clinic")
    path, anchor = links[0].split("#")
    assert anchor == "organization-cleveland-clinic"
    page = client.get(path.replace("&amp;", "&"))
    assert page.status_code == 200
    assert 'id="organization-cleveland-clinic"' in page.content.decode()


def test_questions_about_resources_find_them_in_the_top_three(demo, client):
    assert len(RESOURCE_QUERIES) >= 10
    missed = []
    for query, expected in RESOURCE_QUERIES:
        links = result_links(client, query)
        if not any(link.endswith(expected) for link in links[:3]):
            missed.append((query, expected, links[:3]))
    assert not missed


def test_type_filters_are_labelled_for_visitors_never_from_class_names(demo, client):
    class_names = set()
    for model in [*engine.page_type_options().values(), *engine.snippet_models()]:
        for name in (model._meta.verbose_name, model._meta.verbose_name_plural):
            class_names.add(str(name).capitalize())
    class_names -= VISITOR_LABELS

    seen = set()
    for query in ("burnout", "well-being", "clinician", "resilience", "nurse", "Dzau"):
        response = client.get("/search/", {"q": query})
        page = BeautifulSoup(response.content, "html.parser")
        for link in page.select('ul[aria-labelledby="facet-type"] a'):
            seen.add(link.get_text(" ", strip=True).rsplit(" (", 1)[0])
    assert seen <= VISITOR_LABELS, seen - VISITOR_LABELS
    assert not seen & class_names
    assert {"Publications", "Events", "Artworks", "People", "Organizations"} <= seen


def test_no_home_or_listing_page_for_a_query_that_matches_content(demo, client):
    listings = {
        page.url
        for page in Page.objects.live().specific()
        if engine.is_listing(type(page)) and page.url
    }
    assert "/" in listings and "/publications/" in listings
    for query in ("burnout", "well-being", "clinician", "art", "resilience", "nurse", "covid"):
        links = result_links(client, query)
        assert links, query
        assert not set(links) & listings, (query, set(links) & listings)
    # A visitor who names a listing gets it.
    assert result_links(client, "network organizations")[0] == "/network-organizations/"
