"""The embedded index's file format: its tables, what a document keeps for display,
the exact values kept for filters and facets, and the rows it gives the suggestions.

Layout: a directory holding versioned index files (`index-<stamp>.sqlite3`) and a
`CURRENT` file naming the live one (search.engines.embedded.engine switches them).
"""

from datetime import datetime

from ...analysis import STOP_WORDS, TRANSLATION_FIELDS, words
from ..base import FACET_FIELDS, SPELLING_MIN_WORD

# Exact values kept per document, for filters and facet counts.
INDEXED_PAIRS = FACET_FIELDS + ("access_level",)
DISPLAY_FIELDS = ("title", "url", "city_name", "city_names", "country", "themes", "evidence_level",
                  "language", "summary", "body", "topics", "partner_names", *TRANSLATION_FIELDS)

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS docs (
    slot INTEGER PRIMARY KEY, id INTEGER NOT NULL UNIQUE, fingerprint TEXT NOT NULL,
    analysis TEXT NOT NULL, display TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS postings (term TEXT PRIMARY KEY, slots BLOB NOT NULL, weights BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS arrays (name TEXT PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS suggestions (
    id INTEGER PRIMARY KEY, kind TEXT NOT NULL, text TEXT NOT NULL, url TEXT NOT NULL,
    access_level TEXT NOT NULL, documents INTEGER NOT NULL, UNIQUE (kind, text, url, access_level)
);
CREATE VIRTUAL TABLE IF NOT EXISTS suggest_fts USING fts5(folded, tokenize="unicode61", prefix='1 2 3 4');
CREATE TABLE IF NOT EXISTS vocab (
    word TEXT NOT NULL, access_level TEXT NOT NULL, df INTEGER NOT NULL, PRIMARY KEY (word, access_level)
) WITHOUT ROWID;
INSERT OR IGNORE INTO meta VALUES ('generation', '0');
"""


def published_stamp(document):
    value = document.get("published_at")
    return int(datetime.fromisoformat(value).timestamp()) if value else 0


def vocabulary_words(display):
    text = " ".join([
        display["title"], display["summary"], display.get("translation_title", ""), display.get("translation_summary", ""),
        " ".join(display["topics"]), " ".join(display["city_names"]),
    ])
    return {w for w in words(text) if len(w) >= SPELLING_MIN_WORD and w not in STOP_WORDS and not w.isdigit()}


def suggestion_rows(display, access_level):
    """What the query box may suggest from one entry: its title, cities and topics. A city
    or topic is stored once per access level, with the number of entries that have it."""
    versions = [(display["title"], display["url"])]
    if display.get("translation_title"):
        versions.append((display["translation_title"], display["translation_url"]))
    return (
        [("practice", title, url, access_level) for title, url in versions]
        + [("city", name, "", access_level) for name in display["city_names"]]
        + [("topic", topic, "", access_level) for topic in display["topics"]]
    )


def facet_pairs(document):
    pairs = []
    for field in INDEXED_PAIRS:
        value = document.get(field)
        for item in value if isinstance(value, list) else [value]:
            if item not in (None, ""):
                pairs.append((field, str(item)))
    return pairs
