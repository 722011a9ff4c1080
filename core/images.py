"""Images safe to publish: real type by content, bounded size, no SVG, no metadata.

Every image the public or an editor uploads goes through :func:`sanitize_image`, which
refuses what it cannot vouch for with a message a person can act on, and re-encodes the
rest without EXIF, GPS, XMP or comments, so neither the stored original nor any rendition
made from it can leak where or when a photograph was taken.
"""

import io
import os
import uuid
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

# Pillow format name -> stored extension
ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp", "AVIF": "avif"}
# Image properties worth keeping: they change how the picture looks, say nothing about who
# took it. Everything else (exif, xmp, comments, text chunks) is dropped.
KEPT_INFO = ("icc_profile", "transparency", "duration", "loop", "background")
SVG_MARKERS = (b"<svg", b"<?xml", b"<!doctype svg")
TYPE_HELP = "Upload a JPEG, PNG, GIF, WebP or AVIF image."


def max_upload_bytes():
    return getattr(settings, "WAGTAILIMAGES_MAX_UPLOAD_SIZE", 10 * 1024 * 1024)


def max_pixels():
    return getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", 40_000_000)


def _looks_like_svg(name, head):
    if os.path.splitext(name or "")[1].lower() in {".svg", ".svgz"}:
        return True
    sniff = head.lstrip().lower()
    return any(sniff.startswith(marker) for marker in SVG_MARKERS) or b"<svg" in sniff[:1024]


def _read(uploaded):
    if hasattr(uploaded, "seek"):
        uploaded.seek(0)
    data = uploaded.read()
    if hasattr(uploaded, "seek"):
        uploaded.seek(0)
    return data


def sanitize_image(uploaded):
    """A ContentFile holding a clean re-encoding of ``uploaded``, or a ValidationError."""
    name = getattr(uploaded, "name", "") or "image"
    size = getattr(uploaded, "size", None)
    limit = max_upload_bytes()
    if size is not None and size > limit:
        raise ValidationError(
            f"This file is {filesizeformat(size)}; images can be at most {filesizeformat(limit)}.",
            code="file_too_large",
        )
    data = _read(uploaded)
    if len(data) > limit:
        raise ValidationError(
            f"This file is {filesizeformat(len(data))}; images can be at most "
            f"{filesizeformat(limit)}.",
            code="file_too_large",
        )
    if not data:
        raise ValidationError("This file is empty.", code="empty")
    if _looks_like_svg(name, data[:2048]):
        raise ValidationError(
            f"SVG images cannot be accepted because they can carry scripts. {TYPE_HELP}",
            code="svg",
        )
    pixel_limit = max_pixels()
    too_many_pixels = ValidationError(
        f"This image has too many pixels to process safely; the limit is "
        f"{pixel_limit / 1_000_000:g} megapixels. Resize it and try again.",
        code="too_many_pixels",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as probe:
                image_format = probe.format
                width, height = probe.size
                if image_format not in ALLOWED_FORMATS:
                    raise ValidationError(
                        f"This is a {image_format or 'unknown'} file. {TYPE_HELP}",
                        code="invalid_type",
                    )
                if width * height > pixel_limit:
                    raise too_many_pixels
                probe.verify()
            with Image.open(io.BytesIO(data)) as image:
                content = _reencode(image, image_format, pixel_limit)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise too_many_pixels from None
        except UnidentifiedImageError:
            raise ValidationError(
                f"This file is not an image we can read, whatever its name says. {TYPE_HELP}",
                code="invalid_image",
            ) from None
        except (OSError, SyntaxError, ValueError, EOFError):
            raise ValidationError(
                "This image file is damaged or incomplete; save it again and retry.",
                code="broken_image",
            ) from None
    # A new name: the uploader's file name (often theirs, or a patient's) is never kept.
    return ContentFile(content, name=f"{uuid.uuid4().hex}.{ALLOWED_FORMATS[image_format]}")


def _clean_copy(frame):
    kept = {key: frame.info[key] for key in KEPT_INFO if key in frame.info}
    clean = frame.copy()
    clean.info = kept
    return clean


# An animation's frames together, at most (a few seconds of a small animated GIF).
ANIMATION_PIXELS = 10_000_000


def _frames_within(image, pixel_limit):
    """The frames of an animation, read one at a time and refused as soon as together they
    hold more pixels than one image may: a small file of many large frames (a GIF of four
    hundred 1000×1000 frames is 17 KB) would otherwise fill the memory of the worker."""
    frames, pixels = [], 0
    for frame in ImageSequence.Iterator(image):
        pixels += frame.width * frame.height
        if pixels > min(pixel_limit, ANIMATION_PIXELS):
            raise ValidationError(
                "This animation has too many frames, or frames too large, to process safely. "
                "Upload a shorter or smaller animation, or a still image.",
                code="animation_too_large",
            )
        frames.append(_clean_copy(frame))
    return frames


def _reencode(image, image_format, pixel_limit):
    """The image encoded again in its own format, oriented, without metadata."""
    output = io.BytesIO()
    if getattr(image, "is_animated", False) and image_format in {"GIF", "WEBP"}:
        frames = _frames_within(image, pixel_limit)
        first = frames[0]
        first.save(
            output,
            format=image_format,
            save_all=True,
            append_images=frames[1:],
            **{key: first.info[key] for key in ("duration", "loop") if key in first.info},
        )
        return output.getvalue()
    image.load()
    # Apply the camera's orientation before its EXIF (which records it) is dropped.
    oriented = ImageOps.exif_transpose(image) or image
    clean = _clean_copy(oriented)
    options = {}
    if "icc_profile" in clean.info:
        options["icc_profile"] = clean.info["icc_profile"]
    if image_format == "JPEG":
        if clean.mode not in {"RGB", "L", "CMYK"}:
            clean = clean.convert("RGB")
        options.update(quality=90, optimize=True)
    elif image_format == "PNG":
        options["optimize"] = True
        if "transparency" in clean.info:
            options["transparency"] = clean.info["transparency"]
    elif image_format == "WEBP":
        options["quality"] = 90
    elif image_format == "AVIF":
        options["quality"] = 80
    clean.save(output, format=image_format, **options)
    return output.getvalue()
