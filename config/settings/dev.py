from .base import *  # noqa: F403
from .base import POST_OFFICE, SECRET_KEY

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-used-in-production"  # noqa: S105
POST_OFFICE = {
    **POST_OFFICE,
    "BACKENDS": {"default": "django.core.mail.backends.console.EmailBackend"},
}
ALLOWED_HOSTS = ["*"]

# Demo accounts that exist only in development: `load_demo_content` creates them.
DEMO_USERS_PASSWORD = "wellbeing-demo-2026"  # noqa: S105
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
