"""The embedded engine: an index in its own SQLite files, no server.

Layout: a directory holding versioned index files (`index-<stamp>.sqlite3`) and a
`CURRENT` file naming the live one. A rebuild writes a new file and then replaces
`CURRENT` atomically, so readers never see a half-built index; every process notices the
switch (and any write) at its next search and reloads.

Text is analysed in Python (search.analysis: folding, stop words, Snowball stemming;
search.engines.embedded.terms: field weights, synonym phrases). The index holds an inverted list
per term (`postings`: the slots of the documents that have it and their weighted term
frequencies, as arrays) and the per-document arrays of search.engines.embedded.arrays. A query
reads the lists of its terms and ranks with FTS5's bm25 formula in numpy: no per-row
work in SQL or Python, so a word found in most documents costs a few vectorised passes.
Filters and facet counts use the same arrays. Snippets come from the stored text.
"""

import json
import os
import sqlite3
import threading
from contextlib import contextmanager
from difflib import SequenceMatcher
from pathlib import Path

import numpy as np

from ...analysis import STOP_WORDS, document_fields, words
from ...results import EngineResults, Hit, HitVersion
from ..base import (
    DID_YOU_MEAN_BELOW,
    FACET_FIELDS,
    RELATED_TERMS,
    SPELLING_MIN_WORD,
    SUGGESTION_CANDIDATES,
    SUGGESTION_KINDS,
    EngineUnavailable,
    SearchEngine,
    Suggestion,
    mix_suggestions,
)
from .arrays import ArraysBuilder, IndexArrays
from .files import IndexFiles
from .listings import ListingsFile
from .schema import SCHEMA
from .snippets import highlight
from .terms import CompiledQuery, analysis_version, compile_query, weighted_terms
from .writing import WriteBatch, analysed

BATCH = 500
REBUILD_CACHE_KIB = 64 * 1024


@contextmanager
def _read_transaction(connection):
    """One consistent view of the index for a whole search, even while a writer commits."""
    connection.execute("BEGIN")
    try:
        yield
    finally:
        connection.execute("COMMIT")


