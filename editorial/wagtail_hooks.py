"""The editorial side of the admin: who may publish, what each role sees first, the inboxes
and the publishing audit report."""

import django_filters
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn, UserColumn
from wagtail.admin.views.reports import ReportView
from wagtail.coreutils import get_content_type_label
from wagtail.models import PageLogEntry, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy

from core.exports import SpreadsheetSafeExport
from editorial.dashboard import (
    AwaitingMyReviewPanel,
    ChangesRequestedPanel,
    GalleryPanelReviewPanel,
    MyDraftsPanel,
    RecentlyPublishedPanel,
    ScheduledThisWeekPanel,
    StaffInboxesPanel,
    is_gallery_reviewer,
    visible_inboxes,
    waiting_tasks,
)

page_permission_policy = PagePermissionPolicy()


def can_publish_somewhere(user):
    return page_permission_policy.user_has_any_permission(user, {"publish"})


# --- Publishing only where the role and the workflow allow it ---------------------------


def _refuse_direct_publish(request, can_publish):
    """Publishing straight from the editor: a clear 403, never a silent save as draft.

    Wagtail quietly saves a draft when someone without publish permission presses publish;
    we answer with 403 so the refusal is explicit.
    """
    if request.method == "POST" and request.POST.get("action-publish") and not can_publish:
        raise PermissionDenied("You may submit this page for moderation, not publish it.")


@hooks.register("before_edit_page")
def refuse_publish_on_edit(request, page):
    _refuse_direct_publish(request, page.permissions_for_user(request.user).can_publish())


@hooks.register("before_edit_page")
def show_requested_changes(request, page):
    """Open the editor with the reviewer's comment on top while changes are requested."""
    if request.method != "GET":
        return
    state = (
        WorkflowState.objects.for_instance(page)
        .select_related("current_task_state__finished_by")
        .order_by("-created_at", "-pk")
        .first()
    )
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return
    task_state = state.current_task_state
    reviewer = task_state.finished_by if task_state else None
    who = (reviewer.get_full_name() or reviewer.get_username()) if reviewer else "A reviewer"
    comment = task_state.comment if task_state else ""
    messages.warning(request, f"{who} requested changes: “{comment}”")


@hooks.register("before_create_page")
def refuse_publish_on_create(request, parent_page, page_class):
    permissions = parent_page.permissions_for_user(request.user)
    _refuse_direct_publish(request, permissions.can_publish_subpage())


# --- Dashboard panels -------------------------------------------------------------------


# Wagtail's own "Awaiting your review" lists every task with its buttons (several queries
# each); ours is the bounded head of the review inbox.
WAGTAIL_REVIEW_PANEL = "workflow_objects_to_moderate"


def can_write_pages(user):
    """Editors, moderators, administrators: people who add pages (not the gallery panel)."""
    return page_permission_policy.user_has_any_permission(user, {"add"})


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    user = request.user
    panels[:] = [panel for panel in panels if panel.name != WAGTAIL_REVIEW_PANEL]
    if can_write_pages(user):
        panels += [ChangesRequestedPanel(), MyDraftsPanel(), ScheduledThisWeekPanel()]
    if can_publish_somewhere(user):
        panels += [AwaitingMyReviewPanel(), RecentlyPublishedPanel()]
    if is_gallery_reviewer(user):
        panels.append(GalleryPanelReviewPanel())
    inboxes = visible_inboxes(user)
    if inboxes:
        panels.append(StaffInboxesPanel(inboxes))


# --- Inboxes and the publishing report --------------------------------------------------


def _edit_url(finder, obj):
    return finder.get_edit_url(obj) if obj is not None else None


class ObjectTitleColumn(TitleColumn):
    """The title of a workflow's page or snippet, linked to its editor."""

    def __init__(self, name, accessor, **kwargs):
        self.object_accessor = accessor
        super().__init__(name, label="Title", **kwargs)

    def get_value(self, instance):
        obj = self.object_accessor(instance)
        if obj is None:
            return "(deleted)"
        # Pages show their draft title: the one under review, not the live one.
        display_title = getattr(obj, "get_admin_display_title", None)
        return display_title() if display_title else str(obj)

    def get_link_url(self, instance, parent_context):
        finder = parent_context.setdefault(
            "_admin_url_finder", AdminURLFinder(parent_context["request"].user)
        )
        return _edit_url(finder, self.object_accessor(instance))


class ReviewInboxView(ReportView):
    """Everything waiting for the current user's review, oldest first."""

    page_title = "Awaiting my review"
    header_icon = "tasks"
    index_url_name = "editorial_review_inbox"
    index_results_url_name = "editorial_review_inbox_results"
    results_template_name = "wagtailadmin/reports/base_report_results.html"
    paginate_by = 50
    columns = [
        ObjectTitleColumn("title", lambda state: state.workflow_state.content_object),
        Column("workflow", label="Workflow", accessor="workflow_state.workflow.name"),
        Column("task", label="Step", accessor="task.name"),
        UserColumn("requested_by", label="Submitted by", accessor="workflow_state.requested_by"),
        DateColumn("started_at", label="Waiting since"),
    ]

    def get_queryset(self):
        return (
            waiting_tasks(self.request.user)
            .select_related(
                "task",
                "workflow_state__workflow",
                "workflow_state__requested_by__wagtail_userprofile",
            )
            .prefetch_related("workflow_state__content_object")
            .order_by("started_at", "pk")
        )


