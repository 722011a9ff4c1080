"""WordPress post content (classic HTML, block markup and shortcodes) → the site's
StreamField blocks.

Headings, paragraphs, lists and links become rich text; images become figures with their
alt text; YouTube and Vimeo embeds become media embeds; links to uploaded files become
document links. Everything goes through Wagtail's own rich-text conversion with the body's
features, which keeps only what an editor could have typed: scripts, styles, event
handlers, ``javascript:`` links and unknown elements never survive. Links to the old site
are rewritten to the imported pages and documents.
"""

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlparse

from bs4 import BeautifulSoup, Comment
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from core.blocks import RICH_TEXT_FEATURES

CAPTION = re.compile(r"\[caption[^\]]*\](.*?)\[/caption\]", re.S | re.I)
EMBED = re.compile(r"\[embed[^\]]*\](.*?)\[/embed\]", re.S | re.I)
SHORTCODE = re.compile(r"\[/?[a-zA-Z][\w-]*(?:\s[^\]]*)?\]")
BLOCK_START = re.compile(r"^\s*<(p|h[1-6]|ul|ol|div|figure|blockquote|table|iframe|pre|hr)\b", re.I)
DANGEROUS = ("script", "style", "noscript", "object", "applet", "form", "input", "button")
YOUTUBE = re.compile(r"(?:youtube(?:-nocookie)?\.com/(?:embed/|watch\?v=)|youtu\.be/)([\w-]{6,})")
VIMEO = re.compile(r"vimeo\.com/(?:video/)?(\d+)")
LINK = re.compile(r'<a href="([^"]*)">')


@dataclass
class Converted:
    blocks: list = field(default_factory=list)  # raw StreamField data: (type, value)
    warnings: list = field(default_factory=list)


def embed_url(url):
    """A YouTube or Vimeo address in the form oEmbed providers know, or None."""
    url = (url or "").strip()
    if match := YOUTUBE.search(url):
        return f"https://www.youtube.com/watch?v={match.group(1)}"
    if match := VIMEO.search(url):
        return f"https://vimeo.com/{match.group(1)}"
    return None


class Resolver:
    """Where a link or image of the old site leads now."""

    def __init__(self, site_url="", paths=None, post_ids=None, files=None, images=None):
        self.host = urlparse(site_url).netloc.lower()
        self.paths = paths or {}  # old path -> page id
        self.post_ids = post_ids or {}  # WordPress id -> page id
        self.files = files or {}  # old file path -> document id
        self.images = images or {}  # old file path -> (image id, alt text)
        # Links and images of the old site not found (yet): an item converted before its
        # targets were imported is converted again once everything is in.
        self.missed = 0

    def is_old_site(self, url):
        parsed = urlparse(url)
        return not parsed.netloc or parsed.netloc.lower() == self.host

    def link(self, url):
        """("page", id), ("document", id) or None (keep the link as it is)."""
        if not url or not self.is_old_site(url):
            return None
        parsed = urlparse(url)
        query = parse_qs(parsed.query)
        for key in ("p", "page_id", "attachment_id"):
            if key in query and query[key][0].isdigit():
                page_id = self.post_ids.get(int(query[key][0]))
                if page_id:
                    return ("page", page_id)
        path = normalise_path(parsed.path)
        if path in self.files:
            return ("document", self.files[path])
        if path in self.paths:
            return ("page", self.paths[path])
        self.missed += 1
        return None

    def image(self, url):
        if not url or not self.is_old_site(url):
            return None
        path = normalise_path(urlparse(url).path)
        # WordPress links resized copies (photo-300x200.jpg): the original is the import.
        found = self.images.get(path) or self.images.get(re.sub(r"-\d+x\d+(\.\w+)$", r"\1", path))
        if found is None:
            self.missed += 1
        return found


def normalise_path(path):
    path = "/" + (path or "").strip("/")
    return path if re.search(r"\.\w{2,5}$", path) else path.rstrip("/") + "/"


def preprocess(html):
    """Shortcodes turned into markup or dropped, and classic line breaks into paragraphs."""
    html = CAPTION.sub(_caption, html)
    html = EMBED.sub(lambda m: f'<wp-embed data-url="{m.group(1).strip()}"></wp-embed>', html)
    dropped = SHORTCODE.findall(html)
    html = SHORTCODE.sub("", html)
    if "<!-- wp:" not in html:
        chunks = re.split(r"\n\s*\n", html.replace("\r\n", "\n"))
        html = "\n".join(
            chunk if BLOCK_START.match(chunk) else f"<p>{chunk.strip()}</p>"
            for chunk in chunks
            if chunk.strip()
        )
    return html, dropped


