"""The site's database search backend: Wagtail's own for each database, stemming on SQLite.

PostgreSQL stems English words itself (``SEARCH_CONFIG = "english"``) and weighs titles by
their boost, so there this is exactly Wagtail's database backend. Wagtail's SQLite backend
does neither; search.sqlite adds both.
"""

from django.db import connection
from wagtail.search.backends.database import SearchBackend as database_backend


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    """Wagtail's database backend for this database, stemming on SQLite."""
    backend = database_backend(params)
    if connection.vendor != "sqlite":
        return backend
    from search.sqlite import SQLiteSearchBackend, StemmingSQLiteSearchBackend

    if isinstance(backend, SQLiteSearchBackend):  # not the fallback without FTS5
        return StemmingSQLiteSearchBackend(params)
    return backend
