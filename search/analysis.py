"""Text analysis shared by the embedded engine and the tests of both engines.

The same chain as the Elasticsearch analysers: split into words, lower-case, fold
accents (asciifolding), drop stop words, Snowball stemming. Folding comes before stemming
so that a query typed without accents ("securite") meets the accented text ("sécurité").
Documents are stemmed in their own language; a query word is stemmed in both languages,
because practitioners search across languages.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import filterfalse
from pathlib import Path

import Stemmer

SYNONYMS_FILE = Path(__file__).resolve().parent / "synonyms.txt"
LANGUAGES = ("en", "fr")
_STEMMERS = {"en": Stemmer.Stemmer("english"), "fr": Stemmer.Stemmer("french")}
_WORD = re.compile(r"\w+", re.UNICODE)

# Folded forms. English and French function words, and the French elided articles.
STOP_WORDS = frozenset(
    """
    a an and are as at be been but by for from had has have he her his i if in into is it its
    of on or our she so such than that the their them then there these they this those to
    was we were what when where which while who will with would you your not no
    au aux avec ce ces c d dans de des du elle en et eux il ils je j l la le les leur leurs
    lui m ma mais me meme mes moi mon n ne nos notre nous on ou par pas pour qu que qui s sa
    se ses son sur t ta te tes toi ton tu un une vos votre vous y ete etre est sont ont a
    cette cet comme plus ainsi aussi entre lors apres avant chez sans sous
    """.split()
)


_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})


@lru_cache(maxsize=65536)
def _fold_word(word):
    decomposed = unicodedata.normalize("NFKD", word.translate(_LIGATURES).casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _latin_folding_table():
    """Accented Latin letters (and combining marks) to their folded form, for str.translate."""
    table = {}
    for code in range(0x80, 0x250):
        folded = _fold_word(chr(code))
        if folded != chr(code):
            table[code] = folded
    for code in range(0x300, 0x370):  # combining diacritical marks of decomposed text
        table[code] = None
    return table


_LATIN_FOLDING = _latin_folding_table()


def fold(text):
    """Lower-case and strip accents: "Sécurité" -> "securite", "Œuvre" -> "oeuvre"."""
    if text.isascii():
        return text.lower()
    # Latin letters by one translate; anything else word by word (cached per word).
    text = text.casefold().translate(_LATIN_FOLDING)
    if text.isascii():
        return text
    return " ".join(_fold_word(word) for word in text.split(" "))


_ASCII_WORD = re.compile(r"[a-z0-9]+")


def words(text):
    """Folded words, stop words included (used for phrases and prefixes)."""
    folded = fold(text)
    if folded.isascii():
        return _ASCII_WORD.findall(folded)  # the same words as \w+, "_" aside; faster
    return _WORD.findall(folded.replace("_", " "))


# Words that both Snowball stemmers reduce to another word's stem, which misleads: a
# training course ("formation") is not a file format, consultation ("concertation") is not
# a concert. Each keeps a term of its own, in every engine (the cluster's analysers apply
# the same rules: search.engines.elastic.mapping).
STEM_OVERRIDES = {
    "formation": "formation", "formations": "formation",
    "concertation": "concertation", "concertations": "concertation",
}


@lru_cache(maxsize=131072)
def stem(word, language):
    return STEM_OVERRIDES.get(word) or _STEMMERS[language].stemWord(word)


@lru_cache(maxsize=131072)
def term_of(word, language):
    """The index term of one word as written (folded, then stemmed): used for highlights."""
    return stem(fold(word), language)


_STEM_CACHES = {language: {} for language in _STEMMERS}
_STEM_CACHE_LIMIT = 500_000


def analyse(text, language):
    """Index terms of a text written in `language`: folded, no stop words, stemmed."""
    language = language if language in _STEMMERS else "en"
    cache = _STEM_CACHES[language]
    found = list(filterfalse(STOP_WORDS.__contains__, words(text)))
    stems = list(map(cache.get, found))
    if None in stems:
        # A vocabulary follows Zipf's law: stem each word once, then look it up.
        if len(cache) > _STEM_CACHE_LIMIT:
            cache.clear()
        unknown = [w for w in found if w not in cache]
        stemmed = _STEMMERS[language].stemWords(unknown)
        cache.update((word, STEM_OVERRIDES.get(word) or term) for word, term in zip(unknown, stemmed))
        stems = list(map(cache.get, found))
    return stems


def document_fields(document):
    """The weighted parts of an indexed document (search.engines.base.FIELD_WEIGHTS), as text."""
    return {
        "title": document["title"],
        "summary": document["summary"],
        "body": document["body"],
        "extra": " ".join(document["topics"] + document["city_names"] + document["partner_names"]),
    }


def label_fields(document):
    """{language: weighted parts} of the labels of an entry in each language (search.
    documents.labels_in), each analysed in its own language."""
    return {language: {"extra": " ".join(document.get(f"labels_{language}") or [])} for language in LANGUAGES}


# An entry's translation in its document (search.documents): empty texts when it has none.
TRANSLATION_FIELDS = ("translation_language", "translation_title", "translation_summary", "translation_body", "translation_url")


def translation_fields(document):
    """The weighted parts of the entry's translation, as text ({} when it has none): analysed
    in the translation's language, in the same fields as the original's."""
    if not document.get("translation_language"):
        return {}
    return {
        "title": document["translation_title"],
        "summary": document["translation_summary"],
        "body": document["translation_body"],
    }


LONGEST_PHRASE = 6


@dataclass(frozen=True)
class QueryUnit:
    """One thing a query asks for: a word, or a run of words that is a phrase of the
    synonym file (then `group` holds every phrase of its line). Every engine requires
    each unit of a query that some entry the viewer may see has; of a query of several
    units, those that no such entry has are left out and named (EngineResults.unmatched),
    so that the other words still narrow the answer; and when no entry has all the units
    left, any of them will do (whatever facets and years are selected: a filter narrows
    the answer, it does not change which words are required)."""

    words: tuple  # folded, stop words removed
    stems: frozenset  # of a word: its stems in both languages
    group: tuple = None

    @property
    def label(self):
        return " ".join(self.words)


def query_units(text):
    """The units of a query, longest synonym phrase first; [] when only stop words remain.
    Nothing a user types is interpreted as an operator."""
    folded = [word for word in words(text) if word not in STOP_WORDS]
    stems_per_word = [{stem(word, language) for language in LANGUAGES} for word in folded]
    units, position = [], 0
    synonyms = _synonym_index()
    while position < len(folded):
        match = None
        for length in range(min(LONGEST_PHRASE, len(folded) - position), 0, -1):
            for phrase_stems, group in synonyms.get(length, []):
                if all(phrase_stems[i] & stems_per_word[position + i] for i in range(length)):
                    match = (length, group)
                    break
            if match:
                break
        length, group = match or (1, None)
        span = slice(position, position + length)
        units.append(QueryUnit(words=tuple(folded[span]), stems=frozenset().union(*stems_per_word[span]), group=group))
        position += length
    return units


@lru_cache(maxsize=1)
def _synonym_index():
    """Synonym phrases by length in words, each word as its set of stems."""
    index = {}
    for group in synonym_groups():
        for phrase in group:
            folded = [w for w in words(phrase) if w not in STOP_WORDS]
            if folded:
                index.setdefault(len(folded), []).append(
                    ([{stem(w, lang) for lang in LANGUAGES} for w in folded], tuple(group))
                )
    return index


@lru_cache(maxsize=1)
def synonym_groups():
    """The bilingual synonym file: one group of equivalent phrases per line (Solr format)."""
    groups = []
    for line in SYNONYMS_FILE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        phrases = [phrase.strip() for phrase in line.split(",") if phrase.strip()]
        if len(phrases) > 1:
            groups.append(phrases)
    return groups


def synonym_lines():
    """The synonym rules as Elasticsearch's synonym_graph filter takes them inline."""
    return [", ".join(group) for group in synonym_groups()]
