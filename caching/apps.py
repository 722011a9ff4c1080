from django.apps import AppConfig


class CachingConfig(AppConfig):
    name = "caching"
    verbose_name = "Page cache"

    def ready(self):
        from caching import invalidation, renditions

        invalidation.connect()
        renditions.connect()
