"""Backend choice, the Elasticsearch fallback, and (with ELASTICSEARCH_URL) a real cluster."""

import logging
import os
import uuid

import pytest
from bs4 import BeautifulSoup
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import connection

from search import engine
from search.query import match_root, parse_query
from tests.factories import publish
from tests.search.factories import standard_page

pytestmark = pytest.mark.django_db

CLOSED_PORT = "http://127.0.0.1:9"


def elasticsearch_backends(url, prefix="cwb_test_"):
    database = dict(django_settings.WAGTAILSEARCH_BACKENDS["default"])
    if "elasticsearch" in database["BACKEND"]:
        database = {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "english"}
    return {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch9",
            "URLS": [url],
            "INDEX_PREFIX": prefix,
            "TIMEOUT": 2,
            "OPTIONS": {"max_retries": 0},
        },
        "database": database,
    }


def titles(response):
    page = BeautifulSoup(response.content, "html.parser")
    return [link.get_text(strip=True) for link in page.select(".search-result__title a")]


def test_without_elasticsearch_there_is_one_backend_and_no_fallback(settings):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "wagtail.search.backends.database"},
    }
    assert engine.backend_names() == ("default", None)


def test_unreachable_elasticsearch_falls_back_to_the_database_with_a_notice(
    client, home_page, settings, caplog
):
    standard_page(home_page, "Resilience toolkit", "Tools for teams.")
    settings.WAGTAILSEARCH_BACKENDS = elasticsearch_backends(CLOSED_PORT)

    with caplog.at_level(logging.WARNING, logger="search.engine"):
        response = client.get("/search/?q=resilience")

    assert response.status_code == 200
    assert titles(response) == ["Resilience toolkit"]
    assert "Search is running in a simpler mode" in response.content.decode()
    assert any("using the database" in record.getMessage() for record in caplog.records)
    suggestions = client.get("/search/suggest/?q=resil")
    assert suggestions.status_code == 200
    assert [item["title"] for item in suggestions.json()["suggestions"]] == ["Resilience toolkit"]


def test_publishing_works_while_elasticsearch_is_unreachable(client, home_page, settings):
    settings.WAGTAILSEARCH_BACKENDS = elasticsearch_backends(CLOSED_PORT)

    page = standard_page(home_page, "Moral injury", "Published while the cluster is down.")
    page.title = "Moral injury among clinicians"
    publish(page)

    page.refresh_from_db()
    assert page.live and page.title == "Moral injury among clinicians"
    assert titles(client.get("/search/?q=moral+injury")) == ["Moral injury among clinicians"]


def test_a_failed_cluster_is_not_asked_again_for_a_while(client, home_page, settings, monkeypatch):
    settings.WAGTAILSEARCH_BACKENDS = elasticsearch_backends(CLOSED_PORT)
    client.get("/search/?q=resilience")
    attempts = []
    real = engine.get_search_backend

    def counting(name="default", **kwargs):
        attempts.append(name)
        return real(name, **kwargs)

    monkeypatch.setattr(engine, "get_search_backend", counting)
    client.get("/search/?q=resilience")

    assert "default" not in attempts and "database" in attempts


def test_the_page_type_date_field_is_found_for_the_year_facet():
    from core.models import StandardPage

    assert engine.date_field_for(StandardPage) is None


needs_elasticsearch = pytest.mark.skipif(
    not os.environ.get("ELASTICSEARCH_URL"),
    reason="set ELASTICSEARCH_URL to an Elasticsearch 9 server to run the real-cluster tests",
)


@pytest.fixture
def real_elasticsearch(settings):
    prefix = f"cwb_test_{uuid.uuid4().hex[:8]}_"
    settings.WAGTAILSEARCH_BACKENDS = elasticsearch_backends(
        os.environ["ELASTICSEARCH_URL"], prefix
    )
    yield
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend("default")
    backend.es.indices.delete(index=f"{prefix}*", ignore_unavailable=True)


@needs_elasticsearch
def test_real_elasticsearch_finds_hyphen_variants_and_skips_drafts(
    client, home_page, real_elasticsearch
):
    target = standard_page(home_page, "Health workforce well-being", "A national plan.")
    hidden = standard_page(home_page, "Well-being draft", "zanzibarian")
    hidden.unpublish()
    call_command("update_index", backend_name="default", verbosity=0)

    for query in ("well-being", "wellbeing", "well being"):
        found, from_database, notice = engine.with_fallback(
            lambda backend, query=query: engine._search_with(
                backend, parse_query(query), engine.private_paths()
            )
        )
        assert notice == "" and not from_database
        assert target.pk in [page.pk for page in found[0]]
    assert titles(client.get("/search/?q=zanzibarian")) == []


def test_the_configured_database_backend_is_wagtails_own_for_this_database():
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    if connection.vendor == "sqlite":
        # Importable on SQLite only, where Wagtail defines the full-text table.
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        # Wagtail's own, with stemmed query words and weighted titles (search/sqlite.py).
        assert isinstance(backend, SQLiteSearchBackend)
        assert type(backend).__name__ == "StemmingSQLiteSearchBackend"
    else:
        assert type(backend).__name__ == "PostgresSearchBackend"


def test_wagtails_search_tables_are_left_as_wagtail_makes_them():
    """No migration of the site changes Wagtail's search tables: SQLite's full-text table
    keeps Wagtail's own tokenizer (stemming happens in the site backend's queries)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT sql FROM sqlite_master WHERE name = 'wagtailsearch_indexentry_fts'"
            )
            assert "porter" not in cursor.fetchone()[0]
        else:
            cursor.execute(
                "SELECT indexname FROM pg_indexes WHERE tablename = 'wagtailsearch_indexentry'"
            )
            assert not [name for (name,) in cursor.fetchall() if name.startswith("site_search")]


@pytest.mark.parametrize(
    ("word", "matched"),
    [
        ("nurses", "nurs"),
        ("communities", "communit"),
        ("community", "communit"),
        ("burnout", "burnout"),
        ("being", None),
        ("EHR", None),
    ],
)
def test_sqlite_query_words_match_by_their_english_stem(word, matched):
    assert match_root(word) == matched
