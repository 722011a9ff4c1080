from django import template

from home.models import SiteSettings
from home.structure import structure_cached

register = template.Library()


class NavigationLink:
    def __init__(self, href, text, is_current):
        self.href = href
        self.text = text
        self.is_current = is_current


def _resolve(stream):
    """(href, text) of each link; links to pages since unpublished or deleted drop out."""
    return [(block.value.href, block.value.text) for block in stream if block.value.href]


def resolved_menus(site_settings):
    """Both menus as plain links, kept in the structure cache until a page or the settings
    change (resolving the page links costs a query per menu)."""
    return structure_cached(
        f"navigation:{site_settings.pk}",
        lambda: {
            "main": _resolve(site_settings.main_navigation),
            "footer": _resolve(site_settings.footer_navigation),
        },
    )


def _links(resolved, path):
    return [
        NavigationLink(href, text, href != "/" and path.startswith(href)) for href, text in resolved
    ]


class Chrome:
    """What every page's header and footer need, from the one SiteSettings row."""

    def __init__(self, request):
        self.settings = SiteSettings.for_request(request) if request else None
        self.main_navigation = self.footer_navigation = []
        if self.settings is not None:
            path = getattr(request, "path", "/")
            menus = resolved_menus(self.settings)
            self.main_navigation = _links(menus["main"], path)
            self.footer_navigation = _links(menus["footer"], path)


@register.simple_tag(takes_context=True)
def site_chrome(context):
    request = context.get("request")
    cached = getattr(request, "_site_chrome", None)
    if cached is None:
        cached = Chrome(request)
        if request is not None:
            request._site_chrome = cached
    return cached


class Crumb:
    def __init__(self, url, title):
        self.url = url
        self.title = title


@register.inclusion_tag("includes/breadcrumbs.html")
def breadcrumbs(page):
    """The live ancestors of ``page`` below the tree root, from the structure cache. No
    public() here: a visitor who can see the page may see its ancestors' titles."""

    def trail():
        ancestors = page.get_ancestors().filter(depth__gt=1).live()
        return [Crumb(ancestor.url, ancestor.title) for ancestor in ancestors]

    return {"crumbs": structure_cached(f"breadcrumbs:{page.path}", trail), "current": page}


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
