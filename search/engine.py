"""Running a search: backend choice and fallback, relevance fixes, facets, promotions.

Search imports no content app. It searches every live, public page through Wagtail's
search backend, then describes the matches with a few database queries whose number does
not depend on how many pages matched: their content type, their year (from the page type's
own date field when it has one) and, for publications, their topics.
"""

import logging
from dataclasses import dataclass, field
from functools import lru_cache

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import FieldDoesNotExist, FieldError
from django.db import (
    DatabaseError,
    NotSupportedError,
    ProgrammingError,
    connection,
    transaction,
)
from django.db.models import Case, DateField, IntegerField, OuterRef, Subquery, When
from django.db.models.functions import ExtractYear
from django.utils import timezone
from wagtail.models import Page, get_page_models
from wagtail.search import index
from wagtail.search.backends import get_search_backend
from wagtail.search.query import Fuzzy, PlainText

from search.query import light_stem, parse_query, spelling_suggestion, tokenize

logger = logging.getLogger(__name__)

# Results, counts and facets describe at most this many of the best matches (30 pages of
# results); the page says so when there are more. Every match is loaded, ranked by title
# and described for the facets on each search: at 10,000 publications a broad search
# took 97 ms with 1,000 and 53 ms with 300, and the judged queries ranked the same.
MAX_MATCHES = 300
ELASTICSEARCH_DOWN_KEY = "search:elasticsearch-down"
ELASTICSEARCH_RETRY_SECONDS = 30
FALLBACK_NOTICE = (
    "Search is running in a simpler mode at the moment, so results may be ordered a "
    "little differently."
)
TOPIC_MODEL = ("publications", "PublicationPage")


@dataclass
class Matches:
    """The pages a query matched, best first, and how they were found."""

    ids: list = field(default_factory=list)
    titles: dict = field(default_factory=dict)
    content_types: dict = field(default_factory=dict)
    mode: str = "all"  # "all" words, "corrected" spelling, "fuzzy" (typo tolerant), "any" word
    notice: str = ""
    capped: bool = False
    from_database: bool = True
    corrected: object = None  # the ParsedQuery actually searched, when spelling was corrected
    pages: dict = field(default_factory=dict)  # the matched pages as the search loaded them


def backend_names():
    """The backend to ask first and, when it is an external service, the database fallback."""
    configured = settings.WAGTAILSEARCH_BACKENDS
    default = configured.get("default", {})
    fallback = configured.get("database")
    if fallback and fallback.get("BACKEND") != default.get("BACKEND"):
        return "default", "database"
    return "default", None


def private_paths():
    """Tree paths of every section behind a login, password or group restriction."""
    from wagtail.models import PageViewRestriction

    return sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True)))


def is_private(page, paths):
    return any(page.path.startswith(path) for path in paths)


def searchable_pages(paths=None):
    """Every page a visitor may find: live, public, not the tree's root.

    ``paths`` are the private sections' paths when the caller already has them (the same
    exclusion as Wagtail's ``public()``, without querying the restrictions again).
    """
    pages = Page.objects.live().filter(depth__gt=1)
    for path in private_paths() if paths is None else paths:
        pages = pages.exclude(path__startswith=path)
    return pages


def is_expired(page, now=None):
    """Expired pages stay live until the scheduler unpublishes them; never show them."""
    return page.expire_at is not None and page.expire_at <= (now or timezone.now())


def is_database_backend(backend):
    """Wagtail's database backends, and the site's own subclasses of them."""
    return any(
        cls.__module__.startswith("modelsearch.backends.database") for cls in type(backend).__mro__
    )


def supports_fuzzy(backend):
    name = type(backend).__name__
    return name == "PostgresSearchBackend" or "Elasticsearch" in name or "OpenSearch" in name


def _run(backend, query, paths, pages=None):
    pages = searchable_pages(paths) if pages is None else pages
    return list(backend.search(query, pages)[: MAX_MATCHES + 1])


# Pages matching only some of the words join the results when fewer than this many match
# them all, so a visitor whose extra word is missing from the best page still finds it.
FEW_RESULTS = 5


