"""The read-only API answers odd input with a 400 and a message, and shows only what any
visitor may see: no open-call submission's image, and no link to an original image file."""

import pytest
from django.test import Client

from tests.factories import StandardPageFactory
from tests.gallery.factories import small_image

pytestmark = pytest.mark.django_db

ENDPOINTS = ["pages", "images", "documents"]
ODD_QUERIES = [
    "offset=9223372036854775808",
    "offset=-1",
    "offset=abc",
    "limit=99999999999999999999",
    "search=%00",
    "search=%20%20%20",
    "search=%22burnout",
    "search=(",
    "search=burnout%20NEAR/3%20x*",
    "search=burnout&search_operator=xor",
]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("query", ODD_QUERIES)
def test_odd_input_gets_a_clear_answer_never_a_server_error(home_page, endpoint, query):
    StandardPageFactory(parent=home_page, title="About burnout", slug="about")
    response = Client(raise_request_exception=False).get(f"/api/v2/{endpoint}/?{query}")

    assert response.status_code in (200, 400), (endpoint, query, response.status_code)
    if response.status_code == 400:
        assert response.json()["message"]


def test_search_in_the_api_finds_words_whatever_surrounds_them(client, home_page):
    StandardPageFactory(parent=home_page, title="About burnout", slug="about")
    response = client.get("/api/v2/pages/", {"search": '"burnout" -- ;'})
    assert [item["title"] for item in response.json()["items"]] == ["About burnout"]


def test_images_waiting_for_the_panel_and_original_files_are_not_listed(client, home_page):
    from gallery.submissions import submissions_collection

    shown = small_image("On a page")
    waiting = small_image("Sent to the open call")
    waiting.collection = submissions_collection()
    waiting.save()

    items = client.get("/api/v2/images/").json()["items"]

    assert [item["title"] for item in items] == ["On a page"]
    assert "download_url" not in items[0]["meta"]
    detail = client.get(f"/api/v2/images/{shown.pk}/").json()
    assert "download_url" not in detail["meta"]
    assert client.get(f"/api/v2/images/{waiting.pk}/").status_code == 404
