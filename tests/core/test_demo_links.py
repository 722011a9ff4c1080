"""The demo as a visitor crawls it: no link to an address that was made up, and the demo's
recording is a real file with its captions and transcript."""

import re

from bs4 import BeautifulSoup
from django.conf import settings
from wagtail.models import Page
from wagtailmedia import get_media_model

MADE_UP_ADDRESS = re.compile(
    r"example\.|/example/|000000|search_query=|results\?|soundcloud\.com|vimeo\.com|"
    r"youtube\.com/watch",
    re.IGNORECASE,
)


def test_a_crawl_of_the_demo_finds_no_made_up_address(demo_site, client):
    """Every live page of the demo, and every link and media source on it: none points to an
    address that was made up (example hosts, 000000 ids, search results as a recording)."""
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    crawled, links = 0, set()
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        soup = BeautifulSoup(response.content, "html.parser")
        for tag in soup.select("[href], [src]"):
            links.add(tag.get("href") or tag.get("src"))
        crawled += 1
    assert crawled > 50
    made_up = sorted(link for link in links if MADE_UP_ADDRESS.search(link))
    assert made_up == []


def test_the_demo_recording_is_a_real_file_with_captions_and_transcript(demo_site, client):
    html = client.get("/gallery/nocturne-for-two-pagers/").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    source = soup.select_one("video.media-upload__player source")["src"]
    track = soup.select_one("video.media-upload__player track")["src"]

    media = get_media_model().objects.get(file=source.removeprefix(settings.MEDIA_URL))
    with media.file.open("rb") as recording:
        assert recording.read(4) == b"RIFF"
    captions = client.get(track).content.decode()
    assert captions.startswith("WEBVTT")
    assert "[Two high notes repeat at uneven intervals, like pagers going off]" in captions
    assert "twelve-second sketch was synthesized" in soup.select_one(".transcript").get_text()
