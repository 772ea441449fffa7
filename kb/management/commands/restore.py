import tempfile

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from kb.backup import BackupError, read_backup, restore_database, restore_media
from practices.models import PracticePage


class Command(BaseCommand):
    help = (
        "Bring a backup archive back onto an empty installation (after `migrate`): the "
        "database, the media files, then a rebuild of the search index. The archive is checked "
        "whole before anything is changed."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="An archive written by `manage.py backup`.")
        parser.add_argument(
            "--replace", action="store_true",
            help="Restore even though this installation has content: what it holds is replaced.",
        )

    def handle(self, *args, archive, replace, **options):
        if not replace and (PracticePage.objects.exists() or get_user_model().objects.exists()):
            raise CommandError(
                "Nothing was restored: this installation already has content (practices or accounts). "
                "Restore onto an empty installation, or pass --replace to overwrite it."
            )
        with tempfile.TemporaryDirectory(prefix="kb-restore-") as directory:
            try:
                manifest = read_backup(archive, directory)
            except BackupError as error:
                raise CommandError(f"Nothing was restored. {error}")
            try:
                restore_database(manifest, directory)
            except BackupError as error:
                raise CommandError(f"The database was not restored. {error}")
            restore_media(directory)
        # An archive from an older version of the site: its schema is brought up to date.
        call_command("migrate", interactive=False, verbosity=0)
        call_command("search_index", "rebuild", stdout=self.stdout)
        counts = manifest["counts"]
        self.stdout.write(self.style.SUCCESS(
            f"Restored the backup of {manifest['created']}: {counts['practices']} practices, {counts['pages']} pages, "
            f"{len(manifest['files']) - 1} media files; the search index is rebuilt."
        ))
