"""The site's database search backend: Wagtail's, with relevance on SQLite ranked in one pass.

Wagtail's SQLite backend puts matches in order of relevance through a scalar subquery for
each matching page, and each of those runs the full-text match again: about 0.7 ms a
match on this machine kind, 110 ms for the 157 matches of "clinician burnout" at ten
times the demo content, and more with every match. Here every match's score comes from one pass
over the full-text index, the visible pages among them from a second, and the pages shown
are loaded by id: three queries, whose cost grows with the number of matches only once.
The order is the backend's own (its BM25 score, then the newest page first on a tie).

PostgreSQL's backend ranks in one query already and is used as Wagtail chooses it.
Settings name this module as the backend: ``"BACKEND": "search.backends"``.
"""

from functools import cache

from django.db import connection
from wagtail.search.backends import database


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks for in a backend module)
    if connection.vendor == "sqlite" and _wagtail_uses_sqlite_fts():
        from search.backends.sqlite import SQLiteSearchBackend

        return SQLiteSearchBackend(params)
    return database.SearchBackend(params)


@cache
def _wagtail_uses_sqlite_fts():
    """Whether Wagtail picks its FTS5 backend here (it falls back to plain LIKE matching
    where SQLite lacks FTS5); asked once per process, as Wagtail does."""
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    return type(database.SearchBackend({})) is SQLiteSearchBackend
