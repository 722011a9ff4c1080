"""Facts about the page tree that community pages need on every request, cached: the
addresses of a few singular pages (the people page, the statement form).

Publishing, unpublishing, moving or deleting such a page, or changing a view restriction,
forgets them all at once (community.signals) by moving to a new version of the keys.
"""

from django.core.cache import cache

VERSION_KEY = "community:page-urls:version"
TIMEOUT = 3600


def cached_page_url(name, find_page):
    """The URL of the page ``find_page()`` returns (or ""), remembered under ``name``."""
    version = cache.get_or_set(VERSION_KEY, 1, None)
    key = f"community:page-url:{version}:{name}"
    url = cache.get(key)
    if url is None:
        page = find_page()
        url = page.url if page is not None else ""
        cache.set(key, url or "", TIMEOUT)
    return url


def forget_page_urls():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)
