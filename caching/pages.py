"""The page cache: anonymous page views answered from the cache, never stale.

Anonymous GET requests for pages Wagtail serves are answered from the cache (local memory,
a folder shared by the workers, or Redis) without touching the database. Each stored
response belongs to the page that served it (its sub-routes and query strings included)
and carries that page's *generation*, and the site's, as they were when rendering began. The
invalidation path (``caching.invalidation``) gives every page that shows a changed object a
new generation; a stored response whose generations are no longer current is rendered
afresh on the next request. What is worked out from all the content at once (search's
vocabulary and synonyms) is kept under the *content generation*, renewed on every change.

A query string counts only by the parameters the page reads (its filters, sort and page
number: ``cache_query_params``): tracking parameters (``utm_*`` and the like) and made-up ones
are left out of the key, so they are answered from the same stored copy and never fill the
cache with copies of their own.

Never cached: logged-in visitors (any session cookie), previews, responses that used a CSRF
token (forms), set a cookie, or say private/no-store, and anything that is not a 200.
"""

import hashlib
import logging
import re
import uuid
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control
from django.utils.functional import lazy

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation:{page_id}"
SITE_GENERATION_KEY = "pagecache:generation:site"
CONTENT_GENERATION_KEY = "pagecache:generation:content"
ENTRY_KEY = "pagecache:entry:{release}:{host}:{digest}"
# The parameters the page at a path reads, learnt when it is first stored.
PARAMS_KEY = "pagecache:params:{release}:{host}:{digest}"
TRACKING_PARAMS = re.compile(
    r"^(utm_\w*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|_ga|_gl)$"
)

EXCLUDED_PREFIXES = (
    "/search/",
    "/api/",
    "/documents/",
    "/static/",
    "/media/",
    "/healthz",
    "/readyz",
    "/sitemap",
)


def page_cache_seconds():
    return settings.PAGE_CACHE_SECONDS


def eligible(request):
    """Could this request be answered from (and stored in) the shared cache?"""
    if not settings.PAGE_CACHE_ENABLED or request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return False  # signed in, a session (a passed password form), or a message to show
    admin = "/" + settings.WAGTAIL_ADMIN_PATH
    return not request.path.startswith((admin, *EXCLUDED_PREFIXES))


def generation_keys(page_id):
    return [GENERATION_KEY.format(page_id=page_id), SITE_GENERATION_KEY]


def current_generations(keys):
    """The current generation of each key. A generation is a fresh random token, never a
    counter: if the cache evicts one, the next read starts a new token, so an eviction can
    only cause a miss, never serve a response from before a change."""
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            cache.add(key, uuid.uuid4().hex[:16], None)
            found[key] = cache.get(key) or "unknown"
    return [found[key] for key in keys]


def new_generations(page_ids=(), *, site=False):
    """Every response stored for these pages (or, with ``site``, for any page) is stale,
    and so is what was worked out from all the content (``kept_until_content_changes``)."""
    keys = [GENERATION_KEY.format(page_id=page_id) for page_id in set(page_ids)]
    keys.append(CONTENT_GENERATION_KEY)
    if site:
        keys.append(SITE_GENERATION_KEY)
    try:
        cache.set_many({key: uuid.uuid4().hex[:16] for key in keys}, None)
    except Exception:
        logger.warning("Could not refresh the page cache for %d pages", len(keys), exc_info=True)


_MISSING = object()


def kept_until_content_changes(name, work_out, seconds=60 * 60):
    """``work_out()``, for what is worked out from all the content at once (search's
    vocabulary of titles and names, its synonyms), kept under the content generation: the
    invalidation path renews it on every change visitors could see (a page, a snippet, an
    image, the settings), so the next call works it out afresh."""
    key = f"{name}:{current_generations([CONTENT_GENERATION_KEY])[0]}"
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = work_out()
        cache.set(key, value, seconds)
    return value


def _site_generation():
    return current_generations([SITE_GENERATION_KEY])[0]


# Read only when a fragment's key is worked out (a page answered whole from the page cache
# renders no template).
site_generation = lazy(_site_generation, str)


