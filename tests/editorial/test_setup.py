"""Every fresh database has the editorial groups, permissions and workflows, and setting them
up again changes nothing."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import connection
from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from editorial.roles import (
    ADMINISTRATORS,
    COMMUNICATIONS_REVIEW,
    EDITORS,
    GALLERY_PANEL_REVIEW,
    GALLERY_REVIEWERS,
    MODERATORS,
    complete_editorial_setup,
    ensure_editorial_setup,
)


def page_permissions(group_name):
    return {
        (p.page.depth, p.permission.codename)
        for p in GroupPagePermission.objects.filter(group__name=group_name).select_related(
            "page", "permission"
        )
    }


def snapshot():
    """Everything the editorial setup writes, as comparable rows."""
    return {
        "groups": sorted(Group.objects.values_list("name", flat=True)),
        "group_permissions": sorted(
            Group.permissions.through.objects.values_list("group_id", "permission_id")
        ),
        "page_permissions": sorted(
            GroupPagePermission.objects.values_list("group_id", "page_id", "permission_id")
        ),
        "collection_permissions": sorted(
            GroupCollectionPermission.objects.values_list(
                "group_id", "collection_id", "permission_id"
            )
        ),
        "workflows": sorted(Workflow.objects.values_list("pk", "name", "active")),
        "workflow_tasks": sorted(
            WorkflowTask.objects.values_list("workflow_id", "task_id", "sort_order")
        ),
        "workflow_pages": sorted(WorkflowPage.objects.values_list("page_id", "workflow_id")),
        "workflow_content_types": sorted(
            WorkflowContentType.objects.values_list("content_type_id", "workflow_id")
        ),
        "permissions": Permission.objects.count(),
    }


def rerun_everything():
    ensure_editorial_setup(apps)
    migration = importlib.import_module("editorial.migrations.0002_roles_and_workflows")
    migration.create_roles_and_workflows(apps, connection.schema_editor())
    last_app = [config for config in apps.get_app_configs() if config.models_module][-1]
    complete_editorial_setup(sender=last_app)


def test_the_four_groups_exist_with_admin_access(db):
    for name in (EDITORS, MODERATORS, GALLERY_REVIEWERS, ADMINISTRATORS):
        group = Group.objects.get(name=name)
        assert group.permissions.filter(codename="access_admin").exists(), name


def test_editors_add_and_change_but_do_not_publish(db):
    assert page_permissions(EDITORS) == {(1, "add_page"), (1, "change_page")}


def test_moderators_add_change_publish_lock_and_unlock(db):
    assert page_permissions(MODERATORS) == {
        (1, "add_page"),
        (1, "change_page"),
        (1, "publish_page"),
        (1, "lock_page"),
        (1, "unlock_page"),
    }


def test_gallery_reviewers_have_no_pages_images_or_documents_outside_a_gallery(db):
    reviewers = Group.objects.get(name=GALLERY_REVIEWERS)
    assert page_permissions(GALLERY_REVIEWERS) == set()
    assert not GroupCollectionPermission.objects.filter(group=reviewers).exists()
    assert list(reviewers.permissions.values_list("codename", flat=True)) == ["access_admin"]


def test_editors_and_moderators_manage_images_and_documents(db):
    for name, expected in (
        (EDITORS, {"add", "change", "choose"}),
        (MODERATORS, {"add", "change", "choose", "delete"}),
    ):
        codenames = set(
            GroupCollectionPermission.objects.filter(group__name=name).values_list(
                "permission__codename", flat=True
            )
        )
        for model in ("image", "document"):
            assert {f"{action}_{model}" for action in expected} <= codenames, name


def test_snippet_permissions_follow_the_role(db):
    pytest.importorskip("community.models")
    editors = set(Group.objects.get(name=EDITORS).permissions.values_list("codename", flat=True))
    moderators = set(
        Group.objects.get(name=MODERATORS).permissions.values_list("codename", flat=True)
    )
    assert {"add_person", "change_person"} <= editors
    assert not {"delete_person", "publish_person"} & editors
    assert {"add_person", "change_person", "delete_person", "publish_person"} <= moderators


def test_administrators_hold_every_permission(db):
    administrators = Group.objects.get(name=ADMINISTRATORS)
    assert administrators.permissions.count() == Permission.objects.count()
    assert page_permissions(ADMINISTRATORS) >= {(1, "publish_page"), (1, "bulk_delete_page")}


def test_communications_review_covers_the_whole_site(db, home_page):
    communications = Workflow.objects.get(name=COMMUNICATIONS_REVIEW)
    assert WorkflowPage.objects.get(page__depth=1).workflow == communications
    assert home_page.get_workflow() == communications
    tasks = [task.specific for task in communications.tasks]
    assert [task.name for task in tasks] == ["Moderator approval"]
    assert [group.name for group in tasks[0].groups.all()] == [MODERATORS]
    # Wagtail's stock workflow is retired so editors are offered one.
    assert not Workflow.objects.get(name="Moderators approval").active


def test_gallery_panel_review_is_reviewers_then_moderators(db):
    gallery = Workflow.objects.get(name=GALLERY_PANEL_REVIEW)
    steps = [[group.name for group in task.specific.groups.all()] for task in gallery.tasks]
    assert steps == [[GALLERY_REVIEWERS], [MODERATORS]]


def test_snippets_with_drafts_go_through_communications_review(db):
    try:
        person = apps.get_model("community", "Person")
    except LookupError:
        pytest.skip("community.Person does not exist yet")
    assert person.get_default_workflow().name == COMMUNICATIONS_REVIEW


def test_setting_up_again_changes_nothing(db, home_page):
    before = snapshot()

    rerun_everything()
    rerun_everything()

    assert snapshot() == before


def test_setup_never_overrides_a_workflow_an_administrator_chose(db, home_page):
    custom = Workflow.objects.create(name="Board review")
    WorkflowPage.objects.filter(page__depth=1).update(workflow=custom)

    rerun_everything()

    assert WorkflowPage.objects.get(page__depth=1).workflow == custom


def test_a_new_root_page_tree_is_still_covered_after_a_flush_like_reset(db, home_page):
    """The post_migrate receiver rebuilds what a test flush or a manual cleanup removed."""
    Group.objects.filter(name=GALLERY_REVIEWERS).delete()
    Workflow.objects.filter(name=GALLERY_PANEL_REVIEW).update(name="Old gallery review")

    rerun_everything()

    assert Group.objects.filter(name=GALLERY_REVIEWERS).exists()
    assert Workflow.objects.filter(name=GALLERY_PANEL_REVIEW).exists()
    assert Page.objects.get(depth=1).get_workflow().name == COMMUNICATIONS_REVIEW
