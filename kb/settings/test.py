"""The test suite: fast password hashing, e-mails kept in memory."""

import os

from .base import *  # noqa: F401,F403

SECRET_KEY = os.environ.get("SECRET_KEY") or "test-only-insecure-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["*"]
# Tests that need it switch two-factor authentication on with override_settings.
KB_EDITORS_REQUIRE_2FA = False
