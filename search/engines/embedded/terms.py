"""Index terms for the embedded engine: what a document holds, what a query asks for.

A document's terms are its stems (search.analysis) with a weight per term: the number of
occurrences in each field times the field's weight (title over summary over body). Each
multi-word phrase of the synonym file found in the text is indexed as one extra term
(its stems joined by "_", which no stem contains), so that a synonym phrase is matched
as a phrase without keeping word positions. A change to the synonym file therefore needs
`manage.py search_index rebuild`; the index records which file it was built with.

A query is a list of clauses, each a set of alternative terms: a word's stems in both
languages, or every phrase of its synonym group. A document matches when it has a term
of every clause (or, as a fallback, of any clause).
"""

import hashlib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ...analysis import (
    LANGUAGES,
    STEM_OVERRIDES,
    STOP_WORDS,
    SYNONYMS_FILE,
    analyse,
    document_fields,
    label_fields,
    query_units,
    stem,
    synonym_groups,
    translation_fields,
    words,
)
from ..base import FIELD_WEIGHTS

PHRASE_JOIN = "_"


def analysis_version():
    """Changes when the synonym file or the stemming overrides change: an index built
    with others is stale."""
    overrides = repr(sorted(STEM_OVERRIDES.items())).encode()
    return hashlib.sha256(SYNONYMS_FILE.read_bytes() + overrides).hexdigest()[:16]


def analyse_documents(documents):
    """(weighted terms, length) of each document: the part of indexing that a second
    process can do (this module needs neither Django nor the index)."""
    return [_entry_terms(document) for document in documents]


def _entry_terms(document):
    """The weighted terms of the original, each version's text and each language's labels
    in their own language."""
    weights, length = weighted_terms(document_fields(document), document["language"])
    parts = [(translation_fields(document), document.get("translation_language"))]
    parts += [(fields, language) for language, fields in label_fields(document).items()]
    for fields, language in parts:
        if fields:
            more, more_length = weighted_terms(fields, language)
            weights.update(more)
            length += more_length
    return weights, length


def weighted_terms(fields, language):
    """{term: weight} of a document and its length in terms (bm25's document length)."""
    phrases = _phrases_by_first_bigram(language if language in LANGUAGES else "en")
    weights, length = Counter(), 0
    for field, text in fields.items():
        stems = analyse(text, language)
        length += len(stems)
        stems += _phrase_terms(stems, phrases)
        field_weight = FIELD_WEIGHTS[field]
        if field_weight == 1.0:
            weights.update(stems)  # the long body: counted in C
        else:
            for term in stems:
                weights[term] += field_weight
    return weights, length


def _phrase_terms(stems, phrases):
    found = []
    # Only where a phrase's first two stems are adjacent: a set of the text's bigrams,
    # built and intersected in C, rules out nearly every text at once.
    for bigram in phrases.keys() & set(zip(stems, stems[1:])):
        position = -1
        while (position := _index(stems, bigram[0], position + 1)) >= 0:
            for phrase in phrases[bigram]:
                if tuple(stems[position: position + len(phrase)]) == phrase:
                    found.append(PHRASE_JOIN.join(phrase))
    return found


def _index(items, item, start):
    try:
        return items.index(item, start)
    except ValueError:
        return -1


@lru_cache(maxsize=2)
def _phrases_by_first_bigram(language):
    """The synonym file's phrases of two words or more, stemmed in `language`."""
    phrases = {}
    for group in synonym_groups():
        for phrase in group:
            stems = _phrase_stems(phrase, language)
            if len(stems) > 1:
                phrases.setdefault(stems[:2], set()).add(stems)
    return phrases


def _phrase_stems(phrase, language):
    return tuple(stem(word, language) for word in words(phrase) if word not in STOP_WORDS)


@dataclass(frozen=True)
class CompiledQuery:
    clauses: tuple  # of frozensets of alternative terms
    highlight: frozenset  # stems to mark in snippets
    labels: tuple = ()  # of each clause: its unit's label (QueryUnit.label)

    @property
    def terms(self):
        return frozenset().union(*self.clauses)


def compile_query(text):
    """The clauses of a query (search.analysis.query_units), or None when nothing is left
    to search (only stop words): a synonym phrase becomes the terms of its whole group, any
    other word its stems in both languages."""
    units = query_units(text)
    if not units:
        return None
    clauses, highlight = [], set()
    for unit in units:
        if unit.group is None:
            clauses.append(unit.stems)
            highlight |= unit.stems
            continue
        alternatives = set()
        for phrase in unit.group:
            for language in LANGUAGES:
                stems = _phrase_stems(phrase, language)
                if stems:
                    alternatives.add(PHRASE_JOIN.join(stems))
                    highlight.update(stems)
        clauses.append(frozenset(alternatives))
    return CompiledQuery(clauses=tuple(clauses), highlight=frozenset(highlight), labels=tuple(u.label for u in units))
