"""The gallery's demo content: enough works of every medium, and idempotent."""

import re

import pytest
from bs4 import BeautifulSoup
from PIL import Image as PILImage

from demo.builder import COLOUR_NAMES, DemoBuilder, colour_shares, describe_abstract
from gallery import demo
from gallery.models import (
    Artist,
    ArtworkPage,
    GalleryIndexPage,
    HostingRequest,
    Medium,
    Theme,
    TourStop,
)


def snapshot():
    return {
        "artworks": ArtworkPage.objects.count(),
        "artists": Artist.objects.count(),
        "stops": TourStop.objects.count(),
        "requests": HostingRequest.objects.count(),
        "themes": Theme.objects.count(),
        "revisions": sum(page.revisions.count() for page in ArtworkPage.objects.all()),
    }


def test_demo_gallery_covers_every_medium_and_runs_twice_without_changes(demo_site):
    gallery = GalleryIndexPage.objects.get()
    artworks = ArtworkPage.objects.child_of(gallery).live()
    assert artworks.count() >= 24
    assert set(Medium.objects.values_list("slug", flat=True)) == {
        "visual-art",
        "photography",
        "poetry",
        "prose",
        "music",
        "video",
        "mixed-media",
    }
    for medium in Medium.objects.all():
        assert artworks.filter(medium=medium).exists(), medium
    assert {"burnout", "resilience", "joy-in-practice", "loneliness"} <= set(
        Theme.objects.values_list("slug", flat=True)
    )
    assert all(artist.profession for artist in Artist.objects.all())
    assert TourStop.objects.filter(live=True).count() >= 3
    statuses = set(HostingRequest.objects.values_list("status", flat=True))
    assert len(statuses) == 2
    assert artworks.filter(written_work__contains="\n").count() >= 6
    images = [work.primary_image for work in artworks if work.medium.kind == Medium.KIND_IMAGES]
    assert all(images) and len({item.image.file.name for item in images}) == len(images)
    assert all(item.alt_text for item in images)

    before = snapshot()
    demo.load(DemoBuilder())
    assert snapshot() == before


@pytest.mark.django_db
def test_demo_scale_adds_synthetic_works_quickly(home_page):
    demo.load(DemoBuilder(scale=2))
    gallery = GalleryIndexPage.objects.get()
    total = ArtworkPage.objects.child_of(gallery).live().count()
    assert total == 2 * len(demo.ARTWORKS)
    demo.load(DemoBuilder(scale=2))
    assert ArtworkPage.objects.child_of(gallery).count() == total


def test_every_demo_image_is_described_from_what_drew_it(demo_site, client):
    """The alt text and long description of every generated artwork image follow the
    generator's parameters, and every colour they name is in the stored image's pixels."""
    styles = {
        slug: details["style"] for _t, slug, *_rest, details in demo.ARTWORKS if "style" in details
    }
    works = ArtworkPage.objects.live().filter(slug__in=styles)
    assert works.count() == len(styles) >= 10
    for work in works:
        (item,) = work.artwork_images.all()
        alt, long_description = describe_abstract(
            f"gallery-{work.slug}", **demo.IMAGE_SIZE, style=styles[work.slug]
        )
        assert (item.alt_text, item.long_description) == (alt, long_description), work.slug
        shape = {"bands": "vertical bands", "circles": "discs", "grid": "grid", "waves": "wavy"}
        assert shape[styles[work.slug]] in item.alt_text

        with item.image.open_file() as stored:
            pixels = colour_shares(PILImage.open(stored))
        in_image = {COLOUR_NAMES[colour] for colour in pixels}
        named, text = set(), alt
        for name in sorted(COLOUR_NAMES.values(), key=len, reverse=True):  # "sage green" first
            if re.search(rf"\b{name}\b", text):
                named.add(name)
                text = re.sub(rf"\b{name}\b", "", text)
        assert named and named <= in_image, (work.slug, named - in_image)

        html = client.get(work.url).content.decode()
        assert f'alt="{alt}"' in html
        assert long_description.split(":")[1][:40] in html


def test_cards_without_an_image_say_so_in_words(demo_site, client):
    soup = BeautifulSoup(client.get("/gallery/").content, "html.parser")
    placeholders = soup.select(".artwork-card__placeholder")
    assert placeholders
    for placeholder in placeholders:
        assert "without an image" in placeholder.get_text() or "No image" in placeholder.get_text()
        assert placeholder.get("aria-hidden") is None


def test_demo_artists_are_flagged_as_sample_content_in_the_admin(demo_site, admin_client):
    """The artists are fictional, and the admin says so as it does for organizations."""
    assert Artist.objects.exists()
    assert not Artist.objects.filter(is_sample_content=False).exists()

    listing = admin_client.get("/admin/snippets/gallery/artist/")
    header = BeautifulSoup(listing.content, "html.parser").select("table thead th")
    assert "Sample content" in [" ".join(th.get_text().split()) for th in header]
    flagged = admin_client.get("/admin/snippets/gallery/artist/?is_sample_content=false")
    assert flagged.context["items_count"] == 0


def test_every_demo_tour_stop_is_marked_fictional_where_visitors_read_it(demo_site, client):
    """The seeds name no showing of the exhibit: the demo's tour stops say they are samples,
    and none is placed in a real building."""
    stops = TourStop.objects.all()
    assert stops.count() >= 3
    assert all(stop.is_sample_content for stop in stops)
    assert not stops.filter(venue__icontains="Keck").exists()
    tour = BeautifulSoup(client.get("/gallery/").content, "html.parser").select(".tour-stop")
    shown = [item for item in tour if "Sample (fictional)" in item.get_text()]
    assert tour and len(shown) == len(tour)
