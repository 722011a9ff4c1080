import io

import factory
import wagtail_factories
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

from gallery.models import (
    Artist,
    ArtworkImage,
    ArtworkPage,
    GalleryIndexPage,
    HostingRequest,
    Medium,
    Theme,
    TourStop,
)


class MediumFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Medium {n}")
    slug = factory.Sequence(lambda n: f"medium-{n}")
    kind = Medium.KIND_IMAGES

    class Meta:
        model = Medium
        django_get_or_create = ("slug",)


class ThemeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")

    class Meta:
        model = Theme
        django_get_or_create = ("slug",)


class ArtistFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Artist {n}")
    profession = "Nurse"
    place = "Denver, Colorado"

    class Meta:
        model = Artist


class GalleryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Expressions of Clinician Well-Being"
    slug = "gallery"
    introduction = "<p>Art about burnout, well-being and resilience.</p>"

    class Meta:
        model = GalleryIndexPage


class ArtworkPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Artwork {n}")
    artist = factory.SubFactory(ArtistFactory)
    medium = factory.SubFactory(MediumFactory)
    year = 2019

    class Meta:
        model = ArtworkPage


def small_image(title="Test image", *, color=(200, 80, 40), size=(64, 48)):
    """A real, tiny image in Wagtail's library (renditions stay cheap)."""
    return wagtail_factories.ImageFactory(
        title=title,
        file__width=size[0],
        file__height=size[1],
        file__color=color,
    )


def add_image(artwork, image=None, alt_text="Strokes of orange on a dark ground."):
    return ArtworkImage.objects.create(
        page=artwork, image=image or small_image(), alt_text=alt_text, sort_order=0
    )


class TourStopFactory(factory.django.DjangoModelFactory):
    host_organization = factory.Sequence(lambda n: f"Host organization {n}")
    city = "Washington, DC"
    venue = "Keck Center"
    live = True

    class Meta:
        model = TourStop


class HostingRequestFactory(factory.django.DjangoModelFactory):
    organization = factory.Sequence(lambda n: f"Hospital {n}")
    contact_name = "Dana Ortiz"
    email = "dana@example.org"
    city = "Omaha, Nebraska"
    venue = "Main atrium"
    audience = "Residents and nurses at grand rounds, about 200 people."

    class Meta:
        model = HostingRequest


def image_bytes(format="JPEG", size=(40, 30), color=(10, 120, 200), **save_options):
    output = io.BytesIO()
    PILImage.new("RGB", size, color).save(output, format=format, **save_options)
    return output.getvalue()


def jpeg_with_gps():
    """A JPEG whose EXIF says where and with what it was taken."""
    exif = PILImage.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "Phone 12"  # Model
    exif[0x0132] = "2024:05:01 10:00:00"  # DateTime
    gps = {1: "N", 2: (38.0, 53.0, 51.0), 3: "W", 4: (77.0, 2.0, 11.0)}
    exif[0x8825] = gps
    return image_bytes("JPEG", size=(120, 90), exif=exif.tobytes())


def upload(name, content, content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)
