"""Staff actions on commitment statement submissions: accept, decline, read the PDF."""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.admin import messages

from community.models import CommitmentStatementSubmission
from community.models.submissions import SubmissionStatus

INDEX_URL_NAME = "community_commitmentstatementsubmission_modeladmin_index"


def _submission_for(request, pk, permission):
    if not request.user.has_perm(f"community.{permission}_commitmentstatementsubmission"):
        raise PermissionDenied
    return get_object_or_404(CommitmentStatementSubmission, pk=pk)


def statement_file(request, pk):
    """The submitted PDF, for staff only (it is not public until accepted and published)."""
    submission = _submission_for(request, pk, "view")
    if not submission.statement_file:
        raise Http404("This submission has no PDF.")
    return FileResponse(
        submission.statement_file.open("rb"),
        content_type="application/pdf",
        as_attachment=True,
        filename=f"{submission.reference}.pdf",
    )


def review(request, pk, decision):
    """Confirm, then accept or decline a submission (POST only changes anything)."""
    submission = _submission_for(request, pk, "change")
    if request.method == "POST":
        if decision == "accept":
            if not request.user.has_perm("community.add_networkorganization"):
                raise PermissionDenied
            organization = submission.accept(request.user)
            edit_url = reverse(
                "wagtailsnippets_community_networkorganization:edit", args=[organization.pk]
            )
            messages.success(
                request,
                f"Accepted. A draft of “{organization.name}” is ready for review and publishing.",
                buttons=[messages.button(edit_url, "Review the draft")],
            )
        else:
            submission.decline(request.user)
            messages.success(
                request, f"Declined the statement from {submission.organization_name}."
            )
        return redirect(INDEX_URL_NAME)
    return TemplateResponse(
        request,
        "community/admin/review_submission.html",
        {
            "submission": submission,
            "decision": decision,
            "already": submission.status != SubmissionStatus.NEW,
            "index_url": reverse(INDEX_URL_NAME),
        },
    )
