"""A page cache that is always fresh.

Anonymous GET requests for pages Wagtail serves are answered from the cache (local memory,
or Redis with REDIS_URL) without touching the database. Entries are keyed by the page that
served them and that page's *generation*; publishing, unpublishing, moving or deleting a
page bumps the generation of the page, its ancestors (their listings show it) and the home
page, and changing a snippet, an image or a document bumps every page that references it
(Wagtail's reference index) — so exactly the affected pages, with all their query-string
variants and sub-routes (feeds, calendars, citations), are rendered afresh on the next
request.
Site settings appear on every page, so saving them bumps the whole site.

Never cached: logged-in visitors (any session cookie), previews, responses that used a CSRF
token (forms), set a cookie, or say private/no-store, and anything that is not a 200.
"""

import hashlib
import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control

logger = logging.getLogger(__name__)

OWNER_KEY = "pagecache:owner:{host}:{path}"
GENERATION_KEY = "pagecache:generation:{page_id}"
SITE_GENERATION_KEY = "pagecache:generation:site"
NAVIGATION_GENERATION_KEY = "pagecache:generation:navigation"
ENTRY_KEY = "pagecache:entry:{release}:{host}:{digest}:{page_generation}:{site_generation}"

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
    return getattr(settings, "PAGE_CACHE_SECONDS", 600)


def _excluded(path):
    admin = "/" + settings.WAGTAIL_ADMIN_PATH
    return path.startswith(admin) or path.startswith(EXCLUDED_PREFIXES)


def eligible(request):
    """Could this request be answered from (and stored in) the shared cache?"""
    if not getattr(settings, "PAGE_CACHE_ENABLED", True):
        return False
    if request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return False  # signed in, a session (a passed password form), or a message to show
    return not _excluded(request.path)


def generations(*keys):
    """The current generation of each key. A generation is a fresh random token, never a
    counter: if the cache evicts one, the next read starts a new token, so evictions can
    only cause misses, never serve an entry from before a change."""
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            cache.add(key, uuid.uuid4().hex[:16], None)
            found[key] = cache.get(key) or "unknown"
    return [found[key] for key in keys]


def _entry_key(request, page_id):
    page_generation, site_generation = generations(
        GENERATION_KEY.format(page_id=page_id), SITE_GENERATION_KEY
    )
    digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:40]
    return ENTRY_KEY.format(
        release=getattr(settings, "RELEASE", ""),
        host=request.get_host(),
        digest=digest,
        page_generation=page_generation,
        site_generation=site_generation,
    )


def _owner_key(request):
    return OWNER_KEY.format(host=request.get_host(), path=request.path)


def _storable(request, response):
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
        cacheable = False
        try:
            cacheable = eligible(request)
            if cacheable:
                owner = cache.get(_owner_key(request))
                if owner is not None:
                    cached = cache.get(_entry_key(request, owner))
                    if cached is not None:
                        cached["X-Page-Cache"] = "hit"
                        return cached
        except Exception:  # the cache being down must never take the site with it
            logger.warning("Page cache unavailable", exc_info=True)
            cacheable = False

        response = self.get_response(request)

        page_id = getattr(request, "_page_cache_owner", None)
        if cacheable and page_id is not None and _storable(request, response):
            timeout = getattr(request, "_page_cache_seconds", None) or page_cache_seconds()
            patch_cache_control(response, public=True, s_maxage=timeout, stale_while_revalidate=60)
            try:
                if hasattr(response, "render") and not response.is_rendered:
                    response.render()
                # One piece, sent in one write: a body built by many write() calls (the
                # feeds) otherwise goes out as many small packets, 4 ms slower per hit.
                response.content = response.content
                cache.set(_owner_key(request), page_id, timeout)
                cache.set(_entry_key(request, page_id), response, timeout)
                response["X-Page-Cache"] = "miss"
            except Exception:
                logger.warning("Page cache unavailable", exc_info=True)
        elif page_id is not None and not response.has_header("Cache-Control"):
            # A page for someone in particular (signed in, or a form with their CSRF token).
            patch_cache_control(response, private=True, no_store=True)
        return response


