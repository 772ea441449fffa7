"""The test suite: fast password hashing, e-mails kept in memory, a file database."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F401,F403
from .base import DATABASES

SECRET_KEY = os.environ.get("SECRET_KEY") or "test-only-insecure-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["*"]
# Tests that need it switch two-factor authentication on with override_settings.
KB_EDITORS_REQUIRE_2FA = False

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not Django's shared-cache memory database: there a live-server thread still
    # answering a request makes the end-of-test flush fail at once ("database table is
    # locked"), while a file database makes the flush wait for it (busy timeout).
    DATABASES["default"]["TEST"] = {"NAME": str(Path(tempfile.gettempdir()) / f"kb-test-{os.getpid()}.sqlite3")}
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        timeout=30,
        # A test database need not survive a power cut.
        init_command="PRAGMA synchronous=OFF",
    )

# The site's engine in tests is the embedded one; tests that run on a cluster take its
# address from the environment themselves (tests/helpers.py), each with its own index.
ELASTICSEARCH_URL = OPENSEARCH_URL = ""

# Pages are cached in the tests as on a server (the leak suite runs with caching on), in
# memory: one process, emptied before each test (tests/conftest.py).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}
