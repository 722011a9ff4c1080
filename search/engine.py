"""Running a search: backend choice and fallback, relevance fixes, facets, promotions.

Search imports no content app. It searches every live, public page and the snippets
visitors name (each snippet model that declares a ``search_label`` and ``search_visible``)
through Wagtail's search backend, then describes the matches with a few database queries
whose number does not depend on how many matched: their content type, their year (from the
page type's own date field when it has one) and, for publications, their topics.

Each model says what visitors call it (``search_label``, e.g. "Publications"); pages that
only list others (``search_is_listing``: the home page, the indexes) are results only when
nothing else matches.
"""

import logging
from dataclasses import dataclass, field
from functools import lru_cache

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import FieldDoesNotExist, FieldError
from django.db import DatabaseError, NotSupportedError, connection
from django.db.models import Case, DateField, F, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.text import capfirst, slugify
from wagtail.models import Page, get_page_models
from wagtail.search import index
from wagtail.search.backends import get_search_backend
from wagtail.search.query import Fuzzy, PlainText

from caching.pages import kept_until_content_changes
from core.pages import site_view_restrictions
from search.query import HYPHENS, STOP_WORDS, parse_query, spelling_suggestion, stem, tokenize

logger = logging.getLogger(__name__)

# Results, counts and facets describe at most this many of the best matches (10 pages of
# results); the page says so when there are more. Every match is loaded in the backend's
# order and described for the facets on each search: at 10,000 publications on PostgreSQL
# "clinician burnout" (1,700 matches) took 85 ms with 300 and 65 ms with 100, and the
# judged queries ranked the same at both sizes.
MAX_MATCHES = 100
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

    # Keys: a page's id, or (content type id, id) for a snippet.
    ids: list = field(default_factory=list)
    titles: dict = field(default_factory=dict)
    content_types: dict = field(default_factory=dict)
    mode: str = "all"  # "all" words, "corrected" spelling, "fuzzy" (typo tolerant), "any" word
    notice: str = ""
    capped: bool = False
    from_database: bool = True
    corrected: object = None  # the ParsedQuery actually searched, when spelling was corrected
    objects: dict = field(default_factory=dict)  # pages and snippets as the search loaded them
    # A correction offered ("did you mean") when nothing matched and it finds something.
    suggestion: object = None
    # How many of the first ids the query names (by title or name): see named_first.
    named: int = 0


def backend_names():
    """The backend to ask first and, when it is an external service, the database fallback."""
    configured = settings.WAGTAILSEARCH_BACKENDS
    default = configured.get("default", {})
    fallback = configured.get("database")
    if fallback and fallback.get("BACKEND") != default.get("BACKEND"):
        return "default", "database"
    return "default", None


def private_paths():
    """Tree paths of every section behind a login, password or group restriction (the
    site's view restrictions, read once per request)."""
    return sorted({restriction.page.path for restriction in site_view_restrictions()})


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


# Snippets visitors name (people, organizations, artists) -------------------------------

# Snippet matches of each model taken into the results, at most.
SNIPPET_MATCHES = 50


