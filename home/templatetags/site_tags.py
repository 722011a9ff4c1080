from django import template

from home.models import SiteSettings

register = template.Library()


class NavigationLink:
    def __init__(self, href, text, is_current):
        self.href = href
        self.text = text
        self.is_current = is_current


def _links(stream, path):
    links = []
    for block in stream:
        href = block.value.href
        if not href:
            continue  # a link to a page that has since been unpublished or deleted
        is_current = href != "/" and path.startswith(href)
        links.append(NavigationLink(href, block.value.text, is_current))
    return links


class Chrome:
    """What every page's header and footer need, from the one SiteSettings row."""

    def __init__(self, request):
        self.settings = SiteSettings.for_request(request) if request else None
        path = getattr(request, "path", "/")
        self.main_navigation = _links(self.settings.main_navigation, path) if self.settings else []
        self.footer_navigation = (
            _links(self.settings.footer_navigation, path) if self.settings else []
        )


@register.simple_tag(takes_context=True)
def site_chrome(context):
    request = context.get("request")
    cached = getattr(request, "_site_chrome", None)
    if cached is None:
        cached = Chrome(request)
        if request is not None:
            request._site_chrome = cached
    return cached


@register.inclusion_tag("includes/breadcrumbs.html")
def breadcrumbs(page):
    crumbs = page.get_ancestors().filter(depth__gt=1).live().public()
    return {"crumbs": list(crumbs), "current": page}


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
