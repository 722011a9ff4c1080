"""The gallery index and artwork pages: what visitors see, bad input, query counts."""

import datetime
import json
import re

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from gallery.models import ArtworkPage
from tests.gallery.factories import (
    ArtistFactory,
    ArtworkPageFactory,
    TourStopFactory,
    add_image,
    small_image,
)
from tests.helpers import assert_constant_queries, count_queries

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def titles(response):
    return [a.get_text(strip=True) for a in soup(response).select(".art-grid .card__title a")]


@pytest.fixture
def works(gallery, mediums, themes):
    painting = ArtworkPageFactory(
        parent=gallery, title="Night shift", medium=mediums["painting"], year=2018
    )
    painting.themes.set([themes["burnout"]])
    painting.save()
    add_image(painting, alt_text="A corridor lit by one window.")
    poem = ArtworkPageFactory(
        parent=gallery,
        title="Handover",
        medium=mediums["poetry"],
        written_work="I give you the ward\n    and all its breathing.",
    )
    poem.themes.set([themes["resilience"]])
    poem.save()
    video = ArtworkPageFactory(
        parent=gallery,
        title="Break room",
        medium=mediums["video"],
        recording=[
            (
                "recording",
                {
                    "url": "https://www.youtube.com/watch?v=demo00000",
                    "title": "Break room",
                    "captions": "",
                    "transcript": "Three nurses share a single cup of coffee.",
                },
            )
        ],
    )
    return {"painting": painting, "poem": poem, "video": video}


def test_index_lists_live_artworks_with_images_and_support_notice(client, gallery, works):
    response = client.get(gallery.url)
    assert response.status_code == 200
    assert titles(response) == ["Night shift", "Handover", "Break room"]
    page = soup(response)
    picture = page.select_one(".art-grid picture")
    sources = [source["type"] for source in picture.select("source")]
    assert sources == ["image/avif", "image/webp"]
    img = picture.select_one("img")
    assert img["alt"] == "A corridor lit by one window."
    assert img["loading"] == "lazy"
    assert img.get("width") and img.get("height") and img.get("sizes")
    assert "srcset" in img.attrs
    support = page.select_one(".gallery-support")
    assert support.select_one("a")["href"] == "tel:988"


def test_an_artworks_first_image_is_preloaded_and_loaded_first_the_rest_lazily(client, works):
    painting = works["painting"]
    add_image(painting, alt_text="The same corridor at dawn.")

    page = soup(client.get(painting.url))

    preload = page.select_one('head link[rel="preload"][as="image"]')
    first, second = page.select(".artwork__work picture")
    avif_source = first.select_one('source[type="image/avif"]')
    assert preload["type"] == "image/avif" and preload["fetchpriority"] == "high"
    assert preload["imagesrcset"] == avif_source["srcset"]  # the very files the page uses
    assert preload["imagesizes"] == avif_source["sizes"]
    lead = first.select_one("img")
    assert lead["fetchpriority"] == "high" and "loading" not in lead.attrs
    assert second.select_one("img")["loading"] == "lazy"


def test_a_work_behind_a_content_warning_is_not_preloaded(client, works):
    painting = works["painting"]
    painting.content_warning = "depictions of grief"
    painting.save_revision().publish()

    page = soup(client.get(painting.url))

    assert page.select_one('link[rel="preload"][as="image"]') is None
    assert page.select_one(".artwork__work img")["loading"] == "lazy"


def test_index_filters_by_medium_and_theme_with_counts(client, gallery, works):
    response = client.get(gallery.url + "?medium=poetry")
    assert titles(response) == ["Handover"]
    assert '<meta name="robots" content="noindex, follow">' in response.content.decode()
    options = {o["value"]: o.get_text() for o in soup(response).select("#filter-theme option")}
    assert options["resilience"] == "Resilience (1)"
    assert "burnout" not in options
    response = client.get(gallery.url + "?theme=burnout")
    assert titles(response) == ["Night shift"]


def test_an_artworks_medium_and_themes_lead_to_the_gallery_filtered_by_them(client, works):
    page = soup(client.get(works["painting"].url))

    medium = page.select_one(".page-header .eyebrow a")
    themes = page.select(".artwork__themes a")
    assert medium.get_text(" ", strip=True).startswith("Painting")
    assert [theme.get_text(" ", strip=True) for theme in themes] == [
        "Burnout : more works on this theme"
    ]
    assert titles(client.get(medium["href"])) == ["Night shift"]
    assert titles(client.get(themes[0]["href"])) == ["Night shift"]
    poem = soup(client.get(works["poem"].url))
    assert titles(client.get(poem.select_one(".artwork__themes a")["href"])) == ["Handover"]


def test_unknown_filter_value_is_dropped_with_a_notice(client, gallery, works):
    response = client.get(gallery.url + "?medium=sculpture")
    assert response.status_code == 200
    assert "There is no medium “sculpture”" in response.content.decode()
    assert len(titles(response)) == 3


