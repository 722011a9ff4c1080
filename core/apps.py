from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Pages and site settings"

    def ready(self):
        from core.sites import apply_site_url

        post_migrate.connect(apply_site_url, dispatch_uid="core-apply-site-url")
