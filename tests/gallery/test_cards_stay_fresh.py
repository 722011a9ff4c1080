"""Artwork cards, on listings served from the page cache, are never stale: each change a
card could show reaches every listing on the next request."""

import pytest
from bs4 import BeautifulSoup

from tests.gallery.factories import ArtworkPageFactory, add_image

pytestmark = pytest.mark.django_db


@pytest.fixture
def work(gallery, mediums):
    artwork = ArtworkPageFactory(parent=gallery, title="Night shift", medium=mediums["painting"])
    add_image(artwork, alt_text="A corridor lit by one window.")
    artwork.save_revision().publish()
    return artwork


def card(client, url="/gallery/"):
    return BeautifulSoup(client.get(url).content, "html.parser").select_one(".artwork-card")


def test_publishing_the_work_shows_its_new_card_everywhere(client, home_page, work):
    for url in ("/gallery/", "/"):
        card(client, url)

    work.title = "Night shift, bed nine"
    work.save_revision().publish()

    assert card(client).h3.get_text(strip=True) == "Night shift, bed nine"
    assert card(client, "/").h3.get_text(strip=True) == "Night shift, bed nine"


def test_renaming_the_artist_or_the_medium_shows_on_the_card(client, work):
    card(client)
    artist = work.artist
    artist.name = "Ana Ruiz, RN"
    artist.save()
    medium = work.medium
    medium.name = "Oil on canvas"
    medium.save()

    shown = card(client).get_text(" ", strip=True)

    assert "Ana Ruiz, RN" in shown and "Oil on canvas" in shown


def test_a_new_address_for_the_gallery_changes_the_cards_links(client, gallery, work):
    assert card(client).h3.a["href"] == f"/gallery/{work.slug}/"

    gallery.slug = "expressions"
    gallery.save_revision().publish()

    assert card(client, "/expressions/").h3.a["href"] == f"/expressions/{work.slug}/"


def test_a_new_image_description_shows_once_published(client, work):
    card(client)
    image = work.artwork_images.get()
    image.alt_text = "The corridor at dawn."
    image.save()
    work.save_revision().publish()

    assert card(client).img["alt"] == "The corridor at dawn."


def test_a_new_focal_point_refreshes_the_card(client, work):
    before = card(client).img["src"]
    picture = work.artwork_images.get().image
    picture.set_focal_point(None)
    picture.focal_point_x, picture.focal_point_y = 10, 10
    picture.focal_point_width = picture.focal_point_height = 8
    picture.save()

    assert card(client).img["src"] != before  # a rendition cropped around the new point
