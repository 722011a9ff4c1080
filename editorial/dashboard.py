"""Dashboard panels that greet each role with what it needs first.

Every panel has the same shape (``editorial/admin/dashboard_panel.html``): a heading, the
count in words, a short list whose entries link to where the work is done, a sentence when
there is nothing, and a link to the full list. Each panel costs a fixed number of queries
however much it counts (tests/editorial/test_dashboard_panels.py measures them).
"""

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef, Q
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.components import Component
from wagtail.models import Page, PageLogEntry, Revision, TaskState, WorkflowState
from wagtail.permission_policies import ModelPermissionPolicy

from editorial.roles import GALLERY_PANEL_TASK, GALLERY_REVIEWERS

LIST_LENGTH = 5


@dataclass
class Entry:
    title: str
    url: str | None
    detail: str = ""
    when: datetime.datetime | None = None
    when_label: str = ""


def counted(count, singular, plural):
    return f"{count} {singular if count == 1 else plural}"


def display_title(obj):
    if obj is None:
        return "(deleted)"
    title = getattr(obj, "get_admin_display_title", None)
    return title() if title else str(obj)


def user_name(user):
    return (user.get_full_name() or user.get_username()) if user else ""


class DashboardPanel(Component):
    """A heading, a count in words, up to ``LIST_LENGTH`` entries, an empty state."""

    template_name = "editorial/admin/dashboard_panel.html"
    heading = ""
    icon = "placeholder"
    empty_text = ""
    more_label = ""

    class Media:
        css = {"all": ["editorial/dashboard.css"]}

    def get_count_and_entries(self, request):
        raise NotImplementedError

    # The count in words: (one, many, the rest of the sentence); nothing when there is none.
    counted_as = ("item", "items", "")

    def count_text(self, count):
        if not count:
            return ""
        one, many, rest = self.counted_as
        return f"{counted(count, one, many)} {rest}"

    def more_url(self, request):
        return None

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        count, entries = self.get_count_and_entries(request)
        return {
            "panel_id": self.name.replace("_", "-"),
            "heading": self.heading,
            "icon": self.icon,
            "count": count,
            "count_text": self.count_text(count),
            "entries": entries,
            "empty_text": self.empty_text,
            "more_url": self.more_url(request) if count else None,
            "more_label": self.more_label,
        }


# --- Editors -----------------------------------------------------------------------------


class ChangesRequestedPanel(DashboardPanel):
    """Work sent back to me: workflows needing changes that I submitted, or on pages whose
    latest edit is mine, with the reviewer's comment."""

    name = "editorial_changes_requested"
    heading = "Changes requested of you"
    icon = "warning"
    order = 120
    empty_text = "No reviewer has asked you for changes."
    more_label = "All my submissions"

    def get_count_and_entries(self, request):
        user = request.user
        # Workflow states name their object as text; the page's id is cast to text to match
        # (never the other way, which would fail on a snippet whose key is not a number).
        last_edited_by_me = Q(base_content_type=ContentType.objects.get_for_model(Page)) & Exists(
            Page.objects.annotate(pk_text=Cast("pk", output_field=CharField())).filter(
                latest_revision__user=user, pk_text=OuterRef("object_id")
            )
        )
        states = WorkflowState.objects.filter(status=WorkflowState.STATUS_NEEDS_CHANGES).filter(
            Q(requested_by=user) | last_edited_by_me
        )
        count = states.count()
        if not count:
            return 0, []
        finder = AdminURLFinder(user)
        shown = (
            states.select_related("current_task_state__finished_by")
            .prefetch_related("content_object")
            .order_by("-current_task_state__finished_at", "-pk")[:LIST_LENGTH]
        )
        entries = []
        for state in shown:
            obj = state.content_object
            task_state = state.current_task_state
            reviewer = user_name(task_state.finished_by) if task_state else ""
            comment = task_state.comment if task_state else ""
            detail = f"{reviewer or 'A reviewer'}: “{comment}”" if comment else reviewer
            entries.append(
                Entry(
                    display_title(obj),
                    finder.get_edit_url(obj) if obj is not None else None,
                    detail,
                    task_state.finished_at if task_state else None,
                    "Sent back",
                )
            )
        return count, entries

    counted_as = ("item needs", "items need", "your changes.")

    def more_url(self, request):
        return reverse("editorial_my_submissions")


