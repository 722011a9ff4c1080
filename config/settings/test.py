import os

from .base import *  # noqa: F403
from .base import POST_OFFICE

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
POST_OFFICE = {
    **POST_OFFICE,
    "BACKENDS": {"default": "django.core.mail.backends.locmem.EmailBackend"},
    # Each test worker sends its own queue.
    "LOCK_FILE_NAME": f"post_office-test-{os.getpid()}",
}
DEMO_USERS_PASSWORD = "wellbeing-demo-2026"  # noqa: S105
# Tests give each test its own; a demo built for the tests in another process says where.
MEDIA_ROOT = os.environ.get("TEST_MEDIA_ROOT") or BASE_DIR / ".test-media"  # noqa: F405
SITE_URL = WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = "http://testserver"
AXES_ENABLED = True
# Every search is written at once, so tests read the report straight after searching.
SEARCH_TALLY_SECONDS = 0
