"""The fixed query mix: seeded, drawn from the corpus vocabulary.

- One to four words per query, in the surface form of the vocabulary (French words typed
  with their accents, or without them one time in three, as people do).
- A quarter at least are "common-word" queries (the hard case): every word has a document
  frequency above 10% of the corpus and the query's text matches more than 10% of the
  corpus (checked on the built index with the engine's own query compilation).
- The others draw each word from a band of document frequency: mid (0.5% to 10%), rare
  (under 0.5%) or common, so some match little or nothing (and fall back to any word).
- Half of each class carry one to three facet filters; a few a year range; some sort by
  newest or by evidence; some are an anonymous visitor's (public only), the others an
  editor's (every access level).
"""

import bisect
import itertools
import math
import random
from collections import Counter
from dataclasses import dataclass

from search.analysis import fold
from search.query import PracticeQuery

from .corpus import LABEL_WORDS

COMMON_SHARE = 0.10  # a common word is in more than 10% of the documents
RARE_SHARE = 0.005
WORD_COUNT_WEIGHTS = {1: 35, 2: 35, 3: 20, 4: 10}
BAND_WEIGHTS = {"mid": 50, "rare": 30, "common": 20}
FILTER_WEIGHTS = {
    "themes": 30, "regions": 20, "languages": 15, "evidence_levels": 15, "target_types": 10,
    "statuses": 5, "partnership_models": 5, "countries": 5, "partner_sectors": 3, "cities": 2,
}
ALL_LEVELS = ("public", "network", "restricted")
PUBLIC_ONLY = ("public",)


@dataclass(frozen=True)
class MixQuery:
    number: int
    text: str
    kind: str  # "common" (every word in >10% of the corpus) or "other"
    language: str  # the language the words were drawn from
    access_levels: tuple
    filters: tuple = ()  # ((filter name, (values, ...)), ...)
    year_from: int | None = None
    year_to: int | None = None
    sort: str = "relevance"

    @property
    def word_count(self):
        return len(self.text.split())

    def practice_query(self):
        """The whole query: text, facet filters, years, sort (facets and highlights come back)."""
        return PracticeQuery(
            text=self.text, access_levels=self.access_levels, year_from=self.year_from, year_to=self.year_to,
            sort=self.sort, **dict(self.filters),
        )

    def text_query(self):
        """Text and access levels only: what the database baselines can also answer."""
        return PracticeQuery(text=self.text, access_levels=self.access_levels)

    def describe(self):
        parts = [f'"{self.text}"']
        parts += [f"{name}={','.join(values)}" for name, values in self.filters]
        if self.year_from or self.year_to:
            parts.append(f"years={self.year_from or ''}-{self.year_to or ''}")
        if self.sort != "relevance":
            parts.append(f"sort={self.sort}")
        if self.access_levels == PUBLIC_ONLY:
            parts.append("public only")
        return " ".join(parts)


class TextMatcher:
    """How many documents a query's text matches, as the engine decides it (every word,
    or any word when no document has them all), at every access level, no filters."""

    def __init__(self, engine):
        self.engine = engine
        self._cache = {}

    def __call__(self, text):
        if text not in self._cache:
            query = PracticeQuery(text=text, access_levels=ALL_LEVELS, page_size=1)
            self._cache[text] = self.engine.search(query).total
        return self._cache[text]


class _WeightedPool:
    """Words drawn in proportion to their document frequency (cumulative weights, bisect)."""

    def __init__(self, weighted_words):
        self.words = [w for w, _ in weighted_words]
        self.cumulative = list(itertools.accumulate(weight for _, weight in weighted_words))

    def __bool__(self):
        return bool(self.words)

    def draw(self, rng):
        return self.words[bisect.bisect_right(self.cumulative, rng.random() * self.cumulative[-1])]


def _surface_forms(world):
    """Folded word -> the word as written in the vocabulary (accents kept)."""
    forms = {}
    for language in ("fr", "en"):
        for word in world.ranked[language]:
            forms.setdefault(fold(word), word)
    return forms


