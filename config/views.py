"""Error pages in the site's design that need nothing from the database."""

from django.shortcuts import render
from django.template.loader import get_template


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without a request context: settings and navigation may be what failed.
    from django.http import HttpResponseServerError

    return HttpResponseServerError(get_template("500.html").render())