def fragment_context(request):
    """Template context for fragments (``{% wagtailcache %}``, ``{% wagtailpagecache %}``):
    ``site_generation``, renewed by the invalidation path whenever something shown on every
    page changes (the site's settings, a page in a menu), for the fragments every page
    shares (its header, its footer), and how long they may be kept; ``fragment_variant``,
    the request's path and query string without tracking parameters, which a page's
    fragments vary on (a page narrows it to the parameters it reads: ``core.pages``)."""
    return {
        "site_generation": site_generation(),
        "site_kept_seconds": page_cache_seconds(),
        "fragment_variant": f"{request.path}?{query_variant(request)}",
    }


def digest(text):
    return hashlib.sha256(text.encode()).hexdigest()[:40]


def params_key(request):
    return PARAMS_KEY.format(
        release=settings.RELEASE, host=request.get_host(), digest=digest(request.path)
    )


def entry_key(request, known_params=None):
    """The key of the stored copy for this request: its path, and its query string reduced
    to the parameters the page reads (or, while those are not known yet, without tracking
    parameters), in a fixed order."""
    query = query_variant(request, known_params)
    path = request.path + ("?" + query if query else "")
    return ENTRY_KEY.format(release=settings.RELEASE, host=request.get_host(), digest=digest(path))


def query_variant(request, known_params=None):
    """The request's query string reduced to the parameters a page reads (or, while those
    are not known, without tracking parameters), in a fixed order."""
    kept = [
        (name, value)
        for name, values in sorted(request.GET.lists())
        if not TRACKING_PARAMS.match(name) and (known_params is None or name in known_params)
        for value in values
    ]
    return urlencode(kept)


def storable(request, response):
    if response.status_code != 200 or response.streaming:
        return False
    if response.cookies or response.has_header("Set-Cookie"):
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False  # the page carries a CSRF token: a form meant for this visitor only
    control = response.get("Cache-Control", "")
    return "private" not in control and "no-store" not in control


class PageCacheMiddleware:
    """Serves and stores anonymous page responses. Place it after the session middleware
    but before anything that reads the database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        cacheable = eligible(request)
        if cacheable:
            try:
                known = cache.get(params_key(request)) if request.GET else None
                stored = cache.get(entry_key(request, known))
                if stored is not None:
                    keys, generations, response = stored
                    if current_generations(keys) == generations:
                        response["X-Page-Cache"] = "hit"
                        return response
            except Exception:  # the cache being down must never take the site with it
                logger.warning("Page cache unavailable", exc_info=True)
                cacheable = False

        response = self.get_response(request)

        served = getattr(request, "page_cache_generations", None)
        if cacheable and served is not None and storable(request, response):
            keys, generations, timeout, known = served
            patch_cache_control(response, public=True, s_maxage=timeout, stale_while_revalidate=60)
            try:
                if hasattr(response, "render") and not response.is_rendered:
                    response.render()
                # One piece, sent in one write: a body built by many write() calls (the
                # feeds) otherwise goes out as many small packets, 4 ms slower per hit.
                response.content = response.content
                cache.set_many(
                    {
                        entry_key(request, known): (keys, generations, response),
                        params_key(request): known,
                    },
                    timeout,
                )
                response["X-Page-Cache"] = "miss"
            except Exception:
                logger.warning("Page cache unavailable", exc_info=True)
        elif getattr(request, "served_page", None) and not response.has_header("Cache-Control"):
            # A page for someone in particular (signed in, or a form with their CSRF token).
            patch_cache_control(response, private=True, no_store=True)
        return response


def remember_page(page, request, serve_args, serve_kwargs):
    """before_serve_page hook: note which page answers and its generations before it is
    rendered, so that a change made while it renders makes the stored copy stale."""
    if getattr(request, "is_preview", False):
        return None
    request.served_page = page.pk
    if not eligible(request):
        return None
    seconds = getattr(page, "kept_seconds", None)  # core.pages.BasePage: asked once
    if seconds is None and hasattr(page, "cache_seconds"):
        seconds = page.cache_seconds()
    known = frozenset(page.cache_query_params()) if hasattr(page, "cache_query_params") else ()
    keys = generation_keys(page.pk)
    try:
        request.page_cache_generations = (
            keys,
            current_generations(keys),
            seconds or page_cache_seconds(),
            known,
        )
    except Exception:
        logger.warning("Page cache unavailable", exc_info=True)
    return None
