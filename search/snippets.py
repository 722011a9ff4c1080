"""Short excerpts of a result with the visitor's words highlighted, built by the site.

The text comes from the page's own summary or from what the search index holds for it
(its body, authors, attached PDF text...), so every backend gets the same snippets.
"""

import re

from django.db import connection
from django.utils.html import escape
from django.utils.safestring import mark_safe

from search.query import STOP_WORDS, light_stem

SNIPPET_LENGTH = 240
LEAD_IN = 70


def word_pattern(words):
    """A pattern matching any word that starts with the stem of one of ``words``."""
    stems = {light_stem(word) for word in words if word not in STOP_WORDS}
    stems = sorted((stem for stem in stems if len(stem) >= 2), key=len, reverse=True)
    if not stems:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(stem) for stem in stems) + r")\w*", re.I)


def highlight(text, pattern):
    """Escape ``text`` and wrap each match of ``pattern`` in <mark>."""
    if pattern is None:
        return escape(text)
    pieces = []
    last = 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[last : match.start()]))
        pieces.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece is escaped above


def excerpt(text, pattern, length=SNIPPET_LENGTH):
    """About ``length`` characters of ``text`` around its first match, cut at word breaks."""
    text = " ".join((text or "").split())
    if len(text) <= length:
        return text
    match = pattern.search(text) if pattern else None
    start = 0
    if match and match.start() > LEAD_IN:
        space = text.find(" ", match.start() - LEAD_IN, match.start())
        start = space + 1 if space != -1 else match.start() - LEAD_IN
    end = start + length
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return prefix + text[start:end] + suffix


def build_snippet(summary, indexed_text, pattern):
    """The summary when it shows the query; otherwise the indexed text around a match;
    otherwise the summary as it is."""
    summary = " ".join((summary or "").split())
    if summary and pattern and pattern.search(summary):
        return highlight(excerpt(summary, pattern), pattern)
    if indexed_text and pattern and pattern.search(indexed_text):
        return highlight(excerpt(indexed_text, pattern), pattern)
    if summary:
        return highlight(excerpt(summary, pattern), pattern)
    return highlight(excerpt(indexed_text or "", pattern), pattern)


def indexed_texts(pages):
    """What the database search index holds as body text for each page, in one query."""
    from django.apps import apps

    column = {"sqlite": "body", "postgresql": "body_text"}.get(connection.vendor)
    if not pages or column is None:
        return {}
    index_entry = apps.get_model("wagtailsearch", "IndexEntry")
    rows = index_entry.objects.filter(
        content_type_id__in={page.content_type_id for page in pages},
        object_id__in=[str(page.pk) for page in pages],
    ).values_list("content_type_id", "object_id", column)
    wanted = {(page.content_type_id, str(page.pk)): page.pk for page in pages}
    return {
        wanted[(content_type_id, object_id)]: text or ""
        for content_type_id, object_id, text in rows
        if (content_type_id, object_id) in wanted
    }