@lru_cache(maxsize=1)
def snippet_models():
    """Every indexed model other than pages that says how visitors find it: its label
    (``search_label``), the objects they may find (``search_visible()``) and their
    addresses (``search_result_urls(objects)``)."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, index.Indexed)
        and not issubclass(model, Page)
        and getattr(model, "search_label", None)
        and hasattr(model, "search_visible")
        and hasattr(model, "search_result_urls")
    ]


def is_snippet_key(key):
    return isinstance(key, tuple)


def snippet_key(obj):
    return (ContentType.objects.get_for_model(obj).pk, obj.pk)


def search_snippets(backend, parsed):
    """Snippets holding every word of the query: one query per model.

    They are taken in the model's own order (by name), not ranked by the backend: the
    results put a snippet the query names first and the others after the pages holding
    every word (named_first), and ranking costs SQLite's backend a subquery per match (a
    third of a second for the organizations whose statements say "burnout").
    """
    query = parsed.backend_query("and")
    found = []
    for model in snippet_models():
        matches = backend.search(query, model.search_visible(), order_by_relevance=False)
        found += list(matches[:SNIPPET_MATCHES])
    if any(is_named(match_title(obj), parsed) for obj in found):
        return found
    seen = {snippet_key(obj) for obj in found}
    return found + [obj for obj in names_in_query(parsed) if snippet_key(obj) not in seen]


# Longest name, in words, looked for in a query.
LONGEST_NAME = 6


def names_in_query(parsed):
    """People, organizations and artists whose whole name is in a query of more words
    ("Cleveland Clinic" in "Cleveland Clinic clinician burnout"), which the search for
    every word misses: one query over every model's names, and one per model with a hit."""
    words = parsed.words()
    # A name of two words or more, and more words besides: a query that is only a name
    # finds it by searching for every word.
    longest = min(LONGEST_NAME, len(words) - 1)
    phrases = {
        " ".join(words[start : start + length])
        for length in range(2, longest + 1)
        for start in range(len(words) - length + 1)
    }
    if not phrases:
        return []
    lookups = []
    for model in snippet_models():
        if not any(field.name == "name" for field in model._meta.get_fields()):
            continue
        named = Q()
        for phrase in phrases:
            named |= Q(name__iexact=phrase)
        kind = ContentType.objects.get_for_model(model).pk
        lookups.append(
            model.search_visible()
            .filter(named)
            .annotate(search_kind=Value(kind, output_field=IntegerField()))
            .order_by()
            .values_list("search_kind", "pk")
        )
    if not lookups:
        return []
    hits = {}
    for kind, pk in lookups[0].union(*lookups[1:]):
        hits.setdefault(kind, []).append(pk)
    found = []
    for kind, ids in hits.items():
        model = ContentType.objects.get_for_id(kind).model_class()
        found += list(model.search_visible().filter(pk__in=ids))
    return found


def match_title(obj):
    """What a result is called: a page's title, a snippet's name."""
    if isinstance(obj, Page):
        return obj.title
    return getattr(obj, "name", "") or str(obj)


def search_label(model):
    """What visitors call results of this model, in the type filter."""
    return str(getattr(model, "search_label", "") or "Pages")


def result_type(model):
    """What one result of this model is, e.g. "Publication", "Person"; "Page" for the
    pages visitors know only as pages."""
    if search_label(model) == "Pages":
        return "Page"
    return capfirst(str(model._meta.verbose_name))


def is_listing(model):
    return bool(getattr(model, "search_is_listing", False))


def type_options():
    """Every type a visitor may filter by: {value in the URL: label}."""
    models = [*page_type_options().values(), *snippet_models()]
    return {slugify(search_label(model)): search_label(model) for model in models}


# Pages matching only some of the words join the results when fewer than this many match
# them all, so a visitor whose extra word is missing from the best page still finds it.
FEW_RESULTS = 5


