"""The page cache: fast for anonymous visitors, never stale, never shared wrongly."""

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from caching.pages import storable
from core.models import SiteSettings
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def section(home_page):
    about = StandardPageFactory(parent=home_page, title="About", slug="about", show_in_menus=True)
    StandardPageFactory(parent=about, title="Phase III", slug="phase-3", show_in_menus=True)
    return about


def test_second_anonymous_request_is_served_from_cache_without_queries(client, section):
    first = client.get("/about/")
    assert first["X-Page-Cache"] == "miss"
    assert "public" in first["Cache-Control"] and "s-maxage=600" in first["Cache-Control"]

    with CaptureQueriesContext(connection) as queries:
        second = client.get("/about/")

    assert second["X-Page-Cache"] == "hit"
    assert len(queries) == 0
    assert second.content == first.content


def test_signed_in_editors_never_get_the_shared_copy(client, admin_client, section):
    client.get("/about/")
    response = admin_client.get("/about/")
    assert "X-Page-Cache" not in response
    assert "no-store" in response["Cache-Control"]


def test_publishing_a_child_refreshes_the_page_its_listing_and_home(client, home_page, section):
    child = section.get_children().get().specific
    for url in ["/about/phase-3/", "/about/", "/"]:
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit"

    child.title = "Phase III: a national strategy"
    child.save_revision().publish()

    for url in ["/about/phase-3/", "/about/", "/"]:
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss", url
    assert "Phase III: a national strategy" in client.get("/about/").content.decode()


def test_unrelated_pages_stay_cached_when_another_is_published(client, home_page, section):
    other = StandardPageFactory(parent=home_page, title="Knowledge hub", slug="hub")
    client.get("/hub/")
    child = section.get_children().get().specific
    child.save_revision().publish()
    assert client.get("/hub/")["X-Page-Cache"] == "hit"
    other.unpublish()
    assert client.get("/hub/").status_code == 404


def test_a_change_shown_on_many_pages_renews_one_generation_for_all(
    client, home_page, section, monkeypatch
):
    """Publishing the home page shows in every page's breadcrumbs: past MANY_PAGES pages,
    the site's generation is renewed rather than one per page (a key written each)."""
    from caching import invalidation

    monkeypatch.setattr(invalidation, "MANY_PAGES", 2)
    StandardPageFactory(parent=home_page, title="Knowledge hub", slug="hub")
    urls = ["/about/phase-3/", "/hub/", "/"]
    for url in urls:
        client.get(url)
    renewed = []
    real = invalidation.new_generations

    def new_generations(page_ids, site):
        renewed.append((set(page_ids), site))
        real(page_ids, site=site)

    monkeypatch.setattr(invalidation, "new_generations", new_generations)
    home_page.title = "Clinician well-being"
    home_page.save_revision().publish()

    assert (set(), True) in renewed
    assert all(len(page_ids) <= 2 for page_ids, _site in renewed)
    for url in urls:
        assert client.get(url)["X-Page-Cache"] == "miss", url


def test_unpublishing_removes_the_page_at_once(client, section):
    child = section.get_children().get().specific
    client.get("/about/phase-3/")
    child.unpublish()
    assert client.get("/about/phase-3/").status_code == 404
    assert "Phase III" not in client.get("/about/").content.decode()


def test_making_a_page_private_stops_its_cached_copy_and_its_listing_at_once(
    client, home_page, section
):
    child = section.get_children().get()
    for url in ["/about/phase-3/", "/about/", "/about/phase-3/", "/about/"]:
        client.get(url)
    assert client.get("/about/phase-3/")["X-Page-Cache"] == "hit"
    assert "Phase III" in client.get("/about/").content.decode()

    restriction = PageViewRestriction.objects.create(
        page=child, restriction_type=PageViewRestriction.LOGIN
    )

    assert client.get("/about/phase-3/").status_code == 302  # to the sign-in page
    listing = client.get("/about/")
    assert listing["X-Page-Cache"] == "miss"
    assert "Phase III" not in listing.content.decode()

    restriction.delete()
    assert client.get("/about/phase-3/").status_code == 200
    assert "Phase III" in client.get("/about/").content.decode()


def test_changing_site_settings_refreshes_every_page(client, home_page, section):
    client.get("/about/")
    site_settings = SiteSettings.for_site(home_page.get_site())
    site_settings.crisis_line_message = "Call or text 988, any time."
    site_settings.save()
    response = client.get("/about/")
    assert response["X-Page-Cache"] == "miss"
    assert "Call or text 988, any time." in response.content.decode()


def test_responses_carrying_a_csrf_token_or_cookie_are_never_stored():
    request = RequestFactory().get("/form/")
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    assert not storable(request, HttpResponse("form"))
    plain = RequestFactory().get("/page/")
    assert storable(plain, HttpResponse("page"))
    with_cookie = HttpResponse("page")
    with_cookie.set_cookie("x", "1")
    assert not storable(plain, with_cookie)
    private = HttpResponse("page", headers={"Cache-Control": "private, no-store"})
    assert not storable(plain, private)


def test_made_up_and_tracking_parameters_are_answered_from_the_plain_copy(client, section):
    import secrets

    plain = client.get("/about/")
    assert plain["X-Page-Cache"] == "miss"
    for _ in range(20):
        junk = {secrets.token_hex(4): secrets.token_hex(8), "utm_source": secrets.token_hex(3)}
        response = client.get("/about/", junk)
        assert response["X-Page-Cache"] == "hit", junk  # no copy of its own
        assert response.content == plain.content


def test_the_parameters_a_listing_reads_are_cached_separately(client, home_page):
    from tests.publications.factories import (
        PublicationIndexPageFactory,
        TopicFactory,
        make_publication,
    )

    library = PublicationIndexPageFactory(parent=home_page)
    burnout, nurses = TopicFactory(slug="burnout"), TopicFactory(slug="nurses")
    make_publication(library, title="On burnout", topics=[burnout])
    make_publication(library, title="On nursing", topics=[nurses])

    first = client.get(library.url, {"topic": "burnout", "utm_campaign": "newsletter"})
    assert first["X-Page-Cache"] == "miss"
    assert client.get(library.url, {"topic": "burnout"})["X-Page-Cache"] == "hit"
    other = client.get(library.url, {"topic": "nurses", "fbclid": "abc"})
    assert other["X-Page-Cache"] == "miss"
    assert "On nursing" in other.content.decode() and "On burnout" not in other.content.decode()
    assert client.get(library.url, {"made": "up", "topic": "nurses"})["X-Page-Cache"] == "hit"


def test_an_evicted_generation_never_brings_back_an_old_copy(client, section):
    from django.core.cache import cache

    from caching.pages import GENERATION_KEY

    client.get("/about/")
    assert client.get("/about/")["X-Page-Cache"] == "hit"
    cache.delete(GENERATION_KEY.format(page_id=section.pk))  # as an LRU eviction would
    assert client.get("/about/")["X-Page-Cache"] == "miss"
