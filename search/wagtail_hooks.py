from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search.admin_views import SearchReportView, can_view_report


@hooks.register("register_admin_urls")
def register_search_report_url():
    return [path("reports/search-queries/", SearchReportView.as_view(), name="search_report")]


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_report(request.user)


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return SearchReportMenuItem(
        "Search queries",
        reverse("search_report"),
        name="search-queries",
        icon_name="search",
        order=1310,
    )
