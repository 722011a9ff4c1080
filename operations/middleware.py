"""Response headers and failure handling that every request passes through."""

import logging

from django.conf import settings
from django.db import DatabaseError, InterfaceError
from django.http import HttpResponse
from django.template import engines

logger = logging.getLogger(__name__)

# Public pages: no inline script at all; embeds only from the video hosts editors use.
PUBLIC_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "media-src": ["'self'"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-src": [
        "https://www.youtube.com",
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
    ],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}

# The Wagtail admin uses inline styles and scripts of its own; previews frame the site itself.
ADMIN_POLICY = {
    **PUBLIC_POLICY,
    "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "frame-src": ["'self'", *PUBLIC_POLICY["frame-src"]],
    "frame-ancestors": ["'self'"],
}


def render_policy(policy):
    return "; ".join(f"{directive} {' '.join(sources)}" for directive, sources in policy.items())


class ContentSecurityPolicyMiddleware:
    """A strict policy for the public site, a workable one for the admin."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + settings.WAGTAIL_ADMIN_PATH
        self.public_header = render_policy(PUBLIC_POLICY)
        self.admin_header = render_policy(ADMIN_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            in_admin = request.path.startswith(self.admin_prefix)
            response["Content-Security-Policy"] = (
                self.admin_header if in_admin else self.public_header
            )
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response


class DatabaseUnavailableMiddleware:
    """When the database cannot be reached, answer with the static 503 page, not a 500.

    It sits near the top of the stack, so it sees the 500 that any inner layer turned a
    database error into, and checks whether the database is really gone before saying so.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 500 and not database_reachable():
            logger.error("Database unreachable while serving %s", request.path)
            return service_unavailable()
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, (DatabaseError, InterfaceError)) and not database_reachable():
            logger.error("Database unreachable while serving %s", request.path)
            return service_unavailable()
        return None


def database_reachable():
    from django.db import connection

    try:
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except Exception:
        return False


def service_unavailable():
    """The designed 503 page: a template that uses no database and no request context."""
    html = engines["django"].get_template("503.html").render({})
    response = HttpResponse(html, status=503)
    response["Retry-After"] = "60"
    response["Cache-Control"] = "no-store"
    return response
