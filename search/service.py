"""Search as one service: a query, the visitor's filters and a page number in; one page of
results, facet counts, notices and a spelling suggestion out (``search()``).

The view only renders what this returns. Matching and ranking are the search backend's
(search.engine); this adds the editors' promotions, the facets over the matches, paging,
and result cards with the visitor's words highlighted.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.utils import timezone
from django.utils.text import slugify
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from core.listing import Facet, FacetOption, Listing, ListingFilter
from core.pages import site_pages
from search import engine
from search.query import MAX_QUERY_LENGTH, clean_query, parse_query
from search.snippets import body_text, build_snippet, word_pattern

RESULTS_PER_PAGE = 10
CARD_CACHE_SECONDS = 60 * 60 * 24
YEAR = re.compile(r"^(1[89]|2[01])\d\d$")
FILTERS = (
    ListingFilter("type", "Type", "content_type", all_label="All types"),
    ListingFilter("year", "Year", "year", order="-value", all_label="All years"),
    ListingFilter("topic", "Topic", "topic", all_label="All topics"),
)
FILTER_PARAMS = tuple(listing_filter.param for listing_filter in FILTERS)


@dataclass
class SearchOutcome:
    """What one search shows: everything the search template renders."""

    search_query: str  # what was searched for: the visitor's words, or their correction
    typed_query: str = ""  # the visitor's words, cleaned
    notices: list = field(default_factory=list)
    status: int = 200
    error: str = ""
    listing: object = None
    results: list = field(default_factory=list)
    result_count: int = 0
    # When capped, only this many matches were listed and counted (of more).
    counted: int = 0
    capped: bool = False
    match_mode: str = ""
    external_promotions: list = field(default_factory=list)
    facets: list = field(default_factory=list)
    selected_filters: dict = field(default_factory=dict)
    spelling_suggestion: str = ""
    listing_pages: list = field(default_factory=list)
    # A new search (not a further page or a narrowing of one), worth counting.
    should_record: bool = False

    def context(self):
        return dict(vars(self))


def search(text, filters=None, page="", request=None):
    """Search for what a visitor typed (``text``), narrowed by ``filters`` (type, year,
    topic: values as the URL gives them), showing results page ``page`` (as the URL gives
    it). ``request``, when given, makes result addresses relative to its site."""
    query, truncated = clean_query(text)
    outcome = SearchOutcome(search_query=query, typed_query=query)
    if truncated:
        outcome.notices.append(
            f"Your search was very long, so only its first {MAX_QUERY_LENGTH} characters were used."
        )
    if not query:
        return outcome
    parsed = parse_query(query)
    if parsed.is_empty:
        outcome.notices.append(
            "Searches need at least one letter or number; try a word from the title "
            "of what you are looking for."
        )
        return outcome
    results = SearchResults(request, query, parsed, filters or {}, page)
    if results.matches.corrected is not None:
        outcome.search_query = results.query
        outcome.notices.append(
            f"Nothing matched “{query}”, so these are the results for “{results.query}”."
        )
    results.prepare()
    results.fill(outcome)
    return outcome


class SearchResults:
    """One search: the matches, the visitor's filters, the facets and one page of results."""

    def __init__(self, request, query, parsed, filters, page):
        self.request = request
        self.query = query
        self.parsed = parsed
        self.filters = filters
        self.page_number = page
        self.notices = []
        self.status = 200
        self.error = ""
        self.selected = self.read_filters()
        self.private_paths = engine.private_paths()
        self.matches = engine.find_matches(parsed, self.private_paths)
        if self.matches.notice:
            self.notices.append(self.matches.notice)
        if self.matches.corrected is not None:
            # Highlight and describe what was actually searched for.
            self.query = self.matches.corrected.text
            self.parsed = self.matches.corrected

    def prepare(self):
        """Promotions, facets and the requested page of results."""
        self.promotions, promoted = self.find_promotions()
        self.promotion_descriptions = {page.pk: description for page, description in promoted}
        self.loaded = {**self.matches.objects, **{page.pk: page for page, _ in promoted}}
        promoted_ids = [page.pk for page, _ in promoted]
        self.promoted_ids = set(promoted_ids)
        ordered = promoted_ids + [pk for pk in self.matches.ids if pk not in self.promoted_ids]
        content_types = set(self.matches.content_types.values())
        content_types.update(page.content_type_id for page, _ in promoted)
        self.records = engine.describe(ordered, content_types, self.private_paths)
        matched = engine.kinds_named_first(self.matches, self.records, self.parsed)
        matched = [pk for pk in matched if pk not in self.promoted_ids]
        self.ordered = [pk for pk in promoted_ids + matched if pk in self.records]
        self.total = len(self.ordered)
        self.values = self.facet_values()
        self.facets = self.build_facets()
        self.filtered = [pk for pk in self.ordered if self.matches_filters(pk, self.selected)]
        self.listing = self.paginate()
        return self

    # Filters ---------------------------------------------------------------------------

    def read_filters(self):
        selected = {}
        types = engine.type_options()
        for param in ("type", "year", "topic"):
            value = str(self.filters.get(param) or "").strip()[:100]
            if not value:
                continue
            value_ok = "\x00" not in value and (
                (param == "type" and value in types)
                or (param == "year" and YEAR.match(value))
                or (param == "topic" and engine.topic_exists(value))
            )
            if value_ok:
                selected[param] = value
            else:
                label = {"type": "type of content", "year": "year", "topic": "topic"}[param]
                shown = value.replace("\x00", "")[:40]
                self.notices.append(f"There is no {label} “{shown}”, so that filter was left out.")
        return selected

    def facet_values(self):
        """Each result's (value, label) pairs per filter, worked out once per result."""
        type_options = {}
        values = {}
        for pk in self.ordered:
            record = self.records[pk]
            if record.content_type_id not in type_options:
                label = self.type_label(record.content_type_id)
                type_options[record.content_type_id] = [(slugify(label), label)]
            year = str(record.year) if record.year else ""
            values[pk] = {
                "type": type_options[record.content_type_id],
                "year": [(year, year)] if year else [],
                "topic": sorted(record.topics),
            }
        return values

    @staticmethod
    def type_label(content_type_id):
        """What visitors call this type of result, as its model says (e.g. "People")."""
        return engine.search_label(ContentType.objects.get_for_id(content_type_id).model_class())

    def matches_filters(self, pk, selected, *, ignore=None):
        values = self.values[pk]
        for param, value in selected.items():
            if param == ignore:
                continue
            if not any(option == value for option, _ in values[param]):
                return False
        return True

    def build_facets(self):
        facets = []
        for listing_filter in FILTERS:
            param = listing_filter.param
            counts = {}
            labels = {}
            for pk in self.ordered:
                if not self.matches_filters(pk, self.selected, ignore=param):
                    continue
                for value, label in self.values[pk][param]:
                    counts[value] = counts.get(value, 0) + 1
                    labels[value] = label
            chosen = self.selected.get(param, "")
            options = [
                FacetOption(value, labels[value], count, value == chosen)
                for value, count in counts.items()
            ]
            if listing_filter.order == "-value":
                options.sort(key=lambda option: option.value, reverse=True)
            else:
                options.sort(key=lambda option: option.label.lower())
            if chosen and not any(option.selected for option in options):
                options.insert(0, FacetOption(chosen, chosen, 0, True))
            if options:
                facets.append(Facet(listing_filter, options, chosen))
        return facets

    # Promotions ------------------------------------------------------------------------

    def find_promotions(self):
        """Editors' picks for this query: (page, description) for live public pages, and
        external links, in the editors' order."""
        normalized = normalise_query_string(self.query)
        promotions = (
            SearchPromotion.objects.filter(query__query_string=normalized)
            .select_related("page")
            .order_by("sort_order", "pk")
        )
        now = timezone.now()
        pages = []
        external = []
        for promotion in promotions:
            page = promotion.page
            if page is not None:
                visible = (
                    page.live
                    and page.depth > 1
                    and not engine.is_expired(page, now)
                    and not engine.is_private(page, self.private_paths)
                )
                if visible and page.pk not in {shown.pk for shown, _ in pages}:
                    pages.append((page, promotion.description))
            elif promotion.external_link_url:
                external.append(promotion)
        return external, pages

    # Paging ----------------------------------------------------------------------------

    def params(self):
        return {"q": self.query, **self.selected}

    def paginate(self):
        listing = Listing(facets=self.facets, notices=self.notices, params=self.params())
        raw_page = str(self.page_number or "").strip()[:20]
        listing.paginate(self.filtered, RESULTS_PER_PAGE, raw_page, "this search")
        self.status = listing.status
        return listing

    @property
    def should_record(self):
        """A new search (not a further page or a narrowing of one) is worth counting."""
        page = self.listing.page
        return self.status == 200 and not self.selected and page is not None and page.number == 1

    # Results ---------------------------------------------------------------------------

    def results(self):
        if self.listing.page is None:
            return []
        keys = list(self.listing.page.object_list)
        # The search and the promotions loaded these already.
        by_key = {key: self.loaded[key] for key in keys if key in self.loaded}
        missing = [key for key in keys if key not in by_key and not engine.is_snippet_key(key)]
        if missing:
            by_key.update(Page.objects.in_bulk(missing))
        keys = [key for key in keys if key in by_key]
        pages = [by_key[key] for key in keys if not engine.is_snippet_key(key)]
        cards = self.cards(pages)
        cards.update(self.snippet_cards([by_key[key] for key in keys if key not in cards]))
        sections = self.sections(pages)
        pattern = word_pattern(self.parsed.all_words())
        results = []
        for key in keys:
            card = cards[key]
            summary = self.promotion_descriptions.get(key) or card["summary"]
            results.append(
                {
                    "title": card["title"],
                    "url": card["url"] if "url" in card else by_key[key].get_url(self.request),
                    "type": card["type"],
                    "date": card["date"],
                    "snippet": build_snippet(summary, card["text"], pattern),
                    "section": sections.get(key),
                    "promoted": key in self.promoted_ids,
                }
            )
        return results

    def cards(self, pages):
        """Title, type, date, summary and text of each page, from the page type's own
        properties.

        They change only when a page is published, so they are cached under Wagtail's
        own key for the page's current state (card_key); only pages not seen since are
        loaded as their specific type (one query per page type: on a results page of
        well-being, 20 queries instead of 12).
        """
        keys = {page.pk: card_key(page) for page in pages}
        cached = cache.get_many(list(keys.values()))
        cards = {pk: cached[key] for pk, key in keys.items() if key in cached}
        missing = [pk for pk in keys if pk not in cards]
        if missing:
            fresh = {}
            for pk, page in engine.specific_pages(missing, self.records).items():
                cards[pk] = {
                    "title": page.title,
                    "type": engine.result_type(page.specific_class),
                    "date": page_date(page),
                    "summary": page_summary(page),
                    "text": body_text(page),
                }
                fresh[keys[pk]] = cards[pk]
            cache.set_many(fresh, CARD_CACHE_SECONDS)
        for page in pages:
            cards.setdefault(
                page.pk,
                {
                    "title": page.title,
                    "type": "",
                    "date": page_date(page),
                    "summary": page_summary(page),
                    "text": "",
                },
            )
        return cards

    def snippet_cards(self, snippets):
        """Cards of people, organizations and artists: their own type and address (one
        query per kind of snippet shown)."""
        by_model = {}
        for snippet in snippets:
            by_model.setdefault(type(snippet), []).append(snippet)
        cards = {}
        for model, objects in by_model.items():
            urls = model.search_result_urls(objects)
            for obj in objects:
                cards[engine.snippet_key(obj)] = {
                    "title": str(obj),
                    "url": urls.get(obj.pk, ""),
                    "type": engine.result_type(model),
                    "date": None,
                    "summary": str(getattr(obj, "search_summary", "") or ""),
                    "text": body_text(obj),
                }
        return cards

    def sections(self, pages):
        """The top-level section (a child of the home page) each result sits in."""
        step = Page.steplen
        wanted = {page.pk: page.path[: step * 3] for page in pages if page.depth > 3}
        if not wanted:
            return {}
        by_path = {
            section.path: section
            for section in Page.objects.filter(path__in=set(wanted.values()), live=True)
        }
        return {
            pk: {"title": by_path[path].title, "url": by_path[path].get_url(self.request)}
            for pk, path in wanted.items()
            if path in by_path
        }

    def fill(self, outcome):
        outcome.notices += self.notices
        outcome.status = self.status
        outcome.error = self.listing.error
        outcome.listing = self.listing
        outcome.results = self.results()
        outcome.result_count = len(self.filtered)
        outcome.counted = self.total
        outcome.capped = self.matches.capped
        outcome.match_mode = self.matches.mode
        outcome.external_promotions = self.promotions if self.show_external_promotions else []
        outcome.facets = self.facets
        outcome.selected_filters = self.selected
        outcome.should_record = self.should_record
        if not self.filtered:
            suggestion = self.matches.suggestion
            if suggestion is not None and not self.total:
                outcome.spelling_suggestion = suggestion.text
            outcome.listing_pages = main_listings()

    @property
    def show_external_promotions(self):
        page = self.listing.page
        return not self.selected and page is not None and page.number == 1


def card_key(page):
    """Wagtail's own key for a page in its current state (``Page.cache_key``, the one its
    ``{% wagtailpagecache %}`` fragments use): it changes whenever the page is published
    or moved, so a card is never read for an older version of its page."""
    return f"search:card:{page.cache_key}"


def page_summary(page):
    summary = getattr(page, "search_summary", "") or page.search_description or ""
    if not summary:
        summary = getattr(page, "introduction", "") or ""
    return str(summary)


def page_date(page):
    value = getattr(page, "search_date", None)
    if value is None and page.first_published_at:
        value = page.first_published_at
    if isinstance(value, datetime.datetime):
        value = value.date()
    return value if isinstance(value, datetime.date) else None


def main_listings():
    """The site's index pages (publications, events, gallery...), for a dead-end search."""
    listing_types = [
        model for model in engine.page_type_options().values() if engine.is_listing(model)
    ]
    return list(site_pages().live().public().filter(depth=3).type(*listing_types).order_by("path"))