def _search_with(backend, parsed, paths, *, corrected_already=False):
    """The matches (pages, snippets, then pages with some of the words), how they were
    found, which of them hold every part of the query, the corrected query when the
    visitor's words were misspelt, and whether close matches were left out (typo
    tolerance looks at a bounded number of pages).

    Results with every word come first; when there are few of them, pages lacking one word
    follow (with three words or more, a page holding one word of them is no answer, and
    ranking every page that says "well-being" cost a third of a search's time at 10,000
    publications). When none has every word, and no snippet (a person's or an
    organization's name) matches: the query with misspelt words replaced by the site's own
    (spelling_suggestion) is tried, then typo-tolerant (fuzzy) matching where the backend
    offers it, then pages with some of the words.

    The any-word search runs only when its pages are shown: for a multi-word query that
    fewer than FEW_RESULTS results match in full. Either way the number of queries is
    bounded and does not grow with the number of matches.
    """
    all_words = _run(backend, parsed.backend_query("and"), paths)
    # A corrected query looks for pages only: the visitor's own words found no name.
    snippets = [] if corrected_already else search_snippets(backend, parsed)

    def some_words(operator="or"):
        if len(parsed.parts) < 2:
            return []
        return _run(backend, parsed.backend_query(operator), paths)

    complete = {page.pk for page in all_words} | {snippet_key(obj) for obj in snippets}
    if all_words or snippets:
        # A query that names something (a person, an organization, a title) found it.
        named = any(is_exact(match_title(obj), parsed) for obj in [*snippets, *all_words])
        partial = []
        if len(complete) < FEW_RESULTS and not named:
            # A query holding a name is the name and other words: the pages answering the
            # other words hold none of the name's, so any word will do for them.
            operator = "or" if snippets else "most"
            partial = [page for page in some_words(operator) if page.pk not in complete]
        return [*all_words, *snippets, *partial], "all", complete, None, False
    if corrected_already:
        return some_words(), "any", set(), None, False
    corrected = corrected_query(backend, parsed, paths)
    suggestion = None
    if corrected is not None:
        retried = _search_with(backend, corrected, paths, corrected_already=True)
        if retried[2]:
            return retried[0], "corrected", retried[2], corrected, False
        if retried[0]:
            # The correction finds something, though not every word: offered, not used.
            suggestion = corrected
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
    if any_words:
        return any_words, "any", set(), None, False
    return [], "all", set(), suggestion, False


# Typo tolerance ------------------------------------------------------------------------
#
# The PostgreSQL backend's fuzzy search keeps the pages whose title or text holds
# something close to the query, worked out for every page of the search index: a search
# that matches nothing reads the whole index (50 us a page: three quarters of a second at
# 10,000 publications). So pages with a close title are found first (pg_trgm's word
# similarity on the page titles, through the ORM), and the backend ranks only those. When
# no title is close, the backend compares the text of every page only on a site small
# enough for that to stay quick; on a larger one, typo tolerance stops at the titles.

# Pages the backend ranks when titles are close, at most.
FUZZY_CANDIDATES = 30
# The most pages whose text the backend compares with the query when no title is close.
FUZZY_TEXT_PAGES = 2000


def narrows_by_trigrams(backend):
    """Whether the backend's fuzzy search is the trigram one of PostgreSQL's database
    backend, so that close titles make good candidates."""
    return (
        is_database_backend(backend)
        and type(backend).__name__ == "PostgresSearchBackend"
        and getattr(backend, "fuzzy_algorithm", "trigram") == "trigram"
        and connection.vendor == "postgresql"
    )


def fuzzy_matches(backend, parsed, paths):
    """Pages close to the query, best first, and whether some close pages were left out."""
    query = Fuzzy(parsed.plain_text())
    if narrows_by_trigrams(backend):
        ids, more = close_titles(parsed.plain_text(), backend.fuzzy_similarity_threshold, paths)
        if ids:
            pages = searchable_pages(paths).filter(pk__in=ids)
            return _run(backend, query, paths, pages), more
        if searchable_pages(paths)[: FUZZY_TEXT_PAGES + 1].count() > FUZZY_TEXT_PAGES:
            return [], False
    return _run(backend, query, paths), False


def close_titles(text, threshold, paths):
    """Ids of visible pages whose title is close to ``text``: at most FUZZY_CANDIDATES,
    and whether there were more."""
    from django.contrib.postgres.search import TrigramWordSimilarity

    ids = list(
        searchable_pages(paths)
        .annotate(closeness=TrigramWordSimilarity(text, "title"))
        .filter(closeness__gte=threshold)
        .order_by("-closeness", "pk")
        .values_list("pk", flat=True)[: FUZZY_CANDIDATES + 1]
    )
    return ids[:FUZZY_CANDIDATES], len(ids) > FUZZY_CANDIDATES


# Each check is a query; past this many unknown words, the rest are taken as typos.
MAX_SPELLING_CHECKS = 2


