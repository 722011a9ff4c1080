"""The review step every workflow of the site uses: a group approval whose "Request
changes" always carries a comment for the author."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from wagtail.forms import TaskStateCommentForm
from wagtail.models import AbstractGroupApprovalTask


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
        verbose_name = "group review task"
        verbose_name_plural = "group review tasks"
