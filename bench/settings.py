"""Settings of `make bench`: the test settings with everything in a temporary directory.

bench/__main__.py sets KB_BENCH_DIR (a fresh temporary directory) before Django starts;
the database, the search index and media all live there, never in var/.
"""

import os
from pathlib import Path

from kb.settings.test import *  # noqa: F401,F403

BENCH_DIR = Path(os.environ["KB_BENCH_DIR"])

DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": BENCH_DIR / "bench.sqlite3"}}
ELASTICSEARCH_URL = ""
SEARCH_EMBEDDED_DIR = BENCH_DIR / "search-site"
MEDIA_ROOT = BENCH_DIR / "media"
DEBUG = False
# Wagtail's search index is rebuilt explicitly (update_index) after the pages are created.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False}}
# Nothing is queued: the harness indexes explicitly.
TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    # opensearch-py logs every 404 as a warning, and a rebuild's look-up of the alias's old
    # index is one (--with-opensearch); real failures still raise.
    "loggers": {"opensearch": {"level": "ERROR"}},
}
