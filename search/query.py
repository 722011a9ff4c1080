"""From what a visitor typed to a search query every backend understands.

The visitor's text is never handed to a backend as query syntax: it is cleaned, split into
words and rebuilt from Wagtail's query objects (PlainText, And, Or), so quotes, Lucene
operators, SQL and control characters are only ever words or nothing. On the way, each word
or phrase gains its equivalents: hyphen variants ("well-being", "wellbeing", "well being")
and the editors' synonyms and abbreviations (search.models.SearchSynonym).
"""

import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer
from django.utils import timezone
from wagtail.search.query import And, Or, PlainText

from caching.pages import kept_until_content_changes

MAX_QUERY_LENGTH = 200
# Longest synonym phrase, in words, looked for in a query.
MAX_PHRASE_WORDS = 5
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
WORD = re.compile(r"\w+(?:[-‐‑–]\w+)*")
HYPHENS = re.compile(r"[-‐‑–]")
# Words too common to require; they still count when they are all a query has.
STOP_WORDS = frozenset(
    {"a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is"}
    | {"it", "of", "on", "or", "the", "to", "with"}
)
# Compounds every visitor spells three ways, known before any content is indexed.
KNOWN_COMPOUNDS = ("well-being", "e-health", "follow-up", "co-chair", "self-care")


