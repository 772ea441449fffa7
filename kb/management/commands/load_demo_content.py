from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from kb.demo_content import DemoContentError, read_demo_content, write_demo_content
from kb.demo_listings import read_listed_pages, write_listed_pages
from kb.site_tree import ensure_site_tree, listing_indexes
from practices.models import City, Organisation, PracticeIndexPage, PracticePage
from search.indexing import indexed_in_bulk


# Networks, events and references are written in English; their translations in French.
TRANSLATION_LANGUAGE = "fr"


class Command(BaseCommand):
    help = "Validate and load the demonstration content in fixtures/ (idempotent: matches by slug)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--path", default=str(Path(settings.BASE_DIR) / "fixtures"),
            help="Directory holding cities.yaml, organisations.yaml, practices/, networks/, events/ "
            "and references/ (default: fixtures/).",
        )

    def handle(self, *args, path, **options):
        try:
            content = read_demo_content(path)
            listed = read_listed_pages(
                Path(path), [c.slug for c in content.cities], [o.slug for o in content.organisations],
                [p.slug for p in content.practices],
            )
        except DemoContentError as error:
            raise CommandError(f"Nothing was loaded. {error}")
        self.stdout.write(
            f"Validated {len(content.practices)} practices, {len(content.cities)} cities, "
            f"{len(content.organisations)} organisations, {len(listed)} networks, events and references."
        )
        progress = (lambda message: self.stdout.write(f"  {message}")) if options["verbosity"] > 1 else (lambda m: None)
        # Search index updates are collected and made once, after the load commits.
        with indexed_in_bulk(), transaction.atomic():
            ensure_site_tree()
            indexes = {code: PracticeIndexPage.in_language(code) for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
            cities, organisations, practices = write_demo_content(content, indexes, progress)
            write_listed_pages(listed, listing_indexes(), {
                "city": {c.slug: c for c in City.objects.all()},
                "organisation": {o.slug: o for o in Organisation.objects.all()},
                # Listed pages link the originals of the entries: the first version created
                # of each slug (read newest first, so that the oldest is kept).
                "practice": {p.slug: p for p in PracticePage.objects.order_by("-pk")},
            }, listing_indexes(TRANSLATION_LANGUAGE), progress)
        self.stdout.write(self.style.SUCCESS(
            f"Loaded {practices} practices, {cities} cities, {organisations} organisations and "
            f"{len(listed)} networks, events and references."
        ))