def remember_page(page, request, serve_args, serve_kwargs):
    """before_serve_page hook: note which page answers, so its response can be stored."""
    if getattr(request, "is_preview", False):
        return None
    request._page_cache_owner = page.pk
    seconds = getattr(page, "cache_seconds", None)
    if callable(seconds):
        request._page_cache_seconds = seconds()
    return None


# Invalidation ---------------------------------------------------------------------------


def bump(page_ids):
    for page_id in set(page_ids):
        _bump_key(GENERATION_KEY.format(page_id=page_id))


def _bump_key(key):
    try:
        cache.set(key, uuid.uuid4().hex[:16], None)
    except Exception:
        logger.warning("Could not invalidate %s", key, exc_info=True)


def bump_site():
    _bump_key(SITE_GENERATION_KEY)
    bump_navigation()


def bump_navigation():
    """Menus link to pages by their URL: any page change may change a menu (and the rest
    of the structure cache, home.structure)."""
    from home.structure import forget_request_memo

    _bump_key(NAVIGATION_GENERATION_KEY)
    forget_request_memo()


def navigation_generation():
    try:
        return "-".join(generations(NAVIGATION_GENERATION_KEY, SITE_GENERATION_KEY))
    except Exception:
        return None


def affected_page_ids(page):
    """The page, every ancestor below the tree root (listings and the home page)."""
    ids = [page.pk]
    ids += list(page.get_ancestors().filter(depth__gt=1).values_list("pk", flat=True))
    return ids


