"""Renditions are made at publish time, so visitors never wait for one."""

import pytest
from wagtail.images import get_image_model

from tests.factories import ImageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


class RenditionCounter:
    """Counts renditions created inside the block (Wagtail may create them in bulk)."""

    def __init__(self):
        self.model = get_image_model().get_rendition_model()
        self.created = 0

    def __enter__(self):
        self.before = self.model.objects.count()
        return self

    def __exit__(self, *exc):
        self.created = self.model.objects.count() - self.before


def figure(image):
    return (
        "figure",
        {"image": {"image": image, "alt_text": "A meeting", "decorative": False}, "caption": ""},
    )


def test_publishing_makes_every_rendition_the_page_needs(
    client, home_page, django_capture_on_commit_callbacks
):
    image = ImageFactory(width=1600, height=1000)
    page = StandardPageFactory(parent=home_page, title="About", slug="about")
    page.body = [figure(image)]

    with RenditionCounter() as at_publish, django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    with RenditionCounter() as on_visit:
        response = client.get("/about/")

    assert response.status_code == 200
    assert at_publish.created >= 3  # several widths in AVIF, WebP and JPEG
    assert on_visit.created == 0


def test_parent_listing_is_rendered_too(home_page, django_capture_on_commit_callbacks):
    from caching.renditions import warm_pages

    section = StandardPageFactory(parent=home_page, title="Section", slug="section")
    child = StandardPageFactory(parent=section, title="Child", show_in_menus=True)
    rendered = warm_pages.call([section.pk, child.pk, home_page.pk])
    assert rendered == 3
