"""Index pages find their children in one query, and route exactly as Wagtail would."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from core.models import StandardPage
from publications.models import PublicationPage
from tests.factories import publish
from tests.publications.factories import PublicationIndexPageFactory, make_publication

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return PublicationIndexPageFactory(parent=home_page, title="Publications", slug="publications")


def test_a_child_is_found_with_its_type_and_document_in_one_query(index):
    make_publication(index, title="A discussion paper", slug="a-discussion-paper")
    index = Page.objects.get(pk=index.pk).specific
    request = RequestFactory().get("/publications/a-discussion-paper/")

    with CaptureQueriesContext(connection) as queries:
        result = index.route(request, ["a-discussion-paper"])
    publication = result.page

    assert isinstance(publication, PublicationPage)
    assert len(queries) == 1
    with CaptureQueriesContext(connection) as later:
        publication.type_name  # noqa: B018 - loaded with the page
    assert len(later) == 0


def test_routing_answers_as_wagtail_does(client, index):
    make_publication(index, title="Live paper", slug="live-paper")
    draft = make_publication(index, title="Draft paper", slug="draft-paper")
    draft.unpublish()

    assert client.get("/publications/live-paper/").status_code == 200
    assert client.get("/publications/draft-paper/").status_code == 404
    assert client.get("/publications/no-such-paper/").status_code == 404
    assert client.get("/publications/feed/rss/").status_code == 200  # its own sub-routes


def test_a_child_of_another_type_is_still_served(client, index):
    # Made before the rules allowed only publications here.
    other = StandardPage(title="An older page", slug="older-page")
    index.add_child(instance=other)
    publish(other)

    response = client.get("/publications/older-page/")

    assert response.status_code == 200
    assert "An older page" in response.content.decode()
