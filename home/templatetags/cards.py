"""Cards of a listing rendered once and then read from the cache.

A listing page spends about half its time rendering its cards (each one an include with an
image in three formats and two sizes). A card shows one page: its own fields, the snippets
it links to (artist, medium, authors, event type...), its images and its address. So a
rendered card is kept under that page's generation, which changes when the page is
published, unpublished, moved or deleted or a snippet it shows changes, and the navigation
generation, which changes when any page is added, published, moved or deleted (a parent's
new slug changes its children's addresses) and with the site settings (home.caching).

    {% load cards %}
    {% cards artworks "gallery/includes/artwork_card.html" "artwork" heading_level=3 as shown %}
    {% for card in shown %}<li>{{ card }}</li>{% endfor %}

Two cache reads for the whole list (the pages' generations, then their cards); the cards
not found are rendered with the template, as an include would, and stored together.
``CARD_CACHE_ENABLED = False`` renders every card every time (the test settings, so that
query counts see the templates' own queries).
"""

import hashlib
import logging

from django import template
from django.conf import settings
from django.core.cache import cache

from home.caching import GENERATION_KEY, generations
from home.structure import structure_generation

logger = logging.getLogger(__name__)
register = template.Library()

CARD_SECONDS = 24 * 60 * 60


@register.simple_tag(takes_context=True)
def cards(context, items, template_name, name, **extra):
    """Each of ``items`` rendered with ``template_name``, where the item is called
    ``name`` and ``extra`` are passed as an include's ``with`` would."""
    items = list(items)
    card_template = context.template.engine.get_template(template_name)

    def render(item):
        with context.push(**{name: item, **extra}):
            return card_template.render(context)

    keys = _keys(context, items, template_name, extra)
    if keys is None:
        return [render(item) for item in items]
    try:
        found = cache.get_many(keys)
    except Exception:
        logger.warning("Card cache unavailable", exc_info=True)
        found = {}
    rendered, missing = [], {}
    for item, key in zip(items, keys, strict=True):
        html = found.get(key)
        if html is None:
            html = missing[key] = render(item)
        rendered.append(html)
    if missing:
        try:
            cache.set_many(missing, CARD_SECONDS)
        except Exception:
            logger.warning("Card cache unavailable", exc_info=True)
    return rendered


def _keys(context, items, template_name, extra):
    """The cache key of each item's card, or None when cards are not to be cached."""
    request = context.get("request")
    if not settings.CARD_CACHE_ENABLED or request is None:
        return None
    if getattr(request, "is_preview", False) or not all(item.pk for item in items):
        return None
    try:
        navigation = structure_generation()  # read once for the whole request
        page_generations = generations(*(GENERATION_KEY.format(page_id=i.pk) for i in items))
    except Exception:
        logger.warning("Card cache unavailable", exc_info=True)
        return None
    if navigation is None:
        return None
    variant = hashlib.sha256(
        repr((template_name, sorted(extra.items()), request.get_host())).encode()
    ).hexdigest()[:16]
    release = getattr(settings, "RELEASE", "")
    return [
        f"card:{release}:{variant}:{item.pk}:{generation}:{navigation}"
        for item, generation in zip(items, page_generations, strict=True)
    ]
