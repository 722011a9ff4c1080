"""What every page reads and seldom changes, kept in the cache until the site's structure
changes.

Each uncached page view used to ask the database again for the same things: which Site
answers this host and its root page, the site settings, the site's view restrictions, the
page's breadcrumb trail and, for each step of the URL below a page with children of
several types, which type the next child is. That was five or six queries and, with
Django's query building, about half of a simple page's time. They change only when a page
is added, published, unpublished, moved or deleted, or a view restriction, a Site or the
site settings change: exactly the events that bump the navigation generation
(home.caching). So they are kept under that generation: the first request after a change
reads them afresh, every other one from the cache.
"""

import contextvars
import logging

from django.core.cache import cache
from django.db import DatabaseError

from home.caching import navigation_generation

logger = logging.getLogger(__name__)

KEY = "structure:{name}:{generation}"
_MISSING = object()


def structure_cached(name, compute, timeout=3600):
    """``compute()``, kept until the site's structure next changes. During a request each
    answer is also kept for the rest of that request, so asking twice reads the cache
    once. When the cache cannot be reached, ``compute()`` answers, as it would without
    this cache."""
    memo = _request_memo.get()
    if memo is not None and name in memo:
        return memo[name]
    value = _from_cache(name, compute, timeout)
    if memo is not None:
        memo[name] = value
    return value


def structure_generation():
    """The navigation generation (home.caching), read once per request; None when the
    cache cannot be reached."""
    memo = _request_memo.get()
    generation = memo.get(_GENERATION) if memo is not None else None
    if generation is None:
        generation = navigation_generation()
        if memo is not None and generation is not None:
            memo[_GENERATION] = generation
    return generation


def _from_cache(name, compute, timeout):
    generation = structure_generation()
    if generation is None:
        return compute()
    key = KEY.format(name=name, generation=generation)
    try:
        value = cache.get(key, _MISSING)
    except Exception:
        logger.warning("Structure cache unavailable", exc_info=True)
        return compute()
    if value is _MISSING:
        value = compute()
        try:
            cache.set(key, value, timeout)
        except Exception:
            logger.warning("Structure cache unavailable", exc_info=True)
    return value


# What this request has read already (None outside a request: management commands and
# background tasks always ask the cache).
_request_memo = contextvars.ContextVar("structure_request_memo", default=None)
_GENERATION = object()


def forget_request_memo():
    """Called when the structure changes during a request (an editor publishing), so the
    rest of that request reads it afresh."""
    memo = _request_memo.get()
    if memo is not None:
        memo.clear()


def find_site(request):
    """The Site answering ``request``, with its root page already in its specific form
    (Wagtail would fetch the home page's own row again on every request to route it)."""
    from wagtail.models import Site

    site = Site._find_for_request(request)
    if site is not None and site.root_page_id:
        site.root_page = site.root_page.specific
    return site


class SiteFromCacheMiddleware:
    """Finds the Site (and its root page) that answers the request's host from the cache,
    where Wagtail's ``Site.find_for_request`` would ask the database on every request.
    Wagtail reads the answer from ``request._wagtail_site``. Also opens the request's own
    memo of structure answers (``structure_cached``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_memo.set({})
        try:
            return self._serve(request)
        finally:
            _request_memo.reset(token)

    def _serve(self, request):
        if not hasattr(request, "_wagtail_site"):
            host, port = request._get_raw_host(), request.get_port()
            try:
                site = structure_cached(f"site:{host}:{port}", lambda: find_site(request))
            except DatabaseError:
                site = None  # the health check still answers; pages get the 503 page
            if site is not None:
                request._wagtail_site = site
        return self.get_response(request)


def view_restrictions():
    """Every view restriction of the site as ``[(restriction, page_path, covered), ...]``:
    the path of the page it is set on, and the paths whose pages and descendants it
    covers (that page's own unless it is an alias, which follows its source, and its
    aliases')."""
    from wagtail.models import PageViewRestriction

    def load():
        rows = PageViewRestriction.objects.select_related("page").prefetch_related("page__aliases")
        found = []
        for restriction in rows:
            page = restriction.page
            covered = [page.path] if page.alias_of_id is None else []
            covered += [alias.path for alias in page.aliases.all()]
            restriction._state.fields_cache.pop("page", None)  # keep the cached copy small
            found.append((restriction, page.path, covered))
        return found

    return structure_cached("view-restrictions", load)
