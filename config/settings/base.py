"""Settings shared by every environment.

The environment is read here and only here; dev, test and production override values
but never read variables of their own (except production's hard requirements).
"""

import datetime
import ipaddress
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent
SITE_DIR = BASE_DIR / "site"


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_proxies(name):
    """How many proxies stand in front (a number), or their addresses and networks
    (comma-separated), from the environment; none by default."""
    value = os.environ.get(name, "").strip()
    if not value:
        return 0
    if value.isdigit():
        return int(value)
    return [ipaddress.ip_network(item, strict=False) for item in env_list(name)]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# The site's public address: links in feeds, calendars, the sitemap, the API and emails, and
# the default Site record (applied after every migrate), all come from it.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# The proxies in front of the app servers (nginx, a load balancer): the visitor's address
# is read from X-Forwarded-For past them (core.protection.client_address).
TRUSTED_PROXIES = env_proxies("TRUSTED_PROXIES")

INSTALLED_APPS = [
    # The site's own apps, lowest layer first: the ground floor, the apps that serve every
    # page, the content apps, search, the home page on top, and the demo builders.
    "core",
    "editorial",
    "caching",
    "operations",
    "community",
    "publications",
    "events",
    "gallery",
    "news",
    "search",
    "home",
    "wordpress_import",
    "demo",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "wagtail_modeladmin",
    "wagtailmedia",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "post_office",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.forms",
]
# Form widgets may use the site's templates (e.g. the honeypot field's).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "operations.middleware.ContentSecurityPolicyMiddleware",
    "operations.middleware.DatabaseUnavailableMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    # WordPress's /?p=ID addresses, before the page cache answers them as the home page.
    "wordpress_import.middleware.OldWordPressAddresses",
    "caching.pages.PageCacheMiddleware",
    "core.pages.OneReadOfViewRestrictions",
    "core.throttles.FormThrottleMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so that a locked-out login attempt never reaches the view.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "caching.pages.fragment_context",
            ],
        },
    },
]

# Database: an embedded SQLite file unless DATABASE_URL names another.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database that accepts connections but never answers must not hold a request (and
    # a worker) until the app server kills it: connections and statements give up, and
    # visitors get the designed 503 page.
    DATABASES["default"]["OPTIONS"] = {
        "connect_timeout": int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "5")),
        "options": "-c statement_timeout={}".format(
            int(os.environ.get("DATABASE_STATEMENT_TIMEOUT_MS", "30000"))
        ),
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers carry on while an editor saves; a busy timeout avoids
    # "database is locked" under concurrent workers. Connections persist like PostgreSQL's
    # (DATABASE_CONN_MAX_AGE): opening one costs about 1.5 ms a request.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set (django-redis; when Redis cannot be reached every call
# answers as an empty cache would, so pages are served uncached), process memory otherwise.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "cwb"),
            "TIMEOUT": 600,
            "OPTIONS": {
                # A Redis that hangs costs a request at most this, then pages go uncached.
                "SOCKET_CONNECT_TIMEOUT": float(os.environ.get("REDIS_TIMEOUT", "1")),
                "SOCKET_TIMEOUT": float(os.environ.get("REDIS_TIMEOUT", "1")),
                "IGNORE_EXCEPTIONS": True,
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "clinician-wellbeing",
            "TIMEOUT": 600,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

# The page cache (caching/pages.py): anonymous page views served from the cache above.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# Set RELEASE (e.g. the commit) on each deploy, so pages cached by the previous code are not
# served by the new one from a shared Redis.
RELEASE = os.environ.get("RELEASE", "")

# A CDN or caching proxy in front of the site is told to purge pages when they change
# (caching/invalidation.py): Cloudflare with CLOUDFLARE_ZONE_ID and CLOUDFLARE_API_TOKEN, and/or any
# proxy that accepts HTTP PURGE requests (Varnish, nginx, Fastly...) at
# FRONTEND_CACHE_PURGE_URL. Wagtail sends the purges from a background task.
FRONTEND_CACHE_PURGE_URL = os.environ.get("FRONTEND_CACHE_PURGE_URL", "")
CLOUDFLARE_ZONE_ID = os.environ.get("CLOUDFLARE_ZONE_ID", "")
WAGTAILFRONTENDCACHE = {}
if FRONTEND_CACHE_PURGE_URL:
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": FRONTEND_CACHE_PURGE_URL,
    }
if CLOUDFLARE_ZONE_ID:
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": CLOUDFLARE_ZONE_ID,
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_API_TOKEN", ""),
    }

