from django.apps import AppConfig
from django.conf import settings

SAFE_IMAGE_FORM = "gallery.images.SafeImageForm"


class GalleryConfig(AppConfig):
    name = "gallery"
    verbose_name = "Gallery"

    def ready(self):
        from gallery import signals  # noqa: F401

        # Every admin image upload (not only the gallery's) is checked and stripped of
        # metadata. A project that sets its own base form keeps it.
        if not getattr(settings, "WAGTAILIMAGES_IMAGE_FORM_BASE", ""):
            settings.WAGTAILIMAGES_IMAGE_FORM_BASE = SAFE_IMAGE_FORM
