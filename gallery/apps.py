from django.apps import AppConfig


class GalleryConfig(AppConfig):
    name = "gallery"
    verbose_name = "Gallery"

    def ready(self):
        from gallery import review  # noqa: F401  (the panel's workflow on every gallery)
