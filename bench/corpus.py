"""The synthetic corpus, generated to a file first, then streamed to the engine.

The documents are never all held in memory (that would add hundreds of MB to the peak
being measured). They are generated before the build, into a JSON-lines file, counting
the folded words the query mix needs: so the build is timed on its own (reading the
file back is counted in the build, a small cost against it), and an engine that uses a
second CPU does not overlap its work with the generator's.
"""

import json
import re
import time
from collections import Counter
from itertools import chain

from search.analysis import STOP_WORDS, words

# Words every synthetic entry carries as a label ("[SYNTHETIC]", "Synthetic City 0042",
# "Synthetic Org 123"): not vocabulary a practitioner would search for.
LABEL_WORDS = frozenset({"synthetic", "city", "org"})
_TOKEN = re.compile(r"\w+", re.UNICODE)


def indexed_text(document):
    """The text the engine indexes for a document: its four FTS columns."""
    extra = " ".join(document["topics"] + document["city_names"] + document["partner_names"])
    return " ".join((document["title"], document["summary"], document["body"], extra))


class _FoldedWords(dict):
    """Raw token -> its folded words, stop words and numbers left out (computed once)."""

    def __missing__(self, token):
        folded = tuple(w for w in words(token) if w not in STOP_WORDS and not w.isdigit())
        self[token] = folded
        return folded


class CorpusStream:
    """Generates the documents once into a file, counting what the query mix needs; then
    iterates over them as often as asked."""

    def __init__(self, documents, path, progress=None):
        self.path = path
        self.count = 0
        self.by_language = Counter()
        self.df = Counter()  # folded word -> documents containing it
        self.df_by_language = {"en": Counter(), "fr": Counter()}
        self.word_totals = Counter()  # title / summary / body -> words, for the mean lengths
        self._folded = _FoldedWords()
        started = time.perf_counter()
        with open(path, "w", encoding="utf-8") as file:
            for document in documents:
                self._count(document)
                file.write(json.dumps(document, ensure_ascii=False) + "\n")
                if progress and self.count % 10_000 == 0:
                    progress(self.count)
        self.generation_seconds = time.perf_counter() - started

    def _count(self, document):
        tokens = set(_TOKEN.findall(indexed_text(document)))
        present = set(chain.from_iterable(map(self._folded.__getitem__, tokens)))
        self.df.update(present)
        self.df_by_language.setdefault(document["language"], Counter()).update(present)
        self.by_language[document["language"]] += 1
        self.word_totals["title"] += len(document["title"].split())
        self.word_totals["summary"] += len(document["summary"].split())
        self.word_totals["body"] += len(document["body"].split())
        self.count += 1

    def __iter__(self):
        with open(self.path, encoding="utf-8") as file:
            for line in file:
                yield json.loads(line)

    def mean_words(self, part):
        return self.word_totals[part] / self.count if self.count else 0.0
