"""Production: everything secure by default; refuses to start without a real secret key."""

import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import BASE_DIR, REDIS_URL, SECRET_KEY, TASK_BACKENDS, TASKS_BACKEND, env_list, require

DEBUG = False

if not SECRET_KEY or len(SECRET_KEY) < 50 or SECRET_KEY.startswith(("dev-", "test-")):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of at least 50 characters in production "
        '(for example: python -c "import secrets; print(secrets.token_urlsafe(64))").'
    )

SITE_URL = require("SITE_URL").rstrip("/")
if urlsplit(SITE_URL).scheme != "https" or not urlsplit(SITE_URL).hostname:
    raise ImproperlyConfigured("SITE_URL must be the site's https:// address in production.")
WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = SITE_URL
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS") or [urlsplit(SITE_URL).hostname]

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Every worker process must see the same cache: the page cache's generations (a publish in
# one worker must refresh the page in all of them), rate limits and navigation. Without
# Redis, that is a folder on this machine (one app server); with several, set REDIS_URL.
if not REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("CACHE_DIR", str(BASE_DIR / "var" / "cache")),
            "TIMEOUT": 600,
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        },
        # Wagtail writes every image rendition a page shows back to its renditions cache
        # on each render, which in a folder is a file written per rendition: 60 ms of the
        # home page's 95 (bench/run.py). The site's pages load their renditions with them
        # (prefetched), so that cache saves them nothing; an image shown alone costs one
        # query instead.
        "renditions": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }

# Background work is queued in the database and run by `manage.py db_worker` (make worker).
TASKS = {"default": {"BACKEND": TASK_BACKENDS[TASKS_BACKEND or "database"]}}
