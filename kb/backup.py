"""One archive holds the whole site: the database and the media files, with a manifest.

The archive is a gzipped tar file: `manifest.json` first, then the database (SQLite's
online backup of the live file, or PostgreSQL's `pg_dump` custom format), then `media/`.
The manifest lists every file with its size and SHA-256: a restore reads the whole archive
and checks it before it changes anything. The search index is not in the archive: it is
rebuilt from the restored database.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.db import connection

ARCHIVE_FORMAT = 1
MANIFEST = "manifest.json"
DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
MEDIA = "media"


class BackupError(Exception):
    """What the operator is told when an archive cannot be written or restored."""


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _postgres_environment():
    """pg_dump and pg_restore reach the database Django uses through libpq's variables."""
    database = settings.DATABASES["default"]
    values = {
        "PGDATABASE": database.get("NAME"), "PGUSER": database.get("USER"), "PGPASSWORD": database.get("PASSWORD"),
        "PGHOST": database.get("HOST"), "PGPORT": str(database.get("PORT") or ""),
    }
    return {**os.environ, **{name: value for name, value in values.items() if value}}


def _run(command):
    try:
        subprocess.run(command, env=_postgres_environment(), check=True, capture_output=True, text=True)
    except FileNotFoundError:
        raise BackupError(f"{command[0]} is not installed: install PostgreSQL's client programs.") from None
    except subprocess.CalledProcessError as error:
        raise BackupError(f"{command[0]} failed: {error.stderr.strip()}") from None


def _dump_database(directory):
    vendor = connection.vendor
    if vendor not in DATABASE_FILES:
        raise BackupError(f"Backups of a {vendor} database are not supported (SQLite and PostgreSQL are).")
    target = directory / DATABASE_FILES[vendor]
    if vendor == "sqlite":
        connection.ensure_connection()
        copy = sqlite3.connect(target)
        try:
            # The online backup API: a consistent copy while the site keeps running.
            connection.connection.backup(copy)
        finally:
            copy.close()
    else:
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={target}"])
    return vendor, target


def _counts():
    from wagtail.models import Page

    from practices.models import PracticePage

    return {"pages": Page.objects.count(), "practices": PracticePage.objects.count()}


def write_backup(archive_path):
    """Write the archive to `archive_path` (under a temporary name until it is complete);
    return its manifest."""
    archive_path = Path(archive_path)
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="kb-backup-") as temporary:
        directory = Path(temporary)
        vendor, database_file = _dump_database(directory)
        files = {database_file.name: database_file}
        if media_root.is_dir():
            for path in sorted(p for p in media_root.rglob("*") if p.is_file()):
                files[str(PurePosixPath(MEDIA, *path.relative_to(media_root).parts))] = path
        manifest = {
            "format": ARCHIVE_FORMAT,
            "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "database": vendor,
            "counts": _counts(),
            "files": {name: {"size": path.stat().st_size, "sha256": _sha256(path)} for name, path in files.items()},
        }
        manifest_file = directory / MANIFEST
        manifest_file.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        partial = archive_path.with_name(archive_path.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(manifest_file, arcname=MANIFEST)
            for name, path in files.items():
                archive.add(path, arcname=name)
        partial.replace(archive_path)
    return manifest


def _safe_name(name):
    path = PurePosixPath(name)
    return not path.is_absolute() and ".." not in path.parts and name == str(path)


def read_backup(archive_path, directory):
    """Extract and check the archive into `directory`; return its manifest. Raises
    BackupError, having changed nothing outside `directory`, when anything is wrong."""
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            members = archive.getmembers()
            if not members or members[0].name != MANIFEST:
                raise BackupError("This is not a backup of this site: the archive does not start with its manifest.")
            manifest = json.load(archive.extractfile(members[0]))
            if manifest.get("format") != ARCHIVE_FORMAT:
                raise BackupError(f"Unknown archive format {manifest.get('format')!r} (this version reads {ARCHIVE_FORMAT}).")
            listed = manifest.get("files") or {}
            names = {member.name for member in members[1:]}
            if names != set(listed):
                raise BackupError("The archive's files do not match its manifest: it is incomplete or was altered.")
            for member in members[1:]:
                if not member.isfile() or not _safe_name(member.name):
                    raise BackupError(f"Refusing an archive entry that is not a plain file inside it: {member.name!r}.")
                archive.extract(member, directory, filter="data")
    except (tarfile.TarError, EOFError, OSError, json.JSONDecodeError, UnicodeDecodeError) as error:
        raise BackupError(f"The archive cannot be read ({error}): it is damaged or not a backup of this site.") from None
    for name, expected in listed.items():
        if _sha256(Path(directory) / name) != expected["sha256"]:
            raise BackupError(f"{name} in the archive does not match its checksum: the archive is damaged.")
    return manifest


def restore_database(manifest, directory):
    vendor = manifest["database"]
    if vendor != connection.vendor:
        raise BackupError(f"The archive holds a {vendor} database; this installation uses {connection.vendor}.")
    source = Path(directory) / DATABASE_FILES[vendor]
    if vendor == "sqlite":
        connection.ensure_connection()
        archived = sqlite3.connect(source)
        try:
            archived.backup(connection.connection)
        finally:
            archived.close()
    else:
        connection.close()
        _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction",
              f"--dbname={_postgres_environment()['PGDATABASE']}", str(source)])


def restore_media(directory):
    source = Path(directory) / MEDIA
    if source.is_dir():
        shutil.copytree(source, settings.MEDIA_ROOT, dirs_exist_ok=True)
