"""Uploaded recordings (wagtailmedia): played by the browser, with WebVTT captions served
by the page and the transcript on it."""

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from wagtailmedia import get_media_model

from demo.builder import write_nocturne
from gallery.models import Medium
from tests.gallery.factories import ArtworkPageFactory, MediumFactory

pytestmark = pytest.mark.django_db

CAPTIONS = "WEBVTT\n\n00:00:00.000 --> 00:00:04.000\n[Two high notes repeat]\n"


def uploaded_recording(title="Nocturne"):
    media = get_media_model()(title=title, type="audio", duration=12)
    media.file.save("nocturne.wav", ContentFile(write_nocturne()), save=False)
    media.save()
    return media


def make_music_work(gallery, media, captions=CAPTIONS):
    music = MediumFactory(name="Music", slug="music", kind=Medium.KIND_RECORDING)
    return ArtworkPageFactory(
        parent=gallery,
        title="Nocturne",
        slug="nocturne",
        medium=music,
        recording=[
            (
                "uploaded",
                {
                    "media": media,
                    "title": "Nocturne",
                    "captions": captions,
                    "transcript": "Two high notes open the piece.",
                },
            )
        ],
    )


def test_uploaded_recording_plays_in_the_page_with_captions_and_transcript(client, gallery):
    media = uploaded_recording()
    work = make_music_work(gallery, media)

    page = BeautifulSoup(client.get(work.url).content, "html.parser")
    player = page.select_one("video.media-upload__player")
    assert player.select_one("source")["src"] == media.url
    assert player.select_one("source")["type"] in {"audio/x-wav", "audio/wav"}
    track = player.select_one("track[kind=captions]")
    assert track["src"] == f"{work.url}captions/{media.pk}/"
    assert "Two high notes open the piece." in page.select_one(".transcript").get_text()

    captions = client.get(track["src"])
    assert captions.status_code == 200
    assert captions["Content-Type"] == "text/vtt; charset=utf-8"
    assert "[Two high notes repeat]" in captions.content.decode()


def test_captions_of_another_recording_are_not_found(client, gallery):
    work = make_music_work(gallery, uploaded_recording())
    assert client.get(f"{work.url}captions/99999/").status_code == 404
    assert client.get(f"{work.url}captions/abc/").status_code == 404


def test_a_recording_work_without_a_recording_says_so(client, gallery):
    video = MediumFactory(name="Video", slug="video", kind=Medium.KIND_RECORDING)
    work = ArtworkPageFactory(parent=gallery, title="Rounds", slug="rounds", medium=video)

    html = client.get(work.url).content.decode()
    assert "No recording of this work is available on this site." in html


def test_captions_must_be_webvtt():
    from django.core.exceptions import ValidationError

    from core.blocks import UploadedMediaBlock

    block = UploadedMediaBlock()
    value = block.to_python(
        {"media": uploaded_recording().pk, "title": "x", "captions": "hello", "transcript": ""}
    )
    with pytest.raises(ValidationError):
        block.clean(value)
