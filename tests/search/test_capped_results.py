"""A search lists and counts at most engine.MAX_MATCHES of its best matches, and the page
says so honestly when there are more."""

import pytest

from search import engine
from tests.search.factories import standard_page
from tests.search.test_search_page import count_text, facet_counts, make_dated, result_titles, soup

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def three_matches_at_most(monkeypatch):
    monkeypatch.setattr(engine, "MAX_MATCHES", 3)


def test_a_capped_search_says_more_than_it_lists(client, home_page):
    for index in range(5):
        make_dated(home_page, f"Resilience {index}", 2020 + index % 2)

    response = client.get("/search/?q=resilience")

    assert count_text(response) == "More than 3 results for “resilience”"
    assert len(result_titles(response)) == 3
    notice = soup(response).select_one(".search-capped").get_text(" ", strip=True)
    assert notice.startswith("Only the best 3 matches are listed and counted in the filters")
    assert sum(facet_counts(response, "year").values()) == 3


def test_a_capped_search_with_a_filter_counts_within_the_best_matches(client, home_page):
    for index in range(5):
        make_dated(home_page, f"Resilience {index}", 2020 + index % 2)

    response = client.get("/search/?q=resilience&year=2020")
    counted = facet_counts(client.get("/search/?q=resilience"), "year")["2020"]

    assert count_text(response) == (
        f"{counted} result{'s' if counted != 1 else ''} among the best 3 for “resilience” "
        "with your filters"
    )
    empty = client.get("/search/?q=resilience&year=2024")
    assert "Nothing found with these filters among the best 3 matches" in empty.content.decode()


def test_a_search_under_the_cap_counts_exactly(client, home_page):
    for index in range(3):
        standard_page(home_page, f"Resilience {index}")

    response = client.get("/search/?q=resilience")

    assert count_text(response) == "3 results for “resilience”"
    assert soup(response).select_one(".search-capped") is None
