from django.core.management.base import BaseCommand, CommandError

from kb.backup import BackupError, write_backup


class Command(BaseCommand):
    help = (
        "Write one archive of the site: the database (SQLite's online backup, or pg_dump on "
        "PostgreSQL) and the media files, with a manifest of checksums. The site may keep running."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Path of the archive to write, e.g. /var/backups/kb-2026-12-07.tar.gz")

    def handle(self, *args, archive, **options):
        try:
            manifest = write_backup(archive)
        except BackupError as error:
            raise CommandError(f"No backup was written. {error}")
        counts = manifest["counts"]
        self.stdout.write(self.style.SUCCESS(
            f"Wrote {archive}: {manifest['database']} database ({counts['practices']} practices, "
            f"{counts['pages']} pages) and {len(manifest['files']) - 1} media files."
        ))
