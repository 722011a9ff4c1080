from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and shared site parts"

    def ready(self):
        from home import caching
        from home import editorial  # noqa: F401  (review task, workflow emails, role setup)

        caching.connect()
