"""What search engines and sharing services read in each page's head: a description, the
page's own canonical address, an Open Graph card with an image and a Twitter card, on every
page type of the demo site and its routable sub-pages; and the sitemap that lists them."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from wagtail.models import Site

from core.metadata import SITE_NAME
from core.models import SiteSettings
from tests.helpers import demo_page_urls

NOT_INDEXABLE = {"Search results", "Search page", "Page not found"}


class HeadTags(HTMLParser):
    """The <meta> and <link rel> tags of a page, by name/property and rel."""

    def __init__(self, html):
        super().__init__()
        self.meta = {}
        self.links = {}
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            key = attrs.get("property") or attrs.get("name")
            if key:
                if key == "description" or key.startswith(("og:", "twitter:")):
                    assert key not in self.meta, f"{key} given twice"
                self.meta[key] = attrs.get("content", "")
        elif tag == "link" and attrs.get("rel") == "canonical":
            assert "canonical" not in self.links, "two canonical links"
            self.links["canonical"] = attrs["href"]


def head_tags(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return HeadTags(response.content.decode())


def test_every_indexable_page_type_has_its_description_canonical_and_cards(client, demo_site):
    root = Site.objects.get(is_default_site=True).root_url
    checked = []
    for name, path in demo_page_urls().items():
        if name in NOT_INDEXABLE:
            continue
        tags = head_tags(client, path)
        meta = tags.meta
        expected_url = root + urlsplit(path).path
        assert tags.links.get("canonical") == expected_url, name
        assert meta["og:url"] == expected_url, name
        assert len(meta["description"]) >= 40, f"{name}: {meta.get('description')!r}"
        assert meta["og:description"] == meta["description"], name
        assert meta["og:title"] and meta["og:title"] != "Home", name
        assert meta["og:site_name"] == SITE_NAME
        assert meta["og:image"].startswith(root + "/media/images/"), name
        assert meta["og:image"].endswith(".jpg"), name
        assert int(meta["og:image:width"]) > 0 and int(meta["og:image:height"]) > 0
        assert meta["og:image:alt"], name
        assert meta["twitter:card"] == "summary_large_image", name
        checked.append(name)
    assert len(checked) == len(demo_page_urls()) - len(NOT_INDEXABLE)


def test_routable_sub_pages_are_their_own_canonical_with_their_own_title(client, demo_site):
    urls = demo_page_urls()
    root = Site.objects.get(is_default_site=True).root_url
    gallery = head_tags(client, urls["GalleryIndexPage"])
    for name in ("Artist page", "Host the gallery", "Submit artwork"):
        tags = head_tags(client, urls[name])
        assert tags.links["canonical"] == root + urls[name]
        assert tags.links["canonical"] != gallery.links["canonical"]
        assert tags.meta["og:title"] != gallery.meta["og:title"], name
    assert head_tags(client, urls["Artist page"]).meta["og:title"].startswith("Works by ")
    assert head_tags(client, urls["Host the gallery"]).meta["og:title"] == (
        "Host the traveling gallery"
    )


def test_home_page_shares_under_the_sites_name(client, demo_site):
    meta = head_tags(client, "/").meta
    assert meta["og:title"] == SITE_NAME
    assert meta["og:type"] == "website"


def test_home_page_shares_its_hero_image_with_its_alt_text(client, demo_site):
    home = demo_site
    assert home.hero_image_id
    meta = head_tags(client, "/").meta
    assert f"/{home.hero_image.file.name.rsplit('/', 1)[-1].rsplit('.', 1)[0]}." in meta["og:image"]
    assert meta["og:image:alt"] == home.hero_image_alt


def test_an_artwork_shares_its_own_image_and_other_pages_the_default(client, demo_site):
    from gallery.models import ArtworkPage

    urls = demo_page_urls()
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    default_image = site_settings.default_share_image
    default_name = default_image.get_rendition("format-jpeg|width-1024").url.rsplit("/", 1)[-1]

    artwork = (
        ArtworkPage.objects.live()
        .filter(content_warning="", artwork_images__isnull=False)
        .distinct()
        .first()
    )
    first = artwork.artwork_images.order_by("sort_order").first()
    meta = head_tags(client, artwork.url).meta
    assert f"/{first.image.file.name.rsplit('/', 1)[-1].rsplit('.', 1)[0]}." in meta["og:image"]
    assert meta["og:image:alt"] == first.alt_text
    assert meta["og:type"] == "article"

    standard = head_tags(client, urls["StandardPage"]).meta
    assert standard["og:image"].endswith("/" + default_name)
    assert standard["og:image:alt"] == default_image.description


def test_an_artwork_behind_a_content_warning_never_shares_its_image(client, demo_site):
    from gallery.models import ArtworkPage

    artwork = ArtworkPage.objects.live().filter(artwork_images__isnull=False).first()
    artwork.content_warning = "grief"
    artwork.save_revision().publish()
    meta = head_tags(client, artwork.url).meta
    image_name = artwork.artwork_images.first().image.file.name.rsplit("/", 1)[-1]
    assert image_name.rsplit(".", 1)[0] not in meta["og:image"]


def test_without_a_default_image_a_page_has_a_small_card_and_no_image(client, demo_site):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.default_share_image = None
    site_settings.save()
    meta = head_tags(client, demo_page_urls()["StandardPage"]).meta
    assert "og:image" not in meta
    assert meta["twitter:card"] == "summary"


def test_a_page_without_summary_describes_itself_by_its_search_description(client, demo_site):
    from core.models import StandardPage

    page = StandardPage.objects.live().first()
    page.search_description = "What the Collaborative is, who takes part and what it does."
    page.save_revision().publish()
    meta = head_tags(client, page.url).meta
    assert meta["description"] == page.search_description


@pytest.mark.parametrize("name", sorted(NOT_INDEXABLE))
def test_pages_kept_out_of_search_read_no_share_image(client, demo_site, name):
    response = client.get(demo_page_urls()[name])
    tags = HeadTags(response.content.decode())
    assert "og:image" not in tags.meta
    assert tags.meta["og:site_name"] == SITE_NAME


def test_sitemap_lists_artist_pages_and_the_gallerys_forms(client, demo_site):
    urls = demo_page_urls()
    sitemap = client.get("/sitemap.xml").content.decode()
    root = Site.objects.get(is_default_site=True).root_url
    for name in ("Artist page", "Host the gallery", "Submit artwork"):
        assert f"<loc>{root}{urls[name]}</loc>" in sitemap, name
