from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from kb.site_tree import ensure_site_tree
from kb.demo_content import DemoContentError, read_demo_content, write_demo_content
from search.indexing import indexed_in_bulk


class Command(BaseCommand):
    help = "Validate and load the demonstration content in fixtures/ (idempotent: matches by slug)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--path", default=str(Path(settings.BASE_DIR) / "fixtures"),
            help="Directory holding cities.yaml, organisations.yaml and practices/ (default: fixtures/).",
        )

    def handle(self, *args, path, **options):
        try:
            content = read_demo_content(path)
        except DemoContentError as error:
            raise CommandError(f"Nothing was loaded. {error}")
        self.stdout.write(
            f"Validated {len(content.practices)} practices, {len(content.cities)} cities, "
            f"{len(content.organisations)} organisations."
        )
        _, index_page = ensure_site_tree()
        progress = (lambda message: self.stdout.write(f"  {message}")) if options["verbosity"] > 1 else (lambda m: None)
        # Search index updates are collected and made once, after the load commits.
        with indexed_in_bulk():
            cities, organisations, practices = write_demo_content(content, index_page, progress)
        self.stdout.write(self.style.SUCCESS(
            f"Loaded {practices} practices, {cities} cities and {organisations} organisations."
        ))
