from django import template

register = template.Library()


@register.simple_tag
def facet_url(listing, param, value):
    """This search with one filter set to ``value`` (back to page 1); "clear" keeps only the
    query."""
    if param == "clear":
        query = listing.params.get("q", "")
        return listing.url_with(**{key: None for key in listing.params if key != "q"}, q=query)
    return listing.url_with(**{param: value, "page": None})
