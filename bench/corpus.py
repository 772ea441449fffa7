"""The synthetic corpus as a stream: document frequencies and generation time on the way.

The documents are never all held in memory (that would add hundreds of MB to the peak
being measured): the engine pulls them one by one from this stream, which counts the
folded words of each document and the time spent generating, so that the index build
rate can be given with and without the generator's share.
"""

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
    """Iterates over generated documents once, counting what the query mix needs."""

    def __init__(self, documents):
        self._documents = documents
        self.count = 0
        self.by_language = Counter()
        self.df = Counter()  # folded word -> documents containing it
        self.df_by_language = {"en": Counter(), "fr": Counter()}
        self.generation_seconds = 0.0
        self.word_totals = Counter()  # title / summary / body -> words, for the mean lengths
        self._folded = _FoldedWords()

    def __iter__(self):
        iterator = iter(self._documents)
        while True:
            started = time.perf_counter()
            try:
                document = next(iterator)
            except StopIteration:
                self.generation_seconds += time.perf_counter() - started
                return
            tokens = set(_TOKEN.findall(indexed_text(document)))
            present = set(chain.from_iterable(map(self._folded.__getitem__, tokens)))
            self.df.update(present)
            self.df_by_language.setdefault(document["language"], Counter()).update(present)
            self.by_language[document["language"]] += 1
            self.word_totals["title"] += len(document["title"].split())
            self.word_totals["summary"] += len(document["summary"].split())
            self.word_totals["body"] += len(document["body"].split())
            self.count += 1
            self.generation_seconds += time.perf_counter() - started
            yield document

    def mean_words(self, part):
        return self.word_totals[part] / self.count if self.count else 0.0