def pages_showing(instance):
    """Pages that show ``instance`` (a snippet or other object): those that reference it
    (Wagtail's reference index) and those whose type lists every object of its model
    (declared as ``cache_dependencies = ["app.Model", ...]`` on the page class)."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page, ReferenceIndex, get_page_models

    page_type = ContentType.objects.get_for_model(Page)
    referencing = ReferenceIndex.get_references_to(instance).filter(base_content_type=page_type)
    page_ids = {int(pk) for pk in referencing.values_list("object_id", flat=True)}
    label = instance._meta.label
    listing_types = [
        model for model in get_page_models() if label in getattr(model, "cache_dependencies", ())
    ]
    if listing_types:
        page_ids.update(Page.objects.type(*listing_types).values_list("pk", flat=True))
    page_ids.update(_pages_linking_many_to_many(instance))
    ids = set(page_ids)
    for page in Page.objects.filter(pk__in=page_ids):
        ids.update(affected_page_ids(page))
    return ids


def _pages_linking_many_to_many(instance):
    """Pages that link to ``instance`` through a many-to-many field (publications' topics,
    artworks' themes): Wagtail's reference index does not record those links."""
    from wagtail.models import get_page_models

    ids = set()
    for model in get_page_models():
        for field in model._meta.local_many_to_many:
            if field.related_model is type(instance):
                linked = model.objects.filter(**{field.name: instance})
                ids.update(linked.values_list("pk", flat=True))
    return ids


# Signal receivers, connected in HomeConfig.ready() -----------------------------------------


def page_changed(sender, instance, **kwargs):
    ids = affected_page_ids(instance)
    # Pages below show its title and address (breadcrumbs, links).
    bump(ids + list(instance.get_descendants().values_list("pk", flat=True)))
    bump_navigation()
    purge_frontend_cache([page_id for page_id in ids if page_id != instance.pk], shown=instance)


def purge_frontend_cache(page_ids, shown=None, urls=()):
    """Tell the CDN too. Wagtail's frontend cache app purges a page it sees published or
    unpublished; the pages around it (the listings and feeds that show it, pages showing a
    changed snippet, the old address of a moved page) are purged here. Each page is purged
    at the paths its ``get_cached_paths()`` names (the page and its feeds or downloads) and,
    when it shows ``shown`` (a page below it, or a snippet) at sub-pages of its own, at the
    paths its ``cached_paths_showing(shown)`` names. Wagtail sends the purge requests from a
    background task."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None) or not (page_ids or urls):
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch
    from wagtail.models import Page

    batch = PurgeBatch(urls)
    for page in Page.objects.filter(pk__in=set(page_ids)).specific():
        batch.add_page(page)
        showing = getattr(page, "cached_paths_showing", None)
        root = page.get_full_url() if shown is not None and showing else None
        if root:
            batch.add_urls(root + path.lstrip("/") for path in showing(shown))
    try:
        batch.purge()
    except Exception:
        logger.warning("Frontend cache purge failed", exc_info=True)


def _former_urls(page, url_path_before):
    """The full URL a moved page had before the move, where the CDN still holds it."""
    parts = page.get_url_parts()
    if not url_path_before or parts is None or url_path_before == page.url_path:
        return []
    _site_id, root_url, page_path = parts
    site_prefix = page.url_path[: len(page.url_path) - len(page_path)]
    if not url_path_before.startswith(site_prefix):
        return []
    return [root_url + url_path_before[len(site_prefix) :]]


def page_moved(sender, instance, parent_page_before=None, parent_page_after=None, **kwargs):
    ids = [instance.pk]
    for parent in (parent_page_before, parent_page_after):
        if parent is not None:
            ids += affected_page_ids(parent)
    bump(ids)
    bump_navigation()
    former = _former_urls(instance, kwargs.get("url_path_before"))
    purge_frontend_cache(ids, shown=instance.specific_deferred, urls=former)


def object_changed(sender, instance, **kwargs):
    from wagtail.contrib.settings.models import BaseSiteSetting
    from wagtail.models import Page, Site

    if kwargs.get("raw"):
        return
    if isinstance(instance, Page):
        if kwargs.get("created"):
            bump_navigation()  # a new page (an alias, a copy) may change what is private
        return
    if isinstance(instance, Site):
        bump_site()  # which site answers a host, and from which root page
        return
    if isinstance(instance, BaseSiteSetting):
        if not kwargs.get("created"):  # made on a first visit, with what pages already show
            bump_site()
        return
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.snippets.models import get_snippet_models

    shown_media = (get_image_model(), get_document_model())  # a new focal point, a new file
    if type(instance) in get_snippet_models() or isinstance(instance, shown_media):
        showing = pages_showing(instance)
        bump(showing)
        purge_frontend_cache(showing, shown=instance)


def restrictions_changed(sender, instance, **kwargs):
    """A page made private (or public again) changes what every cached copy of it, of the
    pages under it and of the listings showing them may show: forget the whole site at
    once (restrictions change rarely) and have the CDN drop those pages too."""
    from wagtail.models import Page

    if not kwargs.get("action", "post_").startswith("post_"):
        return  # m2m_changed: act once, after the groups changed
    bump_site()
    page = Page.objects.filter(pk=getattr(instance, "page_id", None)).first()
    if page is not None:
        affected = set(affected_page_ids(page))
        affected.update(page.get_descendants().values_list("pk", flat=True)[:1000])
        purge_frontend_cache(sorted(affected))


def page_deleted(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        if instance.specific_class not in (None, type(instance)):
            return  # the Page row under a specific page: that page's own signal acts
        ids = affected_page_ids(instance)
        bump(ids)
        bump_navigation()
        if instance.live:  # a draft was never served, so no CDN holds it
            purge_frontend_cache(ids, shown=instance)


def connect():
    from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
    from wagtail import hooks
    from wagtail.models import PageViewRestriction
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(page_changed, dispatch_uid="pagecache-published")
    page_unpublished.connect(page_changed, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(page_moved, dispatch_uid="pagecache-moved")
    pre_delete.connect(page_deleted, dispatch_uid="pagecache-deleted")
    post_save.connect(object_changed, dispatch_uid="pagecache-object-saved")
    post_delete.connect(object_changed, dispatch_uid="pagecache-object-deleted")
    for signal in (post_save, post_delete):
        signal.connect(
            restrictions_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"pagecache-restriction-{signal is post_save}",
        )
    m2m_changed.connect(
        restrictions_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="pagecache-restriction-groups",
    )
    hooks.register("before_serve_page", remember_page)
