"""The search contract's answer: PracticeResults, the same shape from every engine."""

from dataclasses import dataclass, field


@dataclass
class HitVersion:
    """An entry's translation as a hit shows it: the service shows it instead of the
    original when it is in the interface's language."""

    language: str
    title: str
    url: str
    snippet: str  # safe HTML, as Hit.snippet


@dataclass
class Hit:
    practice_id: int
    title: str
    url: str
    city: str  # city name
    country: str  # ISO code
    themes: list
    evidence_level: str
    snippet: str  # safe HTML: escaped text with <mark> around matched words
    language: str = "en"
    score: float = 0.0
    # Read from the database by the service (not stored by the engines): the entry's tier.
    access_level: str = ""
    translation: HitVersion | None = None

    def show_version(self, language):
        """Show the translation instead of the original when it is in `language`."""
        if self.translation is not None and self.translation.language == language:
            version = self.translation
            self.title, self.url, self.snippet, self.language = version.title, version.url, version.snippet, version.language


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str  # the filter name on PracticeQuery
    label: str
    values: list


@dataclass
class EngineResults:
    """What an engine returns; the service adds labels and selection state."""

    hits: list  # of Hit
    total: int
    facets: dict  # document field -> {value: count}
    suggestion: str | None = None
    # Of a query of several units: those no entry the viewer may see has (QueryUnit.label),
    # left out of what is required.
    unmatched: tuple = ()


@dataclass
class PracticeResults:
    query: object
    hits: list
    total: int
    facets: list  # of Facet, in the order of search.facets
    suggestion: str | None = None
    took_ms: float = 0.0
    engine: str = ""
    # Networks, events and reference documents that have every word (search.engines.base.ListingHit).
    listings: list = field(default_factory=list)
    # The words of the query that no entry the viewer may read has, as typed.
    unmatched: tuple = ()
    pages: int = field(init=False)

    def __post_init__(self):
        self.pages = max(1, -(-self.total // self.query.page_size))
