"""Installations of the site of their own (database, media, search index in a directory),
run by `manage.py` in processes of their own, as an operator runs them: for the drills,
which must never touch the test database."""

import json
import os
import socket
import subprocess
import sys
import time
from urllib.parse import urlsplit, urlunsplit

import pytest
import requests
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

    def serve(self):
        """gunicorn serving this installation (one worker), in a process group of its own;
        (process, base URL) once it answers."""
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "kb.wsgi", "-c", "kb/gunicorn.py", "--access-logfile", "/dev/null"],
            cwd=settings.BASE_DIR, env={**self.env, "GUNICORN_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "1"},
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                requests.get(base + "/healthz", timeout=2)
                return server, base
            except requests.ConnectionError:
                assert server.poll() is None and time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.2)

    def fingerprint(self):
        return json.loads(self.manage("shell", "-c", FINGERPRINT).stdout.strip().splitlines()[-1])


def postgres_drill_database():
    """A database URL on the suite's PostgreSQL server, for a database made for the drill."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return None
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/kb_drill"))


def recreate_postgres_database(url):
    import psycopg

    parts = urlsplit(url)
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute("DROP DATABASE IF EXISTS kb_drill WITH (FORCE)")
        connection.execute("CREATE DATABASE kb_drill")


def drill_database(leg, tmp_path):
    """(database URL, a function that wipes it) for a drill on `leg`, "sqlite" or
    "postgresql": each runs in the suite's run on that database, and is skipped in the other."""
    postgres = postgres_drill_database()
    if leg == "sqlite":
        if postgres:
            pytest.skip("the SQLite drill runs in the suite's SQLite run")
        return f"sqlite:///{tmp_path / 'db.sqlite3'}", (tmp_path / "db.sqlite3").unlink
    if postgres is None:
        pytest.skip("the suite is not running against PostgreSQL (scripts/with-postgres)")
    recreate_postgres_database(postgres)
    return postgres, lambda: recreate_postgres_database(postgres)
