"""Embeds that never break a page.

oEmbed providers are remote: when one cannot be reached (no network, provider down, a
removed video) the page shows a plain link instead, and the failure is remembered for a
while so that later visitors do not wait on the same timeout.
"""

import logging

from django.core.cache import cache
from django.template.loader import render_to_string
from wagtail.embeds import embeds
from wagtail.embeds.exceptions import EmbedException

logger = logging.getLogger(__name__)

FAILURE_TTL = 15 * 60


def _failure_key(url, max_width):
    return f"embed-failed:{embeds.get_embed_hash(url, max_width)}"


def embed_html(url, max_width=None):
    """The provider's HTML for ``url``, or "" when it cannot be had right now."""
    if not url:
        return ""
    key = _failure_key(url, max_width)
    if cache.get(key):
        return ""
    try:
        embed = embeds.get_embed(url, max_width)
    except EmbedException as error:
        logger.info("Embed unavailable for %s: %s", url, error)
        cache.set(key, True, FAILURE_TTL)
        return ""
    except Exception:  # network errors surface as many types; none may break a page
        logger.warning("Embed lookup failed for %s", url, exc_info=True)
        cache.set(key, True, FAILURE_TTL)
        return ""
    return render_to_string("wagtailembeds/embed_frontend.html", {"embed": embed})
