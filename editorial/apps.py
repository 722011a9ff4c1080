from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = "Editorial workflow"

    def ready(self):
        from editorial import roles  # noqa: F401  (groups and workflows after every migrate)
