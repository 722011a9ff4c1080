"""Reading a WordPress export (WXR) safely.

The file is parsed with defusedxml, which refuses entity declarations (the "billion
laughs"), external entities and DTD tricks; a file larger than the limit, a truncated file
or one that is not a WordPress export is refused with a clear message before anything is
imported. Items are read one at a time (``iterparse``) and each element is cleared once read,
so memory does not grow with the file's XML tree.
"""

import os
from dataclasses import dataclass, field

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

DEFAULT_MAX_BYTES = 40 * 1024 * 1024

CONTENT_NS = "{http://purl.org/rss/1.0/modules/content/}"
DC_NS = "{http://purl.org/dc/elements/1.1/}"


class ExportError(Exception):
    """The file cannot be imported; the message says why, for the person running it."""


@dataclass
class Term:
    kind: str  # "category" or "post_tag"
    slug: str
    name: str
    term_id: int = 0


@dataclass
class Item:
    post_id: int
    post_type: str
    status: str
    title: str = ""
    slug: str = ""
    link: str = ""
    guid: str = ""
    content: str = ""
    excerpt: str = ""
    creator: str = ""
    post_date: str = ""
    post_date_gmt: str = ""
    parent_id: int = 0
    menu_order: int = 0
    password: str = ""
    attachment_url: str = ""
    terms: list = field(default_factory=list)  # Term
    meta: dict = field(default_factory=dict)


@dataclass
class Export:
    site_url: str = ""
    terms: list = field(default_factory=list)
    authors: dict = field(default_factory=dict)  # login -> display name
    items: list = field(default_factory=list)


def _local(tag):
    return tag.rsplit("}", 1)[-1]


def _is_wp(tag):
    return tag.startswith("{http://wordpress.org/export/")


def _text(element):
    return (element.text or "").strip() if element is not None else ""


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _wp_children(element):
    return {_local(child.tag): child for child in element if _is_wp(child.tag)}


def read_export(path, *, max_bytes=DEFAULT_MAX_BYTES):
    """The export at ``path``, or an ExportError saying why it cannot be read."""
    try:
        size = os.path.getsize(path)
    except OSError as error:
        raise ExportError(f"Cannot read {path}: {error.strerror}.") from None
    if size > max_bytes:
        raise ExportError(
            f"{path} is {size / 1024 / 1024:.1f} MB, more than the {max_bytes // 1024 // 1024} MB "
            "this command reads. Split the export in WordPress (Tools › Export, by post type "
            "or date range) and import the parts one after another."
        )
    export = Export()
    seen_channel = False
    try:
        with open(path, "rb") as source:
            for event, element in iterparse(source, events=("start", "end")):
                tag = element.tag
                if event == "start":
                    if tag == "channel":
                        seen_channel = True
                    continue
                if tag == "item":
                    export.items.append(_item(element))
                    element.clear()
                elif _is_wp(tag) and _local(tag) in ("category", "tag"):
                    term = _term(element)
                    if term is not None:
                        export.terms.append(term)
                    element.clear()
                elif _is_wp(tag) and _local(tag) == "author":
                    children = _wp_children(element)
                    login = _text(children.get("author_login"))
                    if login:
                        export.authors[login] = _text(children.get("author_display_name")) or login
                    element.clear()
                elif _is_wp(tag) and _local(tag) == "base_site_url":
                    export.site_url = _text(element)
    except DefusedXmlException as error:
        raise ExportError(
            f"{path} declares XML entities or a document type ({type(error).__name__}); a "
            "WordPress export never does, so it was refused and nothing was imported."
        ) from None
    except SyntaxError as error:  # ElementTree's ParseError
        raise ExportError(
            f"{path} is not well-formed XML ({error}); it may be cut short. Export it again; "
            "nothing was imported."
        ) from None
    if not seen_channel:
        raise ExportError(f"{path} is not a WordPress export (no RSS channel).")
    return export


def _term(element):
    children = _wp_children(element)
    if _local(element.tag) == "category":
        slug = _text(children.get("category_nicename"))
        name = _text(children.get("cat_name"))
        kind = "category"
    else:
        slug = _text(children.get("tag_slug"))
        name = _text(children.get("tag_name"))
        kind = "post_tag"
    if not slug:
        return None
    return Term(kind, slug, name or slug, _int(_text(children.get("term_id"))))


def _item(element):
    wp = {}
    meta = {}
    terms = []
    for child in element:
        tag = child.tag
        if _is_wp(tag):
            name = _local(tag)
            if name == "postmeta":
                values = _wp_children(child)
                key = _text(values.get("meta_key"))
                if key:
                    meta[key] = (
                        (values.get("meta_value").text or "") if "meta_value" in values else ""
                    )
            elif name != "comment":
                wp[name] = child.text or ""
        elif tag == "category":
            domain = child.get("domain", "")
            if domain in ("category", "post_tag"):
                slug = child.get("nicename", "").strip()
                if slug:
                    terms.append(Term(domain, slug, (child.text or slug).strip()))
    return Item(
        post_id=_int(wp.get("post_id")),
        post_type=wp.get("post_type", "").strip(),
        status=wp.get("status", "").strip(),
        title=_text(element.find("title")),
        slug=wp.get("post_name", "").strip(),
        link=_text(element.find("link")),
        guid=_text(element.find("guid")),
        content=element.findtext(f"{CONTENT_NS}encoded") or "",
        excerpt=_find_excerpt(element),
        creator=_text(element.find(f"{DC_NS}creator")),
        post_date=wp.get("post_date", "").strip(),
        post_date_gmt=wp.get("post_date_gmt", "").strip(),
        parent_id=_int(wp.get("post_parent")),
        menu_order=_int(wp.get("menu_order")),
        password=wp.get("post_password", "").strip(),
        attachment_url=wp.get("attachment_url", "").strip(),
        terms=terms,
        meta=meta,
    )


def _find_excerpt(element):
    for child in element:
        if _local(child.tag) == "encoded" and "excerpt" in child.tag:
            return (child.text or "").strip()
    return ""
