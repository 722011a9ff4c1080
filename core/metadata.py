"""What a page tells search engines and the sites it is shared on: its description, its
canonical address, and its Open Graph and Twitter card.

Each page type answers ``meta_title()``, ``meta_description()`` and ``share_image()``
(``core.pages.BasePage``); a routable sub-page (an artist's works, a person's profile, the
gallery's forms) gives its own in the template context as ``meta_title``,
``meta_description`` and ``meta_image`` (a ``ShareImage``). Its canonical address is its own.
"""

from dataclasses import dataclass
from urllib.parse import urljoin

from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.images import get_image_model
from wagtail.models import Site

SITE_NAME = "Action Collaborative on Clinician Well-Being and Resilience"
DESCRIPTION_LENGTH = 200
# The rendition a shared link shows: JPEG, which every sharing service reads, no wider than
# the largest card they draw. Artwork pages already load it (gallery ARTWORK_IMAGE_SPECS).
SHARE_IMAGE_SPEC = "format-jpeg|width-1024"


@dataclass
class ShareImage:
    image: object  # an image, or the id of one
    alt: str | None = None  # None: the image's own default alt text
    spec: str = SHARE_IMAGE_SPEC  # another JPEG rendition the page loaded already


@dataclass
class PageMetadata:
    title: str
    description: str
    canonical_url: str
    image_url: str = ""
    image_width: int = 0
    image_height: int = 0
    image_alt: str = ""
    type: str = "website"

    @property
    def twitter_card(self):
        return "summary_large_image" if self.image_url else "summary"


def plain_description(text):
    """One paragraph of plain text, short enough for a search result or a card."""
    words = " ".join(strip_tags(str(text or "")).split())
    return Truncator(words).chars(DESCRIPTION_LENGTH)


def canonical_url(page, request):
    """The page's own address, or a routable sub-page's own below it; no query string."""
    full_url = page.get_full_url(request)
    if not full_url:
        return ""
    path = getattr(request, "path", "")
    page_path = page.get_url(request=request, current_site=Site.find_for_request(request))
    if page_path and path.startswith(page_path) and not page_path.startswith("http"):
        return full_url + path[len(page_path) :]
    return full_url


def share_image_rendition(share_image):
    """The image and its sharing rendition: one query for an image given by its id (the
    rendition with its image), made once when it does not exist yet."""
    image, spec = share_image.image, share_image.spec
    if isinstance(image, int):
        renditions = get_image_model().get_rendition_model().objects
        rendition = renditions.select_related("image").filter(image_id=image, filter_spec=spec)
        rendition = rendition.first()
        if rendition is not None:
            return rendition.image, rendition
        image = get_image_model().objects.get(pk=image)
    return image, image.get_rendition(spec)


def default_share_image(site_settings):
    """The site's default image chosen in the site settings, if any."""
    image_id = getattr(site_settings, "default_share_image_id", None)
    return ShareImage(image_id) if image_id else None


def page_metadata(context, site_settings=None):
    """The metadata of the page being rendered, or None outside a page (search, errors)."""
    page = context.get("page")
    request = context.get("request")
    if page is None or not hasattr(page, "meta_description"):
        return None
    title = context.get("meta_title") or page.meta_title()
    description = plain_description(context.get("meta_description") or page.meta_description())
    metadata = PageMetadata(title, description, canonical_url(page, request))
    metadata.type = context.get("meta_type") or page.og_type
    if context.get("robots_noindex"):
        return metadata  # nobody should find it in search or share it: no image to read
    share_image = context.get("meta_image") or page.share_image(context)
    share_image = share_image or default_share_image(site_settings)
    if share_image is not None:
        image, rendition = share_image_rendition(share_image)
        root = Site.find_for_request(request).root_url if request else ""
        metadata.image_url = urljoin(root + "/", rendition.url)
        metadata.image_width, metadata.image_height = rendition.width, rendition.height
        alt = share_image.alt
        metadata.image_alt = image.default_alt_text if alt is None else alt
    return metadata
