"""Wagtail's ``image``, ``srcset_image`` and ``picture`` tags, with their filters parsed once.

Wagtail's tags build fresh ``Filter`` objects every time they render, and each filter parses
its spec again (looking up the registered operations and checking every operation's arguments
with ``inspect``). A gallery card asks for six renditions, so a listing of 24 cards parsed
144 filter specs per request, about a third of its render time. The specs in a template never
change, so here each distinct spec is parsed once per process and its ``Filter`` reused.

Load this library instead of ``wagtailimages_tags``; the tags take the same arguments.
"""

from functools import lru_cache

from django import template
from django.utils.html import format_html
from wagtail.images.models import Filter
from wagtail.images.templatetags import wagtailimages_tags as wagtail_tags

register = template.Library()


@lru_cache(maxsize=512)
def parsed_filters(specs):
    """The ``Filter`` for each spec the tuple ``specs`` expands to, operations parsed."""
    filters = tuple(Filter(spec=spec) for spec in Filter.expand_spec(list(specs)))
    for image_filter in filters:
        image_filter.operations  # noqa: B018 - a cached property: parse it now, once
    return filters


class ImageNode(wagtail_tags.ImageNode):
    def get_filter(self):
        return parsed_filters(("|".join(self.filter_specs),))[0]


class SrcsetImageNode(wagtail_tags.SrcsetImageNode):
    def get_filters(self):
        return list(parsed_filters(tuple(self.filter_specs)))


class PictureNode(wagtail_tags.PictureNode):
    def get_filters(self):
        return list(parsed_filters(tuple(self.filter_specs)))


NODES = {"image": ImageNode, "srcset_image": SrcsetImageNode, "picture": PictureNode}


def image_tag(parser, token):
    """Parse exactly as Wagtail does (same syntax and errors), then use the node above."""
    node = wagtail_tags.image(parser, token)
    return NODES[token.split_contents()[0]](
        node.image_expr,
        node.filter_specs,
        attrs=node.attrs,
        output_var_name=node.output_var_name,
    )


for name in NODES:
    register.tag(name, image_tag)


@register.simple_tag
def preload_picture(image, *specs, sizes="100vw"):
    """A ``<link rel="preload">`` for the AVIF sources of the ``{% picture %}`` that the same
    ``specs`` make: for the first large image above the fold, so the browser fetches it
    while it is still reading the page. Browsers without AVIF skip it (``type``) and load
    the WebP or JPEG source as usual."""
    if image is None:
        return ""
    avif = [f for f in parsed_filters(specs) if "format-avif" in f.spec.split("|")]
    if not avif:
        return ""
    renditions = image.get_renditions(*avif).values()
    srcset = ", ".join(f"{rendition.url} {rendition.width}w" for rendition in renditions)
    return format_html(
        '<link rel="preload" as="image" type="image/avif" imagesrcset="{}" imagesizes="{}"'
        ' fetchpriority="high">',
        srcset,
        sizes,
    )
