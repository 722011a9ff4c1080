"""The one listing abstraction: filters with facet counts, sorting, pagination, noindex.

Publications, events, the gallery and the organizations index each declare their filters
and sorts; this module turns a GET request into a page of items, the counts of every
filter option among the current results, and a clear message for bad input. Every step is
one query (or none), so a listing's query count does not grow with its content.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Paginator
from django.db.models import BooleanField, Case, CharField, Count, F, IntegerField, Value, When
from django.db.models.functions import Cast
from django.utils.functional import SimpleLazyObject

MAX_PARAM_LENGTH = 100


def field_at(model, path):
    """The model field a lookup path such as ``medium__slug`` ends at, or None when it ends
    at an annotation or a transform (``date__year``)."""
    found = None
    for part in path.split("__"):
        if model is None:
            return None
        try:
            found = model._meta.get_field(part)
        except FieldDoesNotExist:
            return None
        model = found.related_model
    return found


@dataclass(frozen=True)
class ListingFilter:
    """One facet: a GET parameter narrowing the items to those whose ``value_field`` equals it.

    ``label_field`` names the option's human label (defaults to the value); ``order`` is
    "label", "value", "-value" (years read best newest first) or "choices" (their order).
    """

    param: str
    label: str
    value_field: str
    label_field: str | None = None
    order: str = "label"
    all_label: str = "All"
    # For a field with choices: (value, label) pairs; the labels name the options.
    choices: tuple = ()

    def apply(self, items, value):
        return items.filter(**{self.value_field: value})

    def value_expression(self, model):
        """The option's value as text (every facet's counts share one query, a UNION of
        one grouped query per facet, so each column must have one type); a yes/no field's
        as Python writes it, "True" or "False", whatever the database."""
        if isinstance(field_at(model, self.value_field), BooleanField):
            return Case(
                When(**{self.value_field: True}, then=Value("True")),
                When(**{self.value_field: False}, then=Value("False")),
                output_field=CharField(),
            )
        return Cast(F(self.value_field), CharField())

    def label_expression(self):
        return Cast(F(self.label_field or self.value_field), CharField())

    def count_query(self, items, number):
        """The counts of this facet's options among ``items``: rows of (facet number,
        value, label, count).

        A plain COUNT, not COUNT(DISTINCT): grouped by this facet's value, an item appears
        once per value it has (a publication links to a topic once), and the other filters
        each match a single value, so no join repeats an item. DISTINCT would sort every
        matching row first, which at ten thousand items costs more than the rest.
        """
        return (
            items.order_by()
            .filter(**{f"{self.value_field}__isnull": False})
            .values(
                facet=Value(number, output_field=IntegerField()),
                value=self.value_expression(items.model),
                label=self.label_expression(),
            )
            .annotate(count=Count("pk"))
        )

    def counted_options(self, rows):
        """(value, label, count) of each option, from this facet's rows."""
        labels = dict(self.choices)
        return [
            (row["value"], str(labels.get(row["value"], row["label"])), row["count"])
            for row in rows
        ]

    def exists(self, items, value):
        return items.filter(**{self.value_field: value}).exists()


class YearFilter(ListingFilter):
    """A year is checked by its form, without a query: a plausible year with no items
    simply lists none, anything else is dropped with the listing's notice."""

    def exists(self, items, value):
        return value.isdigit() and len(value) == 4 and 1900 <= int(value) <= 2200


@dataclass(frozen=True)
class ListingSort:
    param: str
    label: str
    ordering: tuple[str, ...]


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    filter: ListingFilter
    options: list[FacetOption]
    selected: str = ""

    @property
    def param(self):
        return self.filter.param

    @property
    def label(self):
        return self.filter.label

    @property
    def selected_label(self):
        for option in self.options:
            if option.selected:
                return option.label
        return self.selected


@dataclass
class Listing:
    """The state of a listing for one request; built by :func:`build_listing`."""

    page: object = None
    paginator: object = None
    facets: list[Facet] = field(default_factory=list)
    sorts: list[ListingSort] = field(default_factory=list)
    sort: str = ""
    notices: list[str] = field(default_factory=list)
    error: str = ""
    status: int = 200
    params: dict = field(default_factory=dict)

    @property
    def is_filtered(self):
        """Filtered, sorted or paged views are not worth indexing separately."""
        return bool(self.params)

    @property
    def active_filters(self):
        return [facet for facet in self.facets if facet.selected]

    def url_with(self, **changes):
        """The query string of this listing with some parameters changed (None removes)."""
        params = {**self.params, **changes}
        params = {key: value for key, value in params.items() if value not in (None, "")}
        if "page" in changes and changes["page"] == 1:
            params.pop("page", None)
        return "?" + urlencode(params) if params else "?"

    def page_url(self, number):
        return self.url_with(page=number)

    def without(self, param):
        return self.url_with(**{param: None, "page": None})

    def paginate(self, items, per_page, raw_page, what="this list"):
        """Show page ``raw_page`` (as the URL gives it) of ``items``: a 400 for a page number
        that is not a whole number from 1, a 404 past the last page (``what`` says what has
        those pages)."""
        paginator = Paginator(items, per_page, allow_empty_first_page=True)
        self.paginator = paginator
        number = 1
        if raw_page:
            try:
                number = int(raw_page)
            except ValueError:
                number = 0
            if number < 1:
                self.status = 400
                self.error = "Page numbers are whole numbers starting at 1."
                return self
            if number > paginator.num_pages:
                self.status = 404
                pages = paginator.num_pages
                self.error = (
                    f"There is no page {number}: {what} has {pages} "
                    f"page{'s' if pages != 1 else ''}."
                )
                return self
            if number > 1:
                self.params["page"] = str(number)
        self.page = paginator.page(number)
        return self


