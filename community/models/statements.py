"""The public form for commitment statements: a page that takes them in."""

from django.db import models, transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from community.forms import CommitmentStatementForm
from community.models.submissions import (
    SESSION_REFERENCE_KEY,
    SUBMISSION_SCOPE,
    SUBMISSIONS_PER_HOUR,
    CommitmentStatementSubmission,
)
from core.pages import BasePage
from core.protection import duplicate_submission, rate_limited


class CommitmentStatementPage(RoutablePageMixin, BasePage):
    """The public form through which an organization sends its commitment statement."""

    introduction = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text="Who may submit, and what a statement usually says.",
    )
    consent_text = models.CharField(
        max_length=400,
        default="I am authorized to submit this statement for my organization, and I agree "
        "that the National Academy of Medicine may publish it on this website.",
        help_text="The sentence the person submitting must agree to.",
    )
    thank_you_text = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="Shown after a successful submission, with its reference.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("consent_text"),
        FieldPanel("thank_you_text"),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    parent_page_types = [
        "community.NetworkOrganizationIndexPage",
        "core.StandardPage",
        "home.HomePage",
    ]
    subpage_types = []

    class Meta:
        verbose_name = "commitment statement form page"

    @property
    def search_date(self):
        return None

    @property
    def search_summary(self):
        return "Submit your organization's commitment statement and join the network."

    def make_form(self, *args, **kwargs):
        return CommitmentStatementForm(*args, consent_label=self.consent_text, **kwargs)

    @path("")
    def form_view(self, request):
        if request.method == "POST":
            return self.handle_submission(request)
        return self.render_form(request, self.make_form())

    def handle_submission(self, request):
        """Refuse bots, then floods of valid statements; save a valid statement and tell
        staff.

        The submission and the staff's email are saved together; the email is delivered
        afterwards, so a failing mail server loses nothing.
        """
        form = self.make_form(request.POST, request.FILES)
        if form.is_spam:
            return self.render_form(
                request, self.make_form(), status=400, message=form.honeypot_message
            )
        if not form.is_valid():
            return self.render_form(request, form, status=400)
        # Only statements that would be saved count towards the limit: a visitor's typos,
        # or a bot's junk, never close the form for others behind the same address.
        if rate_limited(request, SUBMISSION_SCOPE, limit=SUBMISSIONS_PER_HOUR, window=3600):
            form = self.make_form(initial=_retyped(request.POST))
            message = (
                "We have received several statements from your network in the last hour, so "
                "this one was not sent. Please try again later."
            )
            return self.render_form(request, form, status=429, message=message)
        if duplicate_submission(SUBMISSION_SCOPE, form.fingerprint()):
            earlier = (
                CommitmentStatementSubmission.objects.filter(
                    organization_name__iexact=form.cleaned_data["organization_name"],
                    contact_email__iexact=form.cleaned_data["contact_email"],
                )
                .order_by("-submitted_at")
                .first()
            )
            # A double click: the first one's reference (while it is still being saved by
            # the other request, the thanks page without one).
            request.session[SESSION_REFERENCE_KEY] = earlier.reference if earlier else ""
            return redirect(self.thanks_url())
        with transaction.atomic():
            submission = form.save()
            submission.notify_staff()
        request.session[SESSION_REFERENCE_KEY] = submission.reference
        return redirect(self.thanks_url())

    def render_form(self, request, form, *, status=200, message=""):
        context = self.get_context(request)
        context.update(form=form.describe_errors(), form_message=message)
        if status != 200:
            context["robots_noindex"] = True
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def thanks_url(self):
        return self.url + self.reverse_subpage("thanks")

    @path("thanks/", name="thanks")
    def thanks(self, request):
        reference = request.session.get(SESSION_REFERENCE_KEY)
        if not reference:
            return redirect(self.url)
        context = self.get_context(request)
        context["reference"] = reference
        context["robots_noindex"] = True
        return TemplateResponse(request, "community/commitment_statement_thanks.html", context)


def _retyped(data):
    """What the visitor typed, to show again when a submission is refused."""
    return {
        key: value
        for key, value in data.items()
        if key not in ("csrfmiddlewaretoken", "website_url", "consent")
    }
