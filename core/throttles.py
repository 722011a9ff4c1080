"""Limits on the two forms Wagtail itself offers to anyone: the password of a private page
and the admin's password reset. Guessing a page's password, or flooding a person's inbox
with reset emails, stops after a few tries (core.protection keeps the counts)."""

import re

from django.conf import settings
from django.template.response import TemplateResponse

from core.protection import rate_limited

PAGE_PASSWORD = re.compile(r"^/_util/authenticate_with_password/\d+/(\d+)/$")


def password_reset_path():
    return f"/{settings.WAGTAIL_ADMIN_PATH}password_reset/"


class FormThrottleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and self.throttled(request):
            return TemplateResponse(request, "too_many_attempts.html", status=429).render()
        return self.get_response(request)

    def throttled(self, request):
        page_password = PAGE_PASSWORD.match(request.path)
        if page_password:
            scope = f"page-password-{page_password.group(1)}"
            return rate_limited(request, scope, limit=10, window=600)
        if request.path == password_reset_path():
            # Per address, and per account whoever asks: one inbox is never flooded.
            email = request.POST.get("email", "").strip().lower()[:254]
            return rate_limited(request, "password-reset", limit=5, window=3600) or bool(
                email
                and rate_limited(request, "password-reset-email", limit=3, window=3600, per=email)
            )
        return False
