"""The interface every search engine implements.

Documents are the dicts of search.documents.build_document. Access is always enforced
by the engine itself: every method that returns practices, counts, snippets or
suggestions takes the access levels the viewer may see and never looks beyond them.
"""

from abc import ABC, abstractmethod
from dataclasses import dataclass

from ..facets import FACET_FIELDS  # noqa: F401 (the fields every engine filters and counts)

# The contract's policy: every engine applies these, so that the same question gets the
# same kind of answer from a laptop and from a cluster.

# How much an occurrence counts in each part of an entry (search.analysis.document_fields):
# title over summary over topics, places and partners ("extra") over body. The embedded
# engine adds these weights to its term frequencies; the Elasticsearch family repeats each
# part that many times in the analysed text field (it has no per-value boost at index time).
FIELD_WEIGHTS = {"title": 10.0, "summary": 4.0, "body": 1.0, "extra": 3.0}
# A text query with fewer hits than this also gets a spelling correction ("did you mean").
DID_YOU_MEAN_BELOW = 3
# Shorter words are never corrected nor suggested.
SPELLING_MIN_WORD = 3
# Suggestion candidates ranked before the mix (mix_suggestions) keeps `limit` of them.
SUGGESTION_CANDIDATES = 200
# Related practices: the entry's rarest terms outside its body. The embedded engine reads
# them from document_fields without "body" (its "extra" part also holds the city and partner
# names); the Elasticsearch family names the mapped fields, where topics stand alone.
RELATED_FIELDS = ("title", "summary", "topics")
RELATED_TERMS = 15


# Networks, events and reference documents (search.listings) are matched apart from the
# practices: a short list beside them. Every word of the query must be found (no fallback
# to any word: the list is meant to name what was asked for), weighted by field.
# "name" is the title with the acronym: one field, so that an acronym weighs as a title word.
LISTING_WEIGHTS = {"name": 10.0, "summary": 4.0, "extra": 3.0}
LISTING_LIMIT = 5


class EngineUnavailable(Exception):
    """The engine cannot be reached; indexing retries later, pages degrade gracefully."""


@dataclass
class Suggestion:
    text: str
    kind: str  # "practice", "city" or "topic"
    url: str = ""


SUGGESTION_KINDS = ("practice", "city", "topic")


@dataclass
class ListingHit:
    page_id: int
    kind: str  # "network", "event" or "reference"
    title: str
    url: str
    summary: str
    score: float = 0.0


def mix_suggestions(suggestions, limit):
    """Practices first, then cities and topics, without practice titles crowding the
    others out: every engine returns its suggestions through this."""
    practices = [s for s in suggestions if s.kind == "practice"]
    others = [s for s in suggestions if s.kind != "practice"]
    return (practices[: max(limit - len(others), limit // 2)] + others)[:limit]


class SearchEngine(ABC):
    name = "base"

    @abstractmethod
    def rebuild(self, documents, progress=None):
        """Replace the whole index with `documents` (an iterable); return how many.

        Readers keep using the old index until the new one is complete.
        """

    @abstractmethod
    def index(self, documents):
        """Add or replace these documents."""

    @abstractmethod
    def delete(self, practice_ids):
        """Remove these practices from the index (missing ones are ignored)."""

    @abstractmethod
    def fingerprints(self):
        """{practice id: fingerprint} of everything in the index (for verify)."""

    @abstractmethod
    def search(self, query):
        """Run a search.query.PracticeQuery; return search.results.EngineResults."""

    @abstractmethod
    def suggest(self, text, access_levels, limit=10):
        """At most `limit` Suggestion objects for what has been typed so far."""

    @abstractmethod
    def related(self, practice_id, access_levels, limit=4):
        """Ids of the practices most like this one, best first."""

    @abstractmethod
    def ping(self):
        """Cheaply check that the engine answers; raise EngineUnavailable when it does not.
        (No index yet is not a failure: the first publish creates it.)"""

    @abstractmethod
    def replace_listings(self, documents):
        """Replace every listing (search.listings.listing_documents: public pages, few)."""

    @abstractmethod
    def search_listings(self, text, limit=LISTING_LIMIT, prefix=False):
        """ListingHit objects that have every word of `text` (with prefix=True, the last
        word as a prefix of a title or acronym word: for suggestions), best first."""
