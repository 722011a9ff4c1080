from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = "People and organizations"
