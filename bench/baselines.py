"""What the embedded engine is compared with.

- The raw FTS5 floor: MATCH + bm25 top 10 + a count on the engine's own index file, with
  the engine's own query compilation, nothing else (no facets, filters or snippets).
- Wagtail's database search backend over real PracticePage rows (what a Wagtail site
  would use instead), ordered by relevance: first 10 results and the count.
- A naive Django ORM search: every word must appear (icontains) in one of the fields the
  engine indexes; newest first; first 10 results and the count.
"""

import sqlite3
import time

from django.db.models import Q

from search.engines.embedded import WEIGHTS, compile_query


class RawFloor:
    """MATCH + bm25 top 10 + count(*) straight on the live index file."""

    def __init__(self, index_path):
        self.connection = sqlite3.connect(f"file:{index_path}?mode=ro", uri=True)
        weights = ", ".join(map(str, WEIGHTS))
        self.top = f"SELECT rowid, bm25(fts, {weights}) FROM fts WHERE fts MATCH ? ORDER BY 2 LIMIT 10"
        self.count = "SELECT count(*) FROM fts WHERE fts MATCH ?"

    @staticmethod
    def expression(text):
        compiled = compile_query(text)
        return compiled[0].all_of if compiled else None

    def __call__(self, expression):
        if expression is None:
            return 0
        self.connection.execute(self.top, (expression,)).fetchall()
        return self.connection.execute(self.count, (expression,)).fetchone()[0]

    def close(self):
        self.connection.close()


def wagtail_search(query):
    """Wagtail's configured search backend (the database one), relevance order."""
    from practices.models import PracticePage

    results = PracticePage.objects.live().filter(access_level__in=query.access_levels).search(query.text)
    list(results[:10])
    return results.count()


ORM_FIELDS = ("title", "summary", "body", "city__name", "topics__name", "partners__organisation__name")


def orm_search(query):
    """Naive ORM search: each word (split on spaces) in any indexed field, ANDed."""
    from practices.models import PracticePage

    condition = Q()
    for word in query.text.split():
        either = Q()
        for field in ORM_FIELDS:
            either |= Q(**{f"{field}__icontains": word})
        condition &= either
    results = (
        PracticePage.objects.live()
        .filter(access_level__in=query.access_levels)
        .filter(condition)
        .distinct()
        .order_by("-first_published_at", "pk")
    )
    list(results[:10])
    return results.count()


def run_queries(function, items, budget_seconds=None):
    """Time `function(item)` for each item; stop once `budget_seconds` are spent.

    Returns (milliseconds per query, results, stopped_early).
    """
    durations, results = [], []
    spent = 0.0
    for item in items:
        started = time.perf_counter()
        results.append(function(item))
        elapsed = time.perf_counter() - started
        durations.append(elapsed * 1000)
        spent += elapsed
        if budget_seconds is not None and spent > budget_seconds and len(durations) < len(items):
            return durations, results, True
    return durations, results, False
