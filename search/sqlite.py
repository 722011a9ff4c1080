"""Wagtail's SQLite search backend with English stemming and weighted titles.

Wagtail's SQLite full-text table uses a tokenizer that does not stem, and its ranking weighs
every column alike. This subclass, through the backend's public methods, changes two things:

- each word of a query is matched by its English stem (Snowball's Porter2, the stemmer
  PostgreSQL and Elasticsearch use) as a prefix, so "nurses" finds "nurse" and "nursing",
  and "communities" finds "community";
- FTS5's ``bm25()`` ranks a title match TITLE_WEIGHT times a body match, as PostgreSQL's
  weights and Elasticsearch's boosts do.

Imported only on SQLite (search.backend), where Wagtail defines the full-text table.
"""

import operator
from functools import reduce

from django.db.models import F, FloatField, Func
from wagtail.search.backends.database.sqlite.query import Lexeme, SearchQueryExpression
from wagtail.search.backends.database.sqlite.sqlite import (
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from wagtail.search.query import PlainText

from search.query import match_root

# bm25() weights of the full-text table's columns, in its order: autocomplete, body, title.
TITLE_WEIGHT = 10.0
COLUMN_WEIGHTS = (0.0, 1.0, TITLE_WEIGHT)


class WordLexeme(Lexeme):
    """One query word: its stem as a prefix ("nurs"*), or the word itself."""

    def __init__(self, word):
        root = match_root(word)
        super().__init__(root or word, prefix=root is not None)


class WeightedBM25(Func):
    """FTS5's bm25() with a weight for each column (lower is a better match)."""

    output_field = FloatField()

    def __init__(self, table, weights):
        self.table = table
        self.weights = weights
        super().__init__()

    def as_sql(self, compiler, connection, **extra_context):
        placeholders = ", ".join(["%s"] * len(self.weights))
        return f"bm25({self.table}, {placeholders})", list(self.weights)


class StemmingQueryCompiler(SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if not isinstance(query, PlainText):
            return super().build_search_query_content(query, config=config)
        words = query.query_string.split()
        if not words:
            return None
        combine = operator.and_ if query.operator.upper() == "AND" else operator.or_
        return SearchQueryExpression(reduce(combine, map(WordLexeme, words)), config=config)

    def build_tsrank(self, vector, query, config=None, boost=1.0):
        # bm25() scores a row against the whole MATCH expression, so every part of the
        # query has the same score: the row's, once. (Combining the parts' scores as
        # Wagtail does for PostgreSQL's ranks, which grow with relevance, would turn
        # bm25's negative scores, lower for better matches, upside down.)
        rank = WeightedBM25(self.fts_table(), COLUMN_WEIGHTS)
        return rank * boost if boost != 1.0 else rank

    def get_search_vectors(self):
        # One score per row: bm25() already weighs the title column (Wagtail's default
        # also multiplies the whole score by the title's shortness, which lets a short
        # title win on words found only in its body).
        return [(F("index_entry__body"), 1.0)]

    @staticmethod
    def fts_table():
        from wagtail.search.models import SQLiteFTSIndexEntry

        return SQLiteFTSIndexEntry._meta.db_table


class StemmingSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = StemmingQueryCompiler
