"""Editorial roles and workflows: who may draft, review and publish.

The groups, their permissions and the two workflows are created by a data migration
(``editorial/migrations/0002_roles_and_workflows``) through ``ensure_editorial_setup``, which
only ever adds what is missing. The same function runs again after every ``migrate``,
together with the model permissions on the content apps' snippets and the Communications
review workflow on snippets with drafts.
"""

from django.apps import apps as global_apps
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models.signals import post_migrate
from django.dispatch import receiver

EDITORS = "Editors"
MODERATORS = "Moderators"
GALLERY_REVIEWERS = "Gallery reviewers"
ADMINISTRATORS = "Administrators"

COMMUNICATIONS_REVIEW = "Communications review"
GALLERY_PANEL_REVIEW = "Gallery panel review"
MODERATOR_TASK = "Moderator approval"
GALLERY_PANEL_TASK = "Gallery panel approval"
# Wagtail's own migrations create this workflow on the root page; ours replaces it.
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"

CONTENT_APPS = ("community", "publications", "events", "gallery")
# Site-wide settings (crisis line, navigation, footer) are the moderators' to change.
MODERATOR_SETTINGS = (("core", "sitesettings"),)

PAGE_PERMISSIONS = {
    EDITORS: ("add_page", "change_page"),
    MODERATORS: ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
    ADMINISTRATORS: (
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
        "bulk_delete_page",
    ),
}
GALLERY_REVIEWER_PAGE_PERMISSIONS = ("change_page",)
COLLECTION_PERMISSIONS = {
    EDITORS: ("add", "change", "choose"),
    MODERATORS: ("add", "change", "choose", "delete"),
    ADMINISTRATORS: ("add", "change", "choose", "delete"),
}
# Model permissions on the content apps' snippets and other non-page models.
SNIPPET_ACTIONS = {
    EDITORS: ("view", "add", "change"),
    MODERATORS: ("view", "add", "change", "delete", "publish", "lock", "unlock"),
}


