"""What every page type of the site shares: routing that remembers the way down, view
restrictions read once, and listings that read the site's private sections once per
request."""

import contextvars
import datetime
import functools
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.utils.functional import cached_property
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page, PageManager, PageViewRestriction, ReferenceIndex
from wagtail.query import PageQuerySet

from caching.pages import current_generations, generation_keys, page_cache_seconds, query_variant

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


def site_pages():
    """Every page of the tree, as pages of any type, with the site's reading of the view
    restrictions (``public()`` then costs no query of its own)."""
    return SitePageQuerySet(Page)


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


def when_shown(read):
    """A template context value read when the template first shows it, and then kept: a
    page whose content is a kept fragment reads nothing it would have shown. (Django's
    templates call a callable value, and ``{% wagtailpagecache %}`` skips what it holds.)"""
    return functools.cache(read)


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
    # Models whose objects have their public address below this page (a people page holds
    # the profiles): when this page changes, the pages linking to them are refreshed; when a
    # page that names one of them changes, this page is (caching.invalidation).
    gives_addresses_to: tuple[str, ...] = ()
    # A person's profile lists the pages that name them: a page type listed there gives the
    # heading of its section (publications, events, working groups), and ``parts_of`` says
    # what the person did on each.
    naming_heading = ""
    # What site search calls pages of this type in its filters, written for visitors.
    search_label = "Pages"
    # A page that lists other pages (the home page, an index): search shows it only when
    # nothing else matches.
    search_is_listing = False

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

    # Fragments: what the page shows, kept between renders --------------------------------

    def get_cache_key_components(self):
        """Wagtail's (the page's id, address and last publication) and the page's current
        generation in the page cache (``caching.pages``), which the one invalidation path
        renews whenever anything the page shows changes. So ``{% wagtailpagecache %}``
        fragments and search's cards keyed on ``cache_key`` are refreshed by the very change
        that refreshes the cached page, and by no second scheme."""
        return [*super().get_cache_key_components(), *current_generations(generation_keys(self.pk))]

    @cached_property
    def kept_seconds(self):
        """How long a kept copy of this page, or of a fragment of it, stays right: the page
        cache's lifetime, or less for a page whose content changes with time (its
        ``cache_seconds``, such as the moment an event it lists ends). Asked once."""
        seconds = self.cache_seconds() if hasattr(self, "cache_seconds") else None
        return seconds or page_cache_seconds()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A fragment of a sub-route (a profile below the people page), or of a filtered or
        # paged view, is kept apart from the page's own.
        query = query_variant(request, self.cache_query_params())
        context["fragment_variant"] = f"{request.path}?{query}"
        return context

    @classmethod
    def parts_of(cls, named, pages, paths):
        """What ``named`` is on each of ``pages`` (all of this type), as short phrases such
        as "Moderator, Opening remarks": {page id: [phrase, ...]}. ``paths`` maps each
        page's id to the reference index's content paths that name it. A page type answers
        for all its pages at once, so a profile costs the same however long it grows."""
        return {page.pk: [] for page in pages}

    @property
    def naming_date(self):
        """When this page's work happened, for ordering a profile's entries (newest first)."""
        value = getattr(self, "search_date", None)
        return value.date() if isinstance(value, datetime.datetime) else value

    @property
    def naming_note(self):
        """A short note beside the page's title on a profile, such as its date."""
        return ""

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


def names_in(content_paths, field_name):
    """Whether any of a page's reference-index content paths lies in ``field_name``."""
    return any(path.split(".", 1)[0] == field_name for path in content_paths)


def pages_naming(named):
    """The live, public pages that name ``named`` in a chooser, an inline or a StreamField
    block (Wagtail's reference index records them all), of the types that list themselves
    on profiles: [(heading, [(page, [part, ...]), ...]), ...], headings A–Z, newest first
    within each. A constant number of queries: the references, one per page type, and what
    each type reads to say the parts."""
    page_type = ContentType.objects.get_for_model(Page)
    references = ReferenceIndex.get_references_to(named).filter(base_content_type=page_type)
    paths = defaultdict(list)
    by_type = defaultdict(set)
    rows = references.values_list("content_type_id", "object_id", "content_path")
    for content_type_id, object_id, content_path in rows:
        paths[int(object_id)].append(content_path)
        by_type[content_type_id].add(int(object_id))
    sections = defaultdict(list)
    for content_type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if not getattr(model, "naming_heading", ""):
            continue
        pages = list(model.objects.filter(pk__in=ids).live().public())
        parts = model.parts_of(named, pages, paths)
        for page in pages:
            if page.pk in parts:
                sections[model.naming_heading].append((page, parts[page.pk]))
    for entries in sections.values():
        entries.sort(key=lambda entry: entry[0].title)
        entries.sort(key=lambda entry: entry[0].naming_date or datetime.date.min, reverse=True)
    return sorted(sections.items())


class RecordingCaptionsMixin(RoutablePageMixin):
    """Serves the WebVTT captions of the uploaded recordings in this page's StreamFields at
    ``<page>/captions/<media id>/``, where the player's ``<track>`` reads them (the site's
    content security policy lets media load from the site only)."""

    # The StreamFields that hold recordings (``UploadedMediaBlock``s at their top level).
    recording_fields: tuple[str, ...] = ()

    def recording_captions(self, media_id):
        for field_name in self.recording_fields:
            for block in getattr(self, field_name):
                value = block.value
                if block.block_type != "uploaded" or value.get("media") is None:
                    continue
                if value["media"].pk == media_id and value.get("captions", "").strip():
                    return value["captions"].strip()
        return None

    @path("captions/<int:media_id>/", name="captions")
    def captions(self, request, media_id):
        captions = self.recording_captions(media_id)
        if captions is None:
            raise Http404("No captions")
        return HttpResponse(captions + "\n", content_type="text/vtt; charset=utf-8")