def _search_with(backend, parsed, paths, *, corrected_already=False):
    """The matches, best first, how they were found, which of them hold every part of the
    query, the corrected query when the visitor's words were misspelt, and whether close
    matches were left out (typo tolerance looks at a bounded number of pages).

    Pages with every word come first; when there are few of them, pages with some words
    follow. When none has every word: the query with misspelt words replaced by the
    site's own (spelling_suggestion) is tried, then typo-tolerant (fuzzy) matching where
    the backend offers it, then pages with some of the words.

    The any-word search runs only when its pages are shown: for a multi-word query that
    fewer than FEW_RESULTS pages match in full. A search that finds many pages saves that
    query (and loading its pages); one that finds few makes one more. Either way the
    number of queries is bounded and does not grow with the number of matches.
    """
    all_words = _run(backend, parsed.backend_query("and"), paths)

    def some_words():
        if len(parsed.parts) < 2:
            return []
        return _run(backend, parsed.backend_query("or"), paths)

    complete = {page.pk for page in all_words}
    if all_words:
        pages = list(all_words)
        if len(all_words) < FEW_RESULTS:
            pages += [page for page in some_words() if page.pk not in complete]
        return pages, "all", complete, None, False
    if corrected_already:
        return [], "all", set(), None, False
    corrected = corrected_query(backend, parsed, paths)
    if corrected is not None:
        retried = _search_with(backend, corrected, paths, corrected_already=True)
        if retried[2]:
            return retried[0], "corrected", retried[2], corrected, False
    fuzzy, more = [], False
    if supports_fuzzy(backend):
        try:
            fuzzy, more = fuzzy_matches(backend, parsed, paths)
        except (NotSupportedError, NotImplementedError) as error:
            logger.warning("Fuzzy search unavailable: %s", error)
    any_words = some_words()
    if fuzzy:
        found = {page.pk for page in fuzzy}
        pages = fuzzy + [page for page in any_words if page.pk not in found]
        return pages, "fuzzy", found, None, more
    return any_words, ("any" if any_words else "all"), set(), None, False


# Typo tolerance ------------------------------------------------------------------------
#
# The PostgreSQL backend's fuzzy search keeps the pages whose title or text holds
# something close to the query (pg_trgm's word_similarity at or above the backend's
# threshold), worked out for every page: written that way no index can help, and a search
# that matches nothing reads the whole search index (650 ms at 14,000 entries). So the
# pages worth comparing are found first through the trigram indexes of migration 0002,
# with pg_trgm's ``%>`` operator at the same threshold: pages with a close title or, when
# no title is close, with close text. The backend then ranks only those, as it ranks any
# fuzzy match. Both steps are bounded: a common piece of a word ("well", "work") makes
# thousands of pages "close", and comparing with a long text is slow (0.2 to 1 ms a page).

# Pages the backend ranks, at most.
FUZZY_CANDIDATES = 30
# Close titles looked at to pick the FUZZY_CANDIDATES best, by the backend's own title
# score (similarity times the title's length norm); titles are short and cheap to compare.
# Close texts are taken as the index finds them.
CLOSE_TITLES_EXAMINED = 500


def narrows_by_trigrams(backend):
    """Whether the backend's fuzzy search is the trigram one of PostgreSQL's database
    backend, whose candidates the trigram indexes can find."""
    return (
        is_database_backend(backend)
        and type(backend).__name__ == "PostgresSearchBackend"
        and getattr(backend, "fuzzy_algorithm", "trigram") == "trigram"
        and connection.vendor == "postgresql"
    )


def fuzzy_matches(backend, parsed, paths):
    """Pages close to the query, best first, and whether some close pages were left out."""
    query = Fuzzy(parsed.plain_text())
    if not narrows_by_trigrams(backend):
        return _run(backend, query, paths), False
    ids, more = fuzzy_candidates(parsed.plain_text(), backend.fuzzy_similarity_threshold)
    if not ids:
        return [], False
    return _run(backend, query, paths, searchable_pages(paths).filter(pk__in=ids)), more


def fuzzy_candidates(text, threshold):
    """Ids of pages (visible or not) whose title, or failing that whose indexed text, is
    close to ``text``: at most FUZZY_CANDIDATES, and whether there were more."""
    from wagtail.search.models import IndexEntry

    table = connection.ops.quote_name(IndexEntry._meta.db_table)
    closest_titles = (
        f"SELECT object_id FROM ({close_entries(table, 'title_text')}) AS close "  # noqa: S608
        "ORDER BY word_similarity(%s, title_text) * title_norm DESC LIMIT %s"
    )
    close_texts = close_entries(table, "body_text")
    content_types = page_content_type_ids()
    wanted = FUZZY_CANDIDATES + 1
    steps = (
        (closest_titles, [content_types, text, CLOSE_TITLES_EXAMINED, text, wanted]),
        (close_texts, [content_types, text, wanted]),
    )
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            # The threshold of %> (and so of its index scan), for this transaction only.
            cursor.execute(
                "SELECT set_config('pg_trgm.word_similarity_threshold', %s, true)",
                [str(threshold)],
            )
            for sql, params in steps:
                cursor.execute(sql, params)
                ids = [int(row[0]) for row in cursor.fetchall() if row[0].isdigit()]
                if ids:
                    return ids[:FUZZY_CANDIDATES], len(ids) > FUZZY_CANDIDATES
    except ProgrammingError as error:
        raise NotSupportedError(f"Trigram search needs the pg_trgm extension: {error}") from error
    return [], False