@pytest.mark.parametrize(("query", "status"), [("?page=abc", 400), ("?page=99", 404)])
def test_bad_page_numbers_get_a_clear_answer(client, gallery, works, query, status):
    response = client.get(gallery.url + query)
    assert response.status_code == status
    assert "Go to the first page" in response.content.decode()


def test_huge_query_string_is_harmless(client, gallery, works):
    response = client.get(gallery.url + "?medium=" + "x" * 5000 + "&theme=%00")
    assert response.status_code == 200


def test_drafts_and_expired_works_stay_out_of_the_gallery(client, gallery, works):
    draft = ArtworkPageFactory(parent=gallery, title="Unreviewed", live=False)
    expired = ArtworkPageFactory(
        parent=gallery,
        title="Loan ended",
        display_until=timezone.localdate() - datetime.timedelta(days=1),
    )
    response = client.get(gallery.url)
    assert "Unreviewed" not in titles(response)
    assert "Loan ended" not in titles(response)
    assert client.get(draft.url or f"/gallery/{draft.slug}/").status_code == 404
    assert client.get(expired.url).status_code == 404


def test_content_warning_replaces_the_card_image(client, gallery, mediums):
    work = ArtworkPageFactory(
        parent=gallery, title="After the code", content_warning="suicide, grief"
    )
    add_image(work)
    card = soup(client.get(gallery.url)).select_one(".art-grid .card")
    assert card.select_one("picture") is None
    assert "Content warning: suicide, grief" in card.get_text()


def test_tour_lists_upcoming_and_past_stops_but_not_drafts(client, gallery, works):
    today = timezone.localdate()
    upcoming = TourStopFactory(
        host_organization="Mercy Hospital",
        start_date=today + datetime.timedelta(days=30),
        end_date=today + datetime.timedelta(days=32),
    )
    upcoming.artworks.set([works["painting"]])
    upcoming.save()
    TourStopFactory(
        host_organization="NAM Annual Meeting",
        start_date=today - datetime.timedelta(days=300),
        end_date=today - datetime.timedelta(days=299),
    )
    TourStopFactory(
        host_organization="Draft Clinic",
        start_date=today + datetime.timedelta(days=5),
        end_date=today + datetime.timedelta(days=6),
        live=False,
    )
    tour = soup(client.get(gallery.url)).select_one(".gallery-tour")
    lists = tour.select(".tour-stops")
    assert "Mercy Hospital" in lists[0].get_text()
    assert "Works shown: Night shift" in " ".join(lists[0].get_text().split())
    assert "NAM Annual Meeting" in lists[1].get_text()
    assert "Draft Clinic" not in tour.get_text()


def test_poem_page_shows_full_text_and_json_ld(client, works):
    response = client.get(works["poem"].url)
    page = soup(response)
    assert "and all its breathing." in page.select_one(".artwork__text").get_text()
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "CreativeWork"
    assert data["name"] == "Handover"
    assert data["keywords"] == "Resilience"
    assert "and all its breathing." in data["text"]


def test_json_ld_cannot_be_broken_by_artist_text(client, gallery):
    work = ArtworkPageFactory(parent=gallery, title="</script><script>alert(1)</script>")
    html = client.get(work.url).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in block
    assert json.loads(block)["name"] == "</script><script>alert(1)</script>"


def test_video_page_degrades_to_a_link_and_keeps_the_transcript(client, works):
    page = soup(client.get(works["video"].url))
    assert page.select_one(".media-embed__fallback a")["href"].startswith("https://www.youtube")
    transcript = page.select_one(".transcript")
    assert "Three nurses share a single cup of coffee." in transcript.get_text()
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "VideoObject"


def test_painting_page_has_visual_artwork_data_and_described_images(client, works):
    page = soup(client.get(works["painting"].url))
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "VisualArtwork"
    assert data["artMedium"] == "Painting"
    assert data["creator"]["name"] == works["painting"].artist.name
    assert page.select_one(".artwork__work img")["alt"] == "A corridor lit by one window."


def test_content_warning_is_shown_before_the_work(client, gallery, mediums):
    work = ArtworkPageFactory(
        parent=gallery,
        title="Last call",
        medium=mediums["poetry"],
        written_work="The pager sleeps.",
        content_warning="suicide",
    )
    page = soup(client.get(work.url))
    details = page.select_one("details.content-warning")
    assert "Content warning: suicide." in details.select_one("summary").get_text()
    assert details.select_one(".artwork__text")
    assert not details.has_attr("open")


def test_previous_and_next_follow_gallery_order(client, works):
    page = soup(client.get(works["poem"].url))
    assert page.select_one('a[rel="prev"]').get_text(" ", strip=True).endswith("Night shift")
    assert page.select_one('a[rel="next"]').get_text(" ", strip=True).endswith("Break room")
    first = soup(client.get(works["painting"].url))
    assert first.select_one('a[rel="prev"]') is None


