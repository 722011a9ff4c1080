"""The gallery in a real browser: filtering, reading works, keyboard navigation, axe."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Site

from gallery.models import GallerySettings, Medium
from tests.browser.conftest import assert_accessible
from tests.gallery.factories import (
    ArtworkPageFactory,
    GalleryIndexPageFactory,
    MediumFactory,
    ThemeFactory,
    add_image,
    small_image,
)


@pytest.fixture
def gallery_url(site_url):
    home = Site.objects.get(is_default_site=True).root_page
    gallery = GalleryIndexPageFactory(parent=home)
    painting = MediumFactory(name="Visual art", slug="visual-art")
    poetry = MediumFactory(name="Poetry", slug="poetry", kind=Medium.KIND_TEXT)
    video = MediumFactory(name="Video", slug="video", kind=Medium.KIND_RECORDING)
    burnout = ThemeFactory(name="Burnout", slug="burnout")
    first = ArtworkPageFactory(
        parent=gallery, title="Night Shift", slug="night-shift", medium=painting
    )
    add_image(first, small_image("Night", color=(20, 40, 90)), "Deep blue bands crossed by amber.")
    poem = ArtworkPageFactory(
        parent=gallery,
        title="Handover",
        slug="handover",
        medium=poetry,
        written_work="I give you the list,\nthe allergies, the pending labs.",
        statement="Handover is twelve minutes long.",
    )
    poem.themes.set([burnout])
    poem.save()
    ArtworkPageFactory(
        parent=gallery,
        title="Rounds",
        slug="rounds",
        medium=video,
        content_warning="grief",
        recording=[
            (
                "recording",
                {
                    "url": "https://vimeo.com/000000001",
                    "title": "Rounds",
                    "captions": "",
                    "transcript": "The team stands in a circle and names one good thing.",
                },
            )
        ],
    )
    return site_url + gallery.url


def test_filter_the_gallery_and_read_a_poem(page, gallery_url):
    page.goto(gallery_url)
    assert (
        page.get_by_role("heading", level=1).inner_text() == "Expressions of Clinician Well-Being"
    )
    assert_accessible(page)

    page.get_by_label("Medium").select_option("poetry")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**medium=poetry**")
    cards = page.locator(".art-grid .card__title")
    assert cards.all_inner_texts() == ["Handover"]
    assert page.locator(".listing-count").inner_text().startswith("1 artwork matches")
    assert_accessible(page)

    cards.first.get_by_role("link").click()
    page.wait_for_url("**/handover/")
    assert "the allergies, the pending labs." in page.locator(".artwork__text").inner_text()
    assert page.get_by_role("heading", name="Artist statement").is_visible()
    assert_accessible(page)


def test_video_work_shows_its_warning_then_transcript(page, gallery_url):
    page.goto(gallery_url + "rounds/")
    warning = page.locator("details.content-warning > summary")
    assert "Content warning: grief." in warning.inner_text()
    assert not page.locator(".media-embed").is_visible()
    warning.focus()
    page.keyboard.press("Enter")
    assert page.locator(".media-embed__fallback").is_visible()
    transcript = page.locator(".media-embed details.transcript")
    transcript.locator("summary").click()
    assert page.get_by_text("The team stands in a circle and names one good thing.").is_visible()
    assert_accessible(page)


def tab_to(page, selector, limit=80):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"Keyboard focus never reached {selector}")


def test_keyboard_only_previous_and_next(page, gallery_url):
    page.goto(gallery_url + "night-shift/")
    assert_accessible(page)
    tab_to(page, "a[rel=next]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/handover/")
    tab_to(page, "a[rel=next]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/rounds/")
    assert page.locator("a[rel=next]").count() == 0
    tab_to(page, "a[rel=prev]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/handover/")
    assert page.get_by_role("heading", level=1).inner_text() == "Handover"


def test_hosting_form_errors_are_announced_and_accessible(page, gallery_url):
    page.goto(gallery_url + "host/")
    assert_accessible(page)
    page.get_by_label("Organization").fill("Lakeside Hospital")
    page.get_by_role("button", name="Send the request").click()
    alert = page.get_by_role("alert")
    assert "Please correct the fields marked below." in alert.inner_text()
    email = page.get_by_label("Email address")
    assert email.get_attribute("aria-invalid") == "true"
    assert "id_email_errors" in email.get_attribute("aria-describedby")
    assert page.get_by_label("Organization").input_value() == "Lakeside Hospital"
    assert_accessible(page)


def test_open_call_form_is_accessible(page, gallery_url):
    settings = GallerySettings.for_site(Site.objects.get(is_default_site=True))
    today = timezone.localdate()
    settings.call_opens = today - datetime.timedelta(days=1)
    settings.call_closes = today + datetime.timedelta(days=1)
    settings.save()
    page.goto(gallery_url + "submit/")
    assert page.get_by_label("Title of the work").is_visible()
    assert_accessible(page)


def test_the_uploaded_recording_plays_with_its_captions(page, site_url):
    from tests.gallery.test_recordings import make_music_work, uploaded_recording

    home = Site.objects.get(is_default_site=True).root_page
    gallery = GalleryIndexPageFactory(parent=home)
    captions = (
        "WEBVTT\n\n00:00:00.000 --> 00:00:04.000\n[Two high notes repeat at uneven intervals]\n\n"
        "00:00:04.000 --> 00:00:08.000\n[A slow melody begins beneath them]\n"
    )
    work = make_music_work(gallery, uploaded_recording(), captions=captions)

    page.goto(site_url + work.url)
    player = page.locator("video.media-upload__player")
    assert player.is_visible()
    page.wait_for_function(
        "() => { const v = document.querySelector('video.media-upload__player');"
        " return v.readyState >= 1 && v.textTracks.length"
        " && v.textTracks[0].cues && v.textTracks[0].cues.length > 0; }",
        timeout=15000,
    )
    state = page.evaluate(
        """async () => {
            const video = document.querySelector('video.media-upload__player');
            video.muted = true;
            await video.play();
            await new Promise((done) => setTimeout(done, 600));
            const track = video.textTracks[0];
            return {
                playing: !video.paused && video.currentTime > 0,
                duration: video.duration,
                mode: track.mode,
                active: Array.from(track.activeCues || []).map((cue) => cue.text),
            };
        }"""
    )
    assert state["playing"], state
    assert 11 < state["duration"] < 13
    assert state["mode"] == "showing"  # the <track default> is shown in the player
    assert state["active"] == ["[Two high notes repeat at uneven intervals]"]
    assert "Two high notes open the piece." in page.locator(".transcript").inner_text()