def _submission_status(state):
    if state.status == WorkflowState.STATUS_IN_PROGRESS and state.current_task_state:
        return f"Awaiting {state.current_task_state.task.name}"
    return state.get_status_display()


def _reviewer_comment(state):
    if state.status == WorkflowState.STATUS_NEEDS_CHANGES and state.current_task_state:
        return state.current_task_state.comment
    return ""


class MySubmissionsView(ReportView):
    """What the current user sent for review, and what came back."""

    page_title = "My submissions"
    header_icon = "list-ul"
    index_url_name = "editorial_my_submissions"
    index_results_url_name = "editorial_my_submissions_results"
    results_template_name = "wagtailadmin/reports/base_report_results.html"
    paginate_by = 50
    columns = [
        ObjectTitleColumn("title", lambda state: state.content_object),
        Column("workflow", label="Workflow", accessor="workflow.name"),
        Column("status", label="Status", accessor=_submission_status),
        Column("comment", label="Reviewer's comment", accessor=_reviewer_comment),
        DateColumn("created_at", label="Submitted"),
    ]

    def get_queryset(self):
        return (
            WorkflowState.objects.filter(requested_by=self.request.user)
            .select_related("workflow", "current_task_state__task")
            .prefetch_related("content_object")
            .order_by("-created_at", "-pk")
        )


class PublishedPagesFilterSet(WagtailFilterSet):
    timestamp = django_filters.DateFromToRangeFilter(
        label="Published between", widget=DateRangePickerWidget
    )
    user = django_filters.ModelChoiceFilter(
        label="Published by",
        empty_label="Anyone",
        queryset=lambda request: (
            get_user_model()
            .objects.filter(
                pk__in=PageLogEntry.objects.filter(action="wagtail.publish").values("user")
            )
            .order_by("username")
        ),
    )

    class Meta:
        model = PageLogEntry
        fields = ["timestamp", "user"]


class PublishedPagesReportView(SpreadsheetSafeExport, ReportView):
    """Who published which page, and when: an auditable record, exportable as CSV or XLSX."""

    page_title = "Pages published"
    header_icon = "doc-full-inverse"
    index_url_name = "editorial_published_report"
    index_results_url_name = "editorial_published_report_results"
    results_template_name = "wagtailadmin/reports/base_report_results.html"
    filterset_class = PublishedPagesFilterSet
    permission_policy = page_permission_policy
    any_permission_required = ["publish"]
    paginate_by = 50
    columns = [
        TitleColumn(
            "label",
            label="Page",
            url_name="wagtailadmin_pages:edit",
            id_accessor="page_id",
        ),
        Column(
            "content_type", label="Type", accessor=lambda e: get_content_type_label(e.content_type)
        ),
        UserColumn("user", label="Published by"),
        DateColumn("timestamp", label="Published at"),
    ]
    list_export = ["label", "page_id", "content_type", "user_display_name", "timestamp"]
    export_headings = {
        "label": "Page",
        "page_id": "Page ID",
        "content_type": "Type",
        "user_display_name": "Published by",
        "timestamp": "Published at",
    }

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.custom_field_preprocess = {
            **self.custom_field_preprocess,
            "content_type": {
                self.FORMAT_CSV: get_content_type_label,
                self.FORMAT_XLSX: get_content_type_label,
            },
        }

    def get_filename(self):
        return f"pages-published-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        return (
            PageLogEntry.objects.filter(action="wagtail.publish")
            .select_related("user__wagtail_userprofile", "content_type")
            .order_by("-timestamp", "-pk")
        )


class PublishersOnlyMenuItem(MenuItem):
    def is_shown(self, request):
        return can_publish_somewhere(request.user)


@hooks.register("register_admin_urls")
def editorial_urls():
    return [
        path("editorial/review/", ReviewInboxView.as_view(), name="editorial_review_inbox"),
        path(
            "editorial/review/results/",
            ReviewInboxView.as_view(results_only=True),
            name="editorial_review_inbox_results",
        ),
        path(
            "editorial/submissions/",
            MySubmissionsView.as_view(),
            name="editorial_my_submissions",
        ),
        path(
            "editorial/submissions/results/",
            MySubmissionsView.as_view(results_only=True),
            name="editorial_my_submissions_results",
        ),
        path(
            "editorial/published/",
            PublishedPagesReportView.as_view(),
            name="editorial_published_report",
        ),
        path(
            "editorial/published/results/",
            PublishedPagesReportView.as_view(results_only=True),
            name="editorial_published_report_results",
        ),
    ]


@hooks.register("register_admin_menu_item")
def editorial_menu():
    menu = Menu(
        items=[
            MenuItem(
                "Awaiting my review",
                reverse("editorial_review_inbox"),
                name="editorial-review-inbox",
                icon_name="tasks",
                order=100,
            ),
            MenuItem(
                "My submissions",
                reverse("editorial_my_submissions"),
                name="editorial-my-submissions",
                icon_name="list-ul",
                order=200,
            ),
            PublishersOnlyMenuItem(
                "Pages published",
                reverse("editorial_published_report"),
                name="editorial-published-report",
                icon_name="doc-full-inverse",
                order=300,
            ),
        ]
    )
    return SubmenuMenuItem("Editorial", menu, name="editorial", icon_name="tasks", order=250)
