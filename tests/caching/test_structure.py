"""What every page shows of the site's structure is fresh on the next request after every
change that could alter it, with the page cache on: a site, a title on the breadcrumb
trail, a new private section."""

import pytest
from wagtail.models import PageViewRestriction, Site

from tests.factories import HomePageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(home_page):
    about = StandardPageFactory(parent=home_page, title="About", slug="about")
    StandardPageFactory(parent=about, title="Phase III", slug="phase-3")
    return about


def crumbs(client, url):
    html = client.get(url).content.decode()
    return html[html.index('aria-label="Breadcrumb"') :].split("</nav>")[0]


def test_an_ancestor_renamed_shows_in_the_breadcrumbs_at_once(client, section):
    assert ">About</a>" in crumbs(client, "/about/phase-3/")

    section.title = "About the Collaborative"
    section.save_revision().publish()

    assert ">About the Collaborative</a>" in crumbs(client, "/about/phase-3/")


def test_a_page_made_private_asks_for_a_sign_in_on_the_next_request(client, section):
    child = section.get_children().get()
    assert client.get("/about/phase-3/").status_code == 200

    PageViewRestriction.objects.create(page=child, restriction_type=PageViewRestriction.LOGIN)

    assert client.get("/about/phase-3/").status_code == 302
    assert "Phase III" not in client.get("/about/").content.decode()


def test_a_site_given_another_root_page_serves_it_on_the_next_request(client, home_page):
    other_root = HomePageFactory(
        parent=home_page.get_parent(), slug="second-home", hero_heading="A second home"
    )
    other_root.save_revision().publish()
    assert "A second home" not in client.get("/").content.decode()

    site = Site.objects.get(is_default_site=True)
    site.root_page = other_root
    site.save()

    assert "A second home" in client.get("/").content.decode()
