"""Old WordPress addresses lead to the imported pages with production's page cache on: on
an anonymous visitor's first request, on the next (when the cache could answer), and after
the page they lead to has changed."""

import pytest
from wagtail.documents import get_document_model

from core.models import StandardPage
from events.models import EventIndexPage, EventPage
from publications.models import PublicationPage
from tests.wordpress_import.conftest import imported

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def old_addresses(home_page, uploads):
    """Every kind of old address, and where it should lead."""
    imported(home_page, uploads, "--publish")
    paper = PublicationPage.objects.get(slug="nurse-suicide-breaking-the-silence")
    exhibit = StandardPage.objects.get(slug="art-exhibit")
    meeting = EventPage.objects.get(slug="meeting-3")
    agenda = get_document_model().objects.get(title="Meeting 3 agenda")
    return {
        "/?p=20": paper.url,  # a post by ID
        "/2018/01/29/nurse-suicide-breaking-the-silence/": paper.url,  # its permalink
        "/?page_id=10": "/about/",  # a page by ID
        "/?attachment_id=30": exhibit.url,  # an image's attachment page: the page showing it
        "/art-exhibit/exhibit/": exhibit.url,
        "/?attachment_id=31": agenda.url,  # a document's attachment page: the file
        "/event/meeting-3/meeting-3-agenda/": agenda.url,
        "/event/meeting-3/": meeting.url,  # an event of The Events Calendar
        "/?p=40": meeting.url,
        "/venue/national-academy-of-medicine/": EventIndexPage.objects.get().url,  # a venue
    }


def assert_redirected(client, old, new):
    response = client.get(old)
    assert response.status_code == 301, old
    assert response["Location"].endswith(new), (old, response["Location"])
    assert "X-Page-Cache" not in response, old  # never stored as a page


def test_old_addresses_redirect_on_the_first_request_and_the_next(client, old_addresses):
    # The home page is in the cache before anyone asks for /?p=20 (the same path).
    assert client.get("/")["X-Page-Cache"] == "miss"
    assert client.get("/")["X-Page-Cache"] == "hit"

    for old, new in old_addresses.items():
        assert_redirected(client, old, new)
        assert_redirected(client, old, new)  # again, with whatever the cache now holds

    assert client.get("/")["X-Page-Cache"] == "hit"  # the home page itself still cached
    assert client.head("/?p=20").status_code == 301
    assert client.get("/?p=20&utm_source=newsletter").status_code == 301


def test_an_unknown_id_is_the_cached_home_page(client, old_addresses):
    client.get("/")
    response = client.get("/?p=999999")
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"


def test_the_imported_page_is_served_and_cached_where_the_redirect_leads(client, old_addresses):
    paper_url = old_addresses["/?p=20"]
    assert client.get("/?p=20", follow=True).status_code == 200
    assert client.get(paper_url)["X-Page-Cache"] == "hit"


def test_after_a_change_old_addresses_lead_to_the_new_address(client, old_addresses):
    for old in ("/?p=20", "/2018/01/29/nurse-suicide-breaking-the-silence/"):
        client.get(old)
    client.get(old_addresses["/?p=20"])  # the paper's page in the cache

    paper = PublicationPage.objects.get(slug="nurse-suicide-breaking-the-silence")
    paper.slug = "nurse-suicide"
    paper.save_revision().publish()
    paper.refresh_from_db()

    for old in ("/?p=20", "/2018/01/29/nurse-suicide-breaking-the-silence/"):
        assert_redirected(client, old, paper.url)
        assert_redirected(client, old, paper.url)
    assert paper.url.endswith("/nurse-suicide/")
    assert client.get(paper.url).status_code == 200
    assert client.get(old_addresses["/?p=20"]).status_code in (301, 302, 404)


def test_the_import_refreshes_cached_pages_once_at_the_end(client, home_page, uploads):
    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"

    imported(home_page, uploads, "--publish")

    assert client.get("/")["X-Page-Cache"] == "miss"  # what it lists may have changed
    assert client.get("/")["X-Page-Cache"] == "hit"
