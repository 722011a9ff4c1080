"""Editorial roles and workflows: who may draft, review and publish, and who hears about it.

The groups, their permissions and the two workflows are created by a data migration
(``home/migrations/0003_editorial_roles_and_workflows``) through ``ensure_editorial_setup``,
which only ever adds what is missing. The same function runs again after every ``migrate``
(and after a test flush), together with the parts that depend on content apps that may
land later: model permissions for their snippets, the Communications review workflow on
snippets with drafts, and the gallery's own workflow on each gallery index page. Nothing
here imports a content app; models are looked up by label.
"""

import logging

from django import forms
from django.apps import apps as global_apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.core.mail import get_connection
from django.core.mail.message import EmailMultiAlternatives
from django.db import models, transaction
from django.db.models.signals import post_migrate, post_save
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import override
from django_tasks import task
from wagtail.admin.mail import (
    GroupApprovalTaskStateSubmissionEmailNotifier,
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
    WorkflowStateSubmissionEmailNotifier,
)
from wagtail.forms import TaskStateCommentForm
from wagtail.models import AbstractGroupApprovalTask, TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

logger = logging.getLogger(__name__)

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
MODERATOR_SETTINGS = (("home", "sitesettings"),)
GALLERY_INDEX_LABEL = "gallery.GalleryIndexPage"

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


# --- The review task ---------------------------------------------------------------------


class RequestChangesForm(TaskStateCommentForm):
    comment = forms.CharField(
        label="What needs to change",
        required=True,
        widget=forms.Textarea({"rows": 4}),
        help_text="The author sees this comment on the page's history and in their email.",
        error_messages={"required": "Tell the author what to change before sending it back."},
    )


class ReviewTask(AbstractGroupApprovalTask):
    """A group approval whose "Request changes" always carries a comment for the author."""

    def get_form_for_action(self, action):
        if action == "reject":
            return RequestChangesForm
        return super().get_form_for_action(action)

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        # The edit view passes the modal's data straight through; refuse a bare rejection
        # there too, so no path sends work back without saying why.
        if action_name == "reject" and not (kwargs.get("comment") or "").strip():
            raise PermissionDenied("Requesting changes needs a comment for the author.")
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return "Members of the chosen groups approve, or request changes with a comment."

    class Meta:
        app_label = "home"
        verbose_name = "group review task"
        verbose_name_plural = "group review tasks"


# --- Setting up groups, permissions and workflows ---------------------------------------


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
    ReviewTaskModel = apps.get_model("home", "ReviewTask")
    task_ = ReviewTaskModel.objects.filter(name=name).first()
    if task_ is None:
        content_type, _ = ContentType.objects.get_or_create(app_label="home", model="reviewtask")
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
            if model in (ReviewTask, EditorialEmail):
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


def gallery_index_model():
    try:
        return global_apps.get_model(GALLERY_INDEX_LABEL)
    except LookupError:
        return None


def open_gallery_to_reviewers(page):
    """Let the gallery panel into this gallery (and only here) and route it through its review."""
    from django.contrib.auth.models import Permission
    from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

    reviewers = Group.objects.filter(name=GALLERY_REVIEWERS).first()
    workflow = Workflow.objects.filter(name=GALLERY_PANEL_REVIEW).first()
    if reviewers is not None:
        for codename in GALLERY_REVIEWER_PAGE_PERMISSIONS:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            )
            GroupPagePermission.objects.get_or_create(
                group=reviewers, page_id=page.pk, permission=permission
            )
    if workflow is not None and not WorkflowPage.objects.filter(page_id=page.pk).exists():
        WorkflowPage.objects.create(page_id=page.pk, workflow=workflow)


def open_all_galleries():
    model = gallery_index_model()
    if model is None:
        return
    for page in model.objects.all():
        open_gallery_to_reviewers(page)


def is_gallery_reviewed(page):
    """True when the page is reviewed by the gallery panel workflow (artworks, the gallery)."""
    workflow = page.get_workflow() if page is not None else None
    return workflow is not None and workflow.name == GALLERY_PANEL_REVIEW


def _last_app_with_models():
    configs = [config for config in global_apps.get_app_configs() if config.models_module]
    return configs[-1] if configs else None


@receiver(post_migrate, dispatch_uid="home_editorial_setup")
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
        open_all_galleries()


@receiver(post_save, dispatch_uid="home_editorial_gallery_created")
def gallery_index_created(sender, instance, created, raw=False, **kwargs):
    if raw or not created or sender._meta.label != GALLERY_INDEX_LABEL:
        return
    open_gallery_to_reviewers(instance)


# --- Notifications: queued, sent off the request, retried ------------------------------


