"""WordPress's query-string addresses (``/?p=123``, ``/?page_id=45``,
``/?attachment_id=6``) lead to the imported pages.

Wagtail's redirects answer only addresses that would otherwise be "not found", and ``/``
is the home page; these addresses are looked up here instead, before the page cache (which
ignores query parameters the home page does not read). Any other request passes through
without a query.
"""

from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

WORDPRESS_PARAMS = ("p", "page_id", "attachment_id")


class OldWordPressAddresses:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/" and request.method in ("GET", "HEAD"):
            for param in WORDPRESS_PARAMS:
                value = request.GET.get(param, "")
                if value.isdigit() and len(value) < 20:
                    response = self.redirect(request, f"/?{param}={value}")
                    if response is not None:
                        return response
        return self.get_response(request)

    def redirect(self, request, old_path):
        site = Site.find_for_request(request)
        found = (
            Redirect.get_for_site(site)
            .filter(old_path=Redirect.normalise_path(old_path))
            .select_related("redirect_page")
            .first()
        )
        if found is None or not found.link:
            return None
        if found.is_permanent:
            return HttpResponsePermanentRedirect(found.link)
        return HttpResponseRedirect(found.link)
