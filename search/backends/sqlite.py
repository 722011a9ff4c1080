"""SQLite's full-text backend with relevance ranked in one pass (see ``search.backends``).

Imported only on SQLite: its models exist only there.
"""

from modelsearch.backends.database.sqlite import sqlite
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks


class OnePassRankedResults(sqlite.SQLiteSearchResults):
    def _do_search(self):
        compiler = self.query_compiler
        query = normalize(compiler.query)
        if (
            not compiler.order_by_relevance
            or self._score_field is not None
            or isinstance(query, (MatchAll, Not))
        ):
            return super()._do_search()
        matches = self.scored_matches(query)
        ids = matches.values_list("index_entry__object_id", flat=True)
        visible = set(compiler.queryset.filter(pk__in=ids).values_list("pk", flat=True))
        to_pk = compiler.queryset.model._meta.pk.to_python
        scores = {to_pk(object_id): score for object_id, score in matches}
        ranked = sorted(visible & scores.keys(), key=lambda pk: (scores[pk], -pk))
        shown = ranked[self.start : self.stop]
        loaded = compiler.queryset.in_bulk(shown)
        return [loaded[pk] for pk in shown if pk in loaded]

    def scored_matches(self, query):
        """(object id, score) of every index entry matching ``query``; lower scores rank
        higher, as SQLite's bm25() has it."""
        compiler = self.query_compiler
        config = compiler.get_config(self.backend)
        match = MatchExpression(
            compiler.fields or compiler.FTS_TABLE_FIELDS,
            compiler.build_search_query(query, config=config),
        )
        content_types = get_descendants_content_types_pks(compiler.queryset.model)
        return (
            sqlite.SQLiteFTSIndexEntry.objects.filter(match)
            .filter(index_entry__content_type__in=content_types)
            .annotate(score=compiler._build_rank_expression(compiler.get_search_vectors(), config))
            .values_list("index_entry__object_id", "score")
        )


class SQLiteSearchBackend(sqlite.SQLiteSearchBackend):
    results_class = OnePassRankedResults
