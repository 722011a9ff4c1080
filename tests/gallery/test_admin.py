"""Editors' side: page forms, snippets, settings, and the rules models enforce."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from wagtail.models import Page

from gallery.models import Artist, ArtworkImage, ArtworkPage, TourStop
from tests.gallery.factories import ArtistFactory, ArtworkPageFactory, TourStopFactory, small_image

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "x" * 16)
    client.force_login(user)
    return client


def test_editor_screens_open(admin_client, gallery, mediums):
    work = ArtworkPageFactory(parent=gallery)
    stop = TourStopFactory(start_date=datetime.date(2030, 1, 1), end_date=datetime.date(2030, 1, 2))
    for url in (
        f"/admin/pages/add/gallery/artworkpage/{gallery.pk}/",
        f"/admin/pages/{work.pk}/edit/",
        f"/admin/pages/{gallery.pk}/edit/",
        "/admin/snippets/gallery/artist/",
        "/admin/snippets/gallery/medium/",
        "/admin/snippets/gallery/theme/",
        "/admin/snippets/gallery/tourstop/",
        f"/admin/snippets/gallery/tourstop/edit/{stop.pk}/",
        "/admin/gallery/artworksubmission/",
        "/admin/settings/gallery/gallerysettings/",
    ):
        response = admin_client.get(url, follow=True)
        assert response.status_code == 200, url


def test_submissions_inbox_is_read_only(admin_client, gallery):
    # Wagtail answers a forbidden admin action by sending the user back to the dashboard.
    response = admin_client.get("/admin/gallery/artworksubmission/create/")
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_image_needs_alt_text_unless_decorative(gallery):
    work = ArtworkPageFactory(parent=gallery)
    image = small_image()
    with pytest.raises(ValidationError) as refused:
        ArtworkImage(page=work, image=image, alt_text=" ").full_clean()
    assert "mark it decorative" in str(refused.value)
    ArtworkImage(page=work, image=image, decorative=True).full_clean()
    assert ArtworkImage(page=work, image=image, decorative=True).alt == ""


def test_artist_needs_a_name_or_anonymity():
    with pytest.raises(ValidationError):
        Artist(name="", profession="Nurse").full_clean()
    Artist(name="", is_anonymous=True, profession="Nurse").full_clean()
    assert Artist(name="Kept private", is_anonymous=True).display_name == "Anonymous"


def test_tour_stop_cannot_end_before_it_starts():
    stop = TourStop(
        host_organization="Clinic",
        city="Reno, Nevada",
        start_date=datetime.date(2030, 5, 2),
        end_date=datetime.date(2030, 5, 1),
    )
    with pytest.raises(ValidationError) as refused:
        stop.full_clean()
    assert "end_date" in refused.value.message_dict


def test_display_window_cannot_end_before_consent(gallery):
    work = ArtworkPageFactory.build(
        title="Dated",
        slug="dated",
        artist=ArtistFactory(),
        medium=ArtworkPageFactory(parent=gallery).medium,
        consent_date=datetime.date(2020, 1, 1),
        display_until=datetime.date(2019, 1, 1),
        path="00010001000100ZZ",
        depth=4,
    )
    with pytest.raises(ValidationError):
        work.clean()


def test_search_finds_works_by_artist_but_never_an_anonymous_name(gallery):
    named = ArtworkPageFactory(
        parent=gallery, title="Harbor Light", artist=ArtistFactory(name="Ingrid Solberg")
    )
    hidden = ArtworkPageFactory(
        parent=gallery,
        title="Unsigned",
        artist=ArtistFactory(name="Secretname Person", is_anonymous=True),
    )
    assert list(ArtworkPage.objects.live().search("Solberg")) == [named]
    assert hidden not in list(Page.objects.live().search("Secretname"))
    assert named.search_summary.endswith("Expressions of Clinician Well-Being.")


def test_api_exposes_public_fields_only(client, gallery):
    ArtworkPageFactory(
        parent=gallery,
        title="Open work",
        artist=ArtistFactory(name="Kept private", is_anonymous=True),
        year=2019,
    )
    response = client.get(
        "/api/v2/pages/", {"type": "gallery.ArtworkPage", "fields": "artist_name,year"}
    )
    item = response.json()["items"][0]
    assert item["artist_name"] == "Anonymous"
    assert item["year"] == 2019
    assert "Kept private" not in response.content.decode()