class EmbeddedEngine(IndexFiles, ListingsFile, SearchEngine):
    name = "embedded"

    def __init__(self, directory):
        self.directory = Path(directory)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._arrays = None

    def ping(self):
        connection = self._connection()  # reads CURRENT, opens the live file: EngineUnavailable
        try:
            if connection is not None:
                connection.execute("SELECT 1 FROM meta LIMIT 1").fetchall()
        except sqlite3.Error as error:
            raise EngineUnavailable(f"the search index in {self.directory} is not usable: {error}") from error

    # Writing ---------------------------------------------------------------------------

    def rebuild(self, documents, progress=None):
        self.directory.mkdir(parents=True, exist_ok=True)
        self._remove_orphans()
        previous = self._live_path()
        path = self._new_path()
        connection = self._open(path, create=True)
        # Nobody reads this file before the switch, and a failed build is deleted: no
        # rollback journal or sync per transaction, one fsync at the end.
        connection.execute("PRAGMA journal_mode=OFF")
        connection.execute("PRAGMA synchronous=OFF")
        connection.execute(f"PRAGMA cache_size=-{REBUILD_CACHE_KIB}")
        try:
            connection.executescript(SCHEMA)
            batch = WriteBatch(connection, ArraysBuilder())
            count = 0
            connection.execute("BEGIN")
            for document, analysis in analysed(documents):
                batch.insert(document, analysis)
                count += 1
                if count % BATCH == 0:
                    # Rows go to the file as they come; the inverted lists stay in memory
                    # until the end, so that each is written once.
                    connection.execute("COMMIT")
                    connection.execute("BEGIN")
                    if progress:
                        progress(count)
            batch.finish()
            connection.execute("COMMIT")
            if progress:
                progress(count)
        except BaseException as error:
            connection.close()
            path.unlink(missing_ok=True)  # a half-built file is never switched to: drop it
            if isinstance(error, sqlite3.Error):
                raise EngineUnavailable(f"cannot write the new search index {path}: {error}") from error
            raise
        connection.close()
        with open(path, "rb") as written:
            os.fsync(written.fileno())
        self._switch_to(path)
        if previous is not None and previous != path:
            # Readers that still hold the old file keep it open until they notice.
            previous.unlink(missing_ok=True)
        return count

    def index(self, documents):
        latest = {document["id"]: document for document in documents}  # the last version of each
        if latest:
            self._write(self._connection(create=True), latest.values(), remove=latest.keys())

    def delete(self, practice_ids):
        connection = self._connection(create=False)
        if connection is not None:
            self._write(connection, [], remove=list(practice_ids))

    def _write(self, connection, documents, remove):
        try:
            connection.execute("BEGIN IMMEDIATE")
            try:
                blobs = dict(connection.execute("SELECT name, data FROM arrays"))
                batch = WriteBatch(connection, ArraysBuilder(blobs))
                for practice_id in remove:
                    batch.remove(practice_id)
                for document in documents:
                    batch.insert(document)
                batch.finish()
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise
        except sqlite3.Error as error:
            raise EngineUnavailable(f"cannot write to the search index: {error}") from error

    # Reading ---------------------------------------------------------------------------

    def fingerprints(self):
        """{practice id: fingerprint}; an entry analysed with another synonym file is stale."""
        connection = self._connection()
        if connection is None:
            return {}
        current = analysis_version()
        return {
            practice_id: fingerprint if analysis == current else f"{fingerprint} (analysis {analysis})"
            for practice_id, fingerprint, analysis in connection.execute("SELECT id, fingerprint, analysis FROM docs")
        }

    def _load_arrays(self, connection):
        path = self._local.connection[0]
        generation = connection.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()[0]
        key = (str(path), generation)
        arrays = self._arrays
        if arrays is not None and arrays.key == key:
            return arrays
        with self._lock:
            if self._arrays is None or self._arrays.key != key:
                blobs = dict(connection.execute("SELECT name, data FROM arrays"))
                self._arrays = IndexArrays.from_blobs(key, blobs) if blobs else IndexArrays.from_blobs(
                    key, ArraysBuilder().blobs()
                )
            return self._arrays

    def search(self, query):
        connection = self._connection()
        if connection is None:
            return EngineResults(hits=[], total=0, facets={field: {} for field in FACET_FIELDS})
        with _read_transaction(connection):
            arrays = self._load_arrays(connection)
            visible = arrays.alive & self._access_mask(arrays, query.access_levels)
            base = visible.copy()
            if query.year_from is not None or query.year_to is not None:
                base &= arrays.years(query.year_from, query.year_to)
            scores = np.zeros(arrays.size, dtype=np.float32)
            marked = frozenset()
            unmatched = ()
            if query.text:
                compiled = compile_query(query.text)
                if compiled is None:
                    base[:] = False
                else:
                    matched, scores, unmatched = self._match(connection, arrays, compiled, scope=visible)
                    base &= matched
                    marked = compiled.highlight
            filter_masks = {field: arrays.any_of(field, values) for field, values in query.filters.items()}
            final = base.copy()
            for mask in filter_masks.values():
                final &= mask
            facets = arrays.value_counts(final, [f for f in FACET_FIELDS if f not in filter_masks])
            for field in filter_masks:
                # Multi-select: a facet's counts ignore its own selection, honour the others.
                scope = base.copy()
                for other, mask in filter_masks.items():
                    if other != field:
                        scope &= mask
                facets.update(arrays.value_counts(scope, [field]))
            positions = np.flatnonzero(final)
            page = self._page(arrays, positions, scores, query)
            hits = self._hits(connection, arrays, page, scores, marked)
            suggestion = None
            if query.text and len(positions) < DID_YOU_MEAN_BELOW:
                suggestion = self._did_you_mean(connection, query.text, query.access_levels)
        return EngineResults(hits=hits, total=len(positions), facets=facets, suggestion=suggestion, unmatched=unmatched)

    @staticmethod
    def _access_mask(arrays, access_levels):
        return arrays.any_of("access_level", access_levels)

    def _match(self, connection, arrays, compiled, scope=None):
        """Documents with a term of every clause that some document in `scope` has (or,
        if none has them all, of any clause), their bm25 scores summed over the query's
        terms, and the labels of the clauses no document in scope has (named only when
        the query has several). The scope is what the viewer may see, facets and years
        aside (the rule of search.analysis.QueryUnit)."""
        postings = self._postings(connection, arrays, compiled.terms)
        scores = np.zeros(arrays.size, dtype=np.float32)
        clause_masks = []
        for clause in compiled.clauses:
            mask = np.zeros(arrays.size, dtype=bool)
            for term in clause:
                if term in postings:
                    slots, weights = postings[term]
                    mask[slots] = True
                    scores[slots] += arrays.bm25(slots, weights)
            clause_masks.append(mask)
        scope = arrays.alive if scope is None else scope
        present = [mask for mask in clause_masks if (mask & scope).any()]
        unmatched = ()
        if len(clause_masks) > 1:
            unmatched = tuple(label for label, mask in zip(compiled.labels, clause_masks) if not (mask & scope).any())
        if not present:
            return np.zeros(arrays.size, dtype=bool), scores, unmatched
        matched = np.logical_and.reduce(present) & scope
        if len(present) > 1 and not matched.any():
            matched = np.logical_or.reduce(present) & scope
        return matched, scores, unmatched

    @staticmethod
    def _postings(connection, arrays, terms):
        terms = list(terms)
        if not terms:
            return {}
        marks = ",".join("?" * len(terms))
        postings = {}
        for term, slots, weights in connection.execute(
            f"SELECT term, slots, weights FROM postings WHERE term IN ({marks})", terms
        ):
            postings[term] = (np.frombuffer(slots, dtype=np.int32), np.frombuffer(weights, dtype=np.float32))
        return postings

    @staticmethod
    def _page(arrays, positions, scores, query):
        """The positions of the requested page: the top offset + page_size by the sort's
        first key (np.partition, no full sort), then those few sorted on every key."""
        if query.sort == "newest" or (query.sort == "relevance" and not query.text):
            keys = (-arrays.ids[positions], -arrays.published[positions])
        elif query.sort == "evidence":
            keys = (-arrays.published[positions], -scores[positions], -arrays.evidence_rank[positions])
        else:
            keys = (-arrays.published[positions], -scores[positions])
        wanted = query.offset + query.page_size
        first = keys[-1]
        if len(positions) > wanted:
            threshold = np.partition(first, wanted - 1)[wanted - 1]
            keep = first <= threshold
            positions, keys = positions[keep], tuple(key[keep] for key in keys)
        order = np.lexsort(keys)
        return positions[order][query.offset: wanted]

    def _hits(self, connection, arrays, positions, scores, marked):
        slots = [int(p) for p in positions]
        if not slots:
            return []
        marks = ",".join("?" * len(slots))
        rows = dict(connection.execute(f"SELECT slot, display FROM docs WHERE slot IN ({marks})", slots))
        hits = []
        for slot in slots:
            display = json.loads(rows[slot])
            hits.append(
                Hit(
                    practice_id=int(arrays.ids[slot]),
                    title=display["title"],
                    url=display["url"],
                    city=display["city_name"],
                    country=display["country"],
                    themes=display["themes"],
                    evidence_level=display["evidence_level"],
                    snippet=highlight(display["summary"], display["body"], display["language"], marked),
                    language=display["language"],
                    score=float(scores[slot]),
                    translation=_translation_hit(display, marked),
                )
            )
        return hits

    def _did_you_mean(self, connection, text, access_levels):
        """The query with unknown words replaced by the closest known word, if any."""
        levels = list(access_levels)
        marks = ",".join("?" * len(levels))
        changed, corrected = False, []
        for word in words(text):
            if word in STOP_WORDS or len(word) < SPELLING_MIN_WORD or word.isdigit():
                corrected.append(word)
                continue
            known = connection.execute(
                f"SELECT 1 FROM vocab WHERE word = ? AND access_level IN ({marks}) AND df > 0", [word, *levels]
            ).fetchone()
            if known:
                corrected.append(word)
                continue
            candidates = connection.execute(
                f"SELECT word, SUM(df) FROM vocab WHERE word >= ? AND word < ? AND length(word) BETWEEN ? AND ? "
                f"AND access_level IN ({marks}) AND df > 0 GROUP BY word",
                [word[0], word[0] + "\uffff", len(word) - 2, len(word) + 2, *levels],
            ).fetchall()
            best = max(
                ((SequenceMatcher(None, word, candidate).ratio(), df, candidate) for candidate, df in candidates),
                default=None,
            )
            if best and best[0] >= 0.75:
                corrected.append(best[2])
                changed = True
            else:
                corrected.append(word)
        return " ".join(corrected) if changed else None

    def suggest(self, text, access_levels, limit=10):
        connection = self._connection()
        typed = [w for w in words(text)][:8]
        if connection is None or not typed:
            return []
        expression = " ".join(f'"{w}"' for w in typed[:-1]) + f' "{typed[-1]}"*'
        levels = list(access_levels)
        marks = ",".join("?" * len(levels))
        rows = connection.execute(
            f"SELECT s.text, s.kind, s.url FROM suggest_fts JOIN suggestions s ON s.id = suggest_fts.rowid "
            f"WHERE suggest_fts MATCH ? AND s.access_level IN ({marks}) ORDER BY rank LIMIT {SUGGESTION_CANDIDATES}",
            [expression, *levels],
        ).fetchall()
        seen, suggestions = set(), []
        kind_order = {kind: rank for rank, kind in enumerate(SUGGESTION_KINDS)}
        for text_value, kind, url in sorted(rows, key=lambda r: (kind_order[r[1]], len(r[0]))):
            key = (kind, text_value.casefold())
            if key in seen:
                continue
            seen.add(key)
            suggestions.append(Suggestion(text=text_value, kind=kind, url=url))
        return mix_suggestions(suggestions, limit)

    def related(self, practice_id, access_levels, limit=4):
        """Practices sharing a theme, best first: shared target types, shared themes, then
        text similarity (the practice's most distinctive terms, ranked by bm25)."""
        connection = self._connection()
        if connection is None:
            return []
        with _read_transaction(connection):
            arrays = self._load_arrays(connection)
            row = connection.execute("SELECT slot, display FROM docs WHERE id = ?", (practice_id,)).fetchone()
            if row is None or row[0] >= arrays.size:
                return []
            own, display = row[0], json.loads(row[1])
            own_values = {arrays.values[code] for code in arrays.codes[arrays.offsets[own]: arrays.offsets[own + 1]]}
            shared = {}
            for field in ("themes", "target_types"):
                shared[field] = np.zeros(arrays.size, dtype=np.int16)
                for owned_field, value in own_values:
                    if owned_field == field:
                        shared[field] += arrays.value_mask(field, value)
            candidates = arrays.alive & self._access_mask(arrays, access_levels) & (shared["themes"] > 0)
            candidates[own] = False
            similarity = self._similarity(connection, arrays, display)
        positions = np.flatnonzero(candidates)
        order = np.lexsort((-similarity[positions], -shared["themes"][positions], -shared["target_types"][positions]))
        return [int(arrays.ids[p]) for p in positions[order][:limit]]

    def _similarity(self, connection, arrays, display):
        fields = document_fields(display)
        del fields["body"]  # RELATED_FIELDS, as this engine's weighted parts name them
        terms = list(weighted_terms(fields, display["language"])[0])
        marks = ",".join("?" * len(terms))
        frequencies = dict(connection.execute(
            f"SELECT term, length(slots) / 4 FROM postings WHERE term IN ({marks})", terms
        )) if terms else {}
        chosen = sorted((t for t in terms if frequencies.get(t, 0) > 1), key=lambda t: (frequencies[t], t))[:RELATED_TERMS]
        if not chosen:
            return np.zeros(arrays.size, dtype=np.float32)
        compiled = CompiledQuery(clauses=(frozenset(chosen),), highlight=frozenset())
        return self._match(connection, arrays, compiled)[1]


def _translation_hit(display, marked):
    """The entry's translation as a hit would show it, or None."""
    language = display.get("translation_language")
    if not language:
        return None
    snippet = highlight(display["translation_summary"], display["translation_body"], language, marked)
    return HitVersion(language, display["translation_title"], display["translation_url"], snippet)
