"""What every page type of the site shares: routing that remembers the way down, view
restrictions read once, and listings that read the site's private sections once per
request."""

import contextvars

from django.db.models import Q
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet

# The site's view restrictions, read once per request: Wagtail reads them again for the page
# served and for every listing it filters (the home page lists four kinds of page). Set, and
# forgotten at its end, by ``OneReadOfViewRestrictions`` for each request; outside a request
# (commands, tasks, the shell) they are read each time they are needed, as Wagtail does.
_request_memo = contextvars.ContextVar("view_restrictions", default=None)


def site_view_restrictions():
    """Every view restriction of the site, with the page it is set on."""
    memo = _request_memo.get()
    if memo is not None and "restrictions" in memo:
        return memo["restrictions"]
    restrictions = list(PageViewRestriction.objects.select_related("page"))
    if memo is not None:
        memo["restrictions"] = restrictions
    return restrictions


class SitePageQuerySet(PageQuerySet):
    def private_q(self):
        """Wagtail's: the pages in or under a restricted page."""
        private = Q()
        for restriction in site_view_restrictions():
            private |= self.descendant_of_q(restriction.page, inclusive=True)
        return private if private else Q(pk__in=[])


class OneReadOfViewRestrictions:
    """Middleware: each request reads the site's view restrictions at most once."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_memo.set({})
        try:
            return self.get_response(request)
        finally:
            _request_memo.reset(token)


class BasePage(Page):
    """What every page type of the site shares."""

    objects = PageManager.from_queryset(SitePageQuerySet)()

    # Related rows every child page shows, fetched with it (``select_related`` names).
    child_related: tuple[str, ...] = ()
    # The pages above this one that routing passed through on the way here (set by
    # ``route``), or None when the page was reached another way (a preview, a listing).
    route_ancestors = None
    # Models every object of which this page type lists (caching.invalidation).
    cache_dependencies: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def route(self, request, path_components):
        """Wagtail's routing, with two savings: a child is found in one query when the page
        allows children of one type only (publications, events, artworks...), where Wagtail
        asks twice; and each page found remembers the pages above it, which its breadcrumbs
        and its view restrictions would otherwise query again."""
        if self.route_ancestors is None and self.depth <= 2:
            self.route_ancestors = []  # a site's root page, right below the tree's root
        if not path_components:
            return super().route(request, path_components)
        slug, remaining = path_components[0], path_components[1:]
        child_types = self.specific_class.allowed_subpage_models()
        if len(child_types) == 1:
            found = child_types[0].objects.child_of(self).select_related(*self.child_related)
            child = found.filter(slug=slug).first()
        else:
            child = self.get_children().filter(slug=slug).first()
            child = child.specific if child is not None else None
        if child is None:
            return super().route(request, path_components)  # Wagtail's answer: not found
        if isinstance(child, BasePage):
            child.route_ancestors = [*(self.route_ancestors or []), self]
        return child.route(request, remaining)

    def get_view_restrictions(self):
        """Wagtail's answer (the restrictions of the page and of every page above it, an
        alias counting by its source page), from the site's restrictions read once, when
        routing already knows that none of those pages is an alias: the pages above are
        those whose tree paths begin this page's."""
        ancestors = self.route_ancestors
        if ancestors is None or any(page.alias_of_id for page in [*ancestors, self]):
            return super().get_view_restrictions()
        step = self.steplen
        paths = {self.path[:end] for end in range(step, len(self.path) + 1, step)}
        applying = [r.pk for r in site_view_restrictions() if r.page.path in paths]
        if not applying:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(pk__in=applying)

    def cache_query_params(self):
        """The query-string parameters that change what this page shows (the page cache
        keeps one copy per combination of these, and ignores any other)."""
        return ()

    def gives_addresses_to(self):
        """Objects whose public address depends on this page (a people page holds the
        profiles): the pages linking to them are refreshed when this page changes."""
        return []

    # What search engines and shared links show (core.metadata) -------------------------

    og_type = "website"  # Open Graph: "article" for a page that is one piece of writing or art

    def meta_title(self):
        return self.seo_title or self.title

    def meta_description(self):
        """The page's search description, else its summary (search_summary, introduction)."""
        return (
            self.search_description
            or getattr(self, "search_summary", "")
            or getattr(self, "introduction", "")
        )

    def share_image(self, context):
        """The image a shared link to this page shows (a ``core.metadata.ShareImage``), or
        None for the site's default. ``context`` is the page's template context, which may
        hold the images the page loaded already."""
        return None

    def breadcrumb_pages(self):
        """The live pages above this one, below the tree's root."""
        if self.route_ancestors is None:
            return list(self.get_ancestors().filter(depth__gt=1).live())
        return [page for page in self.route_ancestors if page.live and page.depth > 1]