def clean_query(raw):
    """Remove control characters, tidy whitespace and cut a runaway query at a word break.

    Returns the cleaned query and whether it was cut.
    """
    text = CONTROL_CHARACTERS.sub(" ", raw or "")
    text = " ".join(text.split())
    if len(text) <= MAX_QUERY_LENGTH:
        return text, False
    cut = text[:MAX_QUERY_LENGTH]
    if " " in cut[MAX_QUERY_LENGTH // 2 :]:
        cut = cut.rsplit(" ", 1)[0]
    return cut, True


ENGLISH = snowballstemmer.stemmer("english")


@lru_cache(maxsize=50_000)
def stem(word):
    """A word's English stem (Snowball's Porter2, the stemmer PostgreSQL's English search
    and Elasticsearch's English analyzer use), to match words in titles and snippets as the
    backends match them: "nurses" with "nurse", "burnouts" with "burnout"."""
    return ENGLISH.stemWord(word)


# Stems shorter than this match only the word itself: "be" (of "being") would match
# every word starting with "be".
SHORTEST_PREFIX = 4


def match_root(word):
    """What a query word matches as a prefix on SQLite (search.sqlite): its stem, less a
    final "i" that Porter2 writes for "y" ("communiti" for "community"), when that still
    begins the word; or None when the word is matched as it is."""
    root = stem(word.lower())
    if root.endswith("i"):
        root = root[:-1]
    if len(root) >= SHORTEST_PREFIX and word.lower().startswith(root):
        return root
    return None


@dataclass
class QueryPart:
    """One word or phrase of the query and the alternatives that may stand in for it.

    Each alternative is a tuple of words, all of which must appear.
    """

    words: tuple[str, ...]
    alternatives: list[tuple[str, ...]] = field(default_factory=list)

    def all_forms(self):
        return [self.words, *self.alternatives]

    def as_query(self):
        queries = [PlainText(" ".join(words), operator="and") for words in self.all_forms()]
        return queries[0] if len(queries) == 1 else Or(queries)


@dataclass
class ParsedQuery:
    text: str
    parts: list[QueryPart]

    @property
    def is_empty(self):
        return not self.parts

    def words(self):
        return [word for part in self.parts for word in part.words]

    def all_words(self):
        """Every word the query may match, alternatives included (for highlighting).

        Short words of multi-word alternatives ("out" of "burn out") are left out: on their
        own they would light up text that has nothing to do with the query.
        """
        words = []
        for part in self.parts:
            for form in part.all_forms():
                if form == part.words or len(form) == 1:
                    words.extend(form)
                else:
                    words.extend(word for word in form if len(word) > 3)
        return sorted(set(words), key=len, reverse=True)

    def backend_query(self, operator="and"):
        """The query as Wagtail search objects: every part must match ("and"), any ("or"),
        or all but one ("most"; any, for a query of two parts)."""
        if not self.parts:
            return None
        if operator == "most" and len(self.parts) > 2:
            parts = [part.as_query() for part in self.parts]
            return Or([And(parts[:skip] + parts[skip + 1 :]) for skip in range(len(parts))])
        if operator == "most":
            operator = "or"
        if all(not part.alternatives for part in self.parts):
            return PlainText(" ".join(self.words()), operator=operator)
        queries = [part.as_query() for part in self.parts]
        if len(queries) == 1:
            return queries[0]
        return And(queries) if operator == "and" else Or(queries)

    def plain_text(self):
        return " ".join(self.words())


def tokenize(text):
    """Lower-case words; a hyphenated word stays one token (its variants are added later)."""
    return [match.group(0).lower() for match in WORD.finditer(text)]


def split_hyphens(tokens):
    return tuple(piece for token in tokens for piece in HYPHENS.split(token) if piece)


def synonym_groups():
    """The editors' synonym groups as lists of word tuples, kept until content changes."""
    return kept_until_content_changes("search:synonyms", read_synonym_groups)


def read_synonym_groups():
    from search.models import SearchSynonym

    groups = []
    for synonym in SearchSynonym.objects.all():
        group = [split_hyphens(tokenize(term)) for term in synonym.term_list()]
        group = [words for words in group if words]
        if len(group) > 1:
            groups.append(group)
    return groups


def compound_variants(token):
    """ "well-being" -> [("well", "being"), ("wellbeing",)]; "wellbeing" -> [("well", "being")]."""
    if HYPHENS.search(token):
        pieces = tuple(piece for piece in HYPHENS.split(token) if piece)
        return pieces, [("".join(pieces),)]
    for compound in KNOWN_COMPOUNDS:
        pieces = tuple(HYPHENS.split(compound))
        if token == "".join(pieces):
            return (token,), [pieces]
    return (token,), []


def parse_query(text, groups=None):
    """Split a cleaned query into parts with their alternatives."""
    groups = synonym_groups() if groups is None else groups
    tokens = []
    for token in tokenize(text):
        pieces, alternatives = compound_variants(token)
        tokens.append((pieces, alternatives))

    # Words in order, remembering each token's compound alternatives.
    flat = [word for pieces, _ in tokens for word in pieces]
    token_alternatives = {}
    position = 0
    for pieces, alternatives in tokens:
        if alternatives:
            token_alternatives[(position, len(pieces))] = alternatives
        position += len(pieces)
    # Two words that make a known compound ("well being") also match the joined word.
    for index in range(len(flat) - 1):
        joined = flat[index] + flat[index + 1]
        if (index, 2) not in token_alternatives and compound_variants(joined)[1]:
            token_alternatives[(index, 2)] = [(joined,)]

    parts = []
    index = 0
    while index < len(flat):
        part = _match_synonym(flat, index, groups)
        if part is None:
            for length in (2, 1):
                if (index, length) in token_alternatives:
                    words = tuple(flat[index : index + length])
                    part = QueryPart(words, list(token_alternatives[(index, length)]))
                    break
        if part is None:
            part = QueryPart((flat[index],))
        parts.append(part)
        index += len(part.words)

    meaningful = [part for part in parts if part.alternatives or part.words[0] not in STOP_WORDS]
    if meaningful:
        parts = meaningful
    return ParsedQuery(text=text, parts=parts)


def _match_synonym(words, start, groups):
    """The longest synonym phrase starting at ``start``, as a part with its equivalents."""
    for length in range(min(MAX_PHRASE_WORDS, len(words) - start), 0, -1):
        candidate = tuple(words[start : start + length])
        for group in groups:
            if candidate in group:
                return QueryPart(candidate, [other for other in group if other != candidate])
    return None


# Spelling suggestions ---------------------------------------------------------------


def vocabulary():
    """Words of the titles of live, public pages and of the editors' synonyms, kept until
    content changes."""
    return kept_until_content_changes("search:vocabulary", read_vocabulary)


def read_vocabulary():
    from wagtail.models import Page

    words = set()
    titles = (
        Page.objects.live()
        .public()
        .filter(depth__gt=1)
        .exclude(expire_at__lte=timezone.now())
        .values_list("title", flat=True)
    )
    for title in titles.iterator():
        for token in tokenize(title):
            words.update(piece for piece in HYPHENS.split(token) if len(piece) > 2)
    for group in synonym_groups():
        for phrase in group:
            words.update(word for word in phrase if len(word) > 1)
    return sorted(words)


def name_words(models):
    """Words of the names of the people, organizations and artists visitors may find
    (``models``: those with a ``name``), one query each, kept until content changes: a
    name is never a misspelling."""

    def read_names():
        words = set()
        for model in models:
            if not any(field.name == "name" for field in model._meta.get_fields()):
                continue
            for name in model.search_visible().values_list("name", flat=True).iterator():
                words.update(piece for token in tokenize(name) for piece in HYPHENS.split(token))
        return sorted(word for word in words if len(word) > 1)

    return kept_until_content_changes("search:names", read_names)


def spelling_suggestion(parsed, is_indexed=None, name_models=()):
    """The query with each unknown word replaced by the closest site word, or ''.

    A word is unknown when it is in no live title, synonym or name (of the visible objects
    of ``name_models``) and, if ``is_indexed`` is given, ``is_indexed(word)`` says no page
    contains it either. A query holding a word found only in names ("Dzau", not "Health"
    or "Care", which titles use too) is about someone and left as it is.
    """
    known = vocabulary()
    if not known:
        return ""
    known_set = set(known)
    names = set(name_words(name_models)) if name_models else set()
    if (names - known_set) & set(parsed.words()):
        return ""
    known_set |= names
    corrected = []
    changed = False
    for word in parsed.words():
        if word in known_set or word.isdigit() or len(word) < 3:
            corrected.append(word)
            continue
        if is_indexed is not None and is_indexed(word):
            corrected.append(word)
            continue
        correction = split_words(word, known_set) or closest_word(word, known)
        corrected.append(correction)
        changed |= correction != word
    return " ".join(corrected) if changed else ""


def closest_word(word, known):
    """The site word closest to ``word``, or ``word`` itself when none is close."""
    return next(iter(difflib.get_close_matches(word, known, n=1, cutoff=0.75)), word)


def split_words(word, known):
    """Two site words run together ("teambased" as "team based"), or ""."""
    for cut in range(3, len(word) - 2):
        if word[:cut] in known and word[cut:] in known:
            return f"{word[:cut]} {word[cut:]}"
    return ""
