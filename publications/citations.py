"""One publication's citation, and its forms: AMA and APA text, RIS, BibTeX, Highwire
``citation_*`` meta tags and schema.org JSON-LD.

Everything here works from a :class:`Citation` (plain data), so the formats are tested
without pages and a page builds its citation once per request.
"""

import json
import re
from dataclasses import dataclass, field
from datetime import date

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

RIS_TYPES = {"article": "JOUR", "report": "RPRT", "resource": "ELEC"}
BIBTEX_TYPES = {"article": "article", "report": "techreport", "resource": "misc"}
SCHEMA_TYPES = {"article": "ScholarlyArticle", "report": "Report", "resource": "CreativeWork"}

# Characters that must never appear raw inside <script>: the JSON stays valid, the HTML safe.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


# Google's limit for an article's JSON-LD headline.
HEADLINE_LIMIT = 110


@dataclass(frozen=True)
class Author:
    """A person, or (``is_organization``) a group author such as the National Academy of
    Medicine, whose name is never split into given and family names."""

    name: str
    display_name: str
    affiliation: str = ""
    is_organization: bool = False

    @classmethod
    def organization(cls, name):
        return cls(name=name, display_name=name, is_organization=True)

    @property
    def family_name(self):
        return self._parts()[1]

    @property
    def given_names(self):
        return self._parts()[0]

    def _parts(self):
        if self.is_organization:
            return "", self.name.strip()
        words = self.name.split()
        if len(words) < 2:
            return "", self.name.strip()
        return " ".join(words[:-1]), words[-1]

    def initials(self, separator=""):
        """``"Victor J."`` gives ``"VJ"`` (AMA) or, with ``". "``, ``"V. J."`` (APA)."""
        letters = [word[0].upper() for word in re.split(r"[\s.-]+", self.given_names) if word]
        if not letters:
            return ""
        if separator:
            return separator.join(letters) + "."
        return "".join(letters)


@dataclass
class Citation:
    title: str
    kind: str
    published: date
    url: str
    authors: list[Author] = field(default_factory=list)
    container_title: str = ""
    publisher: str = ""
    doi: str = ""
    abstract: str = ""
    pdf_url: str = ""
    keywords: list[str] = field(default_factory=list)
    type_name: str = ""

    @classmethod
    def for_publication(cls, page, request=None):
        pdf_url = ""
        if page.document_id:
            pdf_url = page.document.url
            if request is not None:
                pdf_url = request.build_absolute_uri(pdf_url)
        return cls(
            title=page.title,
            kind=page.citation_kind,
            published=page.publication_date,
            url=page.get_full_url(request) or "",
            authors=list(page.citation_authors),
            container_title=page.container_title,
            publisher=page.publisher,
            doi=page.doi,
            abstract=page.abstract,
            pdf_url=pdf_url,
            keywords=[topic.name for topic in page.topic_list],
            type_name=page.type_name,
        )

    @property
    def link(self):
        return f"https://doi.org/{self.doi}" if self.doi else self.url

    @property
    def year(self):
        return self.published.year

    def ama(self):
        """AMA (11th edition) style, as plain text with the title of the container."""
        parts = []
        if self.authors:
            names = [
                a.name if a.is_organization else f"{a.family_name} {a.initials()}".strip()
                for a in self.authors
            ]
            if len(names) > 6:
                names = names[:3] + ["et al"]
            parts.append(", ".join(names) + ".")
        parts.append(_end(self.title))
        if self.container_title:
            parts.append(f"{self.container_title}. {self.year}.")
        else:
            parts.append(f"{self.publisher}; {self.year}.".lstrip("; "))
        parts.append(f"doi:{self.doi}" if self.doi else self.url)
        return " ".join(part for part in parts if part)

    def apa(self):
        """APA (7th edition) style, as plain text."""
        parts = []
        if self.authors:
            names = [
                a.name if a.is_organization else f"{a.family_name}, {a.initials('. ')}".rstrip(", ")
                for a in self.authors
            ]
            if len(names) == 1:
                parts.append(_end(names[0]))
            else:
                parts.append(_end(", ".join(names[:-1]) + ", & " + names[-1]))
        parts.append(f"({self.year}).")
        parts.append(_end(self.title))
        if self.container_title:
            parts.append(_end(self.container_title))
        elif self.publisher and not self.published_by_its_author:
            # APA leaves the publisher out when it is also the (group) author.
            parts.append(_end(self.publisher))
        parts.append(self.link)
        return " ".join(part for part in parts if part)

    @property
    def published_by_its_author(self):
        return any(a.is_organization and a.name == self.publisher for a in self.authors)


def _end(text):
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."


def to_ris(citation):
    lines = [("TY", RIS_TYPES.get(citation.kind, "GEN"))]
    lines += [("AU", _ris_name(author)) for author in citation.authors]
    lines.append(("TI", citation.title))
    if citation.container_title:
        lines.append(("T2", citation.container_title))
    lines.append(("PY", str(citation.year)))
    lines.append(("DA", citation.published.strftime("%Y/%m/%d")))
    if citation.publisher:
        lines.append(("PB", citation.publisher))
    if citation.doi:
        lines.append(("DO", citation.doi))
    lines.append(("UR", citation.link))
    if citation.abstract:
        lines.append(("AB", " ".join(citation.abstract.split())))
    lines += [("KW", keyword) for keyword in citation.keywords]
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {_one_line(value)}\r\n" for tag, value in lines)


