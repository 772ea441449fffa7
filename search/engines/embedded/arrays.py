"""The per-document arrays of the embedded engine, kept in memory by every process.

A document has a slot: its position in these arrays. Slots only grow: an update gives the
document a new slot and marks the old one dead, so the inverted lists (sorted by slot)
only ever get entries appended. `search_index rebuild` compacts.

Facet values are numbered ("codes"); each slot's codes are stored CSR-style
(`offsets`, `codes`), so counting every facet over a set of documents is one gather and
one `np.bincount`, whatever the number of values. The arrays are saved as blobs in the
index file at every write, so a process loads them with a few reads, not a scan.
"""

import json
from array import array

import numpy as np

K1 = 1.2  # bm25's term-frequency saturation and length normalisation, as in FTS5
B = 0.75

COLUMNS = {
    "ids": np.int64, "alive": np.bool_, "published": np.int64, "start_year": np.int32,
    "end_year": np.int32, "evidence_rank": np.int16, "length": np.float32,
}
UNKNOWN_YEAR = -1


class IndexArrays:
    """Read-only view of one generation of the index: masks, counts, bm25 normalisation."""

    def __init__(self, key, columns, offsets, codes, values):
        self.key = key
        for name in COLUMNS:
            setattr(self, name, columns[name])
        self.offsets = offsets
        self.codes = codes
        self.values = [tuple(item) for item in values]  # code -> (field, value)
        self.code_of = {item: code for code, item in enumerate(self.values)}
        self.size = len(self.ids)
        self.live_count = int(np.count_nonzero(self.alive))
        live_lengths = self.length[self.alive]
        average = float(live_lengths.mean()) if len(live_lengths) else 1.0
        self.length_norm = (K1 * (1 - B + B * self.length / max(average, 1.0))).astype(np.float32)
        self.pair_slots = np.repeat(np.arange(self.size, dtype=np.int32), np.diff(offsets))
        self.field_codes = {}
        for code, (field, _) in enumerate(values):
            self.field_codes.setdefault(field, []).append(code)
        self.field_codes = {field: np.asarray(codes) for field, codes in self.field_codes.items()}
        self._masks = {}
        self._grouped = None

    @classmethod
    def from_blobs(cls, key, blobs):
        columns = {name: np.frombuffer(blobs[name], dtype=dtype) for name, dtype in COLUMNS.items()}
        offsets = np.frombuffer(blobs["offsets"], dtype=np.int64)
        codes = np.frombuffer(blobs["codes"], dtype=np.int32)
        return cls(key, columns, offsets, codes, json.loads(blobs["values"]))

    # Masks -----------------------------------------------------------------------------

    def value_mask(self, field, value):
        """Documents with this value in this field (alive or not)."""
        code = self.code_of.get((field, value))
        if code is None:
            return np.zeros(self.size, dtype=bool)
        mask = self._masks.get(code)
        if mask is None:
            if self._grouped is None:
                order = np.argsort(self.codes, kind="stable")
                bounds = np.searchsorted(self.codes[order], np.arange(len(self.values) + 1))
                self._grouped = (order, bounds)
            order, bounds = self._grouped
            mask = np.zeros(self.size, dtype=bool)
            mask[self.pair_slots[order[bounds[code]: bounds[code + 1]]]] = True
            self._masks[code] = mask  # the same for every query of this generation
        return mask

    def any_of(self, field, values):
        mask = np.zeros(self.size, dtype=bool)
        for value in values:
            mask |= self.value_mask(field, value)
        return mask

    def years(self, year_from, year_to):
        """Practices running at some point of the range (an open end runs until today)."""
        mask = self.start_year != UNKNOWN_YEAR
        if year_to is not None:
            mask &= self.start_year <= year_to
        if year_from is not None:
            mask &= (self.end_year == UNKNOWN_YEAR) | (self.end_year >= year_from)
        return mask

    # Counting --------------------------------------------------------------------------

    def value_counts(self, scope, fields):
        """{field: {value: count}} over the documents of `scope`, zeros left out."""
        positions = np.flatnonzero(scope)
        if len(positions) * 8 < self.size:
            # Few documents: gather their own codes rather than test every pair.
            starts = self.offsets[positions]
            lengths = self.offsets[positions + 1] - starts
            shift = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
            codes = self.codes[shift + np.arange(int(lengths.sum()))]
        else:
            codes = self.codes[scope[self.pair_slots]]
        counts = np.bincount(codes, minlength=len(self.values))
        result = {}
        for field in fields:
            field_codes = self.field_codes.get(field, np.zeros(0, dtype=np.int64))
            present = field_codes[counts[field_codes] > 0]
            result[field] = {self.values[code][1]: int(counts[code]) for code in present}
        return result

    # Scoring ---------------------------------------------------------------------------

    def bm25(self, slots, weights):
        """FTS5's bm25 of one term over its postings: idf * w(k1 + 1) / (w + k1(1 - b + b|D|/avgdl))."""
        documents = int(np.count_nonzero(self.alive[slots]))
        idf = max(np.log((self.live_count - documents + 0.5) / (documents + 0.5)), 1e-6)
        return (idf * (K1 + 1)) * weights / (weights + self.length_norm[slots])