def close_entries(table, column):
    """SQL for some index entries whose ``column`` is close to a text (%> uses the trigram
    index), given the page content types, the text and how many."""
    return (
        f"SELECT object_id, {column}, title_norm FROM {table} "  # noqa: S608 (names from code)
        f"WHERE content_type_id = ANY(%s) AND {column} %%> %s LIMIT %s"
    )


def page_content_type_ids():
    """Content types of every page model, under which their index entries are stored."""
    models = [Page, *get_page_models()]
    return sorted(
        {content_type.pk for content_type in ContentType.objects.get_for_models(*models).values()}
    )


# Each check is a query; past this many unknown words, the rest are taken as typos.
MAX_SPELLING_CHECKS = 2
WORD_CHECK_SECONDS = 600


def corrected_query(backend, parsed, paths):
    """The query with misspelt words replaced by the site's own, or None."""
    checks = iter(range(MAX_SPELLING_CHECKS))

    def is_indexed(word):
        if next(checks, None) is None:
            return False
        return word_is_indexed(backend, word, paths)

    suggestion = spelling_suggestion(parsed, is_indexed)
    return parse_query(suggestion) if suggestion else None


def word_is_indexed(backend, word, paths):
    """Whether any visible page contains ``word`` (so it is no misspelling); remembered
    for a few minutes, as the answer only changes when content does."""
    key = f"search:indexed-word:{word}"
    known = cache.get(key)
    if known is None:
        known = bool(_run(backend, PlainText(word), paths)[:1])
        cache.set(key, known, WORD_CHECK_SECONDS)
    return known


def with_fallback(action):
    """Call ``action(backend)`` on the configured backend; if that is Elasticsearch and it
    fails, log it, remember for a while, and answer from the database backend instead.

    Returns the action's result, whether the database answered, and a notice for visitors.
    """
    primary, fallback = backend_names()
    if fallback and not cache.get(ELASTICSEARCH_DOWN_KEY):
        try:
            backend = get_search_backend(primary)
            return action(backend), is_database_backend(backend), ""
        except DatabaseError:
            raise
        except Exception:
            logger.warning("Search backend %r failed; using the database", primary, exc_info=True)
            cache.set(ELASTICSEARCH_DOWN_KEY, True, ELASTICSEARCH_RETRY_SECONDS)
    if fallback:
        return action(get_search_backend(fallback)), True, FALLBACK_NOTICE
    backend = get_search_backend(primary)
    return action(backend), is_database_backend(backend), ""


def find_matches(parsed, paths):
    """The pages matching ``parsed``, best first (see _search_with)."""
    (pages, mode, complete, corrected, more), from_database, notice = with_fallback(
        lambda backend: _search_with(backend, parsed, paths)
    )
    capped = more or len(pages) > MAX_MATCHES
    pages = pages[:MAX_MATCHES]
    titles = {page.pk: page.title for page in pages}
    content_types = {page.pk: page.content_type_id for page in pages}
    ids = rank_titles_first([page.pk for page in pages], titles, corrected or parsed, complete)
    return Matches(
        ids,
        titles,
        content_types,
        mode,
        notice,
        capped,
        from_database,
        corrected,
        pages={page.pk: page for page in pages},
    )


@lru_cache(maxsize=20_000)
def title_words(title):
    """The stems of a title's words (hyphenated words also by their parts). Kept per
    process: the same titles come back in search after search."""
    words = set()
    for token in tokenize(title):
        words.update(light_stem(piece) for piece in token.split("-") if piece)
        words.add(light_stem(token.replace("-", "")))
    return frozenset(words)


def query_forms(parsed):
    """For each part of the query, the stems of each of its forms."""
    return [
        [frozenset(light_stem(word) for word in form) for form in part.all_forms()]
        for part in parsed.parts
    ]


def title_score(title, forms):
    """How many parts of the query (``query_forms``: in any of their forms) the title
    contains, and the share of the title's words those are (a short, exact title beats a
    long one)."""
    stems = title_words(title)
    matched = set()
    score = 0
    for part_forms in forms:
        for form_stems in part_forms:
            if form_stems <= stems:
                score += 1
                matched |= form_stems
                break
    coverage = len(matched) / len(stems) if stems else 0
    return score, coverage