def to_bibtex(citation):
    entry_type = BIBTEX_TYPES.get(citation.kind, "misc")
    fields = []
    if citation.authors:
        fields.append(("author", " and ".join(_bibtex_name(author) for author in citation.authors)))
    fields.append(("title", "{" + _bibtex_escape(citation.title) + "}"))
    if citation.container_title:
        name = "journal" if entry_type == "article" else "howpublished"
        fields.append((name, _bibtex_escape(citation.container_title)))
    if citation.publisher:
        name = "institution" if entry_type == "techreport" else "publisher"
        fields.append((name, _bibtex_escape(citation.publisher)))
    fields.append(("year", str(citation.year)))
    fields.append(("month", citation.published.strftime("%b").lower()))
    if citation.doi:
        fields.append(("doi", _bibtex_escape(citation.doi)))
    fields.append(("url", citation.link))
    if citation.keywords:
        fields.append(("keywords", _bibtex_escape(", ".join(citation.keywords))))
    body = ",\n".join(
        f"  {name} = {{{value}}}" if not value.isdigit() else f"  {name} = {value}"
        for name, value in fields
    )
    return f"@{entry_type}{{{citation_key(citation)},\n{body}\n}}\n"


def citation_key(citation):
    family = citation.authors[0].family_name if citation.authors else citation.title
    first_word = re.sub(r"[^A-Za-z0-9]", "", family.split()[0] if family.split() else "") or "nam"
    title_word = next(
        (w for w in re.findall(r"[A-Za-z0-9]+", citation.title) if len(w) > 3), "publication"
    )
    return f"{first_word.lower()}{citation.year}{title_word.lower()}"


def _ris_name(author):
    """RIS names are "Family, Given". A group author keeps its whole name, with the trailing
    comma that tells EndNote and Zotero it is one name, not a given and a family name."""
    if author.is_organization:
        return f"{author.name},"
    return _family_first(author)


def _family_first(author):
    if not author.given_names:
        return author.family_name
    return f"{author.family_name}, {author.given_names}"


def _bibtex_name(author):
    if author.is_organization:
        # Braced, a group author is one name: BibTeX never splits it or abbreviates it.
        return "{" + _bibtex_escape(author.name) + "}"
    return _bibtex_escape(_family_first(author))


def _bibtex_escape(text):
    text = " ".join(str(text).split())
    for char in "\\{}":
        text = text.replace(char, "")
    for char in "&%$#_":
        text = text.replace(char, "\\" + char)
    return text


def _one_line(text):
    return " ".join(str(text).split())


def highwire_meta(citation):
    """The ``citation_*`` meta tags Google Scholar and reference managers read."""
    tags = [("citation_title", citation.title)]
    tags += [("citation_author", author.name) for author in citation.authors]
    tags.append(("citation_publication_date", citation.published.strftime("%Y/%m/%d")))
    if citation.container_title:
        tags.append(("citation_journal_title", citation.container_title))
    if citation.kind == "report" and citation.publisher:
        tags.append(("citation_technical_report_institution", citation.publisher))
    elif citation.publisher:
        tags.append(("citation_publisher", citation.publisher))
    if citation.doi:
        tags.append(("citation_doi", citation.doi))
    if citation.pdf_url:
        tags.append(("citation_pdf_url", citation.pdf_url))
    tags.append(("citation_abstract_html_url", citation.url))
    tags += [("citation_keywords", keyword) for keyword in citation.keywords]
    return format_html_join("\n", '<meta name="{}" content="{}">', tags)


def json_ld(citation):
    data = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES.get(citation.kind, "CreativeWork"),
        "name": citation.title,
        "headline": headline(citation.title),
        "datePublished": citation.published.isoformat(),
        "url": citation.url,
        "author": [_json_ld_author(author) for author in citation.authors],
        "publisher": {"@type": "Organization", "name": citation.publisher},
        "abstract": citation.abstract,
        "inLanguage": "en",
    }
    if citation.container_title:
        data["isPartOf"] = {"@type": "Periodical", "name": citation.container_title}
    if citation.doi:
        data["identifier"] = {
            "@type": "PropertyValue",
            "propertyID": "DOI",
            "value": citation.doi,
        }
        data["sameAs"] = citation.link
    if citation.pdf_url:
        data["encoding"] = {
            "@type": "MediaObject",
            "contentUrl": citation.pdf_url,
            "encodingFormat": "application/pdf",
        }
    if citation.keywords:
        data["keywords"] = citation.keywords
    if citation.type_name:
        data["genre"] = citation.type_name
    return data


def headline(title, limit=HEADLINE_LIMIT):
    """The title, cut at the last word boundary that fits ``limit`` (with an ellipsis) only
    when it is longer."""
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    cut = title[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:–-")
    return cut + "…"


def _json_ld_author(author):
    if author.is_organization:
        return {"@type": "Organization", "name": author.name}
    person = {"@type": "Person", "name": author.name}
    if author.family_name and author.given_names:
        person["familyName"] = author.family_name
        person["givenName"] = author.given_names
    if author.affiliation:
        person["affiliation"] = {"@type": "Organization", "name": author.affiliation}
    return person


def json_ld_script(citation):
    payload = json.dumps(json_ld(citation), ensure_ascii=False).translate(SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))
