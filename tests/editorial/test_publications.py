"""The roles, shown on a publication: editors submit, moderators publish, reviewers stay out."""

import pytest
from django.apps import apps
from django.urls import reverse
from wagtail.models import WorkflowState

from tests.editorial.helpers import AS_SCRIPT, create_page, edit_page, workflow_action

try:
    PublicationPage = apps.get_model("publications", "PublicationPage")
    publication_factories = pytest.importorskip("tests.publications.factories")
except LookupError:
    pytest.skip("publications.PublicationPage does not exist yet", allow_module_level=True)


@pytest.fixture
def publications_index(home_page):
    return publication_factories.PublicationIndexPageFactory(parent=home_page)


@pytest.fixture
def publication_type(db):
    return publication_factories.PublicationTypeFactory(name="Discussion paper")


def submit_new_publication(client, index, publication_type, action="action-submit", **extra):
    return create_page(
        client,
        index,
        PublicationPage,
        action,
        title="Burnout among trainees",
        slug="burnout-among-trainees",
        publication_type=str(publication_type.pk),
        publication_date="2024-05-01",
        abstract="What residents told us about their workload.",
        **extra,
    )


def test_editor_creates_and_submits_a_publication_but_cannot_publish_it(
    editor_client, moderator_client, publications_index, publication_type
):
    refused = submit_new_publication(
        editor_client, publications_index, publication_type, "action-publish", headers=AS_SCRIPT
    )
    assert refused.status_code == 403
    assert not PublicationPage.objects.exists()

    response = submit_new_publication(editor_client, publications_index, publication_type)

    assert response.status_code == 302
    publication = PublicationPage.objects.get(slug="burnout-among-trainees")
    assert not publication.live
    assert publication.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert workflow_action(editor_client, publication, "approve").status_code == 403

    workflow_action(moderator_client, publication, "approve")

    publication.refresh_from_db()
    assert publication.live


def test_moderator_publishes_a_publication_directly(
    moderator_client, publications_index, publication_type
):
    response = submit_new_publication(
        moderator_client, publications_index, publication_type, "action-publish"
    )

    assert response.status_code == 302
    assert PublicationPage.objects.get(slug="burnout-among-trainees").live


def test_gallery_reviewer_cannot_touch_publications(
    reviewer_client, editor_client, publications_index, publication_type
):
    submit_new_publication(editor_client, publications_index, publication_type)
    publication = PublicationPage.objects.get()
    edit = reverse("wagtailadmin_pages:edit", args=(publication.pk,))
    add = reverse(
        "wagtailadmin_pages:add",
        args=("publications", "publicationpage", publications_index.pk),
    )

    assert reviewer_client.get(edit, **AS_SCRIPT).status_code == 403
    assert reviewer_client.get(add, **AS_SCRIPT).status_code == 403
    assert workflow_action(reviewer_client, publication, "approve").status_code == 403


@pytest.fixture
def cached_site(settings):
    settings.PAGE_CACHE_ENABLED = True


def anonymous_views(client, *urls):
    """Each URL as a visitor sees it, after making sure the page cache holds it."""
    for url in urls:
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit", url


def test_a_publish_in_the_admin_shows_on_the_next_anonymous_request_everywhere(
    client, cached_site, moderator_client, home_page, publications_index, publication_type
):
    paper = publication_factories.make_publication(
        publications_index, title="Burnout among trainees", featured=True
    )
    urls = [paper.url, publications_index.url, "/", "/publications/feed/rss/"]
    anonymous_views(client, *urls)
    assert "Burnout among trainees" in client.get("/").content.decode()

    response = edit_page(
        moderator_client, paper, "action-publish", title="Burnout among medical trainees"
    )

    assert response.status_code == 302
    for url in urls:
        seen = client.get(url)
        assert seen["X-Page-Cache"] == "miss", url
        assert "Burnout among medical trainees" in seen.content.decode(), url
    anonymous_views(client, *urls)  # and the fresh copies are cached again


def test_an_approval_and_an_unpublish_show_on_the_next_anonymous_request(
    client, cached_site, editor_client, moderator_client, publications_index, publication_type
):
    anonymous_views(client, publications_index.url, "/")

    submit_new_publication(editor_client, publications_index, publication_type, featured="on")
    assert "Burnout among trainees" not in client.get(publications_index.url).content.decode()
    publication = PublicationPage.objects.get(slug="burnout-among-trainees")
    workflow_action(moderator_client, publication, "approve")

    assert client.get(publication.url).status_code == 200
    assert "Burnout among trainees" in client.get(publications_index.url).content.decode()
    assert "Burnout among trainees" in client.get("/").content.decode()

    unpublish = reverse("wagtailadmin_pages:unpublish", args=(publication.pk,))
    assert moderator_client.post(unpublish).status_code == 302

    assert client.get(publication.url).status_code == 404
    assert "Burnout among trainees" not in client.get(publications_index.url).content.decode()
    assert "Burnout among trainees" not in client.get("/").content.decode()
