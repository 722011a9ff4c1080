"""The editors' search report: top and zero-result queries, daily volume, CSV export."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from search.analytics import REPORT_PERIODS, daily_chart, report, write_csv

REPORT_PERMISSIONS = (
    "wagtailsearchpromotions.add_searchpromotion",
    "site_search.add_searchsynonym",
)


def can_view_report(user):
    return user.is_active and any(user.has_perm(permission) for permission in REPORT_PERMISSIONS)


class SearchReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "search/admin/search_report.html"
    page_title = "Search queries"
    header_icon = "search"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": "Home"},
            {"url": "", "label": "Reports"},
            {"url": "", "label": self.page_title},
        ]

    def period(self):
        try:
            days = int(self.request.GET.get("days", "30"))
        except ValueError:
            days = 30
        return days if days in REPORT_PERIODS else 30

    def get(self, request, *args, **kwargs):
        days = self.period()
        data = report(days)
        if request.GET.get("export") == "csv":
            response = HttpResponse(content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = (
                f'attachment; filename="search-queries-{days}-days.csv"'
            )
            return write_csv(response, data)
        context = self.get_context_data(**kwargs)
        context.update(
            {
                "days": days,
                "periods": REPORT_PERIODS,
                "data": data,
                "chart": daily_chart(data["daily"]),
                "add_promotion_url": reverse("wagtailsearchpromotions:add"),
                "add_synonym_url": reverse("wagtailsnippets_site_search_searchsynonym:add"),
            }
        )
        return self.render_to_response(context)
