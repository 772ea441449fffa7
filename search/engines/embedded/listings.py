"""Networks, events and reference documents in the embedded engine: one JSON file beside
the index (`listings.json`), replaced atomically, read again when it changes; each text
analysed in both languages as a query word is (search.analysis)."""

import json
import os

from ...analysis import LANGUAGES, analyse, query_units, words
from ..base import LISTING_LIMIT, LISTING_WEIGHTS, EngineUnavailable, ListingHit

LISTINGS_FILE = "listings.json"


def _terms(text):
    return set().union(*(analyse(text, language) for language in LANGUAGES)) | set(words(text))


def _covered(terms, units):
    return sum(1 for term in terms if any(term in unit.stems for unit in units)) / len(terms) if terms else 0.0


def _hit(document, score=0.0):
    return ListingHit(document["page_id"], document["kind"], document["title"], document["url"], document["summary"], score)


class ListingsFile:
    """The listings of EmbeddedEngine (which sets `directory`)."""

    _listings_cache = (None, [])

    @property
    def _listings_path(self):
        return self.directory / LISTINGS_FILE

    def replace_listings(self, documents):
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            temporary = self._listings_path.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_text(json.dumps(list(documents), ensure_ascii=False), encoding="utf-8")
            os.replace(temporary, self._listings_path)
        except OSError as error:
            raise EngineUnavailable(f"cannot write {self._listings_path}: {error}") from error

    def _listings(self):
        """The stored listings, analysed; cached until the file changes."""
        try:
            status = self._listings_path.stat()
            stamp = (status.st_mtime_ns, status.st_ino)  # os.replace gives a new inode
        except FileNotFoundError:
            return []
        cached_stamp, listings = self._listings_cache
        if stamp != cached_stamp:
            try:
                documents = json.loads(self._listings_path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as error:
                raise EngineUnavailable(f"cannot read {self._listings_path}: {error}") from error
            # Each document with its analysed terms per field and the folded words of its
            # name (what suggestions complete).
            listings = [
                (
                    document,
                    {name: _terms(document[name]) for name in (*LISTING_WEIGHTS, "title", "acronym")},
                    words(document["name"]),
                )
                for document in documents
            ]
            self._listings_cache = (stamp, listings)
        return listings

    def search_listings(self, text, limit=LISTING_LIMIT, prefix=False):
        if prefix:
            return self._prefix_listings(text, limit)
        units = query_units(text)
        if not units or limit < 1:
            return []
        hits = []
        for document, terms, _name_words in self._listings():
            score = 0.0
            for unit in units:
                # A unit counts for its best field, as Lucene's best_fields does.
                weights = [weight for name, weight in LISTING_WEIGHTS.items() if unit.stems & terms[name]]
                if not weights:
                    break
                score += max(weights)
            else:
                # The share of its name (title or acronym) the query covers stands for Lucene's
                # length norm: "Strong Cities Network" before its summit's longer title.
                score += LISTING_WEIGHTS["name"] * max(_covered(terms["title"], units), _covered(terms["acronym"], units))
                hits.append(_hit(document, score))
        hits.sort(key=lambda hit: (-hit.score, hit.title))
        return hits[:limit]

    def _prefix_listings(self, text, limit):
        typed = words(text)
        if not typed or limit < 1:
            return []
        hits = []
        for document, _terms, own in self._listings():
            if all(word in own for word in typed[:-1]) and any(word.startswith(typed[-1]) for word in own):
                hits.append(_hit(document))
        hits.sort(key=lambda hit: hit.title)
        return hits[:limit]