def rank_titles_first(ids, titles, parsed, complete=()):
    """Keep the backend's order, but let pages whose title holds more of the query (and
    pages holding every word) come first.

    The SQLite backend weighs every field alike; this gives titles the weight they have on
    PostgreSQL and Elasticsearch, so results read the same on every backend.
    """
    position = {page_id: rank for rank, page_id in enumerate(ids)}
    forms = query_forms(parsed)

    def key(pk):
        score, coverage = title_score(titles.get(pk, ""), forms)
        return (-(score + (pk in complete)), -coverage, position[pk])

    return sorted(ids, key=key)


# Describing the matches ----------------------------------------------------------------


def date_field_for(model):
    """The database field holding a page type's own date, for the year facet.

    A page type may name it (``search_date_field``); otherwise its first own date filter
    field is used, and pages without one fall back to their first publication.
    """
    explicit = getattr(model, "search_date_field", None)
    if explicit:
        return explicit
    page_fields = {search_field.field_name for search_field in Page.search_fields}
    for search_field in model.get_search_fields():
        if not isinstance(search_field, index.FilterField):
            continue
        if search_field.field_name in page_fields:
            continue
        try:
            model_field = model._meta.get_field(search_field.field_name)
        except FieldDoesNotExist:
            continue
        if isinstance(model_field, DateField):
            return search_field.field_name
    return None


def year_expression(content_type_ids):
    whens = []
    for content_type_id in sorted(content_type_ids):
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None or model is Page:
            continue
        date_field = date_field_for(model)
        if not date_field:
            continue
        year = (
            model._base_manager.filter(pk=OuterRef("pk"))
            .annotate(_search_year=ExtractYear(date_field))
            .values("_search_year")[:1]
        )
        whens.append(When(content_type_id=content_type_id, then=Subquery(year)))
    fallback = ExtractYear("first_published_at")
    if not whens:
        return fallback
    return Case(*whens, default=fallback, output_field=IntegerField())


@dataclass
class Record:
    """What the facets need to know about one matching page."""

    content_type_id: int
    year: int | None
    topics: set = field(default_factory=set)


def describe(ids, content_types, paths):
    """Type, year and topics of each id, in one or two queries. Drops pages that are no
    longer live, have expired or sit in a private section (an external index may lag)."""
    if not ids:
        return {}
    pages = Page.objects.filter(pk__in=ids, live=True).exclude(expire_at__lte=timezone.now())
    for path in paths:
        pages = pages.exclude(path__startswith=path)
    rows = pages.annotate(search_year=year_expression(content_types)).values_list(
        "pk", "content_type_id", "search_year"
    )
    records = {pk: Record(content_type_id, year) for pk, content_type_id, year in rows}
    for pk, slug, name in topic_rows(records):
        if pk in records and slug:
            records[pk].topics.add((str(slug), str(name)))
    return records


def specific_pages(ids, records):
    """The specific pages for ``ids``: one query per page type among them."""
    by_type = {}
    for pk in ids:
        by_type.setdefault(records[pk].content_type_id, []).append(pk)
    pages = {}
    for content_type_id, type_ids in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class() or Page
        for page in model._base_manager.filter(pk__in=type_ids):
            pages[page.pk] = page
    return pages


def topic_model():
    """Publications' page model when it has topics; the search app never imports it."""
    try:
        model = apps.get_model(*TOPIC_MODEL)
        model._meta.get_field("topics")
    except (LookupError, FieldDoesNotExist):
        return None
    return model


def topic_rows(records):
    model = topic_model()
    if model is None:
        return []
    content_type_id = ContentType.objects.get_for_model(model).pk
    ids = [pk for pk, record in records.items() if record.content_type_id == content_type_id]
    if not ids:
        return []
    try:
        return list(
            model._base_manager.filter(pk__in=ids)
            .filter(topics__isnull=False)
            .values_list("pk", "topics__slug", "topics__name")
        )
    except FieldError:
        logger.warning("Publication topics have no slug and name; no topic facet")
        return []


def topic_exists(slug):
    model = topic_model()
    if model is None:
        return False
    try:
        return model._base_manager.filter(topics__slug=slug).exists()
    except FieldError:
        return False


def page_type_options():
    """Every page type a visitor may filter by, keyed by its model name."""
    return {
        model._meta.model_name: model
        for model in get_page_models()
        if model is not Page and not model._meta.abstract
    }


def database_vendor():
    return connection.vendor
