"""The gallery panel reviews artworks first, moderators second, and nothing skips a step."""

import pytest
from django.apps import apps
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowPage

from editorial.roles import GALLERY_PANEL_REVIEW, GALLERY_REVIEWERS
from gallery.models import GalleryIndexPage
from gallery.review import open_gallery_to_reviewers
from tests.editorial.helpers import AS_SCRIPT, client_for, edit_page, workflow_action

try:
    apps.get_model("gallery", "ArtworkPage")
    gallery_factories = pytest.importorskip("tests.gallery.factories")
except LookupError:
    pytest.skip("gallery.ArtworkPage does not exist yet", allow_module_level=True)


@pytest.fixture
def gallery(home_page):
    return gallery_factories.GalleryIndexPageFactory(parent=home_page)


@pytest.fixture
def artwork(gallery, editor):
    """A submitted artwork: a draft that has entered the gallery panel review."""
    page = gallery_factories.ArtworkPageFactory(parent=gallery, title="Night shift", live=False)
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    return Page.objects.get(pk=page.pk).specific


def current_step(page):
    return Page.objects.get(pk=page.pk).current_workflow_task.name


def test_a_new_gallery_is_reviewed_by_the_panel_and_opened_to_it(gallery):
    assert gallery.get_workflow().name == GALLERY_PANEL_REVIEW
    granted = GroupPagePermission.objects.filter(group__name=GALLERY_REVIEWERS)
    assert [(p.page_id, p.permission.codename) for p in granted] == [(gallery.pk, "change_page")]


def test_reviewer_approves_the_first_step_and_moderators_get_the_second(
    artwork, reviewer_client, moderator_client
):
    assert current_step(artwork) == "Gallery panel approval"
    # Moderators cannot jump the panel's step.
    assert workflow_action(moderator_client, artwork, "approve").status_code == 403

    response = workflow_action(reviewer_client, artwork, "approve")

    assert response.json()["step"] == "success"
    assert current_step(artwork) == "Moderator approval"
    artwork.refresh_from_db()
    assert not artwork.live
    # The panel cannot take the moderators' step either.
    assert workflow_action(reviewer_client, artwork, "approve").status_code == 403

    workflow_action(moderator_client, artwork, "approve")

    artwork.refresh_from_db()
    assert artwork.live
    assert not artwork.workflow_in_progress


def test_reviewer_can_open_the_artwork_under_review(artwork, reviewer_client):
    response = reviewer_client.get(reverse("wagtailadmin_pages:edit", args=(artwork.pk,)))

    assert response.status_code == 200
    assert "Night shift" in response.content.decode()


def test_reviewer_rejects_with_a_comment(artwork, reviewer_client):
    workflow_action(reviewer_client, artwork, "reject", comment="Crop the photograph.")

    state = Page.objects.get(pk=artwork.pk).workflow_states.order_by("-pk").first()
    assert state.status == "needs_changes"
    assert state.current_task_state.comment == "Crop the photograph."


@pytest.mark.parametrize("who", ["moderator", "superuser"])
def test_nobody_publishes_an_artwork_straight_from_the_editor(request, artwork, who):
    client = client_for(request.getfixturevalue(who))

    response = edit_page(client, artwork, "action-publish", headers=AS_SCRIPT)

    assert response.status_code == 403
    artwork.refresh_from_db()
    assert not artwork.live


def test_the_publish_button_is_not_offered_on_artworks(artwork, moderator_client):
    html = moderator_client.get(reverse("wagtailadmin_pages:edit", args=(artwork.pk,))).content

    assert b'name="action-publish"' not in html


def test_nobody_creates_a_live_artwork(gallery, superuser):
    client = client_for(superuser)
    model = apps.get_model("gallery", "ArtworkPage")
    url = reverse("wagtailadmin_pages:add", args=("gallery", "artworkpage", gallery.pk))

    response = client.post(url, {"title": "Shortcut", "action-publish": "1"}, **AS_SCRIPT)

    assert response.status_code == 403
    assert not model.objects.filter(title="Shortcut").exists()


def test_bulk_publish_of_artworks_is_refused(artwork, moderator_client):
    url = (
        reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
        + f"?id={artwork.pk}"
    )

    response = moderator_client.post(url, {"include_descendants": ""})

    assert response.status_code == 403
    artwork.refresh_from_db()
    assert not artwork.live


def test_reviewers_cannot_touch_pages_outside_the_gallery(reviewer_client, live_page, gallery):
    edit = reverse("wagtailadmin_pages:edit", args=(live_page.pk,))
    assert reviewer_client.get(edit, **AS_SCRIPT).status_code == 403
    # The page explorer takes them back to the gallery, the only part of the tree they see.
    explore = reviewer_client.get(reverse("wagtailadmin_explore", args=(live_page.pk,)))
    assert explore.url == reverse("wagtailadmin_explore", args=(gallery.pk,))


def test_gallery_workflow_is_not_replaced_when_setup_runs_again(gallery):
    custom = Workflow.objects.create(name="Curator review")
    WorkflowPage.objects.filter(page=gallery).update(workflow=custom)
    for page in GalleryIndexPage.objects.all():
        open_gallery_to_reviewers(page)

    assert Page.objects.get(pk=gallery.pk).get_workflow() == custom