def test_anonymous_artist_is_never_named(client, gallery):
    artist = ArtistFactory(name="Real Name", is_anonymous=True, bio="Private story")
    work = ArtworkPageFactory(parent=gallery, title="Unsigned", artist=artist)
    html = client.get(work.url).content.decode()
    assert "Real Name" not in html
    assert "By <a" in html and "Anonymous" in html
    assert "Real Name" not in client.get(gallery.url).content.decode()
    assert work.artist_name == "Anonymous"


def test_artist_page_lists_their_works_together(client, gallery, mediums):
    artist = ArtistFactory(name="Rosa Delgado", profession="Pharmacist")
    ArtworkPageFactory(parent=gallery, title="Counting pills", artist=artist)
    ArtworkPageFactory(parent=gallery, title="Late refill", artist=artist)
    ArtworkPageFactory(parent=gallery, title="Someone else's")
    response = client.get(f"{gallery.url}artists/{artist.pk}/")
    assert response.status_code == 200
    assert "Works by Rosa Delgado" in response.content.decode()
    assert titles(response) == ["Counting pills", "Late refill"]
    assert client.get(f"{gallery.url}artists/999999/").status_code == 404
    assert client.get(f"{gallery.url}artists/{artist.pk}/?page=abc").status_code == 400


def test_home_page_highlights_use_the_card(client, gallery, works):
    highlights = ArtworkPage.highlights_for_home_page(4)
    assert [work.title for work in highlights] == ["Night shift"]
    html = client.get("/").content.decode()
    assert "Night shift" in html


def test_events_can_show_the_artworks_on_display(gallery, works, home_page):
    from tests.events.factories import EventIndexPageFactory, EventPageFactory

    event = EventPageFactory(parent=EventIndexPageFactory(parent=home_page), title="Public meeting")
    stop = TourStopFactory(
        start_date=datetime.date(2019, 10, 1), end_date=datetime.date(2019, 10, 1), event=event
    )
    stop.artworks.set([works["poem"], works["painting"]])
    stop.save()
    TourStopFactory(
        start_date=datetime.date(2019, 1, 1),
        end_date=datetime.date(2019, 1, 2),
        event=event,
        live=False,
    ).artworks.set([works["video"]])
    shown = ArtworkPage.on_display_at(event)
    assert [work.title for work in shown] == ["Night shift", "Handover"]


def grow_gallery(gallery, mediums, themes, total):
    """Add artworks (sharing one image) until the gallery holds ``total``."""
    shared = small_image("Shared", color=(20, 90, 160))
    artist = ArtistFactory(name="Many works")
    existing = ArtworkPage.objects.child_of(gallery).count()
    medium_list = list(mediums.values())
    for number in range(existing, total):
        work = ArtworkPageFactory(
            parent=gallery,
            title=f"Work {number:04d}",
            artist=artist,
            medium=medium_list[number % len(medium_list)],
        )
        work.themes.set([themes["burnout"]])
        work.save()
        add_image(work, image=shared if number >= 24 else small_image(f"Own {number}"))


def test_index_query_count_is_constant_from_24_to_500_artworks(client, gallery, mediums, themes):
    grow_gallery(gallery, mediums, themes, 24)
    queries = assert_constant_queries(
        client,
        gallery.url,
        lambda: grow_gallery(gallery, mediums, themes, 500),
        at_most=15,
    )
    _, statements = count_queries(client, gallery.url + "?theme=burnout&page=3")
    rendition_queries = [sql for sql in statements if "wagtailimages_rendition" in sql]
    assert len(rendition_queries) == 1, rendition_queries
    print(f"gallery index: {queries} queries")


def test_artwork_page_query_count_is_constant(client, gallery, mediums, themes):
    grow_gallery(gallery, mediums, themes, 24)
    work = ArtworkPage.objects.child_of(gallery).order_by("path")[10]
    url = work.url
    queries = assert_constant_queries(
        client, url, lambda: grow_gallery(gallery, mediums, themes, 500), at_most=15
    )
    print(f"artwork page: {queries} queries")


def test_private_artworks_and_private_galleries_are_left_out(client, gallery, works, home_page):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=works["poem"], restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert "Handover" not in titles(client.get(gallery.url))
    assert (
        "Handover"
        not in soup(client.get(works["painting"].url)).select_one(".artwork-pager").get_text()
    )
    PageViewRestriction.objects.create(
        page=gallery, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert list(ArtworkPage.highlights_for_home_page(4)) == []


def test_page_cache_refreshes_the_tour_when_a_stop_is_published(client, gallery, works, settings):
    settings.PAGE_CACHE_ENABLED = True
    assert "Mercy Hospital" not in client.get(gallery.url).content.decode()
    stop = TourStopFactory(
        host_organization="Mercy Hospital",
        start_date=timezone.localdate() + datetime.timedelta(days=3),
        end_date=timezone.localdate() + datetime.timedelta(days=4),
        live=False,
    )
    stop.save_revision().publish()
    assert "Mercy Hospital" in client.get(gallery.url).content.decode()