def corrected_query(backend, parsed, paths):
    """The query with misspelt words replaced by the site's own, or None."""
    checks = iter(range(MAX_SPELLING_CHECKS))

    def is_indexed(word):
        if next(checks, None) is None:
            return False
        return word_is_indexed(backend, word, paths)

    suggestion = spelling_suggestion(parsed, is_indexed, snippet_models())
    return parse_query(suggestion) if suggestion else None


def word_is_indexed(backend, word, paths):
    """Whether any visible page contains ``word`` (so it is no misspelling); kept until
    content changes."""
    return kept_until_content_changes(
        f"search:indexed-word:{word}", lambda: bool(_run(backend, PlainText(word), paths)[:1])
    )


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


def result_key(obj):
    return obj.pk if isinstance(obj, Page) else snippet_key(obj)


def result_model(obj):
    return obj.specific_class if isinstance(obj, Page) else type(obj)


STOP_STEMS = frozenset(stem(word) for word in STOP_WORDS)
# A listing is named by a query that makes up at least this share of its title's words.
NAMED_LISTING_COVERAGE = 0.5


def title_stems(title):
    """The English stems of a title's words, hyphenated words also by their parts."""
    return {stem(piece) for token in tokenize(title) for piece in HYPHENS.split(token) if piece}


def query_stems(parsed):
    return {stem(word) for word in parsed.words()}


def holds_query(title, parsed):
    """Whether a title or name holds every word of the query ("Dzau" for "Victor Dzau")."""
    wanted = query_stems(parsed)
    return bool(wanted) and wanted <= title_stems(title)


def is_named(title, parsed):
    """Whether the query names this result: its title holds every word of the query, or the
    query holds its whole name ("Cleveland Clinic clinician burnout")."""
    found = title_stems(title)
    return holds_query(title, parsed) or (bool(found) and found <= query_stems(parsed))


def without_listings(found, parsed):
    """The matches without the home page and the indexes, unless nothing else matched or
    the query names the index ("network organizations" for "Network organizations and
    sponsors", not "well-being" for "Expressions of Clinician Well-Being")."""
    wanted = query_stems(parsed)

    def named(obj):
        stems = title_stems(match_title(obj))
        return wanted <= stems and len(wanted) / len(stems) >= NAMED_LISTING_COVERAGE

    content = [obj for obj in found if not is_listing(result_model(obj) or Page) or named(obj)]
    return content or found


def find_matches(parsed, paths):
    """The pages and snippets matching ``parsed``, best first (see _search_with)."""
    (found, mode, complete, corrected, more), from_database, notice = with_fallback(
        lambda backend: _search_with(backend, parsed, paths)
    )
    suggestion = None
    if not found and corrected is not None:
        # Nothing found, and the correction finds something: "did you mean".
        suggestion, corrected = corrected, None
    found = without_listings(found, corrected or parsed)
    capped = more or len(found) > MAX_MATCHES
    found = found[:MAX_MATCHES]
    objects = {result_key(obj): obj for obj in found}
    titles = {key: match_title(obj) for key, obj in objects.items()}
    content_types = {
        key: key[0] if is_snippet_key(key) else obj.content_type_id for key, obj in objects.items()
    }
    ids, named = named_first(list(objects), titles, corrected or parsed)
    return Matches(
        ids,
        titles,
        content_types,
        mode,
        notice,
        capped,
        from_database,
        corrected,
        objects=objects,
        suggestion=suggestion,
        named=named,
    )


def is_exact(title, parsed):
    """Whether a title or name is the query itself (word order, case, punctuation and
    little words aside), e.g. "Victor Dzau" for the person of that name."""
    words = title_stems(title) - STOP_STEMS
    return bool(words) and words == query_stems(parsed) - STOP_STEMS


# The backend's best results among which a title holding more of the query comes first.
TITLE_WINDOW = 20


