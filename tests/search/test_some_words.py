"""Pages with only some of a multi-word query's words: listed after the pages with all of
them when those are few, and not even looked for when they are many."""

import pytest
from wagtail.search.query import Or, PlainText

from search import engine
from tests.helpers import assert_constant_queries
from tests.search.factories import standard_page
from tests.search.test_search_page import result_titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def searched(monkeypatch):
    """The queries the engine hands to the backend, in order."""
    queries = []
    run = engine._run

    def recording_run(backend, query, paths, *args, **kwargs):
        queries.append(query)
        return run(backend, query, paths, *args, **kwargs)

    monkeypatch.setattr(engine, "_run", recording_run)
    return queries


def is_any_word_query(query):
    return isinstance(query, Or) or (isinstance(query, PlainText) and query.operator == "or")


def test_pages_with_some_words_follow_when_few_pages_have_them_all(client, home_page, searched):
    standard_page(home_page, "Resilience toolkit for nurses")
    standard_page(home_page, "Resilience toolkit for teams")
    standard_page(home_page, "Resilience checklist")

    # (No title is the query itself: a query that names a page has found it.)
    titles = result_titles(client.get("/search/?q=resilience+toolkit"))

    assert sorted(titles[:2]) == ["Resilience toolkit for nurses", "Resilience toolkit for teams"]
    assert titles[2:] == ["Resilience checklist"]
    assert any(is_any_word_query(query) for query in searched)


def test_with_three_words_or_more_the_pages_followed_lack_one_word_at_most(client, home_page):
    standard_page(home_page, "Resilience toolkit for nurses on night shifts")
    standard_page(home_page, "Resilience toolkit for teams")
    standard_page(home_page, "Resilience checklist for nurses")
    standard_page(home_page, "Resilience checklist")

    titles = result_titles(client.get("/search/?q=resilience+toolkit+nurses"))

    # Every word, then all but one; a page with one of the three words is no answer.
    assert titles[0] == "Resilience toolkit for nurses on night shifts"
    assert sorted(titles[1:]) == ["Resilience checklist for nurses", "Resilience toolkit for teams"]


def test_pages_with_some_words_are_not_looked_for_when_enough_have_them_all(
    client, home_page, searched
):
    for index in range(engine.FEW_RESULTS):
        standard_page(home_page, f"Resilience toolkit {index}")
    standard_page(home_page, "Resilience checklist")

    titles = result_titles(client.get("/search/?q=resilience+toolkit"))

    assert len(titles) == engine.FEW_RESULTS
    assert "Resilience checklist" not in titles
    assert searched and not any(is_any_word_query(query) for query in searched)


def test_a_multi_word_search_costs_the_same_queries_as_its_matches_grow(
    client, home_page, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    for index in range(engine.FEW_RESULTS):
        standard_page(home_page, f"Resilience toolkit {index}")

    def grow():
        for index in range(20):
            standard_page(home_page, f"More resilience toolkits {index}")

    assert_constant_queries(client, "/search/?q=resilience+toolkit", grow, at_most=15)
