"""Production: every secret from the environment, HTTPS behind a proxy."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403
from .base import STORAGES

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")

# Hashed, compressed static files (collectstatic on deploy), served by the app (WhiteNoise)
# unless the web server in front serves STATIC_ROOT itself (README, Production).
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}

# The web server in front terminates HTTPS and says so in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Editors prove a second factor before the admin (accounts/two_factor.py); a deployment
# may turn it off explicitly with KB_EDITORS_REQUIRE_2FA=false.
KB_EDITORS_REQUIRE_2FA = env_bool("KB_EDITORS_REQUIRE_2FA", default=True)
LANGUAGE_COOKIE_SECURE = True

# `make serve` only: the production settings tried on this machine over plain HTTP. Never
# set on a server: check --deploy then warns about every line below.
if env_bool("KB_LOCAL_TRIAL"):
    SECURE_SSL_REDIRECT = SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = False
    SECURE_HSTS_SECONDS = 0
    SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_PRELOAD = False
