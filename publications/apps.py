from django.apps import AppConfig


class PublicationsConfig(AppConfig):
    name = "publications"
    verbose_name = "Publications"

    def ready(self):
        from publications import signals  # noqa: F401  (PDF text follows its document)