def build_mix(stream, world, count, seed, text_matches):
    """`count` MixQuery objects, deterministic for a corpus and a seed."""
    rng = random.Random(f"bench-mix-{seed}")
    size = stream.count
    surface = _surface_forms(world)
    eligible = {w: n for w, n in stream.df.items() if len(w) >= 3 and w not in LABEL_WORDS and w in surface}

    def band(word):
        share = eligible[word] / size
        return "common" if share > COMMON_SHARE else "rare" if share < RARE_SHARE else "mid"

    pools = {}
    for language, frequencies in stream.df_by_language.items():
        by_band = {"common": [], "mid": [], "rare": []}
        for word, n in sorted(frequencies.items()):
            if word in eligible and (eligible[word] >= 2 or size < 1000):
                by_band[band(word)].append((word, n))
        pools[language] = {name: _WeightedPool(items) for name, items in by_band.items()}

    def typed(word):
        written = surface[word]
        return word if written != word and rng.random() < 1 / 3 else written

    def language_of_query():
        language = "fr" if rng.random() < stream.by_language["fr"] / max(size, 1) else "en"
        return language if pools.get(language, {}).get("common") else "en"

    def word_count():
        return rng.choices(list(WORD_COUNT_WEIGHTS), weights=list(WORD_COUNT_WEIGHTS.values()))[0]

    wanted_common = math.ceil(count / 4)
    common, attempts = [], 0
    seen_texts = set()
    while len(common) < wanted_common and attempts < 200 * wanted_common:
        attempts += 1
        language = language_of_query()
        chosen = []
        for _ in range(word_count()):
            word = pools[language]["common"].draw(rng)
            if word not in chosen:
                chosen.append(word)
        text = " ".join(typed(w) for w in chosen)
        if text in seen_texts or text_matches(text) <= COMMON_SHARE * size:
            continue
        seen_texts.add(text)
        common.append((text, language))

    others = []
    while len(others) < count - len(common):
        language = language_of_query()
        chosen, bands = [], []
        for _ in range(word_count()):
            name = rng.choices(list(BAND_WEIGHTS), weights=list(BAND_WEIGHTS.values()))[0]
            pool = pools[language][name] or pools[language]["mid"] or pools[language]["common"]
            word = pool.draw(rng)
            if word not in chosen:
                chosen.append(word)
                bands.append(band(word))
        if all(b == "common" for b in bands) and pools[language]["mid"]:
            chosen[-1] = pools[language]["mid"].draw(rng)  # keeps the classes apart
        text = " ".join(typed(w) for w in dict.fromkeys(chosen))
        if text in seen_texts:
            continue
        seen_texts.add(text)
        others.append((text, language))

    entries = [(text, language, "common") for text, language in common]
    entries += [(text, language, "other") for text, language in others]
    # Half of each class with facet filters, decided by position in a shuffled order.
    with_filters = set()
    for kind in ("common", "other"):
        positions = [i for i, entry in enumerate(entries) if entry[2] == kind]
        rng.shuffle(positions)
        with_filters.update(positions[: len(positions) // 2])
    queries = []
    for position, (text, language, kind) in enumerate(entries):
        year_from = year_to = None
        if rng.random() < 0.1:
            year_from = rng.randint(2000, 2020)
            year_to = rng.choice([None, year_from + rng.randint(1, 5)])
        queries.append(
            MixQuery(
                number=0,
                text=text,
                kind=kind,
                language=language,
                access_levels=PUBLIC_ONLY if rng.random() < 0.4 else ALL_LEVELS,
                filters=_filters(rng, world) if position in with_filters else (),
                year_from=year_from,
                year_to=year_to,
                sort=rng.choices(("relevance", "newest", "evidence"), weights=(80, 15, 5))[0],
            )
        )
    rng.shuffle(queries)
    return [_renumbered(query, number) for number, query in enumerate(queries, start=1)]


def _renumbered(query, number):
    values = dict(query.__dict__)
    values["number"] = number
    return MixQuery(**values)


def _filters(rng, world):
    choices = world.choices
    values_of = {
        "themes": choices["themes"],
        "regions": sorted({c.region for c in world.cities}),
        "languages": ["en", "fr"],
        "evidence_levels": choices["evidence_levels"],
        "target_types": choices["target_types"],
        "statuses": ["pilot", "ongoing", "completed", "discontinued", "not-stated"],
        "partnership_models": choices["partnership_models"],
        "countries": sorted({c.country for c in world.cities}),
        "partner_sectors": ["public", "private", "civil-society", "academic", "international"],
        "cities": [c.slug for c in world.cities],
    }
    names = []
    for _ in range(rng.choices((1, 2, 3), weights=(60, 30, 10))[0]):
        name = rng.choices(list(FILTER_WEIGHTS), weights=list(FILTER_WEIGHTS.values()))[0]
        if name not in names:
            names.append(name)
    filters = []
    for name in names:
        values = rng.sample(values_of[name], min(len(values_of[name]), rng.choices((1, 2), weights=(75, 25))[0]))
        filters.append((name, tuple(values)))
    return tuple(filters)


def summarise(queries, text_matches, size):
    """Counts of each class of the mix, for the report."""
    counts = Counter()
    for query in queries:
        counts[f"kind:{query.kind}"] += 1
        counts[f"words:{query.word_count}"] += 1
        counts["with facet filters"] += bool(query.filters)
        counts["with a year range"] += bool(query.year_from or query.year_to)
        counts[f"sort:{query.sort}"] += 1
        counts["public only"] += query.access_levels == PUBLIC_ONLY
        counts[f"language:{query.language}"] += 1
        share = text_matches(query.text) / max(size, 1)
        bucket = (
            "text matches >10% of corpus" if share > COMMON_SHARE
            else "text matches 1-10%" if share >= 0.01
            else "text matches <1%" if share > 0
            else "text matches nothing"
        )
        counts[bucket] += 1
    return counts