class ArraysBuilder:
    """The arrays while they are written: the saved ones plus appended slots."""

    def __init__(self, blobs=None):
        if blobs:
            saved = IndexArrays.from_blobs(None, blobs)
            self._columns = {name: np.array(getattr(saved, name)) for name in COLUMNS}
            self._offsets = np.array(saved.offsets)
            self._codes = np.array(saved.codes)
            self.values = list(map(tuple, saved.values))
        else:
            self._columns = {name: np.zeros(0, dtype=dtype) for name, dtype in COLUMNS.items()}
            self._offsets = np.zeros(1, dtype=np.int64)
            self._codes = np.zeros(0, dtype=np.int32)
            self.values = []
        self._code_of = {item: code for code, item in enumerate(self.values)}
        self._saved_size = len(self._columns["ids"])
        self._appended = {name: [] for name in COLUMNS}
        self._appended_codes = array("i")
        self._appended_offsets = array("q")
        self._killed = []

    @property
    def next_slot(self):
        return self._saved_size + len(self._appended["ids"])

    def append(self, practice_id, published, start_year, end_year, evidence_rank, length, pairs):
        """A new slot; `pairs` are its (field, value) facet values."""
        for name, value in (
            ("ids", practice_id), ("alive", True), ("published", published),
            ("start_year", UNKNOWN_YEAR if start_year is None else start_year),
            ("end_year", UNKNOWN_YEAR if end_year is None else end_year),
            ("evidence_rank", evidence_rank), ("length", length),
        ):
            self._appended[name].append(value)
        for pair in pairs:
            code = self._code_of.get(pair)
            if code is None:
                code = self._code_of[pair] = len(self.values)
                self.values.append(pair)
            self._appended_codes.append(code)
        self._appended_offsets.append(int(self._offsets[-1]) + len(self._appended_codes))

    def pairs_of(self, slot):
        """The (field, value) pairs of a saved slot."""
        start, end = self._offsets[slot], self._offsets[slot + 1]
        return [self.values[code] for code in self._codes[start:end]]

    def kill(self, slot):
        self._killed.append(slot)

    def blobs(self):
        columns = {
            name: np.concatenate([self._columns[name], np.asarray(self._appended[name], dtype=dtype)])
            for name, dtype in COLUMNS.items()
        }
        columns["alive"][self._killed] = False
        offsets = np.concatenate([self._offsets, np.frombuffer(self._appended_offsets, dtype=np.int64)])
        codes = np.concatenate([self._codes, np.frombuffer(self._appended_codes, dtype=np.int32)])
        blobs = {name: column.tobytes() for name, column in columns.items()}
        blobs.update(offsets=offsets.tobytes(), codes=codes.tobytes(),
                     values=json.dumps(self.values, ensure_ascii=False).encode())
        return blobs