class EditorialEmail(models.Model):
    """One workflow email to one person, kept until it has been sent.

    The workflow action commits first; the email is sent afterwards by a background task.
    A failing mail server leaves ``sent_at`` empty and ``send_editorial_emails`` (also run
    by ``run_scheduler``) tries again.
    """

    created_at = models.DateTimeField(auto_now_add=True)
    event = models.CharField(max_length=30)
    recipient = models.EmailField()
    subject = models.CharField(max_length=255)
    body = models.TextField()
    html_body = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        app_label = "home"
        ordering = ["created_at", "pk"]
        verbose_name = "editorial email"
        indexes = [models.Index(fields=["sent_at"], name="home_editorialemail_pending")]

    def __str__(self):
        return f"{self.subject} → {self.recipient}"


class QueuedEmailMixin:
    """Render Wagtail's notification emails as it would, but queue them instead of sending."""

    def send_notifications(self, template_set, context, recipients, **kwargs):
        rows = []
        for recipient in recipients:
            context["user"] = recipient
            with override(recipient.wagtail_userprofile.get_preferred_language()):
                subject = render_to_string(template_set["subject"], context).strip()
                body = render_to_string(template_set["text"], context).strip()
                html_body = ""
                if getattr(settings, "WAGTAILADMIN_NOTIFICATION_USE_HTML", False):
                    html_body = render_to_string(template_set["html"], context)
            rows.append(
                EditorialEmail(
                    event=self.notification,
                    recipient=recipient.email,
                    subject=" ".join(subject.split())[:255],
                    body=body,
                    html_body=html_body,
                )
            )
        pks = [row.pk for row in EditorialEmail.objects.bulk_create(rows)]
        transaction.on_commit(lambda: send_editorial_emails.enqueue(pks))
        return True


class QueuedTaskSubmission(QueuedEmailMixin, GroupApprovalTaskStateSubmissionEmailNotifier):
    """Tells the reviewing group that something awaits them."""


class QueuedWorkflowSubmission(QueuedEmailMixin, WorkflowStateSubmissionEmailNotifier):
    """Tells administrators that a workflow started."""


class QueuedApproval(QueuedEmailMixin, WorkflowStateApprovalEmailNotifier):
    """Tells the author their work was approved."""


class QueuedRejection(QueuedEmailMixin, WorkflowStateRejectionEmailNotifier):
    """Tells the author what to change, with the reviewer's comment."""


def connect_queued_notifiers():
    """Take the place of Wagtail's notifiers, which send inside the request.

    Django ignores a second connection under the same ``dispatch_uid`` and sender, and the
    home app is ready before wagtail.admin, so Wagtail's own connections become no-ops.
    """
    task_submitted.connect(
        QueuedTaskSubmission(),
        sender=TaskState,
        dispatch_uid="group_approval_task_submitted_email_notification",
        weak=False,
    )
    workflow_submitted.connect(
        QueuedWorkflowSubmission(),
        sender=WorkflowState,
        dispatch_uid="workflow_state_submitted_email_notification",
        weak=False,
    )
    workflow_rejected.connect(
        QueuedRejection(),
        sender=WorkflowState,
        dispatch_uid="workflow_state_rejected_email_notification",
        weak=False,
    )
    workflow_approved.connect(
        QueuedApproval(),
        sender=WorkflowState,
        dispatch_uid="workflow_state_approved_email_notification",
        weak=False,
    )


@task()
def send_editorial_emails(pks=None):
    """Send queued workflow emails (the given ones, or every one still pending)."""
    pending = EditorialEmail.objects.filter(sent_at__isnull=True)
    if pks is not None:
        pending = pending.filter(pk__in=pks)
    sent = failed = 0
    for email in pending.order_by("pk"):
        message = EmailMultiAlternatives(
            email.subject,
            email.body,
            getattr(settings, "WAGTAILADMIN_NOTIFICATION_FROM_EMAIL", settings.DEFAULT_FROM_EMAIL),
            [email.recipient],
            headers={"Auto-Submitted": "auto-generated"},
        )
        if email.html_body:
            message.attach_alternative(email.html_body, "text/html")
        try:
            get_connection().send_messages([message])
        except Exception as error:
            failed += 1
            EditorialEmail.objects.filter(pk=email.pk).update(
                attempts=models.F("attempts") + 1, last_error=str(error)[:2000]
            )
            logger.warning("Editorial email %s not sent; will retry", email.pk, exc_info=True)
            continue
        sent += 1
        EditorialEmail.objects.filter(pk=email.pk).update(
            sent_at=timezone.now(), attempts=models.F("attempts") + 1, last_error=""
        )
    return {"sent": sent, "failed": failed}


connect_queued_notifiers()
