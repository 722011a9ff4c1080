import datetime

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from publications.models import PublicationPage
from tests.helpers import assert_constant_queries
from tests.publications.factories import (
    PublicationTypeFactory,
    TopicFactory,
    make_person,
    make_publication,
)

pytestmark = pytest.mark.django_db


def test_home_page_shows_featured_publications_newest_first(client, index):
    make_publication(
        index, title="Old Featured", featured=True, publication_date=datetime.date(2017, 1, 1)
    )
    make_publication(
        index,
        title="New Featured",
        featured=True,
        publication_date=datetime.date(2022, 1, 1),
        authors=[make_person("Victor J. Dzau")],
    )
    make_publication(index, title="Not Featured")

    home = BeautifulSoup(client.get("/").content, "html.parser")
    cards = home.select("#featured-publications-heading ~ ul .publication-card")

    assert [card.h3.get_text(strip=True) for card in cards] == ["New Featured", "Old Featured"]
    assert "Victor J. Dzau" in cards[0].get_text()


def test_drafts_and_private_publications_never_reach_the_home_page(client, index):
    draft = make_publication(index, title="Draft Featured", featured=True)
    draft.unpublish()
    private = make_publication(index, title="Private Featured", featured=True)
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")

    assert list(PublicationPage.featured_for_home_page(3)) == []
    assert "Featured publications" not in client.get("/").content.decode()


def test_featured_for_home_page_costs_constant_queries(client, index):
    names = iter(f"Author Number{n}" for n in range(100))

    def add(count):
        for number in range(count):
            author = make_person(next(names)) if number % 2 else ("Free Name", "")
            make_publication(index, featured=True, authors=[author])

    add(2)
    assert_constant_queries(client, "/", lambda: add(8), at_most=15)


def test_search_finds_publications_by_author_topic_and_abstract(index):
    topic = TopicFactory(name="Documentation and EHR", slug="documentation-ehr")
    paper = make_publication(
        index,
        title="Care-Centered Clinician Documentation",
        abstract="Records built around billing rather than care.",
        topics=[topic],
        authors=[make_person("Yvonne Ommaya")],
        publication_type=PublicationTypeFactory(name="Discussion paper"),
    )
    make_publication(index, title="Unrelated")

    def search(query):
        return list(PublicationPage.objects.live().search(query))

    assert search("Ommaya") == [paper]
    assert search("billing") == [paper]
    assert search("EHR") == [paper]


def test_search_summary_and_date_for_the_site_search(index):
    paper = make_publication(
        index, abstract="word " * 100, publication_date=datetime.date(2019, 10, 23)
    )

    assert paper.search_date == datetime.date(2019, 10, 23)
    assert paper.search_summary.endswith("…")
    assert len(paper.search_summary.split()) <= 41


def test_search_can_filter_by_type_and_date(index):
    report = PublicationTypeFactory(name="Report")
    wanted = make_publication(
        index,
        publication_type=report,
        title="Burnout report",
        publication_date=datetime.date(2019, 10, 23),
    )
    make_publication(index, title="Burnout paper", publication_date=datetime.date(2019, 1, 1))
    make_publication(
        index,
        publication_type=report,
        title="Burnout old report",
        publication_date=datetime.date(2017, 1, 1),
    )

    results = (
        PublicationPage.objects.live()
        .filter(publication_type=report, publication_date__gte=datetime.date(2019, 1, 1))
        .search("burnout")
    )

    assert list(results) == [wanted]


def test_api_offers_publications_with_readable_type_authors_and_topics(client, index):
    make_publication(
        index,
        title="Readable",
        publication_type=PublicationTypeFactory(name="Toolkit"),
        topics=[TopicFactory(name="Leadership")],
        authors=[("Ada Author", "Somewhere")],
    )
    draft = make_publication(index, title="Draft in API")
    draft.unpublish()

    response = client.get("/api/v2/pages/", {"type": "publications.PublicationPage", "fields": "*"})

    assert response.status_code == 200
    (item,) = response.json()["items"]
    assert (item["title"], item["type_name"], item["author_names"], item["topic_names"]) == (
        "Readable",
        "Toolkit",
        "Ada Author",
        "Leadership",
    )
