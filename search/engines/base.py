"""The interface every search engine implements.

Documents are the dicts of search.documents.build_document. Access is always enforced
by the engine itself: every method that returns practices, counts, snippets or
suggestions takes the access levels the viewer may see and never looks beyond them.
"""

from abc import ABC, abstractmethod
from dataclasses import dataclass


class EngineUnavailable(Exception):
    """The engine cannot be reached; indexing retries later, pages degrade gracefully."""


@dataclass
class Suggestion:
    text: str
    kind: str  # "practice", "city" or "topic"
    url: str = ""


SUGGESTION_KINDS = ("practice", "city", "topic")


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
