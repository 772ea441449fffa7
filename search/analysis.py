"""Text analysis shared by the embedded engine and the tests of both engines.

The same chain as the Elasticsearch analysers: split into words, lower-case, fold
accents (asciifolding), drop stop words, Snowball stemming. Folding comes before stemming
so that a query typed without accents ("securite") meets the accented text ("sécurité").
Documents are stemmed in their own language; a query word is stemmed in both languages,
because practitioners search across languages.
"""

import re
import unicodedata
from functools import lru_cache
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


def fold(text):
    """Lower-case and strip accents: "Sécurité" -> "securite", "Œuvre" -> "oeuvre"."""
    if text.isascii():
        return text.lower()
    # Word by word, so that the cache serves the vocabulary's repeated words.
    return " ".join(_fold_word(word) for word in text.split(" "))


def words(text):
    """Folded words, stop words included (used for phrases and prefixes)."""
    return _WORD.findall(fold(text).replace("_", " "))


@lru_cache(maxsize=131072)
def stem(word, language):
    return _STEMMERS[language].stemWord(word)


@lru_cache(maxsize=131072)
def term_of(word, language):
    """The index term of one word as written (folded, then stemmed): used for highlights."""
    return _STEMMERS[language].stemWord(fold(word))


def analyse(text, language):
    """Index terms of a text written in `language`: folded, no stop words, stemmed."""
    stemmer = _STEMMERS[language if language in _STEMMERS else "en"]
    return stemmer.stemWords([w for w in words(text) if w not in STOP_WORDS])


def query_terms(text):
    """Each query word as the set of its stems in both languages, stop words removed."""
    return [
        {stem(word, language) for language in LANGUAGES}
        for word in words(text)
        if word not in STOP_WORDS
    ]


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
