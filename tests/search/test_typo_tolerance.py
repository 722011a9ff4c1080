"""Typo tolerance on PostgreSQL: the pages worth comparing with the query are found through
their titles first (pg_trgm), a bounded number of them; with no close title, the text of
every page is compared only on a site small enough for that to stay quick."""

import datetime

import pytest
from django.db import connection
from wagtail.search.backends import get_search_backend

from search import engine
from search.query import parse_query
from tests.search.factories import standard_page
from tests.search.test_search_page import count_text, result_titles

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="trigram typo tolerance is PostgreSQL only"
    ),
]


def fuzzy(query):
    backend = get_search_backend()
    return engine.fuzzy_matches(backend, parse_query(query), engine.private_paths())


@pytest.fixture
def no_spelling_correction(monkeypatch):
    """Misspelt title words are usually corrected from the titles' vocabulary before typo
    tolerance is needed; take that step away to reach it."""
    monkeypatch.setattr(engine, "corrected_query", lambda *args: None)


def test_a_publication_is_found_by_a_misspelt_title_word(home_page):
    publication_factories = pytest.importorskip("tests.publications.factories")
    index = publication_factories.PublicationIndexPageFactory(parent=home_page)
    for title in ("Workforce resilience", "Gallery notes"):
        publication_factories.make_publication(
            index, title=title, publication_date=datetime.date(2021, 1, 1)
        )

    pages, more = fuzzy("workforse")

    assert [page.title for page in pages] == ["Workforce resilience"]
    assert more is False


def test_the_search_page_shows_the_closest_matches(client, home_page, no_spelling_correction):
    standard_page(home_page, "National plan for health workforce well-being")
    standard_page(home_page, "Gallery opening", "Art by clinicians.")

    response = client.get("/search/?q=workforse")

    assert result_titles(response) == ["National plan for health workforce well-being"]
    assert "these are the closest matches" in response.content.decode()


def test_close_titles_come_before_close_texts_and_hidden_pages_never_show(home_page):
    standard_page(home_page, "Surgeons at work", "Operating theatres.")
    standard_page(home_page, "Annual report", "Moral injury among surgeons.")
    standard_page(home_page, "Surgeons in draft").unpublish()

    assert [page.title for page in fuzzy("surgeonss")[0]] == ["Surgeons at work"]


def test_a_bounded_number_of_pages_is_compared_and_the_page_says_so(
    client, home_page, monkeypatch, no_spelling_correction
):
    monkeypatch.setattr(engine, "FUZZY_CANDIDATES", 2)
    for index in range(4):
        standard_page(home_page, f"Workforce plan {index}")

    pages, more = fuzzy("workforse")
    response = client.get("/search/?q=workforse")

    assert len(pages) == 2 and more is True
    assert count_text(response) == "More than 2 results for “workforse”"


def test_nonsense_is_close_to_nothing(home_page):
    standard_page(home_page, "Resilience toolkit", "Tools for teams.")

    assert fuzzy("zzzzqqq") == ([], False)


def test_on_a_large_site_a_typo_in_text_alone_is_not_looked_for(home_page, monkeypatch):
    standard_page(home_page, "Annual report", "Moral injury among surgeons.")
    standard_page(home_page, "Gallery opening", "Art by clinicians.")
    assert [page.title for page in fuzzy("surgeonss")[0]] == ["Annual report"]

    monkeypatch.setattr(engine, "FUZZY_TEXT_PAGES", 2)  # the home page and these two

    assert fuzzy("surgeonss") == ([], False)