def _caption(match):
    inner = match.group(1)
    image = re.search(r"<img[^>]*>", inner)
    if image is None:
        return inner
    text = re.sub(r"<a[^>]*>\s*<img[^>]*>\s*</a>|<img[^>]*>", "", inner).strip()
    return f"<figure>{image.group(0)}<figcaption>{text}</figcaption></figure>"


class ContentConverter:
    def __init__(self, resolver):
        self.resolver = resolver
        self.rich_text = ContentstateConverter(RICH_TEXT_FEATURES)

    def convert(self, html, *, title=""):
        result = Converted()
        html, dropped = preprocess(html or "")
        if dropped:
            names = sorted({code.strip("[/]").split()[0] for code in dropped})
            result.warnings.append(f"shortcodes left out: {', '.join(names)}")
        soup = BeautifulSoup(html, "html.parser")
        for comment in soup.find_all(string=lambda text: isinstance(text, Comment)):
            comment.extract()
        for element in soup.find_all(DANGEROUS):
            element.decompose()
        buffer = []
        for node in list(soup.children):
            self._node(node, buffer, result, title)
        self._flush(buffer, result)
        return result

    def _node(self, node, buffer, result, title):
        name = getattr(node, "name", None)
        if name is None:
            if str(node).strip():
                buffer.append(f"<p>{node}</p>")
            return
        if name == "wp-embed" or (name == "iframe"):
            self._embed(node.get("data-url") or node.get("src"), buffer, result, title)
            return
        if name == "div" and "wp-block-file" in (node.get("class") or []):
            link = node.find("a", href=True)
            target = self.resolver.link(link["href"]) if link else None
            if target and target[0] == "document":
                self._flush(buffer, result)
                label = link.get_text(" ", strip=True)
                result.blocks.append(("document", {"document": target[1], "label": label[:150]}))
                return
        if name in ("div", "section", "article", "main") and node.find(["p", "h2", "h3", "ul"]):
            for child in list(node.children):
                self._node(child, buffer, result, title)
            return
        embed_holder = name == "figure" and "wp-block-embed" in " ".join(node.get("class") or [])
        if embed_holder:
            iframe = node.find("iframe")
            url = iframe.get("src") if iframe else node.get_text(" ", strip=True)
            self._embed(url, buffer, result, title)
            return
        if name == "p" and embed_url(node.get_text(strip=True)) and not node.find("a"):
            self._embed(node.get_text(strip=True), buffer, result, title)
            return
        images = node.find_all("img") if name != "img" else [node]
        if images:
            caption = node.find("figcaption")
            caption_text = caption.get_text(" ", strip=True) if caption else ""
            if caption:
                caption.decompose()
            for image in images:
                parent_link = image.parent
                image.extract()
                linked = parent_link is not None and parent_link.name == "a"
                if linked and not parent_link.get_text(strip=True):
                    parent_link.extract()
            if name != "img" and node.get_text(strip=True):
                buffer.append(str(node))
            self._flush(buffer, result)
            for image in images:
                self._figure(image, caption_text, result)
            return
        buffer.append(str(node))

    def _embed(self, url, buffer, result, title):
        normalised = embed_url(url)
        if normalised is None:
            if url:
                result.warnings.append(f"embed left out (not YouTube or Vimeo): {url[:80]}")
            return
        self._flush(buffer, result)
        result.blocks.append(
            (
                "embed",
                {
                    "url": normalised,
                    "title": f"Video: {title}"[:200] if title else "Video",
                    "captions": "",
                    "transcript": "",
                },
            )
        )

    def _figure(self, image, caption, result):
        found = self.resolver.image(image.get("src", ""))
        if found is None:
            result.warnings.append(f"image not imported: {image.get('src', '')[:100]}")
            return
        image_id, attachment_alt = found
        alt = (image.get("alt") or "").strip() or attachment_alt
        decorative = image.has_attr("alt") and not image["alt"].strip() and not attachment_alt
        if not alt and not decorative:
            result.warnings.append(f"image without alt text: {image.get('src', '')[:100]}")
        result.blocks.append(
            (
                "figure",
                {
                    "image": {"image": image_id, "alt_text": alt, "decorative": decorative},
                    "caption": caption[:300],
                    "credit": "",
                },
            )
        )

    def _flush(self, buffer, result):
        if not buffer:
            return
        html = "".join(buffer)
        buffer.clear()
        clean = self.rich_text.to_database_format(self.rich_text.from_database_format(html))
        clean = LINK.sub(self._link, clean)
        clean = re.sub(r'<p data-block-key="\w+">\s*</p>', "", clean)
        if clean.strip():
            result.blocks.append(("rich_text", clean))

    def _link(self, match):
        url = match.group(1).replace("&amp;", "&")
        target = self.resolver.link(url)
        if target is None:
            return match.group(0)
        kind, target_id = target
        return f'<a linktype="{kind}" id="{target_id}">'
