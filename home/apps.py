from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and shared site parts"

    def ready(self):
        from home import (
            caching,
            editorial,  # noqa: F401  (review task, workflow emails, role setup)
            renditions,
        )

        caching.connect()
        renditions.connect()
