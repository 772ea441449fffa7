"""The backup and restore drill, as an operator runs it: `manage.py` in processes of their
own against an installation of their own (its own database, media and index), never the
test database. Back up, wipe, restore: the same pages and the same search results.

On SQLite always; on PostgreSQL too when the suite runs against a PostgreSQL server
(scripts/with-postgres), in a database created for the drill on that server.
"""

import json
import shutil
import tarfile

import pytest

from .installation import Installation, drill_database


@pytest.fixture(params=["sqlite", "postgresql"])
def installation(request, tmp_path):
    url, wipe_database = drill_database(request.param, tmp_path)
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
