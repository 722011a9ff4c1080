"""Every absolute address the site builds starts with SITE_URL, the one public address."""

import pytest
from django.apps import apps
from wagtail.models import Site

from core.sites import apply_site_url
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_the_default_site_follows_site_url_after_a_migrate(client, home_page, settings):
    StandardPageFactory(parent=home_page, title="About", slug="about")
    settings.SITE_URL = "https://clinicianwellbeing.example.org"

    apply_site_url(sender=apps.get_app_config("core"))

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("clinicianwellbeing.example.org", 443)
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "<loc>https://clinicianwellbeing.example.org/about/</loc>" in sitemap
    assert "localhost" not in sitemap and "127.0.0.1" not in sitemap


def test_a_site_url_with_a_port_keeps_it(home_page, settings):
    settings.SITE_URL = "http://127.0.0.1:8000"
    apply_site_url(sender=apps.get_app_config("core"))
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("127.0.0.1", 8000, "http://127.0.0.1:8000")
