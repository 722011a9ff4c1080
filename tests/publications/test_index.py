import datetime

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from tests.helpers import assert_constant_queries, count_queries
from tests.publications.factories import (
    PublicationTypeFactory,
    TopicFactory,
    make_publication,
)

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def titles(response):
    """The titles of the listing, in order (not the featured block above it)."""
    results = soup(response).select_one("[aria-labelledby=results-heading]")
    return [a.get_text(strip=True) for a in results.select(".publication-card h3 a")]


def featured_titles(response):
    block = soup(response).select_one("[aria-labelledby=featured-heading]")
    return [a.get_text(strip=True) for a in block.select(".publication-card h3 a")] if block else []


def options(response, param):
    """{label without count: count} of a filter's select, as the visitor sees it."""
    result = {}
    for option in soup(response).select(f"select[name={param}] option"):
        if option.get("value"):
            label, _, count = option.get_text(strip=True).rpartition(" (")
            result[label] = int(count.rstrip(")"))
    return result


@pytest.fixture
def library(index):
    paper = PublicationTypeFactory(name="Discussion paper", slug="discussion-paper")
    report = PublicationTypeFactory(name="Consensus study report", slug="consensus-study-report")
    burnout = TopicFactory(name="Burnout", slug="burnout")
    nurses = TopicFactory(name="Nurses", slug="nurses")
    make_publication(
        index,
        title="Nurse Suicide: Breaking the Silence",
        publication_type=paper,
        publication_date=datetime.date(2018, 1, 29),
        topics=[nurses, burnout],
    )
    make_publication(
        index,
        title="Burnout Among Health Care Professionals",
        publication_type=paper,
        publication_date=datetime.date(2017, 7, 5),
        topics=[burnout],
    )
    make_publication(
        index,
        title="Taking Action Against Clinician Burnout",
        publication_type=report,
        publication_date=datetime.date(2019, 10, 23),
        topics=[burnout],
    )
    return index


def test_index_lists_publications_newest_first(client, library):
    response = client.get(library.url)

    assert response.status_code == 200
    assert titles(response) == [
        "Taking Action Against Clinician Burnout",
        "Nurse Suicide: Breaking the Silence",
        "Burnout Among Health Care Professionals",
    ]
    assert "3 publications" in soup(response).select_one(".listing-count").get_text()


def test_sorts_by_oldest_and_by_title(client, library):
    oldest = titles(client.get(library.url, {"sort": "oldest"}))
    by_title = titles(client.get(library.url, {"sort": "title"}))

    assert oldest[0] == "Burnout Among Health Care Professionals"
    assert by_title == sorted(by_title)


def test_filters_by_type_topic_and_year(client, library):
    assert titles(client.get(library.url, {"type": "consensus-study-report"})) == [
        "Taking Action Against Clinician Burnout"
    ]
    assert titles(client.get(library.url, {"topic": "nurses"})) == [
        "Nurse Suicide: Breaking the Silence"
    ]
    assert titles(client.get(library.url, {"year": "2017"})) == [
        "Burnout Among Health Care Professionals"
    ]
    assert titles(client.get(library.url, {"topic": "burnout", "type": "discussion-paper"})) == [
        "Nurse Suicide: Breaking the Silence",
        "Burnout Among Health Care Professionals",
    ]


def test_filter_options_count_the_current_results(client, library):
    unfiltered = client.get(library.url)
    assert options(unfiltered, "type") == {"Consensus study report": 1, "Discussion paper": 2}
    assert options(unfiltered, "topic") == {"Burnout": 3, "Nurses": 1}
    assert list(options(unfiltered, "year")) == ["2019", "2018", "2017"]

    by_paper = client.get(library.url, {"type": "discussion-paper"})
    assert options(by_paper, "topic") == {"Burnout": 2, "Nurses": 1}
    assert options(by_paper, "year") == {"2018": 1, "2017": 1}
    # The type facet counts among the other filters' results, so a visitor can switch type.
    assert options(by_paper, "type") == {"Consensus study report": 1, "Discussion paper": 2}


