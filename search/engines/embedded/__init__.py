"""The embedded search engine: an index in SQLite files beside the site, no server.

schema: the file format; arrays: per-document arrays for filters and facets; terms: text
analysis and weights; snippets: highlighted extracts; writing: analysis and write batches;
engine: the SearchEngine itself.
"""

from .engine import EmbeddedEngine

__all__ = ["EmbeddedEngine"]
