"""What the embedded engine is compared with.

- The raw FTS5 floor: MATCH + bm25 top 10 + a count on an FTS5 index of the same terms,
  with the engine's own query compilation, nothing else (no facets, filters or snippets).
- Wagtail's database search backend over real PracticePage rows (what a Wagtail site
  would use instead), ordered by relevance: first 10 results and the count.
- A naive Django ORM search: every word must appear (icontains) in one of the fields the
  engine indexes; newest first; first 10 results and the count.
"""

import json
import sqlite3
import time

from django.db.models import Q

from search.analysis import analyse
from search.analysis import document_fields
from search.engines.base import FIELD_WEIGHTS
from search.engines.embedded.terms import PHRASE_JOIN, compile_query


class RawFloor:
    """MATCH + bm25 top 10 + count(*) on a plain FTS5 index of the same analysed text.

    The engine keeps its own inverted lists, not an FTS5 table, so the floor gets an FTS5
    file built from the engine's stored documents (the same terms, synonym phrases as
    FTS5 phrases, the same field weights); building it is not part of any figure.
    """

    def __init__(self, engine_index_path, floor_path, progress=None):
        columns = tuple(FIELD_WEIGHTS)
        self.connection = sqlite3.connect(floor_path, isolation_level=None)
        self.connection.execute(f"CREATE VIRTUAL TABLE fts USING fts5({', '.join(columns)}, tokenize='unicode61 remove_diacritics 0')")
        source = sqlite3.connect(f"file:{engine_index_path}?mode=ro", uri=True)
        self.connection.execute("BEGIN")
        for count, (slot, display) in enumerate(source.execute("SELECT slot, display FROM docs"), start=1):
            display = json.loads(display)
            fields = document_fields(display)
            self.connection.execute(
                f"INSERT INTO fts (rowid, {', '.join(columns)}) VALUES (?, ?, ?, ?, ?)",
                (slot, *(" ".join(analyse(fields[c], display["language"])) for c in columns)),
            )
            if progress and count % 10_000 == 0:
                progress(count)
        self.connection.execute("COMMIT")
        self.connection.execute("INSERT INTO fts(fts) VALUES ('optimize')")
        source.close()
        weights = ", ".join(str(FIELD_WEIGHTS[c]) for c in columns)
        self.top = f"SELECT rowid, bm25(fts, {weights}) FROM fts WHERE fts MATCH ? ORDER BY 2 LIMIT 10"
        self.count = "SELECT count(*) FROM fts WHERE fts MATCH ?"

    @staticmethod
    def expression(text):
        """The engine's clauses as an FTS5 expression: every clause, each any of its terms."""
        compiled = compile_query(text)
        if compiled is None:
            return None
        return " AND ".join(
            "(" + " OR ".join('"' + term.replace(PHRASE_JOIN, " ") + '"' for term in sorted(clause)) + ")"
            for clause in compiled.clauses
        )

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