# Search: Wagtail's Elasticsearch 9 backend when ELASTICSEARCH_URL is set, the database
# backend (SQLite FTS5 / PostgreSQL full text) otherwise. The database index is always kept
# up to date too, so the search page can answer from it while Elasticsearch is unreachable.
# Editor-managed synonyms are applied to queries by the search app (search/query.py), so
# changing them never needs a reindex; the analyzers below give both backends the same
# intent: English stemming and "well-being" = "wellbeing" = "well being".
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX_PREFIX = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "cwb_")
# Searches are counted in memory and written for the editors' report at most this often
# (search/analytics.py), so a search never writes to the database itself.
SEARCH_TALLY_SECONDS = int(os.environ.get("SEARCH_TALLY_SECONDS", "60"))
ENGLISH_ANALYZER = {
    "type": "custom",
    "char_filter": ["join_hyphenated_words"],
    "tokenizer": "standard",
    "filter": [
        "lowercase",
        "asciifolding",
        "english_possessive_stemmer",
        "english_stop",
        "english_stemmer",
    ],
}
WAGTAILSEARCH_BACKENDS = {
    "database": {
        # Wagtail's database backend: PostgreSQL full text, or SQLite FTS5 with English
        # stems and weighted titles (search/sqlite.py).
        "BACKEND": "search.backend",
        # PostgreSQL: stem English words.
        "SEARCH_CONFIG": "english",
        "FUZZY_SIMILARITY_THRESHOLD": 0.4,
    },
}
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS["default"] = {
        "BACKEND": "wagtail.search.backends.elasticsearch9",
        "URLS": [ELASTICSEARCH_URL],
        "INDEX_PREFIX": ELASTICSEARCH_INDEX_PREFIX,
        "TIMEOUT": 5,
        "OPTIONS": {"max_retries": 0},
        "INDEX_SETTINGS": {
            "settings": {
                "analysis": {
                    "char_filter": {
                        # "well-being" is indexed as "wellbeing well being".
                        "join_hyphenated_words": {
                            "type": "pattern_replace",
                            "pattern": "(\\w+)-(\\w+)",
                            "replacement": "$1$2 $1 $2",
                        }
                    },
                    "filter": {
                        "english_possessive_stemmer": {
                            "type": "stemmer",
                            "language": "possessive_english",
                        },
                        "english_stop": {"type": "stop", "stopwords": "_english_"},
                        "english_stemmer": {"type": "stemmer", "language": "english"},
                    },
                    "analyzer": {"default": ENGLISH_ANALYZER},
                }
            }
        },
    }
else:
    # One backend under one name, so that each save indexes once.
    WAGTAILSEARCH_BACKENDS = {"default": WAGTAILSEARCH_BACKENDS["database"]}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "America/New_York"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATICFILES_DIRS = [SITE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Every email is queued (django-post-office) and delivered after the change that caused it
# is committed (operations/mail.py); EMAIL_DELIVERY_BACKEND is what actually sends it.
EMAIL_BACKEND = "post_office.EmailBackend"
EMAIL_DELIVERY_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
POST_OFFICE = {
    "BACKENDS": {"default": EMAIL_DELIVERY_BACKEND},
    "DEFAULT_PRIORITY": "medium",
    # A mail server that is down: try again every five minutes, six times.
    "MAX_RETRIES": 6,
    "RETRY_INTERVAL": datetime.timedelta(minutes=5),
    "LOG_LEVEL": 1,
}
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
# A mail server that never answers gives up after this many seconds; the email stays queued.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "wellbeing@nam.example.org")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where notifications of public submissions go.
STAFF_NOTIFICATION_EMAILS = env_list(
    "STAFF_NOTIFICATION_EMAILS", "clinicianwellbeing@nam.example.org"
)

# Background work (search indexing, renditions, emails, cache purges) runs through Django's
# task framework. "immediate" runs it in the request (the embedded default and the tests);
# "database" queues it for `manage.py db_worker` (`make worker`), production's default.
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "")
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS = {"default": {"BACKEND": TASK_BACKENDS[TASKS_BACKEND or "immediate"]}}

# Wagtail
WAGTAIL_SITE_NAME = "Action Collaborative on Clinician Well-Being and Resilience"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAIL_ADMIN_PATH = os.environ.get("WAGTAIL_ADMIN_PATH", "admin").strip("/") + "/"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "pptx", "xlsx", "csv", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "core.uploads.SafeDocumentForm"
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "gif", "webp", "avif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Every image upload (admin and public forms) is checked by content and stripped of EXIF/GPS.
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.uploads.SafeImageForm"
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "avif", "webp": "webp"}
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Avatars from gravatar.com would make the admin call out to another site on every list.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILSEARCH_HITS_MAX_AGE = 90
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 50
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAILADMIN_COMMENTS_ENABLED = True

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}

# Brute-force protection for the admin login.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "account_locked.html"
# The visitor's address as the rate limits read it, past the trusted proxies: one
# attacker never locks an account for everyone behind the same proxy.
AXES_CLIENT_IP_CALLABLE = "core.protection.client_address"

SESSION_COOKIE_AGE = 60 * 60 * 8
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "elastic_transport": {"level": "ERROR"},
    },
}


def require(name):
    """Read a variable that production cannot run without."""
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} must be set in production.")
    return value