class MyDraftsPanel(DashboardPanel):
    """Pages whose latest change is yours and is not live yet, with where each stands."""

    name = "editorial_my_drafts"
    heading = "My drafts"
    icon = "edit"
    order = 130
    empty_text = "You have no unpublished changes."

    def get_count_and_entries(self, request):
        # Pages' workflow states are stored against the base Page content type.
        states = WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
        )
        drafts = Page.objects.filter(
            latest_revision__user=request.user, has_unpublished_changes=True
        )
        count = drafts.count()
        if not count:
            return 0, []
        pages = (
            drafts.annotate(
                in_review=Exists(states.filter(status=WorkflowState.STATUS_IN_PROGRESS)),
                changes_requested=Exists(states.filter(status=WorkflowState.STATUS_NEEDS_CHANGES)),
                scheduled=Exists(
                    Revision.page_revisions.filter(
                        object_id=Cast(OuterRef("pk"), output_field=CharField()),
                        approved_go_live_at__isnull=False,
                    )
                ),
            )
            .select_related("content_type")
            .order_by("-latest_revision_created_at", "-pk")[:LIST_LENGTH]
        )
        return count, [
            Entry(
                page.get_admin_display_title(),
                reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                f"{capfirst(page.content_type.name)}: {self.where_it_stands(page)}",
                page.latest_revision_created_at,
                "Last edited",
            )
            for page in pages
        ]

    @staticmethod
    def where_it_stands(page):
        if page.changes_requested:
            return "Changes requested"
        if page.in_review:
            return "In review"
        if page.scheduled:
            return "Scheduled to go live"
        if page.live:
            return "Live, with unpublished changes"
        return "Draft"

    counted_as = ("page has", "pages have", "your unpublished changes.")


class ScheduledThisWeekPanel(DashboardPanel):
    """What goes live or expires in the next seven days."""

    name = "editorial_scheduled_this_week"
    heading = "Scheduled this week"
    icon = "calendar"
    order = 140
    limit = 10
    empty_text = "Nothing is scheduled to go live or expire in the next seven days."

    def get_count_and_entries(self, request):
        now = timezone.now()
        week_end = now + datetime.timedelta(days=7)
        scheduled = list(
            Revision.page_revisions.filter(approved_go_live_at__range=(now, week_end))
            .order_by("approved_go_live_at")
            .values_list("object_id", "approved_go_live_at")
        )
        expiring = list(
            Page.objects.live()
            .filter(expire_at__range=(now, week_end))
            .values_list("pk", "expire_at")
        )
        ids = {int(pk) for pk, _ in scheduled} | {pk for pk, _ in expiring}
        pages = Page.objects.in_bulk(ids) if ids else {}
        events = [("Goes live", pages.get(int(pk)), when) for pk, when in scheduled]
        events += [("Expires", pages.get(pk), when) for pk, when in expiring]
        events = sorted((e for e in events if e[1] is not None), key=lambda e: e[2])
        return len(events), [
            Entry(
                page.get_admin_display_title(),
                reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                when=when,
                when_label=what,
            )
            for what, page, when in events[: self.limit]
        ]

    counted_as = ("change is", "changes are", "scheduled in the next seven days.")


# --- Moderators --------------------------------------------------------------------------


def waiting_tasks(user):
    """The review tasks in progress that ``user`` may act on."""
    return TaskState.objects.reviewable_by(user).filter(status=TaskState.STATUS_IN_PROGRESS)


def _submitted_by(state):
    submitter = user_name(state.workflow_state.requested_by)
    return f"{state.task.name}" + (f", submitted by {submitter}" if submitter else "")


def _task_entries(states, user, describe=_submitted_by):
    finder = AdminURLFinder(user)
    entries = []
    for state in states:
        obj = state.workflow_state.content_object
        detail = describe(state)
        entries.append(
            Entry(
                display_title(obj),
                finder.get_edit_url(obj) if obj is not None else None,
                detail,
                state.started_at,
                "Waiting since",
            )
        )
    return entries


def _oldest_first(states):
    return (
        states.select_related("task", "workflow_state__requested_by")
        .prefetch_related("workflow_state__content_object")
        .order_by("started_at", "pk")[:LIST_LENGTH]
    )


class AwaitingMyReviewPanel(DashboardPanel):
    """What waits for my review, oldest first: the head of the review inbox."""

    name = "editorial_awaiting_review"
    heading = "Awaiting your review"
    icon = "tasks"
    order = 100
    empty_text = "Nothing is waiting for your review."
    more_label = "Open the review inbox"

    def get_count_and_entries(self, request):
        states = waiting_tasks(request.user)
        count = states.count()
        if not count:
            return 0, []
        return count, _task_entries(_oldest_first(states), request.user)

    counted_as = ("item is", "items are", "waiting for your review, oldest first.")

    def more_url(self, request):
        return reverse("editorial_review_inbox")


