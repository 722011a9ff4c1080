"""The gallery's demo content: enough works of every medium, and idempotent."""

import pytest

from demo.builder import DemoBuilder
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
