"""The site's database backend ranks as Wagtail's does, in a number of queries that does
not grow with the matches (search/backends.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from modelsearch.backends import get_search_backend as backend_from
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import PlainText

from tests.search.factories import draft_page, private_page, standard_page

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="the one-pass ranking is SQLite's"),
]


def build(home_page, count, first=0):
    """Pages that mention "rounds" more or less often, in their title or their text."""
    for number in range(first, first + count):
        mentions = " ".join(["rounds"] * (number % 4 + 1))
        title = f"Rounds report {number}" if number % 3 == 0 else f"Ward note {number}"
        standard_page(home_page, title, f"Notes {number}", f"{mentions} on the ward")


def ranked(backend, query="rounds", **kwargs):
    pages = Page.objects.live().filter(depth__gt=1)
    return [page.pk for page in backend.search(PlainText(query), pages, **kwargs)]


def test_the_site_backend_is_the_one_pass_one_on_sqlite():
    from search.backends.sqlite import SQLiteSearchBackend  # its models exist on SQLite only

    assert type(get_search_backend()) is SQLiteSearchBackend


def test_pages_come_in_wagtails_order_and_slices_agree(home_page):
    build(home_page, 14)
    wagtails = backend_from("wagtail.search.backends.database")
    ours = get_search_backend()

    expected = ranked(wagtails)
    assert len(expected) == 14
    assert ranked(ours) == expected
    pages = Page.objects.live().filter(depth__gt=1)
    assert [page.pk for page in ours.search("rounds", pages)[3:8]] == expected[3:8]


def test_drafts_and_private_pages_are_not_found(home_page):
    build(home_page, 3)
    draft = draft_page(home_page, "Rounds draft")
    private = private_page(home_page, "Rounds for staff")
    pages = Page.objects.live().public().filter(depth__gt=1)

    found = [page.pk for page in get_search_backend().search("rounds", pages)]

    assert len(found) == 3
    assert draft.pk not in found and private.pk not in found


def test_queries_do_not_grow_with_the_matches(home_page):
    backend = get_search_backend()
    build(home_page, 3)
    with CaptureQueriesContext(connection) as few:
        assert len(ranked(backend)) == 3
    build(home_page, 30, first=3)
    with CaptureQueriesContext(connection) as many:
        assert len(ranked(backend)) == 33
    assert len(few) == len(many) == 3
    # No query runs the full-text match once per page.
    assert all(query["sql"].count("MATCH") <= 1 for query in many.captured_queries)


def test_unranked_searches_keep_the_backends_own_order(home_page):
    build(home_page, 5)
    wagtails = backend_from("wagtail.search.backends.database")
    assert ranked(get_search_backend(), order_by_relevance=False) == ranked(
        wagtails, order_by_relevance=False
    )
