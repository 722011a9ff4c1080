"""The search page with the content apps' real page types (skipped where an app is absent):
publications' topics, dates, authors and PDF text; the gallery's unpublished artworks."""

import datetime

import pytest
from bs4 import BeautifulSoup

from tests.search.factories import standard_page
from tests.search.test_search_page import facet_counts, result_titles

pytestmark = pytest.mark.django_db

publication_factories = pytest.importorskip("tests.publications.factories")


@pytest.fixture
def publications_index(home_page):
    return publication_factories.PublicationIndexPageFactory(parent=home_page)


def test_publication_topics_and_dates_feed_the_facets(client, publications_index):
    burnout = publication_factories.TopicFactory(name="Burnout", slug="burnout")
    metrics = publication_factories.TopicFactory(name="Metrics", slug="metrics")
    publication_factories.make_publication(
        publications_index,
        title="Resilience and burnout",
        publication_date=datetime.date(2017, 7, 5),
        topics=[burnout],
    )
    publication_factories.make_publication(
        publications_index,
        title="Measuring resilience",
        publication_date=datetime.date(2022, 3, 1),
        topics=[burnout, metrics],
    )

    response = client.get("/search/?q=resilience")

    assert facet_counts(response, "topic") == {"Burnout": 2, "Metrics": 1}
    assert facet_counts(response, "year") == {"2022": 1, "2017": 1}
    filtered = client.get("/search/?q=resilience&topic=metrics")
    assert result_titles(filtered) == ["Measuring resilience"]
    dates = [
        time["datetime"]
        for time in BeautifulSoup(response.content, "html.parser").select(".search-result time")
    ]
    assert sorted(dates) == ["2017-07-05", "2022-03-01"]


def test_an_authors_name_finds_the_publication(client, publications_index):
    publication_factories.make_publication(
        publications_index,
        title="To care is human",
        authors=[publication_factories.make_person("Victor Dzau")],
    )
    publication_factories.make_publication(publications_index, title="Another paper")

    assert result_titles(client.get("/search/?q=dzau")) == ["To care is human"]


def test_a_query_naming_a_kind_of_publication_finds_that_kind_first(
    client, home_page, publications_index
):
    report = publication_factories.PublicationTypeFactory(
        name="Consensus Study Report", slug="consensus-study-report"
    )
    paper = publication_factories.PublicationTypeFactory(
        name="Discussion Paper", slug="discussion-paper"
    )
    standard_page(
        home_page,
        "Consensus study report on burnout released",
        "The consensus study report on burnout is out; this consensus study report has "
        "recommendations.",
    )
    publication_factories.make_publication(
        publications_index,
        title="Taking action against burnout",
        publication_type=report,
        abstract="A consensus study report with recommendations for health systems.",
    )
    publication_factories.make_publication(
        publications_index,
        title="A study of report writing",
        publication_type=paper,
        abstract="How consensus forms when a study report is written by a committee.",
    )

    titles = result_titles(client.get("/search/?q=consensus+study+report"))

    assert titles[0] == "Taking action against burnout"
    assert set(titles[1:]) == {
        "Consensus study report on burnout released",
        "A study of report writing",
    }


def test_text_inside_an_attached_pdf_is_searched(client, publications_index):
    document = publication_factories.make_pdf_document(
        "Full report", ["The appendix discusses the quadruple aim in detail."]
    )
    publication_factories.make_publication(
        publications_index, title="Full report", document=document
    )

    assert "Full report" in result_titles(client.get("/search/?q=quadruple+aim"))


def test_unpublished_artwork_never_appears(client, home_page):
    gallery_factories = pytest.importorskip("tests.gallery.factories")
    gallery = gallery_factories.GalleryIndexPageFactory(parent=home_page)
    shown = gallery_factories.ArtworkPageFactory(parent=gallery, title="Zanzibarian dawn")
    hidden = gallery_factories.ArtworkPageFactory(parent=gallery, title="Zanzibarian dusk")
    hidden.unpublish()

    response = client.get("/search/?q=zanzibarian")

    assert result_titles(response) == [shown.title]
    suggestions = client.get("/search/suggest/?q=zanzib").json()["suggestions"]
    assert [item["title"] for item in suggestions] == [shown.title]
