"""Installations of the site of their own (database, media, search index in a directory),
run by `manage.py` in processes of their own, as an operator runs them: for the drills,
which must never touch the test database."""

import json
import os
import subprocess
import sys
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings

# What a visitor would notice of a site: its pages, and what a few searches find.
FINGERPRINT = """
import json
from wagtail.models import Page
from practices.models import PracticePage
from search.engines import get_engine
from search.query import PracticeQuery
pages = sorted((p.url_path, p.title, p.live) for p in Page.objects.all())
found = {q: [h.practice_id for h in get_engine().search(PracticeQuery(text=q, access_levels=("public",))).hits]
         for q in ("hotel", "sécurité privée", "vehicle barriers", "Nice")}
print(json.dumps({"pages": pages, "found": found, "practices": PracticePage.objects.count()}))
"""


class Installation:
    """A site installed in a directory: its database URL, media and search index."""

    def __init__(self, directory, database_url):
        self.directory = directory
        self.media = directory / "media"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "kb.settings.test",
            "DATABASE_URL": database_url,
            "MEDIA_ROOT": str(self.media),
            "SEARCH_EMBEDDED_DIR": str(directory / "search"),
        }

    def manage(self, *args, check=True):
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=settings.BASE_DIR, env=self.env, capture_output=True, text=True
        )
        if check and result.returncode:
            raise AssertionError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result

    def fingerprint(self):
        return json.loads(self.manage("shell", "-c", FINGERPRINT).stdout.strip().splitlines()[-1])


def postgres_drill_database():
    """A database URL on the suite's PostgreSQL server, for a database made for the drill."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return None
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/kb_backup_drill"))


def recreate_postgres_database(url):
    import psycopg

    parts = urlsplit(url)
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute("DROP DATABASE IF EXISTS kb_backup_drill WITH (FORCE)")
        connection.execute("CREATE DATABASE kb_backup_drill")