def test_a_publication_with_several_topics_counts_once_in_every_facet(client, library):
    # "Nurse Suicide" has two topics: filtering by one must not count it twice elsewhere.
    by_nurses = client.get(library.url, {"topic": "nurses"})
    assert options(by_nurses, "type") == {"Discussion paper": 1}
    assert options(by_nurses, "year") == {"2018": 1}

    by_burnout_2018 = client.get(library.url, {"topic": "burnout", "year": "2018"})
    assert options(by_burnout_2018, "type") == {"Discussion paper": 1}
    assert options(by_burnout_2018, "topic") == {"Burnout": 1, "Nurses": 1}


def test_filter_form_keeps_its_state_in_the_url(client, library):
    page = soup(client.get(library.url, {"topic": "nurses", "year": "2018", "sort": "title"}))

    form = page.select_one("form.listing-filters")
    assert form["method"] == "get"
    assert page.select_one("select[name=topic] option[selected]")["value"] == "nurses"
    assert page.select_one("select[name=year] option[selected]")["value"] == "2018"
    assert page.select_one("select[name=sort] option[selected]")["value"] == "title"
    for select in form.select("select"):
        assert form.select_one(f"label[for={select['id']}]") is not None


def test_filtered_urls_are_not_indexed_but_the_plain_index_is(client, library):
    plain = soup(client.get(library.url))
    filtered = soup(client.get(library.url, {"topic": "nurses"}))

    assert plain.select_one("meta[name=robots]") is None
    assert filtered.select_one("meta[name=robots]")["content"].startswith("noindex")


def test_twelve_per_page_with_pagination(client, index):
    for number in range(14):
        make_publication(
            index,
            title=f"Paper {number:02d}",
            publication_date=datetime.date(2010 + number, 1, 1),
        )

    first = client.get(index.url)
    second = client.get(index.url, {"page": "2"})

    assert len(titles(first)) == 12
    assert titles(second) == ["Paper 01", "Paper 00"]
    assert soup(first).select_one(".pagination a[rel=next]")["href"] == "?page=2"
    assert "page 2 of 2" in soup(second).select_one(".listing-count").get_text()


@pytest.mark.parametrize(
    ("page_number", "status", "message"),
    [
        ("abc", 400, "whole numbers"),
        ("0", 400, "whole numbers"),
        ("-3", 400, "whole numbers"),
        ("1.5", 400, "whole numbers"),
        ("99999", 404, "There is no page 99999"),
        ("9" * 500, 404, "There is no page"),
    ],
)
def test_bad_page_numbers_give_a_clear_page(client, library, page_number, status, message):
    response = client.get(library.url, {"page": page_number})

    assert response.status_code == status
    assert message in soup(response).select_one("[role=alert]").get_text()
    assert soup(response).select_one(".listing-filters") is not None


@pytest.mark.parametrize(
    "params",
    [
        {"type": "no-such-type"},
        {"topic": "no-such-topic"},
        {"year": "abc"},
        {"year": "20199"},
        {"year": "1850"},
        {"topic": "burnout\x00"},
        {"type": "x" * 5000},
        {"sort": "popular"},
        {"topic": "<script>alert(1)</script>"},
    ],
)
def test_unknown_filter_values_are_dropped_with_a_notice(client, library, params):
    response = client.get(library.url, params)

    assert response.status_code == 200
    notices = " ".join(n.get_text() for n in soup(response).select("p.notice"))
    assert "left out" in notices or "not available" in notices
    assert len(titles(response)) == 3
    assert b"<script>alert(1)" not in response.content


def test_filters_with_no_results_say_so(client, library):
    response = client.get(library.url, {"topic": "nurses", "year": "2019"})

    assert response.status_code == 200
    assert "No publications match these filters" in response.content.decode()


