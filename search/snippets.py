"""Short excerpts of a result with the visitor's words highlighted, built by the site.

The text comes from the result's own summary or from its own long text that search
indexes (body, abstract, biography, commitment statement, attached PDF text), so every
backend gets the same snippets, and they read as sentences rather than as the list of
authors, topics and types the index also holds.
"""

import re

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from wagtail.fields import StreamField
from wagtail.search import index

from search.query import STOP_WORDS, stem

SNIPPET_LENGTH = 240
LEAD_IN = 70
# Body text kept for finding the words in, at most (an attached PDF can be long).
TEXT_LIMIT = 20_000


WORD = re.compile(r"\w+")


class WordPattern:
    """Finds the words of a text that share their stem with one of the query's words
    ("nurses" for "nurse", "communities" for "community"), with a compiled pattern's
    ``search`` and ``finditer``."""

    def __init__(self, stems):
        self.stems = stems

    def finditer(self, text):
        return (match for match in WORD.finditer(text) if self.matches(match.group(0)))

    def search(self, text):
        return next(self.finditer(text), None)

    def matches(self, word):
        return stem(word.lower()) in self.stems


def word_pattern(words):
    """A pattern matching the words that share a stem with one of ``words``, or None."""
    stems = {stem(word.lower()) for word in words if word.lower() not in STOP_WORDS}
    stems = {found for found in stems if len(found) >= 2}
    return WordPattern(stems) if stems else None


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


def body_text(obj):
    """The text of the object's own long text fields that search indexes, in the order the
    model lists them: never its short or computed ones (authors, topics, types), which
    read as a list of keywords."""
    pieces = []
    for search_field in obj.get_search_fields():
        if not isinstance(search_field, index.SearchField):
            continue
        try:
            model_field = obj._meta.get_field(search_field.field_name)
        except FieldDoesNotExist:
            continue
        if not isinstance(model_field, (models.TextField, StreamField)):
            continue
        value = getattr(obj, search_field.field_name)
        if not value:
            continue
        if isinstance(model_field, StreamField):
            content = model_field.get_searchable_content(value)
        else:
            # Rich text: a space where a paragraph or list item ends.
            content = [strip_tags(str(value).replace("</", " </"))]
        pieces.extend(str(piece) for piece in content if piece)
    return " ".join(" ".join(pieces).split())[:TEXT_LIMIT]
