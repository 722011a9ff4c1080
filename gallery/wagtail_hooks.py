"""The gallery in the admin: managed lists and tour stops as snippets, and an inbox
(wagtail-modeladmin) for hosting requests and open-call submissions."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import re_path, reverse
from wagtail import hooks
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register

from core.exports import SafeExportIndexView
from gallery.models import Artist, ArtworkSubmission, HostingRequest, Medium, Theme, TourStop
from gallery.review import is_gallery_reviewed

GALLERY_PUBLISHING = "Artworks are published by the gallery panel review."


# --- Artworks are published by the panel's review, never straight from the editor -------


def _refuse_publish(request, page):
    publishing = request.method == "POST" and request.POST.get("action-publish")
    if publishing and is_gallery_reviewed(page):
        raise PermissionDenied(GALLERY_PUBLISHING)


@hooks.register("before_edit_page")
def refuse_publish_on_edit(request, page):
    _refuse_publish(request, page)


@hooks.register("before_create_page")
def refuse_publish_on_create(request, parent_page, page_class):
    _refuse_publish(request, parent_page)


@hooks.register("construct_page_action_menu")
def hide_publish_for_gallery_review(menu_items, request, context):
    page = context.get("page") or context.get("parent_page")
    if page is not None and page.pk and is_gallery_reviewed(page):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


@hooks.register("before_bulk_action")
def refuse_bulk_publish_of_gallery(request, action_type, objects, action_class_instance):
    if action_type != "publish":
        return None
    if any(isinstance(obj, Page) and is_gallery_reviewed(obj) for obj in objects):
        return HttpResponseForbidden(GALLERY_PUBLISHING)
    return None


class MediumViewSet(SnippetViewSet):
    model = Medium
    icon = "image"
    list_display = ["name", "kind", "schema_type"]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug"]


class ArtistViewSet(SnippetViewSet):
    model = Artist
    icon = "user"
    list_display = ["__str__", "profession", "place", "is_sample_content"]
    list_filter = ["is_sample_content"]
    search_fields = ["name", "profession"]


class TourStopViewSet(SnippetViewSet):
    model = TourStop
    icon = "date"
    menu_label = "Tour stops"
    list_display = ["host_organization", "city", "start_date", "end_date", "live"]
    list_filter = ["live"]
    search_fields = ["host_organization", "city", "venue"]


class GallerySnippets(SnippetViewSetGroup):
    menu_label = "Gallery"
    menu_icon = "image"
    menu_order = 240
    items = (ArtistViewSet, MediumViewSet, ThemeViewSet, TourStopViewSet)


register_snippet(GallerySnippets)


class HostingRequestButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        if obj.tour_stop_id is None and self.permission_helper.user_can_edit_obj(
            self.request.user, obj
        ):
            buttons.append(
                {
                    "url": self.url_helper.get_action_url("schedule", obj.pk),
                    "label": "Schedule",
                    "classname": "button button-small button-secondary",
                    "title": f"Create a draft tour stop for {obj.organization}",
                }
            )
        return buttons


class HostingRequestAdmin(ModelAdmin):
    index_view_class = SafeExportIndexView
    model = HostingRequest
    menu_label = "Hosting requests"
    menu_icon = "mail"
    list_display = [
        "reference",
        "organization",
        "city",
        "preferred_start",
        "preferred_end",
        "status",
        "submitted_at",
    ]
    list_filter = ["status"]
    search_fields = ["reference", "organization", "contact_name", "email", "city", "venue"]
    list_export = ["submitted_at", "status", *HostingRequest.PUBLIC_FIELDS, "staff_notes"]
    export_filename = "hosting-requests"
    inspect_view_enabled = True
    button_helper_class = HostingRequestButtonHelper
    form_fields_exclude = ["tour_stop"]

    def get_admin_urls_for_registration(self):
        return super().get_admin_urls_for_registration() + (
            re_path(
                self.url_helper.get_action_url_pattern("schedule"),
                self.schedule_view,
                name=self.url_helper.get_action_url_name("schedule"),
            ),
        )

    def schedule_view(self, request, instance_pk):
        hosting_request = get_object_or_404(HostingRequest, pk=instance_pk)
        if not self.permission_helper.user_can_edit_obj(request.user, hosting_request):
            raise PermissionDenied
        index_url = self.url_helper.index_url
        if request.method == "POST":
            stop = hosting_request.schedule()
            messages.success(
                request,
                f"Created a draft tour stop for {hosting_request.organization}. Choose the works "
                "and publish it when the details are agreed.",
            )
            return redirect(reverse("wagtailsnippets_gallery_tourstop:edit", args=[stop.pk]))
        return TemplateResponse(
            request,
            "gallery/admin/confirm_schedule.html",
            {"hosting_request": hosting_request, "index_url": index_url},
        )


class ReadOnlyPermissionHelper(PermissionHelper):
    """Submissions are records of what arrived: staff read them, the artwork is edited
    through its page."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False


class ArtworkSubmissionAdmin(ModelAdmin):
    index_view_class = SafeExportIndexView
    model = ArtworkSubmission
    menu_label = "Open-call submissions"
    menu_icon = "image"
    list_display = ["reference", "title", "contact_email", "submitted_at"]
    search_fields = ["reference", "title", "contact_email"]
    list_export = ["reference", "submitted_at", "title", "contact_email", "consent_given_at"]
    export_filename = "open-call-submissions"
    inspect_view_enabled = True
    permission_helper_class = ReadOnlyPermissionHelper


class GalleryInbox(ModelAdminGroup):
    menu_label = "Gallery inbox"
    menu_icon = "mail"
    menu_order = 250
    items = (HostingRequestAdmin, ArtworkSubmissionAdmin)


modeladmin_register(GalleryInbox)
