"""Settings shared by every environment.

All configuration comes from environment variables, read here once (see README):
DATABASE_URL, ELASTICSEARCH_URL, OPENSEARCH_URL, SECRET_KEY, ALLOWED_HOSTS, MEDIA_ROOT, EMAIL_URL.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
import dj_email_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name, "").strip().lower()
    return default if not value else value in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")

INSTALLED_APPS = [
    "kb",
    "security",  # before Wagtail: its admin templates give inline scripts the CSP nonce
    "accounts",
    "practices",
    "networks",
    "submissions",
    "access_requests",
    "media",
    "search",
    "page_cache",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files from STATIC_ROOT (collectstatic), before anything else reads the request.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "security.csp.SiteCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Anonymous visitors' pages from the cache: after the language is known, before the
    # session, the user or the database are read.
    "page_cache.middleware.PageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.two_factor.EditorsSecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A locked or unreachable database: a 503 page instead of the server error page.
    "kb.middleware.DatabaseUnavailableMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kb.urls"
WSGI_APPLICATION = "kb.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "kb.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Search: an Elasticsearch cluster (ELASTICSEARCH_URL) or an OpenSearch cluster
# (OPENSEARCH_URL), each one or several comma-separated node addresses; neither set: the
# embedded engine answers, with no server.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
OPENSEARCH_URL = os.environ.get("OPENSEARCH_URL", "")

_email = dj_email_url.parse(os.environ.get("EMAIL_URL", "console:"))
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email["EMAIL_HOST"]
EMAIL_PORT = _email["EMAIL_PORT"]
EMAIL_HOST_USER = _email["EMAIL_HOST_USER"]
EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"]
EMAIL_USE_TLS = _email["EMAIL_USE_TLS"]
EMAIL_USE_SSL = _email["EMAIL_USE_SSL"]
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "knowledge-base@localhost")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# English at the root, French under /fr/ (i18n_patterns in kb/urls.py).
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Content in the same languages: each page has a locale and its translation in the other
# (Wagtail's localisation, with simple_translation's "Translate" action in the admin).
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"
# Media are served by the media app after an access check (README, Media). Behind nginx, set
# this to an internal location and nginx sends the bytes (X-Accel-Redirect).
MEDIA_ACCEL_REDIRECT_PREFIX = os.environ.get("MEDIA_ACCEL_REDIRECT_PREFIX", "")
MEDIA_PUBLIC_MAX_AGE = 600
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Urban security good practices"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf"]
WAGTAIL_ENABLE_UPDATE_CHECK = False  # nothing reaches the internet at run time
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no avatars from another host (privacy, CSP)
TAGGIT_CASE_INSENSITIVE = True

# Accounts: the site's own login pages (accounts); members never see the admin.
# Members log in with their e-mail address; editors may still use their username.
# django-axes' backend comes first: it refuses a locked-out account or address before any
# password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "accounts.backends.EmailBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# After logging in or out, the home page in the visitor's language (accounts/urls.py).
LOGIN_URL = "accounts:login"

# Practice listings
PRACTICES_PER_PAGE = 12

# Submissions (submissions): what a member may do in an hour, counted in the
# database. Documents are always downloaded as attachments, never shown inline, and go
# through Django's view (so Wagtail's headers and checks apply).
SUBMISSIONS_RATE_LIMITS = {"submissions.submit": 10, "submissions.save_draft": 120}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []

# Caches: a shared Redis (Django's own backend) when REDIS_URL is set, which every app
# server and task worker must then share; otherwise memory for Django and Wagtail (image
# renditions) and files under var/cache for the pages, which the processes of one machine
# share (the app server's workers and the task worker that updates the search index).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        alias: {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL, "KEY_PREFIX": alias}
        for alias in ("default", "pages")
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("PAGE_CACHE_DIR", str(VAR_DIR / "cache" / "pages")),
            # Django lists the directory on every store to cull it: a few thousand files
            # keep that to a few milliseconds of a page that was rendered anyway.
            "OPTIONS": {"MAX_ENTRIES": 3_000},
        },
    }
# Anonymous visitors' pages (page_cache): how long a page may be kept at most (0: never
# cached); any change to the content apps below, and any write to the search index, drops
# them all at once before that.
PAGE_CACHE_ALIAS = "pages"
PAGE_CACHE_SECONDS = int(os.environ.get("KB_PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_CONTENT_APPS = {
    "kb", "practices", "networks", "wagtailcore", "wagtailimages", "wagtaildocs", "wagtailredirects", "taggit",
}  # fmt: skip
# Beside the session cookie, a request carrying one of these is a visitor with a state of
# their own (a message waiting to be shown): never answered from the cache.
PAGE_CACHE_BYPASS_COOKIES = ("messages",)

# Search (search/): the embedded engine's index file, the Elasticsearch index prefix.
SEARCH_EMBEDDED_DIR = Path(os.environ.get("SEARCH_EMBEDDED_DIR", VAR_DIR / "search"))
SEARCH_INDEX_PREFIX = os.environ.get("SEARCH_INDEX_PREFIX", "practices")

# Background work (search indexing, e-mail) in a durable queue in the main database,
# run by `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Security headers, sent by every environment so that dev and the tests meet what
# production enforces (production.py adds HTTPS, HSTS and secure cookies).
# Content-Security-Policy (django-csp): nothing from other hosts, no inline script. Wagtail's
# admin gets nonces for its own few inline scripts and inline styles; a page may be framed
# only by the preview panel (security/csp.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],  # the admin previews uploads as blob: URLs
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views allow SAMEORIGIN themselves
# Permissions-Policy (django-permissions-policy): no page of this site needs these features.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer", "autoplay", "camera", "display-capture",
        "encrypted-media", "geolocation", "gyroscope", "hid", "magnetometer", "microphone",
        "midi", "payment", "publickey-credentials-get", "screen-wake-lock", "serial", "usb",
        "xr-spatial-tracking",
    )
}

# Login rate limiting (django-axes), on the site's login page and on /admin/login/ alike,
# counted in the database so that every web process sees the same counts. An account is
# locked after AXES_ACCOUNT_FAILURE_LIMIT failures from any address; an address after
# AXES_FAILURE_LIMIT failures over any accounts (accounts/lockout.py). A successful
# login clears the count; `manage.py axes_reset` unlocks everyone.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_ACCOUNT_FAILURE_LIMIT = int(os.environ.get("KB_LOGIN_FAILURES_PER_ACCOUNT", "5"))
AXES_FAILURE_LIMIT = int(os.environ.get("KB_LOGIN_FAILURES_PER_ADDRESS", "20"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("KB_LOGIN_LOCKOUT_MINUTES", "15")))
AXES_RESET_ON_SUCCESS = True
AXES_HANDLER = "accounts.lockout.AccountAndAddressHandler"
AXES_USERNAME_CALLABLE = "accounts.lockout.typed_username"
AXES_CLIENT_IP_CALLABLE = "accounts.lockout.client_address"
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
AXES_VERBOSE = False
# Behind N reverse proxies that each append to X-Forwarded-For, the client's address is the
# Nth entry from the right. 0: REMOTE_ADDR (no proxy, or one that rewrites it).
KB_TRUSTED_PROXY_COUNT = int(os.environ.get("KB_TRUSTED_PROXY_COUNT", "0"))

# Two-factor authentication for everyone with access to Wagtail's admin (django-otp, TOTP):
# on in production, off by default elsewhere so that `make run` stays a one-step login.
KB_EDITORS_REQUIRE_2FA = env_bool("KB_EDITORS_REQUIRE_2FA", default=False)
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
