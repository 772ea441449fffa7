from django.core.management.base import BaseCommand, CommandError

from page_cache.generation import invalidate as drop_cached_pages
from search.documents import indexing_documents, practices_for_indexing
from search.engines import get_engine
from search.engines.base import EngineUnavailable
from search.listings import sync_listings


class Command(BaseCommand):
    help = (
        "Operate the search index. rebuild: build a new index from the database and switch "
        "to it at once. verify: report practices missing from, stale in, or unknown to the "
        "index; with --fix, repair them."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "verify"])
        parser.add_argument("--fix", action="store_true", help="With verify: re-index and remove what differs.")

    def handle(self, *args, action, fix, **options):
        engine = get_engine()
        try:
            if action == "rebuild":
                self.rebuild(engine)
            else:
                self.verify(engine, fix)
        except EngineUnavailable as error:
            raise CommandError(f"The {engine.name} search engine is unavailable: {error}")

    def progress(self, total):
        def report(done):
            self.stdout.write(f"\r  {done}/{total} practices", ending="")
            self.stdout.flush()

        return report

    def rebuild(self, engine):
        practices = practices_for_indexing()
        total = practices.count()
        self.stdout.write(f"Rebuilding the {engine.name} search index ({total} practices)...")
        count = engine.rebuild(indexing_documents(practices), self.progress(total))
        drop_cached_pages()
        self.stdout.write("")
        listings = sync_listings()
        self.stdout.write(self.style.SUCCESS(
            f"Indexed {count} practices and {listings} networks, events and references; the new index is live."
        ))

    def verify(self, engine, fix):
        if fix:
            # Networks, events and references are few: given again whole, unchecked.
            self.stdout.write(f"{sync_listings()} networks, events and references given to the engine again.")
        expected = {}
        practices = practices_for_indexing()
        total = practices.count()
        report = self.progress(total)
        for done, document in enumerate(indexing_documents(practices), start=1):
            expected[document["id"]] = document["fingerprint"]
            if done % 500 == 0 or done == total:
                report(done)
        self.stdout.write("")
        indexed = engine.fingerprints()
        missing = sorted(set(expected) - set(indexed))
        stale = sorted(pk for pk in set(expected) & set(indexed) if expected[pk] != indexed[pk])
        unknown = sorted(set(indexed) - set(expected))
        self.stdout.write(f"{len(expected)} live practices, {len(indexed)} indexed.")
        for label, ids in (("missing from the index", missing), ("stale in the index", stale),
                           ("in the index but not live", unknown)):
            self.stdout.write(f"  {len(ids)} {label}" + (f": {', '.join(map(str, ids[:20]))}" if ids else ""))
        if not (missing or stale or unknown):
            self.stdout.write(self.style.SUCCESS("The index matches the database."))
            return
        if not fix:
            raise CommandError("The index differs from the database; run `search_index verify --fix`.")
        to_index = missing + stale
        engine.index(indexing_documents(practices_for_indexing().filter(pk__in=to_index)))
        engine.delete(unknown)
        drop_cached_pages()
        self.stdout.write(self.style.SUCCESS(f"Repaired: {len(to_index)} indexed, {len(unknown)} removed."))
