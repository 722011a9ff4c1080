"""Markup that validators and Lighthouse read: a media embed's figure holds no disclosure
widgets, an artist page's first (largest) image is not lazy, and artwork cards offer a
rendition that fits a one-column card on a phone."""

from bs4 import BeautifulSoup

from core.blocks import MediaEmbedBlock


def test_media_embed_keeps_its_transcript_and_captions_outside_the_figure():
    block = MediaEmbedBlock()
    value = block.to_python(
        {
            "url": "https://example.invalid/recording",
            "title": "Grand rounds",
            "captions": "WEBVTT",
            "transcript": "Welcome, everyone.",
        }
    )
    soup = BeautifulSoup(block.render(value), "html.parser")
    figure = soup.select_one(".media-embed figure")
    assert figure.select_one("figcaption").get_text(strip=True) == "Grand rounds"
    assert not figure.select("details")
    summaries = [s.get_text(" ", strip=True) for s in soup.select(".media-embed > details summary")]
    assert summaries == ["Transcript of Grand rounds", "Captions of Grand rounds"]


def test_artist_page_loads_its_first_work_at_once_and_the_rest_lazily(client, demo_site):
    from gallery.models import Artist, ArtworkPage, GalleryIndexPage

    gallery = GalleryIndexPage.objects.live().first()
    with_images = ArtworkPage.objects.live().filter(
        content_warning="", artwork_images__isnull=False
    )
    artist = Artist.objects.filter(pk__in=with_images.values("artist_id")).first()
    response = client.get(gallery.url + gallery.reverse_subpage("artist", args=[artist.pk]))
    images = BeautifulSoup(response.content, "html.parser").select(".art-grid img")
    assert images
    assert images[0].get("loading") is None
    assert images[0]["fetchpriority"] == "high"
    assert all(image["loading"] == "lazy" for image in images[1:])


def test_home_page_cards_offer_a_rendition_for_a_one_column_phone_card(client, demo_site):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    sources = soup.select(".art-grid picture source[type='image/avif']")
    assert sources
    for source in sources:
        # 400, 680 and 800 pixels wide (gallery.models.artworks.CARD_IMAGE_SPECS)
        assert len(source["srcset"].split(", ")) == 3
        assert source["sizes"].endswith("calc(100vw - 2rem)")
