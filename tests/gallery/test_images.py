"""Uploaded images are checked by content and stored without EXIF or GPS metadata."""

import io

import pytest
from django.core.exceptions import ValidationError
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form

from core.images import sanitize_image
from tests.gallery.factories import image_bytes, jpeg_with_gps, upload

pytestmark = pytest.mark.django_db


def reopened(content):
    return PILImage.open(io.BytesIO(content))


def assert_no_metadata(image):
    exif = image.getexif()
    assert len(exif) == 0, dict(exif)
    assert not exif.get_ifd(0x8825), "GPS data survived"
    assert "exif" not in image.info
    assert "xmp" not in image.info and "XML:com.adobe.xmp" not in image.info


def test_sample_jpeg_really_carries_gps():
    image = reopened(jpeg_with_gps())
    assert image.getexif().get_ifd(0x8825)[1] == "N"


def test_gps_and_camera_exif_are_stripped_from_a_jpeg():
    cleaned = sanitize_image(upload("holiday.jpg", jpeg_with_gps()))
    image = reopened(cleaned.read())
    assert image.format == "JPEG"
    assert image.size == (120, 90)
    assert_no_metadata(image)
    assert cleaned.name.endswith(".jpg") and "holiday" not in cleaned.name  # a new name


def test_exif_orientation_is_applied_before_it_is_dropped():
    exif = PILImage.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to display
    content = image_bytes("JPEG", size=(80, 40), exif=exif.tobytes())
    image = reopened(sanitize_image(upload("turned.jpg", content)).read())
    assert image.size == (40, 80)
    assert_no_metadata(image)


@pytest.mark.parametrize("image_format", ["PNG", "WEBP", "GIF"])
def test_other_formats_keep_their_type_and_lose_their_metadata(image_format):
    exif = PILImage.Exif()
    exif[0x010F] = "PhoneMaker"
    content = image_bytes(image_format, exif=exif.tobytes())
    cleaned = sanitize_image(upload(f"work.{image_format.lower()}", content))
    image = reopened(cleaned.read())
    assert image.format == image_format
    assert_no_metadata(image)


def test_animated_gif_keeps_its_frames():
    frames = [PILImage.new("RGB", (20, 20), color) for color in ("red", "green", "blue")]
    output = io.BytesIO()
    frames[0].save(output, format="GIF", save_all=True, append_images=frames[1:], duration=100)
    cleaned = reopened(sanitize_image(upload("loop.gif", output.getvalue())).read())
    assert cleaned.n_frames == 3


def test_decompression_bomb_is_refused_with_a_clear_message(settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 10_000
    content = image_bytes("PNG", size=(200, 200))
    with pytest.raises(ValidationError) as refused:
        sanitize_image(upload("huge.png", content, "image/png"))
    assert "too many pixels" in refused.value.messages[0]
    assert refused.value.code == "too_many_pixels"


def test_pillow_decompression_bomb_error_becomes_a_message(monkeypatch):
    # A header claiming more pixels than Pillow will ever decode.
    monkeypatch.setattr(PILImage, "MAX_IMAGE_PIXELS", 1000)
    content = image_bytes("PNG", size=(100, 100))
    with pytest.raises(ValidationError) as refused:
        sanitize_image(upload("bomb.png", content, "image/png"))
    assert "too many pixels" in refused.value.messages[0]


def test_svg_is_refused_by_name():
    with pytest.raises(ValidationError) as refused:
        sanitize_image(upload("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>"))
    assert "SVG images cannot be accepted" in refused.value.messages[0]


def test_svg_renamed_png_is_refused_by_content():
    svg = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>'
    with pytest.raises(ValidationError) as refused:
        sanitize_image(upload("innocent.png", svg, "image/png"))
    assert refused.value.code == "svg"


def test_html_renamed_png_is_refused():
    html = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
    with pytest.raises(ValidationError) as refused:
        sanitize_image(upload("photo.png", html, "image/png"))
    assert "not an image we can read" in refused.value.messages[0]


def test_unsupported_image_type_is_refused():
    content = image_bytes("BMP")
    with pytest.raises(ValidationError) as refused:
        sanitize_image(upload("scan.bmp", content, "image/bmp"))
    assert "This is a BMP file" in refused.value.messages[0]


def test_truncated_image_is_refused():
    content = image_bytes("PNG", size=(300, 300))[:200]
    with pytest.raises(ValidationError) as refused:
        sanitize_image(upload("cut.png", content, "image/png"))
    assert refused.value.code in {"broken_image", "invalid_image"}


def test_oversized_file_is_refused_before_it_is_read(settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100
    with pytest.raises(ValidationError) as refused:
        sanitize_image(upload("big.jpg", jpeg_with_gps()))
    assert "images can be at most 100" in refused.value.messages[0]


# The admin's image forms use the same checks -------------------------------------------


def admin_image_form(name, content, content_type="image/jpeg"):
    Image = get_image_model()
    form_class = get_image_form(Image)
    return form_class(
        data={"title": "Upload"},
        files={"file": upload(name, content, content_type)},
        instance=Image(),
        user=None,
    )


def test_admin_image_form_uses_the_safe_base_form():
    from core.uploads import SafeImageForm

    assert issubclass(get_image_form(get_image_model()), SafeImageForm)


def test_admin_upload_stores_an_original_without_gps():
    form = admin_image_form("phone.jpg", jpeg_with_gps())
    assert form.is_valid(), form.errors
    image = form.save()
    with image.file.open("rb") as stored:
        assert_no_metadata(reopened(stored.read()))
    assert (image.width, image.height) == (120, 90)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("photo.png", b"<html><body>hi</body></html>"),
        ("fake.jpg", b"<svg xmlns='http://www.w3.org/2000/svg'></svg>"),
    ],
)
def test_admin_upload_refuses_disguised_files_with_a_message(name, content):
    # Wagtail's own field catches these first; either message names the problem.
    form = admin_image_form(name, content)
    assert not form.is_valid()
    message = " ".join(form.errors["file"])
    assert "Not a valid" in message or "not an image we can read" in message or "SVG" in message
    assert not get_image_model().objects.exists()


def test_admin_upload_of_a_bomb_is_a_form_error(settings, monkeypatch):
    monkeypatch.setattr(PILImage, "MAX_IMAGE_PIXELS", 1000)
    form = admin_image_form("bomb.png", image_bytes("PNG", size=(100, 100)), "image/png")
    assert not form.is_valid()
    assert form.errors["file"]


def test_renditions_in_every_format_carry_no_metadata():
    form = admin_image_form("phone.jpg", jpeg_with_gps())
    assert form.is_valid(), form.errors
    image = form.save()
    for spec in (
        "width-60|format-jpeg",
        "width-60|format-webp",
        "width-60|format-avif",
        "fill-40x30",
    ):
        rendition = image.get_rendition(spec)
        with rendition.file.open("rb") as stored:
            assert_no_metadata(reopened(stored.read()))