def _clean_param(request, name):
    value = request.GET.get(name, "")
    return value.strip()[:MAX_PARAM_LENGTH]


def facet_rows(filters, items, selected):
    """Each facet's counted options, by facet number, in one query: each facet counts its
    options among the items the *other* filters leave."""
    queries = []
    for number, listing_filter in enumerate(filters):
        others = items
        for other in filters:
            if other is not listing_filter and other.param in selected:
                others = other.apply(others, selected[other.param])
        queries.append(listing_filter.count_query(others, number))
    rows = {number: [] for number in range(len(queries))}
    if queries:
        for row in queries[0].union(*queries[1:], all=True):
            rows[row["facet"]].append(row)
    return rows


def build_listing(request, items, *, filters=(), sorts=(), per_page=12, default_sort=None):
    """Filter, count, sort and paginate ``items`` for ``request``.

    Unknown filter values and sorts are dropped with a notice; page numbers that are not
    whole numbers give status 400 and pages past the end 404, each with a message, never
    a server error.
    """
    listing = Listing(sorts=list(sorts))
    selected = {}
    for listing_filter in filters:
        value = _clean_param(request, listing_filter.param)
        if not value:
            continue
        if "\x00" in value or not listing_filter.exists(items, value):
            listing.notices.append(
                f"There is no {listing_filter.label.lower()} “{value.replace(chr(0), '')}”, "
                "so that filter was left out."
            )
            continue
        selected[listing_filter.param] = value
        listing.params[listing_filter.param] = value

    filtered = items
    for listing_filter in filters:
        if listing_filter.param in selected:
            filtered = listing_filter.apply(filtered, selected[listing_filter.param])

    rows = facet_rows(filters, items, selected)
    for number, listing_filter in enumerate(filters):
        value = selected.get(listing_filter.param, "")
        options = [
            FacetOption(option_value, label, count, option_value == value)
            for option_value, label, count in listing_filter.counted_options(rows[number])
        ]
        if listing_filter.order == "-value":
            options.sort(key=lambda option: option.value, reverse=True)
        elif listing_filter.order == "value":
            options.sort(key=lambda option: option.value)
        elif listing_filter.order == "choices":
            position = {value: number for number, (value, _) in enumerate(listing_filter.choices)}
            options.sort(key=lambda option: position.get(option.value, len(position)))
        else:
            options.sort(key=lambda option: option.label.lower())
        if value and not any(option.selected for option in options):
            options.insert(0, FacetOption(value, value, 0, True))
        listing.facets.append(Facet(listing_filter, options, value))

    sorts_by_param = {sort.param: sort for sort in sorts}
    sort_param = _clean_param(request, "sort")
    default_sort = default_sort or (sorts[0].param if sorts else "")
    if sort_param and sort_param not in sorts_by_param:
        listing.notices.append("That sort order is not available; showing the default order.")
        sort_param = ""
    listing.sort = sort_param or default_sort
    if sort_param and sort_param != default_sort:
        listing.params["sort"] = sort_param
    if listing.sort in sorts_by_param:
        filtered = filtered.order_by(*sorts_by_param[listing.sort].ordering)

    return listing.paginate(filtered, per_page, _clean_param(request, "page"))


class FilterableListingMixin:
    """Mixed into an index page: declare ``listing_filters`` and ``listing_sorts`` and
    implement ``listing_items``; the template receives ``listing``."""

    listing_filters: tuple[ListingFilter, ...] = ()
    listing_sorts: tuple[ListingSort, ...] = ()
    listing_per_page = 12

    # Query-string parameters the listing reads besides its filters, sort and page number.
    listing_extra_params: tuple[str, ...] = ()

    def listing_items(self, request):
        raise NotImplementedError

    def cache_query_params(self):
        filters = [listing_filter.param for listing_filter in self.listing_filters]
        return (*filters, "sort", "page", *self.listing_extra_params)

    def get_listing(self, request):
        return build_listing(
            request,
            self.listing_items(request),
            filters=self.listing_filters,
            sorts=self.listing_sorts,
            per_page=self.listing_per_page,
        )

    def reads_listing_params(self, request):
        """Does the request name a filter, a sort or a page?"""
        return any(param in request.GET for param in self.cache_query_params())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Built when first read: a page whose content is a kept fragment (core.pages) runs
        # none of the listing's queries. A lazy object rather than core.pages.when_shown,
        # because Python reads it too (serve, and the values pages derive from it).
        context["listing"] = SimpleLazyObject(lambda: self.get_listing(request))
        # Filtered, sorted or paged views (or attempts at them) are not worth indexing.
        context["robots_noindex"] = self.reads_listing_params(request)
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        listing = getattr(response, "context_data", {}).get("listing")
        # Only a page number can make the answer a 400 or a 404 (Listing.paginate): without
        # one, a listing kept as a fragment is not built at all.
        if listing is not None and "page" in request.GET and listing.status != 200:
            response.status_code = listing.status
        return response
