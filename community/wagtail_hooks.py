from django.urls import path
from django.utils.html import format_html
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from community import admin_views
from community.models import CommitmentStatementSubmission, NetworkOrganization, Person
from community.models.submissions import SubmissionStatus
from core.exports import SafeExportIndexView


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = "People"
    list_display = ["name", "role_title", "organization", "live"]
    search_fields = ["name", "organization"]
    add_to_admin_menu = True
    menu_order = 210


class NetworkOrganizationViewSet(SnippetViewSet):
    model = NetworkOrganization
    icon = "group"
    menu_label = "Organizations"
    list_display = ["name", "kind", "has_statement", "is_sample_content", "date_joined", "live"]
    list_filter = ["kind", "has_statement", "is_sample_content", "live"]
    search_fields = ["name"]
    add_to_admin_menu = True
    menu_order = 220


register_snippet(PersonViewSet)
register_snippet(NetworkOrganizationViewSet)


class SubmissionPermissionHelper(PermissionHelper):
    """Submissions come from the public form only; staff review, annotate and delete them."""

    def user_can_create(self, user):
        return False


class SubmissionButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        if obj.status == SubmissionStatus.NEW and self.permission_helper.user_can_edit_obj(
            self.request.user, obj
        ):
            for decision, label in (("accept", "Accept"), ("decline", "Decline")):
                buttons.append(
                    {
                        "url": self.url_helper.get_action_url(decision, obj.pk),
                        "label": label,
                        "classname": self.finalise_classname(["button-secondary"]),
                        "title": f"{label} the statement from {obj.organization_name}",
                    }
                )
        return buttons


class CommitmentStatementAdmin(ModelAdmin):
    """The staff inbox of commitment statements sent through the public form."""

    index_view_class = SafeExportIndexView

    model = CommitmentStatementSubmission
    menu_label = "Commitment statements"
    menu_icon = "mail"
    menu_order = 230
    add_to_admin_menu = True
    list_display = (
        "organization_name",
        "contact_name",
        "submitted_at",
        "status_badge",
        "reference",
    )
    list_filter = ("status", "submitted_at")
    search_fields = (
        "organization_name",
        "contact_name",
        "contact_email",
        "reference",
        "statement_text",
    )
    list_export = (
        "reference",
        "submitted_at",
        "status",
        "organization_name",
        "organization_website",
        "contact_name",
        "contact_title",
        "contact_email",
        "statement_text",
        "statement_kind",
        "consent",
        "reviewed_at",
        "staff_notes",
    )
    export_filename = "commitment-statements"
    inspect_view_enabled = True
    inspect_view_fields = (
        "reference",
        "submitted_at",
        "status",
        "organization_name",
        "organization_website",
        "contact_name",
        "contact_title",
        "contact_email",
        "statement_text",
        "statement_file",
        "consent",
        "organization",
        "reviewed_at",
        "reviewed_by",
        "staff_notes",
    )
    permission_helper_class = SubmissionPermissionHelper
    button_helper_class = SubmissionButtonHelper

    def status_badge(self, obj):
        return format_html("<strong>{}</strong>", obj.get_status_display())

    status_badge.short_description = "Status"
    status_badge.admin_order_field = "status"

    def get_admin_urls_for_registration(self):
        urls = super().get_admin_urls_for_registration()
        for decision in ("accept", "decline"):
            urls += (
                path(
                    f"{self.url_helper.base_url_path}/{decision}/<int:pk>/",
                    admin_views.review,
                    {"decision": decision},
                    name=self.url_helper.get_action_url_name(decision),
                ),
            )
        return urls


modeladmin_register(CommitmentStatementAdmin)


@hooks.register("register_admin_urls")
def register_statement_file_url():
    return [
        path(
            "commitment-statements/<int:pk>/file/",
            admin_views.statement_file,
            name="community_statement_file",
        )
    ]