def test_newest_first_is_by_date_and_featured_ones_have_their_own_block(client, library):
    make_publication(
        library,
        title="An Older Featured Paper",
        publication_date=datetime.date(2001, 1, 1),
        featured=True,
    )

    page = soup(response := client.get(library.url))
    assert page.select_one("select[name=sort] option[selected]").get_text() == ("Newest first")
    assert titles(response) == [
        "Taking Action Against Clinician Burnout",
        "Nurse Suicide: Breaking the Silence",
        "Burnout Among Health Care Professionals",
        "An Older Featured Paper",
    ]
    assert page.select_one("#featured-heading").get_text() == "Featured"
    assert featured_titles(response) == ["An Older Featured Paper"]
    # Filtered, sorted or later pages are just the listing.
    assert featured_titles(client.get(library.url, {"sort": "title"})) == []
    assert featured_titles(client.get(library.url, {"year": "2001"})) == []
    assert titles(client.get(library.url, {"year": "2001"})) == ["An Older Featured Paper"]


def test_drafts_and_private_publications_never_appear(client, library):
    draft = make_publication(library, title="A Draft Paper")
    draft.unpublish()
    private = make_publication(library, title="A Private Paper")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    topic = TopicFactory(name="Hidden topic", slug="hidden")
    hidden = make_publication(library, title="Hidden Topic Paper", topics=[topic])
    hidden.unpublish()

    response = client.get(library.url)

    assert "A Draft Paper" not in titles(response)
    assert "A Private Paper" not in titles(response)
    assert "Hidden topic" not in options(response, "topic")
    assert "3 publications" in soup(response).select_one(".listing-count").get_text()


def test_index_and_filtered_index_cost_the_same_queries_at_10_and_200(client, index):
    types = [PublicationTypeFactory(), PublicationTypeFactory()]
    topics = [TopicFactory(), TopicFactory(), TopicFactory()]

    def add(count):
        for number in range(count):
            make_publication(
                index,
                publication_type=types[number % 2],
                publication_date=datetime.date(2015 + number % 8, 1, 1),
                topics=topics[: 1 + number % 3],
                authors=[("Free Author", "Somewhere")],
                featured=number % 7 == 0,
            )

    add(10)
    filtered = f"{index.url}?topic={topics[0].slug}&year=2016&sort=title&page=1"
    small_filtered, _ = count_queries(client, filtered)
    assert_constant_queries(client, index.url, lambda: add(190), at_most=15)
    large_filtered, _ = count_queries(client, filtered)
    assert small_filtered == large_filtered <= 15


def test_new_topics_and_years_are_filterable_as_soon_as_published(client, library):
    assert "left out" in client.get(library.url, {"topic": "covid-19"}).content.decode()

    covid = TopicFactory(name="COVID-19", slug="covid-19")
    make_publication(
        library,
        title="Clinician Well-Being During COVID-19",
        topics=[covid],
        publication_date=datetime.date(2020, 4, 1),
    )

    assert titles(client.get(library.url, {"topic": "covid-19", "year": "2020"})) == [
        "Clinician Well-Being During COVID-19"
    ]


def test_renaming_a_topic_shows_on_the_cached_index_and_publication(client, library, settings):
    settings.PAGE_CACHE_ENABLED = True
    paper = library.get_children().get(title__startswith="Nurse Suicide").specific
    for url in [library.url, paper.url] * 2:
        client.get(url)
    assert client.get(library.url)["X-Page-Cache"] == "hit"
    assert client.get(paper.url)["X-Page-Cache"] == "hit"

    nurses = TopicFactory._meta.model.objects.get(slug="nurses")
    nurses.name = "Nursing"
    nurses.save()

    assert "Nursing" in options(client.get(library.url), "topic")
    assert "Nursing" in client.get(paper.url).content.decode()
