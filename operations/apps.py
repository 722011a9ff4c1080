from django.apps import AppConfig


class OperationsConfig(AppConfig):
    name = "operations"
    verbose_name = "Operations"

    def ready(self):
        from operations import mail  # noqa: F401  (queued email delivered after each commit)
