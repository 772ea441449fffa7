"""Writing the embedded index: text analysis (in a helper process for large rebuilds)
and batches of documents written in one transaction."""

import json
import os
from array import array
from collections import Counter, deque
from itertools import islice, repeat
from multiprocessing import get_context

import numpy as np

from ...analysis import words
from .schema import DISPLAY_FIELDS, facet_pairs, published_stamp, suggestion_rows, vocabulary_words
from .terms import analyse_documents, analysis_version

# A rebuild analyses its first documents itself; past these, when there is a second CPU,
# a helper process analyses chunks while this one writes the previous ones.
# A rebuild analyses its first documents itself; past these, when there is a second CPU,
# a helper process analyses chunks while this one writes the previous ones.
SERIAL_DOCUMENTS = 2000
ANALYSIS_CHUNK = 250


def analysed(documents):
    """(document, analysis) in order. Small rebuilds analyse here; a large one, on a
    machine with a second CPU, hands chunks to a helper process and writes meanwhile.
    The documents are always read in this thread (a database cursor is per thread)."""
    iterator = iter(documents)
    for document in islice(iterator, SERIAL_DOCUMENTS):
        yield document, analyse_documents([document])[0]
    if (os.cpu_count() or 1) < 2:
        for document in iterator:
            yield document, analyse_documents([document])[0]
        return
    chunks = iter(lambda: list(islice(iterator, ANALYSIS_CHUNK)), [])
    first = next(chunks, None)
    if first is None:
        return
    # "fork": the helper needs nothing but this module's functions, and "spawn" would
    # re-run the calling script. Rebuilds run from management commands, not threaded servers.
    with get_context("fork").Pool(1) as pool:
        pending = deque([(first, pool.apply_async(analyse_documents, (first,)))])
        for chunk in chunks:
            pending.append((chunk, pool.apply_async(analyse_documents, (chunk,))))
            if len(pending) > 2:  # two chunks ahead: the helper never waits, memory stays flat
                chunk_done, result = pending.popleft()
                yield from zip(chunk_done, result.get())
        while pending:
            chunk_done, result = pending.popleft()
            yield from zip(chunk_done, result.get())


class WriteBatch:
    """Documents written in one transaction: rows now; inverted lists, vocabulary and
    arrays at the end, each written once."""

    def __init__(self, connection, arrays):
        self.connection = connection
        self.arrays = arrays
        self.analysis = analysis_version()
        self.fresh = arrays.next_slot == 0
        # Postings as three parallel arrays (term number, slot, weight), grouped by term
        # at the end: no Python object per posting.
        self.term_numbers = {}
        self.posting_terms, self.posting_slots, self.posting_weights = array("i"), array("i"), array("f")
        self.vocabulary = Counter()  # (word, access level) -> change in document frequency
        self.suggestions = Counter()  # (kind, text, url, access level) -> change in entries

    def remove(self, practice_id):
        connection = self.connection
        row = connection.execute("SELECT slot, display FROM docs WHERE id = ?", (practice_id,)).fetchone()
        if row is None:
            return
        slot, display = row[0], json.loads(row[1])
        access_level = next((v for f, v in self.arrays.pairs_of(slot) if f == "access_level"), None)
        self.vocabulary.subtract((word, access_level) for word in vocabulary_words(display))
        self.suggestions.subtract(suggestion_rows(display, access_level))
        connection.execute("DELETE FROM docs WHERE slot = ?", (slot,))
        self.arrays.kill(slot)

    def insert(self, document, analysis=None):
        connection = self.connection
        slot = self.arrays.next_slot
        display = {key: document[key] for key in DISPLAY_FIELDS}
        connection.execute(
            "INSERT INTO docs VALUES (?, ?, ?, ?, ?)",
            (slot, document["id"], document["fingerprint"], self.analysis, json.dumps(display, ensure_ascii=False)),
        )
        weights, length = analysis or analyse_documents([document])[0]
        numbers = self.term_numbers
        found = list(map(numbers.get, weights))
        if None in found:  # terms new to this batch get the next numbers
            for term in [term for term in weights if term not in numbers]:
                numbers[term] = len(numbers)
            found = list(map(numbers.get, weights))
        self.posting_terms.extend(found)
        self.posting_slots.extend(repeat(slot, len(weights)))
        self.posting_weights.extend(weights.values())
        self.arrays.append(
            document["id"], published_stamp(document), document["start_year"], document["end_year"],
            document["evidence_rank"], length, facet_pairs(document),
        )
        self.suggestions.update(suggestion_rows(display, document["access_level"]))
        self.vocabulary.update((word, document["access_level"]) for word in vocabulary_words(display))

    def finish(self):
        """Append the new postings to the stored lists (new slots are the highest, so each
        list stays sorted), save vocabulary and arrays, move to the next generation."""
        connection = self.connection
        connection.executemany(
            "INSERT INTO vocab VALUES (?, ?, ?) ON CONFLICT (word, access_level) DO UPDATE SET df = df + excluded.df",
            [(word, level, change) for (word, level), change in self.vocabulary.items() if change],
        )
        connection.execute("DELETE FROM vocab WHERE df <= 0")
        self._save_suggestions()
        rows = self._postings()
        if self.fresh:
            connection.executemany("INSERT INTO postings VALUES (?, ?, ?)", rows)
        else:
            for term, slots, weights in rows:
                stored = connection.execute("SELECT slots, weights FROM postings WHERE term = ?", (term,)).fetchone()
                old_slots, old_weights = stored if stored else (b"", b"")
                connection.execute("INSERT OR REPLACE INTO postings VALUES (?, ?, ?)",
                                   (term, old_slots + slots, old_weights + weights))
        connection.executemany("INSERT OR REPLACE INTO arrays VALUES (?, ?)", self.arrays.blobs().items())
        connection.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'")

    def _save_suggestions(self):
        connection = self.connection
        for key, change in self.suggestions.items():
            row = None if self.fresh else connection.execute(
                "SELECT id, documents FROM suggestions WHERE kind = ? AND text = ? AND url = ? AND access_level = ?", key
            ).fetchone()
            if row is None and change > 0:
                cursor = connection.execute("INSERT INTO suggestions VALUES (NULL, ?, ?, ?, ?, ?)", (*key, change))
                connection.execute("INSERT INTO suggest_fts (rowid, folded) VALUES (?, ?)",
                                   (cursor.lastrowid, " ".join(words(key[1]))))
            elif row is not None and row[1] + change > 0:
                connection.execute("UPDATE suggestions SET documents = ? WHERE id = ?", (row[1] + change, row[0]))
            elif row is not None:
                connection.execute("DELETE FROM suggestions WHERE id = ?", (row[0],))
                connection.execute("DELETE FROM suggest_fts WHERE rowid = ?", (row[0],))

    def _postings(self):
        """(term, slots, weights) per term, the postings grouped by a stable sort on the term."""
        terms = np.frombuffer(self.posting_terms, dtype=np.int32)
        bounds = np.concatenate([[0], np.cumsum(np.bincount(terms, minlength=len(self.term_numbers)))])
        order = np.argsort(terms, kind="stable")
        slots = np.frombuffer(self.posting_slots, dtype=np.int32)[order]
        weights = np.frombuffer(self.posting_weights, dtype=np.float32)[order]
        del order
        for number, term in enumerate(self.term_numbers):
            start, end = bounds[number], bounds[number + 1]
            yield term, slots[start:end].tobytes(), weights[start:end].tobytes()