def named_first(keys, titles, parsed):
    """The backend's order, except for what the query names.

    First a result whose title or name is the query itself; then people, organizations
    and artists whose name holds the query or is held by it (they are found by searches
    of their own, unranked against the pages, and a visitor who types a name is looking
    for its owner). Among the backend's best TITLE_WINDOW results, a title holding more of
    the query's words, then a shorter such title, comes first: a page called by the words
    a visitor typed beats one that mentions them often (bounded, so the backend's ranking
    decides everything past the first pages of results).

    Returns the keys in that order and how many of them come first as named.
    """
    exact = [key for key in keys if is_exact(titles[key], parsed)]
    named = [key for key in keys if is_snippet_key(key) and is_named(titles[key], parsed)]
    first = list(dict.fromkeys(exact + named))
    chosen = set(first)
    rest = [key for key in keys if key not in chosen]
    forms = [[{stem(word) for word in form} for form in part.all_forms()] for part in parsed.parts]

    def by_title(item):
        position, key = item
        stems = title_stems(titles[key])
        held = [next((form for form in part if form <= stems), None) for part in forms]
        matched = set().union(*(form for form in held if form))
        coverage = len(matched) / len(stems) if stems else 0
        return (-sum(form is not None for form in held), -coverage, position)

    window = [key for _, key in sorted(enumerate(rest[:TITLE_WINDOW]), key=by_title)]
    return first + window + rest[TITLE_WINDOW:], len(first)


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
        if model is None or model is Page or not issubclass(model, Page):
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
    kind: str = ""  # e.g. "Consensus Study Report", for page types that name their kinds


def describe(ids, content_types, paths):
    """Type, year and topics of each key, in one or two queries. Drops pages that are no
    longer live, have expired or sit in a private section (an external index may lag).
    Snippets were found among the visible ones; they have a type only."""
    records = {key: Record(key[0], None) for key in ids if is_snippet_key(key)}
    page_ids = [key for key in ids if not is_snippet_key(key)]
    if not page_ids:
        return records
    pages = Page.objects.filter(pk__in=page_ids, live=True).exclude(expire_at__lte=timezone.now())
    for path in paths:
        pages = pages.exclude(path__startswith=path)
    rows = pages.annotate(search_year=year_expression(content_types)).values_list(
        "pk", "content_type_id", "search_year"
    )
    records.update({pk: Record(content_type_id, year) for pk, content_type_id, year in rows})
    for pk, slug, name, kind in publication_rows(records):
        if pk not in records:
            continue
        if slug:
            records[pk].topics.add((str(slug), str(name)))
        records[pk].kind = str(kind or "")
    return records


def kinds_named_first(matches, records, parsed):
    """The matches' keys, with the results of the kind the query names ("consensus study
    report", "discussion paper") right after those it names by title or name: a visitor
    who types a kind of publication is looking for publications of that kind."""
    keys = matches.ids
    named_kinds = {kind for kind in {record.kind for record in records.values()} if kind}
    named_kinds = {kind for kind in named_kinds if is_exact(kind, parsed)}
    of_kind = [key for key in keys if key in records and records[key].kind in named_kinds]
    if not of_kind:
        return keys
    chosen = set(of_kind)
    head = [key for key in keys[: matches.named] if key not in chosen]
    return head + of_kind + [key for key in keys[matches.named :] if key not in chosen]


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


def publication_rows(records):
    """(id, topic slug, topic name, kind) of the publications among ``records``: a row per
    topic, and one with no topic for a publication without any."""
    model = topic_model()
    if model is None:
        return []
    content_type_id = ContentType.objects.get_for_model(model).pk
    ids = [
        key
        for key, record in records.items()
        if record.content_type_id == content_type_id and not is_snippet_key(key)
    ]
    if not ids:
        return []
    kind_field = getattr(model, "search_kind_field", None)
    kind = F(kind_field) if kind_field else Value("")
    try:
        return list(
            model._base_manager.filter(pk__in=ids)
            .annotate(search_kind=kind)
            .values_list("pk", "topics__slug", "topics__name", "search_kind")
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
