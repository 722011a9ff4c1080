"""Image renditions are made when content is published, never on a visitor's request.

Publishing a page queues a task that renders the page and its ancestors (whose listings
show it), following each listing's "next page" links, exactly as an anonymous visitor would
see them. Rendering makes every rendition the templates ask for, in every size and format,
so visitors only ever read stored files. The task runs on the worker in production and
immediately in the embedded default.
"""

import logging
import re
import threading
from contextlib import contextmanager

from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django_tasks import task

logger = logging.getLogger(__name__)

NEXT_LINK = re.compile(r'<a[^>]+href="\?([^"]*)"[^>]*rel="next"|rel="next"[^>]*href="\?([^"]*)"')
MAX_LISTING_PAGES = 50


def _render(page, query=""):
    request = RequestFactory().get(page.url + (f"?{query}" if query else ""))
    request.user = AnonymousUser()
    request.session = {}
    response = page.serve(request)
    if hasattr(response, "render"):
        response.render()
    return response


@task()
def warm_pages(page_ids):
    from wagtail.models import Page

    rendered = 0
    for page in Page.objects.filter(pk__in=page_ids).live().public().specific():
        if page.url is None:
            continue  # outside every site (its root above the site's): nobody visits it
        query = ""
        for _ in range(MAX_LISTING_PAGES):
            try:
                response = _render(page, query)
            except Exception:
                logger.warning("Could not pre-render %s", page.url, exc_info=True)
                break
            rendered += 1
            match = NEXT_LINK.search(response.content.decode(errors="ignore"))
            if response.status_code != 200 or not match:
                break
            query = (match.group(1) or match.group(2)).replace("&amp;", "&")
    return rendered


_state = threading.local()


@contextmanager
def deferred():
    """Publish many pages without warming after each one (the caller warms once at the end)."""
    _state.deferred = True
    try:
        yield
    finally:
        _state.deferred = False


def page_published(sender, instance, **kwargs):
    from django.db import transaction

    if getattr(_state, "deferred", False):
        return
    from caching.invalidation import ancestors_of

    page_ids = [instance.pk, *ancestors_of([instance.pk])]
    transaction.on_commit(lambda: warm_pages.enqueue(page_ids))


def connect():
    from wagtail.signals import page_published as published

    published.connect(page_published, dispatch_uid="renditions-warm-on-publish")
