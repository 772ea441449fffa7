"""The backup and restore drill, as an operator runs it: `manage.py` in processes of their
own against an installation of their own (its own database, media and index), never the
test database. Back up, wipe, restore: the same pages and the same search results.

On SQLite always; on PostgreSQL too when the suite runs against a PostgreSQL server
(scripts/with-postgres), in a database created for the drill on that server.
"""

import json
import os
import shutil
import subprocess
import sys
import tarfile
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings

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


def _postgres_drill_database():
    """A database URL on the suite's PostgreSQL server, for a database made for the drill."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return None
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/kb_backup_drill"))


def _recreate_postgres_database(url):
    import psycopg

    parts = urlsplit(url)
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute("DROP DATABASE IF EXISTS kb_backup_drill WITH (FORCE)")
        connection.execute("CREATE DATABASE kb_backup_drill")


@pytest.fixture(params=["sqlite", "postgresql"])
def installation(request, tmp_path):
    if request.param == "sqlite":
        if _postgres_drill_database():
            pytest.skip("the SQLite drill runs in the suite's SQLite run")
        url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
        wipe_database = (tmp_path / "db.sqlite3").unlink
    else:
        url = _postgres_drill_database()
        if url is None:
            pytest.skip("the suite is not running against PostgreSQL (scripts/with-postgres)")
        _recreate_postgres_database(url)
        wipe_database = lambda: _recreate_postgres_database(url)  # noqa: E731
    site = Installation(tmp_path / "site", url)
    site.manage("migrate", "--verbosity=0")
    site.manage("load_demo_content")
    site.manage("search_index", "rebuild")
    (site.media / "documents").mkdir(parents=True)
    (site.media / "documents" / "drill-report.pdf").write_bytes(b"%PDF-1.4 the drill's document")
    site.wipe_database = wipe_database
    return site


def test_back_up_wipe_and_restore_gives_the_same_site(installation, tmp_path):
    site = installation
    before = site.fingerprint()
    assert before["practices"] >= 80 and all(before["found"].values())
    archive = tmp_path / "backup.tar.gz"
    assert "Wrote" in site.manage("backup", str(archive)).stdout

    # The machine is lost: database, media and index.
    site.wipe_database()
    for directory in (site.media, site.directory / "search"):
        shutil.rmtree(directory)
    site.manage("migrate", "--verbosity=0")
    assert site.fingerprint()["practices"] == 0

    restored = site.manage("restore", str(archive)).stdout
    assert "the search index is rebuilt" in restored
    assert site.fingerprint() == before
    assert (site.media / "documents" / "drill-report.pdf").read_bytes() == b"%PDF-1.4 the drill's document"

    # A second restore onto the site that now has content is refused, and changes nothing.
    again = site.manage("restore", str(archive), check=False)
    assert again.returncode != 0 and "already has content" in again.stderr
    assert site.fingerprint() == before


def test_a_damaged_archive_is_refused_before_anything_changes(tmp_path):
    site = Installation(tmp_path / "site", f"sqlite:///{tmp_path / 'db.sqlite3'}")
    site.manage("migrate", "--verbosity=0")
    empty = site.fingerprint()
    source = tmp_path / "source"
    source.mkdir()
    (source / "database.sqlite3").write_bytes(b"not the database the manifest describes")
    manifest = {"format": 1, "created": "2026-12-07T00:00:00+00:00", "database": "sqlite", "counts": {"pages": 0, "practices": 0},
                "files": {"database.sqlite3": {"size": 1, "sha256": "0" * 64}}}
    (source / "manifest.json").write_text(json.dumps(manifest))
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(damaged, "w:gz") as archive:
        archive.add(source / "manifest.json", arcname="manifest.json")
        archive.add(source / "database.sqlite3", arcname="database.sqlite3")
    not_an_archive = tmp_path / "notes.tar.gz"
    not_an_archive.write_text("just some text")

    for path, message in ((damaged, "does not match its checksum"), (not_an_archive, "cannot be read")):
        result = site.manage("restore", str(path), check=False)
        assert result.returncode != 0 and "Nothing was restored." in result.stderr and message in result.stderr
        assert "Traceback" not in result.stderr
    assert site.fingerprint() == empty
