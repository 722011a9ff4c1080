import datetime

import pytest
from django.utils import timezone

from gallery.models import GallerySettings, Medium, Theme
from tests.gallery.factories import GalleryIndexPageFactory, MediumFactory, ThemeFactory


@pytest.fixture
def gallery(home_page):
    return GalleryIndexPageFactory(parent=home_page)


@pytest.fixture
def mediums(db):
    return {
        "painting": MediumFactory(name="Painting", slug="painting", kind=Medium.KIND_IMAGES),
        "photography": MediumFactory(
            name="Photography",
            slug="photography",
            kind=Medium.KIND_IMAGES,
            schema_type="Photograph",
        ),
        "poetry": MediumFactory(
            name="Poetry", slug="poetry", kind=Medium.KIND_TEXT, schema_type="CreativeWork"
        ),
        "video": MediumFactory(
            name="Video", slug="video", kind=Medium.KIND_RECORDING, schema_type="VideoObject"
        ),
    }


@pytest.fixture
def themes(db):
    return {
        "burnout": ThemeFactory(name="Burnout", slug="burnout"),
        "resilience": ThemeFactory(name="Resilience", slug="resilience"),
    }


@pytest.fixture
def open_call(home_page):
    from wagtail.models import Site

    today = timezone.localdate()
    settings = GallerySettings.for_site(Site.objects.get(is_default_site=True))
    settings.call_opens = today - datetime.timedelta(days=10)
    settings.call_closes = today + datetime.timedelta(days=20)
    settings.save()
    return settings


__all__ = ["Theme"]
