"""The site-wide search page: live, public pages of every type, ten to a page."""

import re

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Page

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_query(raw):
    """Strip control characters and cut a runaway query; say when it was cut."""
    query = CONTROL_CHARACTERS.sub(" ", raw or "")
    query = " ".join(query.split())
    truncated = len(query) > MAX_QUERY_LENGTH
    return query[:MAX_QUERY_LENGTH], truncated


def search(request):
    query, truncated = clean_query(request.GET.get("q", ""))
    context = {"search_query": query, "truncated": truncated, "robots_noindex": True}
    status = 200
    if query:
        results = Page.objects.live().public().exclude(depth__lte=1).specific().search(query)
        paginator = Paginator(results, RESULTS_PER_PAGE)
        raw_page = request.GET.get("page", "1")
        try:
            number = int(raw_page)
        except ValueError:
            number = 0
        if number < 1:
            context["error"] = "Page numbers are whole numbers starting at 1."
            status = 400
        elif number > paginator.num_pages:
            context["error"] = f"There is no page {number} of results for this search."
            status = 404
        else:
            context["results"] = paginator.page(number)
            context["paginator"] = paginator
    response = TemplateResponse(request, "search/search.html", context, status=status)
    response["Cache-Control"] = "private, no-store"
    return response