class RecentlyPublishedPanel(DashboardPanel):
    """Pages published in the last seven days, newest first, by anyone."""

    name = "editorial_recently_published"
    heading = "Published in the last 7 days"
    icon = "doc-full-inverse"
    order = 150
    days = 7
    empty_text = "Nothing was published in the last seven days."
    more_label = "The full publishing report"

    def get_count_and_entries(self, request):
        since = timezone.now() - datetime.timedelta(days=self.days)
        entries_qs = PageLogEntry.objects.filter(action="wagtail.publish", timestamp__gte=since)
        count = entries_qs.count()
        if not count:
            return 0, []
        latest = entries_qs.select_related("user").order_by("-timestamp", "-pk")[:LIST_LENGTH]
        entries = [
            Entry(
                log.label,
                reverse("wagtailadmin_pages:edit", args=(log.page_id,)),
                f"Published by {user_name(log.user)}" if log.user else "",
                log.timestamp,
                "Published",
            )
            for log in latest
        ]
        return count, entries

    counted_as = ("page was", "pages were", "published in the last seven days.")

    def more_url(self, request):
        return reverse("editorial_published_report")


# --- Gallery reviewers -------------------------------------------------------------------


def is_gallery_reviewer(user):
    return user.is_superuser or user.groups.filter(name=GALLERY_REVIEWERS).exists()


class GalleryPanelReviewPanel(DashboardPanel):
    """Works waiting at the gallery panel's step of its review, oldest first."""

    name = "editorial_gallery_panel"
    heading = "Works awaiting the gallery panel"
    icon = "image"
    order = 110
    empty_text = "No open-call works are waiting for the panel."
    more_label = "Open the review inbox"

    def get_count_and_entries(self, request):
        states = waiting_tasks(request.user).filter(task__name=GALLERY_PANEL_TASK)
        count = states.count()
        if not count:
            return 0, []
        shown = list(_oldest_first(states))
        # Works that came through the open call carry the reference the artist was given.
        submissions = apps.get_model("gallery", "ArtworkSubmission")
        references = dict(
            submissions.objects.filter(
                artwork_id__in=[state.workflow_state.object_id for state in shown]
            ).values_list("artwork_id", "reference")
        )

        def describe(state):
            reference = references.get(int(state.workflow_state.object_id))
            if reference:
                return f"Open call, reference {reference}"
            return _submitted_by(state)

        return count, _task_entries(shown, request.user, describe)

    counted_as = ("work is", "works are", "waiting for the panel, oldest first.")

    def more_url(self, request):
        return reverse("editorial_review_inbox")


# --- Staff inboxes -----------------------------------------------------------------------


@dataclass
class Inbox:
    """One staff inbox: its model, the label, what counts as unhandled, and its address."""

    app_label: str
    model_name: str
    label: str
    unhandled: str  # a sentence fragment: "3 new"
    filters: dict
    query_string: str = ""

    @property
    def model(self):
        return apps.get_model(self.app_label, self.model_name)

    def visible_to(self, user):
        return ModelPermissionPolicy(self.model).user_has_any_permission(
            user, ["add", "change", "delete", "view"]
        )

    def url(self):
        index = reverse(f"{self.app_label}_{self.model_name}_modeladmin_index")
        return f"{index}?{self.query_string}" if self.query_string else index


# The three public forms. Statements and hosting requests have a status whose first value is
# "new"; open-call submissions have none, so one counts as unhandled while its artwork is
# still a draft (the panel and the moderators have not published it).
INBOXES = [
    Inbox(
        "community",
        "commitmentstatementsubmission",
        "Commitment statements",
        "new",
        {"status": "new"},
        "status__exact=new",
    ),
    Inbox(
        "gallery",
        "hostingrequest",
        "Hosting requests",
        "new",
        {"status": "new"},
        "status__exact=new",
    ),
    Inbox(
        "gallery",
        "artworksubmission",
        "Open-call submissions",
        "awaiting a decision",
        {"artwork__live": False},
    ),
]


class StaffInboxesPanel(DashboardPanel):
    """How many public form submissions wait in each staff inbox the user may open."""

    name = "editorial_staff_inboxes"
    heading = "Staff inboxes"
    icon = "mail"
    order = 160
    empty_text = "Every inbox is handled: no new submissions."

    def __init__(self, inboxes):
        self.inboxes = inboxes

    def get_count_and_entries(self, request):
        entries = []
        total = 0
        for inbox in self.inboxes:
            waiting = inbox.model.objects.filter(**inbox.filters).count()
            total += waiting
            entries.append(Entry(inbox.label, inbox.url(), f"{waiting} {inbox.unhandled}"))
        return total, entries

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        # Every inbox is listed, even an empty one: the list is the way into them.
        context["always_list"] = True
        return context

    def count_text(self, count):
        return capfirst(f"{counted(count, 'submission waits', 'submissions wait')} for staff.")


def visible_inboxes(user):
    return [inbox for inbox in INBOXES if inbox.visible_to(user)]
