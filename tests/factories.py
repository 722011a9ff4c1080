"""Factories shared by every app's tests. App-specific factories live beside their tests."""

import factory
import wagtail_factories
from wagtail.models import Collection, Locale, Page, Site

from core.models import StandardPage
from home.models import HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"
    slug = "home"
    hero_heading = "Clinician well-being is essential for safe, high-quality patient care"

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    introduction = "A short introduction."

    class Meta:
        model = StandardPage


ImageFactory = wagtail_factories.ImageFactory
DocumentFactory = wagtail_factories.DocumentFactory


def make_home_page():
    """A HomePage as the default site's root, replacing Wagtail's placeholder page."""
    # Transactional tests flush the rows Wagtail's migrations made: put them back.
    Locale.objects.get_or_create(language_code="en")
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(title="Root", slug="root")
        # The editorial roles hang off the root page: give the new root its permissions.
        from editorial.roles import ensure_editorial_setup

        ensure_editorial_setup()
    for placeholder in Page.objects.child_of(root):
        placeholder.delete()
    home = HomePageFactory(parent=root)
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return home


def publish(page):
    """Publish the page's latest state (factories create pages live, this re-publishes edits)."""
    page.save_revision().publish()
    return page
