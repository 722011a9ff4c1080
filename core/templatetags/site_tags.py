from django import template
from django.utils.functional import cached_property
from wagtail.models import Page

from core import metadata
from core.models import SiteSettings

register = template.Library()


class NavigationLink:
    def __init__(self, href, text, is_current):
        self.href = href
        self.text = text
        self.is_current = is_current


def resolved_menus(site_settings, request):
    """Both menus as (href, text) pairs, their pages read in one query; links to pages
    since unpublished or deleted drop out. Addresses come through the request, which keeps
    Wagtail's site root paths for the rest of it (``page.url`` reads them from the cache
    every time)."""
    streams = {"main": site_settings.main_navigation, "footer": site_settings.footer_navigation}
    page_ids = {
        link["value"].get("page")
        for stream in streams.values()
        for link in stream.raw_data
        if link["value"].get("page")
    }
    pages = Page.objects.live().in_bulk(page_ids) if page_ids else {}
    menus = {}
    for name, stream in streams.items():
        menus[name] = []
        for link in stream.raw_data:
            value = link["value"]
            page = pages.get(value.get("page"))
            href = page.get_url(request) if page is not None else value.get("url") or ""
            text = value.get("label") or (page.title if page is not None else href)
            if href and not (value.get("page") and page is None):
                menus[name].append((href, text))
    return menus


def _links(resolved, path):
    return [
        NavigationLink(href, text, href != "/" and path.startswith(href)) for href, text in resolved
    ]


class Chrome:
    """What every page's header and footer need, from the one SiteSettings row; read when
    first asked for (a header served from its fragment asks nothing)."""

    def __init__(self, request):
        self.request = request

    @cached_property
    def settings(self):
        return SiteSettings.for_request(self.request) if self.request else None

    @cached_property
    def menus(self):
        if self.settings is None:
            return {"main": [], "footer": []}
        path = getattr(self.request, "path", "/")
        menus = resolved_menus(self.settings, self.request)
        return {name: _links(resolved, path) for name, resolved in menus.items()}

    @property
    def main_navigation(self):
        return self.menus["main"]

    @property
    def footer_navigation(self):
        return self.menus["footer"]


@register.simple_tag(takes_context=True)
def site_chrome(context):
    request = context.get("request")
    cached = getattr(request, "site_chrome", None)
    if cached is None:
        cached = Chrome(request)
        if request is not None:
            request.site_chrome = cached
    return cached


@register.inclusion_tag("includes/page_metadata.html", takes_context=True)
def page_metadata(context):
    """The page's description, canonical address and sharing card (core.metadata)."""
    chrome = site_chrome(context)
    return {
        "meta": metadata.page_metadata(context, chrome.settings),
        "site_name": metadata.SITE_NAME,
    }


class Crumb:
    def __init__(self, url, title):
        self.url = url
        self.title = title


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page, current=""):
    """The live ancestors of ``page`` below the tree root, and the page itself when
    ``current`` names a routable sub-page of it (a person's profile, a thank-you note). No
    public() here: a visitor who can see the page may see its ancestors' titles."""
    if hasattr(page, "breadcrumb_pages"):
        ancestors = page.breadcrumb_pages()
    else:
        ancestors = list(page.get_ancestors().filter(depth__gt=1).live())
    if current:
        ancestors.append(page)
    request = context.get("request")
    return {
        "crumbs": [Crumb(ancestor.get_url(request), ancestor.title) for ancestor in ancestors],
        "current": current or page.title,
    }


@register.filter
def page_url(listing, number):
    return listing.page_url(number)


@register.filter
def without_param(listing, param):
    return listing.without(param)


@register.filter
def page_numbers(listing):
    """The page numbers to offer, with ellipses, around the current page."""
    return listing.paginator.get_elided_page_range(listing.page.number, on_each_side=2, on_ends=1)
