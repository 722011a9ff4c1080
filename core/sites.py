"""The default Site record follows ``SITE_URL``: every absolute link Wagtail builds (feeds,
calendars, the sitemap, the API, emails) starts with the site's real public address."""

from urllib.parse import urlsplit

from django.conf import settings


def site_address():
    """(hostname, port) of ``SITE_URL``."""
    parts = urlsplit(settings.SITE_URL)
    return parts.hostname or "localhost", parts.port or (443 if parts.scheme == "https" else 80)


def apply_site_url(sender, using="default", **kwargs):
    """After every ``migrate``: the default Site answers at ``SITE_URL``."""
    if sender.name != "core":
        return
    from wagtail.models import Site

    hostname, port = site_address()
    Site.objects.using(using).filter(is_default_site=True).exclude(
        hostname=hostname, port=port
    ).update(hostname=hostname, port=port)