def _permission(apps, app_label, model, codename):
    """The permission, created if Django has not made it yet (as in a fresh migration run)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission = Permission.objects.filter(content_type=content_type, codename=codename).first()
    if permission is None:
        name = codename.replace("_", " ").capitalize()
        permission = Permission.objects.create(
            content_type=content_type, codename=codename, name=f"Can {name[0].lower()}{name[1:]}"
        )
    return permission


def _review_task(apps, name, groups):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ReviewTaskModel = apps.get_model("editorial", "ReviewTask")
    task_ = ReviewTaskModel.objects.filter(name=name).first()
    if task_ is None:
        content_type, _ = ContentType.objects.get_or_create(
            app_label="editorial", model="reviewtask"
        )
        task_ = ReviewTaskModel.objects.create(name=name, content_type=content_type, active=True)
        task_.groups.add(*groups)
    return task_


def _workflow(apps, name, tasks):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    workflow = Workflow.objects.filter(name=name).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=name, active=True)
        for order, task_ in enumerate(tasks):
            WorkflowTask.objects.create(workflow=workflow, task=task_, sort_order=order)
    return workflow


def ensure_editorial_setup(apps=global_apps):
    """Create the groups, their permissions and the workflows; add only what is missing.

    Works with the migration's historical models and with the live registry alike.
    """
    Group_ = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    WorkflowState_ = apps.get_model("wagtailcore", "WorkflowState")

    groups = {
        name: Group_.objects.get_or_create(name=name)[0]
        for name in (EDITORS, MODERATORS, GALLERY_REVIEWERS, ADMINISTRATORS)
    }
    access_admin = _permission(apps, "wagtailadmin", "admin", "access_admin")
    for group in groups.values():
        group.permissions.add(access_admin)

    root_page = Page.objects.filter(depth=1).order_by("path").first()
    if root_page is not None:
        for group_name, codenames in PAGE_PERMISSIONS.items():
            for codename in codenames:
                GroupPagePermission.objects.get_or_create(
                    group=groups[group_name],
                    page=root_page,
                    permission=_permission(apps, "wagtailcore", "page", codename),
                )

    root_collection = Collection.objects.filter(depth=1).order_by("path").first()
    if root_collection is not None:
        for group_name, actions in COLLECTION_PERMISSIONS.items():
            for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
                for action in actions:
                    GroupCollectionPermission.objects.get_or_create(
                        group=groups[group_name],
                        collection=root_collection,
                        permission=_permission(apps, app_label, model, f"{action}_{model}"),
                    )

    moderator_task = _review_task(apps, MODERATOR_TASK, [groups[MODERATORS]])
    panel_task = _review_task(apps, GALLERY_PANEL_TASK, [groups[GALLERY_REVIEWERS]])
    communications = _workflow(apps, COMMUNICATIONS_REVIEW, [moderator_task])
    _workflow(apps, GALLERY_PANEL_REVIEW, [panel_task, moderator_task])

    if root_page is not None:
        assignment = WorkflowPage.objects.filter(page=root_page).first()
        if assignment is None:
            WorkflowPage.objects.create(page=root_page, workflow=communications)
        elif assignment.workflow.name == WAGTAIL_DEFAULT_WORKFLOW:
            assignment.workflow = communications
            assignment.save()

    # Retire Wagtail's stock workflow once nothing uses it, so editors see one choice.
    stock = Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW, active=True).first()
    if stock is not None and not (
        WorkflowPage.objects.filter(workflow=stock).exists()
        or WorkflowContentType.objects.filter(workflow=stock).exists()
        or WorkflowState_.objects.filter(workflow=stock, status="in_progress").exists()
    ):
        stock.active = False
        stock.save()


def _content_models():
    """Non-page models of the content apps that exist in this code base."""
    from wagtail.models import Page

    for app_label in CONTENT_APPS:
        try:
            app_config = global_apps.get_app_config(app_label)
        except LookupError:
            continue
        for model in app_config.get_models():
            if issubclass(model, Page) or model._meta.proxy or model._meta.auto_created:
                continue
            yield model


def grant_content_app_permissions():
    """Model permissions on content snippets, and their workflow, for apps present now."""
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Workflow, WorkflowContentType, WorkflowMixin

    groups = {group.name: group for group in Group.objects.filter(name__in=SNIPPET_ACTIONS)}
    communications = Workflow.objects.filter(name=COMMUNICATIONS_REVIEW).first()
    for model in _content_models():
        content_type = ContentType.objects.get_for_model(model)
        available = Permission.objects.filter(content_type=content_type)
        for group_name, actions in SNIPPET_ACTIONS.items():
            if group_name not in groups:
                continue
            codenames = [f"{action}_{model._meta.model_name}" for action in actions]
            groups[group_name].permissions.add(*available.filter(codename__in=codenames))
        if (
            communications is not None
            and issubclass(model, WorkflowMixin)
            and not WorkflowContentType.objects.filter(content_type=content_type).exists()
        ):
            WorkflowContentType.objects.create(content_type=content_type, workflow=communications)

    if MODERATORS in groups:
        for app_label, model_name in MODERATOR_SETTINGS:
            groups[MODERATORS].permissions.add(
                *Permission.objects.filter(
                    content_type__app_label=app_label,
                    codename__in=[f"view_{model_name}", f"change_{model_name}"],
                )
            )

    administrators = Group.objects.filter(name=ADMINISTRATORS).first()
    if administrators is not None:
        administrators.permissions.add(
            *Permission.objects.exclude(group=administrators).values_list("pk", flat=True)
        )


def _last_app_with_models():
    configs = [config for config in global_apps.get_app_configs() if config.models_module]
    return configs[-1] if configs else None


@receiver(post_migrate, dispatch_uid="editorial_roles_setup")
def complete_editorial_setup(sender, using="default", **kwargs):
    # Every app's permissions exist once the last app has had its post_migrate.
    if sender is not _last_app_with_models():
        return
    if not global_apps.is_installed("wagtail"):
        return
    # Our receiver is connected before django.contrib.auth's, so the last app's permissions
    # may not exist yet; creating them here is what auth would do a moment later.
    from django.contrib.auth.management import create_permissions

    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    with transaction.atomic(using=using):
        ensure_editorial_setup(global_apps)
        grant_content_app_permissions()
