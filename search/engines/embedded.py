"""The embedded engine: an SQLite FTS5 index in its own files, no server.

Layout: a directory holding versioned index files (`index-<stamp>.sqlite3`) and a
`CURRENT` file naming the live one. A rebuild writes a new file and then replaces
`CURRENT` atomically, so readers never see a half-built index; every process notices the
switch (and any write) at its next search and reloads.

Text is analysed in Python (search.analysis: folding, stop words, Snowball stemming) and
FTS5 stores the resulting terms; bm25 ranks with field weights. Filters and facet counts
use per-process boolean arrays (one per facet value), so counting a facet is a vectorised
AND over the matched set rather than another scan of the index.
"""

import json
import os
import re
import sqlite3
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from difflib import SequenceMatcher
from pathlib import Path

import numpy as np
from django.utils.html import escape

from ..analysis import STOP_WORDS, analyse, query_terms, stem, synonym_groups, term_of, words
from ..query import FILTER_FIELDS
from ..results import EngineResults, Hit
from .base import EngineUnavailable, SearchEngine, Suggestion

# bm25 weights of the FTS5 columns: title over summary over the rest.
COLUMNS = ("title", "summary", "body", "extra")
WEIGHTS = (10.0, 4.0, 1.0, 3.0)
FACET_FIELDS = tuple(FILTER_FIELDS.values())
SNIPPET_WORDS = 32
SUGGESTION_MIN_WORD = 3
BATCH = 500

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS docs (
    id INTEGER PRIMARY KEY, access_level TEXT NOT NULL, language TEXT NOT NULL,
    evidence_rank INTEGER NOT NULL, start_year INTEGER, end_year INTEGER,
    published INTEGER NOT NULL, fingerprint TEXT NOT NULL, display TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS facets (doc_id INTEGER NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS facets_doc ON facets (doc_id);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5({", ".join(COLUMNS)}, tokenize="unicode61 remove_diacritics 0");
CREATE TABLE IF NOT EXISTS suggestions (
    id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL,
    url TEXT NOT NULL, access_level TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS suggestions_doc ON suggestions (doc_id);
CREATE VIRTUAL TABLE IF NOT EXISTS suggest_fts USING fts5(folded, tokenize="unicode61", prefix='1 2 3 4');
CREATE TABLE IF NOT EXISTS vocab (
    word TEXT NOT NULL, access_level TEXT NOT NULL, df INTEGER NOT NULL, PRIMARY KEY (word, access_level)
) WITHOUT ROWID;
INSERT OR IGNORE INTO meta VALUES ('generation', '0');
"""


def _published(document):
    value = document.get("published_at")
    return int(datetime.fromisoformat(value).timestamp()) if value else 0


def _vocabulary_words(display):
    text = " ".join([display["title"], display["summary"], " ".join(display["topics"]), " ".join(display["city_names"])])
    return {w for w in words(text) if len(w) >= SUGGESTION_MIN_WORD and w not in STOP_WORDS and not w.isdigit()}


def _integers(joined, dtype):
    """A comma-separated list of integers from group_concat as a numpy array."""
    if not joined:
        return np.zeros(0, dtype=dtype)
    return np.array(joined.split(","), dtype=np.int64).astype(dtype)


@dataclass
class _State:
    """What one process keeps in memory about one generation of the index."""

    key: tuple
    ids: np.ndarray  # sorted practice ids; a document's position is its index here
    access: dict  # access level -> bool array
    facets: dict  # field -> {value: bool array}
    start_year: np.ndarray  # -1 when unknown
    end_year: np.ndarray  # -1 when open or unknown
    published: np.ndarray
    evidence_rank: np.ndarray

    def locate(self, ids):
        """Positions of these ids, and which of them are in this generation at all."""
        if not len(self.ids):
            return np.zeros(0, dtype=np.int64), np.zeros(len(ids), dtype=bool)
        positions = np.minimum(np.searchsorted(self.ids, ids), len(self.ids) - 1)
        known = self.ids[positions] == ids
        return positions[known], known

    def mask_of(self, values_by_field, skip=None):
        mask = np.ones(len(self.ids), dtype=bool)
        for field, values in values_by_field.items():
            if field == skip:
                continue
            selected = np.zeros(len(self.ids), dtype=bool)
            for value in values:
                if value in self.facets.get(field, {}):
                    selected |= self.facets[field][value]
            mask &= selected
        return mask


class EmbeddedEngine(SearchEngine):
    name = "embedded"

    def __init__(self, directory):
        self.directory = Path(directory)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._state = None

    # Files and connections -------------------------------------------------------------

    @property
    def _current_file(self):
        return self.directory / "CURRENT"

    def _live_path(self):
        try:
            name = self._current_file.read_text().strip()
        except FileNotFoundError:
            return None
        except OSError as error:
            raise EngineUnavailable(f"cannot read {self._current_file}: {error}") from error
        return self.directory / name if name else None

    def _new_path(self):
        return self.directory / f"index-{time.time_ns()}-{os.getpid()}.sqlite3"

    @staticmethod
    def _open(path):
        connection = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
        connection.execute("PRAGMA journal_mode=DELETE")
        connection.execute("PRAGMA synchronous=NORMAL")
        return connection

    def _connection(self, create=False):
        """A connection to the live index of this thread, reopened after a rebuild."""
        try:
            path = self._live_path()
            if path is None or not path.exists():
                if not create:
                    return None
                path = self._create_empty()
        except (OSError, sqlite3.Error) as error:
            raise EngineUnavailable(f"the search index in {self.directory} is not usable: {error}") from error
        cached = getattr(self._local, "connection", None)
        if cached is not None and cached[0] == path:
            return cached[1]
        if cached is not None:
            cached[1].close()
        try:
            connection = self._open(path)
        except sqlite3.Error as error:
            raise EngineUnavailable(f"cannot open the search index {path}: {error}") from error
        self._local.connection = (path, connection)
        return connection

    def _create_empty(self):
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self._new_path()
        connection = self._open(path)
        connection.executescript(SCHEMA)
        connection.close()
        self._switch_to(path)
        return path

    def _switch_to(self, path):
        temporary = self.directory / f"CURRENT.{os.getpid()}.{threading.get_ident()}"
        temporary.write_text(path.name)
        os.replace(temporary, self._current_file)

    def _bump(self, connection):
        connection.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'")

    # Writing ---------------------------------------------------------------------------

    def rebuild(self, documents, progress=None):
        self.directory.mkdir(parents=True, exist_ok=True)
        previous = self._live_path()
        path = self._new_path()
        connection = self._open(path)
        try:
            connection.executescript(SCHEMA)
            count = 0
            batch = []
            for document in documents:
                batch.append(document)
                if len(batch) >= BATCH:
                    count += self._write(connection, batch, replace=False)
                    batch = []
                    if progress:
                        progress(count)
            count += self._write(connection, batch, replace=False)
            if progress:
                progress(count)
            connection.execute("INSERT INTO fts(fts) VALUES ('optimize')")
        finally:
            connection.close()
        self._switch_to(path)
        if previous is not None and previous != path:
            # Readers that still hold the old file keep it open until they notice.
            previous.unlink(missing_ok=True)
        return count

    def index(self, documents):
        documents = list(documents)
        if documents:
            self._write(self._connection(create=True), documents, replace=True)

    def delete(self, practice_ids):
        connection = self._connection(create=False)
        if connection is None:
            return
        connection.execute("BEGIN IMMEDIATE")
        try:
            self._remove(connection, list(practice_ids))
            self._bump(connection)
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise

    def _remove(self, connection, ids):
        for practice_id in ids:
            row = connection.execute("SELECT access_level, display FROM docs WHERE id = ?", (practice_id,)).fetchone()
            if row is None:
                continue
            access_level, display = row[0], json.loads(row[1])
            connection.executemany(
                "UPDATE vocab SET df = df - 1 WHERE word = ? AND access_level = ?",
                [(word, access_level) for word in _vocabulary_words(display)],
            )
            connection.execute("DELETE FROM suggest_fts WHERE rowid IN (SELECT id FROM suggestions WHERE doc_id = ?)", (practice_id,))
            for table, column in (("suggestions", "doc_id"), ("facets", "doc_id"), ("docs", "id")):
                connection.execute(f"DELETE FROM {table} WHERE {column} = ?", (practice_id,))
            connection.execute("DELETE FROM fts WHERE rowid = ?", (practice_id,))
        connection.execute("DELETE FROM vocab WHERE df <= 0")

    def _write(self, connection, documents, replace):
        if not documents:
            return 0
        try:
            return self._write_batch(connection, documents, replace)
        except sqlite3.Error as error:
            raise EngineUnavailable(f"cannot write to the search index: {error}") from error

    def _write_batch(self, connection, documents, replace):
        connection.execute("BEGIN IMMEDIATE")
        try:
            if replace:
                self._remove(connection, [d["id"] for d in documents])
            for document in documents:
                self._insert(connection, document)
            self._bump(connection)
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        return len(documents)

    def _insert(self, connection, document):
        language = document["language"]
        display = {
            key: document[key]
            for key in ("title", "url", "city_name", "city_names", "country", "themes", "evidence_level",
                        "language", "summary", "body", "topics")
        }
        connection.execute(
            "INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                document["id"], document["access_level"], language, document["evidence_rank"],
                document["start_year"], document["end_year"], _published(document), document["fingerprint"],
                json.dumps(display, ensure_ascii=False),
            ),
        )
        extra = " ".join(document["topics"] + document["city_names"] + document["partner_names"])
        connection.execute(
            "INSERT INTO fts (rowid, title, summary, body, extra) VALUES (?, ?, ?, ?, ?)",
            (
                document["id"],
                " ".join(analyse(document["title"], language)),
                " ".join(analyse(document["summary"], language)),
                " ".join(analyse(document["body"], language)),
                " ".join(analyse(extra, language)),
            ),
        )
        rows = []
        for field in FACET_FIELDS:
            value = document.get(field)
            for item in value if isinstance(value, list) else [value]:
                if item not in (None, ""):
                    rows.append((document["id"], field, str(item)))
        connection.executemany("INSERT INTO facets VALUES (?, ?, ?)", rows)
        suggestions = [(document["title"], "practice", document["url"])]
        suggestions += [(name, "city", "") for name in document["city_names"]]
        suggestions += [(topic, "topic", "") for topic in document["topics"]]
        for text, kind, url in suggestions:
            cursor = connection.execute(
                "INSERT INTO suggestions (doc_id, text, kind, url, access_level) VALUES (?, ?, ?, ?, ?)",
                (document["id"], text, kind, url, document["access_level"]),
            )
            connection.execute("INSERT INTO suggest_fts (rowid, folded) VALUES (?, ?)", (cursor.lastrowid, " ".join(words(text))))
        connection.executemany(
            "INSERT INTO vocab VALUES (?, ?, 1) ON CONFLICT (word, access_level) DO UPDATE SET df = df + 1",
            [(word, document["access_level"]) for word in _vocabulary_words(display)],
        )

    # Reading ---------------------------------------------------------------------------

    def fingerprints(self):
        connection = self._connection()
        if connection is None:
            return {}
        return dict(connection.execute("SELECT id, fingerprint FROM docs"))

    def _load_state(self, connection):
        path = self._local.connection[0]
        generation = connection.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()[0]
        key = (str(path), generation)
        state = self._state
        if state is not None and state.key == key:
            return state
        with self._lock:
            if self._state is not None and self._state.key == key:
                return self._state
            columns = connection.execute(
                "SELECT group_concat(id), group_concat(ifnull(start_year, -1)), group_concat(ifnull(end_year, -1)), "
                "group_concat(published), group_concat(evidence_rank) FROM (SELECT * FROM docs ORDER BY id)"
            ).fetchone()
            ids, start_year, end_year, published, evidence_rank = (
                _integers(column, dtype) for column, dtype in zip(
                    columns, (np.int64, np.int32, np.int32, np.int64, np.int16)
                )
            )
            order = np.argsort(ids, kind="stable")  # group_concat's order is not a promise
            ids, start_year, end_year, published, evidence_rank = (
                array[order] for array in (ids, start_year, end_year, published, evidence_rank)
            )
            count = len(ids)

            def mask_of(joined_ids):
                mask = np.zeros(count, dtype=bool)
                mask[np.searchsorted(ids, _integers(joined_ids, np.int64))] = True
                return mask

            # One row per value with its documents' ids: no Python loop over documents.
            access = {
                level: mask_of(joined)
                for level, joined in connection.execute("SELECT access_level, group_concat(id) FROM docs GROUP BY access_level")
            }
            facets = {}
            for field, value, joined in connection.execute(
                "SELECT field, value, group_concat(doc_id) FROM facets GROUP BY field, value"
            ):
                facets.setdefault(field, {})[value] = mask_of(joined)
            self._state = _State(
                key=key, ids=ids, access=access, facets=facets, start_year=start_year,
                end_year=end_year, published=published, evidence_rank=evidence_rank,
            )
            return self._state

    def _access_mask(self, state, access_levels):
        mask = np.zeros(len(state.ids), dtype=bool)
        for level in access_levels:
            if level in state.access:
                mask |= state.access[level]
        return mask

    @staticmethod
    def _year_mask(state, query):
        mask = np.ones(len(state.ids), dtype=bool)
        if query.year_from is None and query.year_to is None:
            return mask
        mask &= state.start_year >= 0
        if query.year_to is not None:
            mask &= state.start_year <= query.year_to
        if query.year_from is not None:
            mask &= (state.end_year < 0) | (state.end_year >= query.year_from)
        return mask

    def search(self, query):
        connection = self._connection()
        if connection is None:
            return EngineResults(hits=[], total=0, facets={field: {} for field in FACET_FIELDS})
        state = self._load_state(connection)
        count = len(state.ids)
        base = self._access_mask(state, query.access_levels) & self._year_mask(state, query)
        scores = np.zeros(count, dtype=np.float64)
        matched_terms = set()
        if query.text:
            compiled = compile_query(query.text)
            if compiled is None:
                base &= False
            else:
                expression, matched_terms = compiled
                ids, values = self._match(connection, expression.all_of)
                if not len(ids) and expression.any_of != expression.all_of:
                    ids, values = self._match(connection, expression.any_of)
                positions, known = state.locate(ids)
                text_mask = np.zeros(count, dtype=bool)
                text_mask[positions] = True
                scores[positions] = -values[known]  # FTS5's bm25 is negative: lower is better
                base &= text_mask
        filters = query.filters
        final = base & state.mask_of(filters)
        facets = {}
        for field in FACET_FIELDS:
            scope = base & state.mask_of(filters, skip=field)
            counts = {}
            for value, value_mask in state.facets.get(field, {}).items():
                n = int(np.count_nonzero(scope & value_mask))
                if n:
                    counts[value] = n
            facets[field] = counts
        positions = np.flatnonzero(final)
        total = len(positions)
        if query.sort == "newest" or (query.sort == "relevance" and not query.text):
            order = np.lexsort((-state.ids[positions], -state.published[positions]))
        elif query.sort == "evidence":
            order = np.lexsort((-state.published[positions], -scores[positions], -state.evidence_rank[positions]))
        else:
            order = np.lexsort((-state.published[positions], -scores[positions]))
        page_positions = positions[order][query.offset: query.offset + query.page_size]
        hits = self._hits(connection, state, page_positions, scores, matched_terms)
        suggestion = None
        if query.text and total < 3:
            suggestion = self._did_you_mean(connection, query.text, query.access_levels)
        return EngineResults(hits=hits, total=total, facets=facets, suggestion=suggestion)

    def _match(self, connection, expression):
        try:
            rows = connection.execute(
                f"SELECT rowid, bm25(fts, {', '.join(map(str, WEIGHTS))}) FROM fts WHERE fts MATCH ?", (expression,)
            ).fetchall()
        except sqlite3.OperationalError as error:
            raise EngineUnavailable(f"search index error: {error}") from error
        ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        values = np.fromiter((r[1] for r in rows), dtype=np.float64, count=len(rows))
        order = np.argsort(ids)
        return ids[order], values[order]

    def _hits(self, connection, state, positions, scores, matched_terms):
        ids = [int(state.ids[p]) for p in positions]
        if not ids:
            return []
        placeholders = ",".join("?" * len(ids))
        rows = dict(connection.execute(f"SELECT id, display FROM docs WHERE id IN ({placeholders})", ids))
        hits = []
        for position, practice_id in zip(positions, ids):
            display = json.loads(rows[practice_id])
            hits.append(
                Hit(
                    practice_id=practice_id,
                    title=display["title"],
                    url=display["url"],
                    city=display["city_name"],
                    country=display["country"],
                    themes=display["themes"],
                    evidence_level=display["evidence_level"],
                    snippet=highlight(display["summary"], display["body"], display["language"], matched_terms),
                    language=display["language"],
                    score=float(scores[position]),
                )
            )
        return hits

    def _did_you_mean(self, connection, text, access_levels):
        """The query with unknown words replaced by the closest known word, if any."""
        levels = list(access_levels)
        marks = ",".join("?" * len(levels))
        changed, corrected = False, []
        for word in words(text):
            if word in STOP_WORDS or len(word) < SUGGESTION_MIN_WORD or word.isdigit():
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
            f"WHERE suggest_fts MATCH ? AND s.access_level IN ({marks}) ORDER BY rank LIMIT 200",
            [expression, *levels],
        ).fetchall()
        seen, suggestions = set(), []
        kind_order = {"practice": 0, "city": 1, "topic": 2}
        for text_value, kind, url in sorted(rows, key=lambda r: (kind_order[r[1]], len(r[0]))):
            key = (kind, text_value.casefold())
            if key in seen:
                continue
            seen.add(key)
            suggestions.append(Suggestion(text=text_value, kind=kind, url=url))
        # A mix of kinds: practices first, but cities and topics are not crowded out.
        practices = [s for s in suggestions if s.kind == "practice"]
        others = [s for s in suggestions if s.kind != "practice"]
        mixed = practices[: max(limit - len(others), limit // 2)] + others
        return mixed[:limit]

    def related(self, practice_id, access_levels, limit=4):
        """Practices sharing a theme, best first: shared target types, shared themes, then
        text similarity (the practice's most distinctive terms, ranked by bm25)."""
        connection = self._connection()
        if connection is None:
            return []
        state = self._load_state(connection)
        own, known = state.locate(np.asarray([practice_id], dtype=np.int64))
        if not known.all():
            return []
        own = own[0]
        count = len(state.ids)
        shared_themes = np.zeros(count, dtype=np.int16)
        for mask in state.facets.get("themes", {}).values():
            if mask[own]:
                shared_themes += mask
        shared_targets = np.zeros(count, dtype=np.int16)
        for mask in state.facets.get("target_types", {}).values():
            if mask[own]:
                shared_targets += mask
        candidates = self._access_mask(state, access_levels) & (shared_themes > 0)
        candidates[own] = False
        similarity = np.zeros(count, dtype=np.float64)
        row = connection.execute("SELECT title, summary, extra FROM fts WHERE rowid = ?", (practice_id,)).fetchone()
        terms = list(dict.fromkeys(" ".join(row).split())) if row else []
        frequencies = self._document_frequencies(connection, terms) if terms else {}
        chosen = sorted((t for t in terms if frequencies.get(t, 0) > 1), key=lambda t: frequencies[t])[:15]
        if chosen:
            ids, values = self._match(connection, " OR ".join(f'"{t}"' for t in chosen))
            positions, found = state.locate(ids)
            similarity[positions] = -values[found]
        positions = np.flatnonzero(candidates)
        order = np.lexsort((-similarity[positions], -shared_themes[positions], -shared_targets[positions]))
        return [int(state.ids[p]) for p in positions[order][:limit]]

    @staticmethod
    def _document_frequencies(connection, terms):
        connection.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_terms USING fts5vocab(main, fts, 'row')")
        marks = ",".join("?" * len(terms))
        return dict(connection.execute(f"SELECT term, doc FROM temp.fts_terms WHERE term IN ({marks})", terms))


# Query compilation --------------------------------------------------------------------


@dataclass
class CompiledQuery:
    all_of: str  # every clause must match
    any_of: str  # fallback: any clause


def _quoted(terms):
    return '"' + " ".join(terms) + '"'


def _phrase_alternatives(phrase):
    """An FTS5 clause matching a phrase stemmed in either language."""
    folded = [w for w in words(phrase) if w not in STOP_WORDS]
    if not folded:
        return set()
    return {_quoted([stem(w, language) for w in folded]) for language in ("en", "fr")}


def compile_query(text):
    """The FTS5 expression for a query, and the stems to highlight; None if nothing to search.

    Every word becomes a quoted term (so no FTS5 operator typed by a user is ever
    interpreted), matched in both languages' stems; a run of words that forms a phrase of
    the synonym file is replaced by the alternatives of its group.
    """
    terms = query_terms(text)
    if not terms:
        return None
    clauses, highlight_terms, position = [], set(), 0
    groups = _synonym_index()
    while position < len(terms):
        match = None
        for length in range(min(6, len(terms) - position), 0, -1):
            for phrase_stems, group in groups.get(length, []):
                if all(phrase_stems[i] & terms[position + i] for i in range(length)):
                    match = (length, group)
                    break
            if match:
                break
        if match:
            length, group = match
            alternatives = set()
            for phrase in group:
                alternatives |= _phrase_alternatives(phrase)
            for phrase in group:
                for w in words(phrase):
                    if w not in STOP_WORDS:
                        highlight_terms |= {stem(w, "en"), stem(w, "fr")}
            clauses.append("(" + " OR ".join(sorted(alternatives)) + ")")
            position += length
        else:
            stems = terms[position]
            highlight_terms |= stems
            clauses.append("(" + " OR ".join(f'"{s}"' for s in sorted(stems)) + ")")
            position += 1
    return CompiledQuery(all_of=" AND ".join(clauses), any_of=" OR ".join(clauses)), highlight_terms


_SYNONYM_CACHE = {}


def _synonym_index():
    """Synonym phrases by length in words, each word as its set of stems."""
    if "index" not in _SYNONYM_CACHE:
        index = {}
        for group in synonym_groups():
            for phrase in group:
                folded = [w for w in words(phrase) if w not in STOP_WORDS]
                if folded:
                    stems = [{stem(w, "en"), stem(w, "fr")} for w in folded]
                    index.setdefault(len(folded), []).append((stems, group))
        _SYNONYM_CACHE["index"] = index
    return _SYNONYM_CACHE["index"]


# Snippets -----------------------------------------------------------------------------

_TOKEN = re.compile(r"\w+", re.UNICODE)


def highlight(summary, body, language, terms, size=SNIPPET_WORDS):
    """An escaped extract around the first matched words, with <mark> around each match."""
    language = language if language in ("en", "fr") else "en"
    for text in (summary, body):
        tokens = list(_TOKEN.finditer(text))
        hits = [i for i, t in enumerate(tokens) if terms and term_of(t.group(), language) in terms]
        if hits:
            return _extract(text, tokens, set(hits), max(0, hits[0] - 6), size)
    tokens = list(_TOKEN.finditer(summary))
    return _extract(summary, tokens, set(), 0, size)


def _extract(text, tokens, marked, first, size):
    if not tokens:
        return escape(text[:240])
    last = min(len(tokens), first + size) - 1
    start = tokens[first].start() if first else 0
    end = tokens[last].end() if last < len(tokens) - 1 else len(text)
    pieces, cursor = [], start
    for index in range(first, last + 1):
        token = tokens[index]
        pieces.append(escape(text[cursor:token.start()]))
        word = escape(token.group())
        pieces.append(f"<mark>{word}</mark>" if index in marked else word)
        cursor = token.end()
    pieces.append(escape(text[cursor:end]))
    prefix = "… " if first else ""
    suffix = " …" if last < len(tokens) - 1 else ""
    return prefix + "".join(pieces).strip() + suffix
