"""The search contract's question: PracticeQuery, built from a request or by code."""

from dataclasses import dataclass, field, replace
from typing import Any

from practices.access import allowed_audiences
from practices.models.vocabulary import (
    EvidenceLevel,
    Language,
    PartnershipModel,
    Region,
    Sector,
    Status,
    TargetType,
    ThemeChoice,
)

SORTS = ("relevance", "newest", "evidence")
MAX_TEXT_LENGTH = 500
MAX_PAGE = 1000
MAX_PAGE_SIZE = 50
MAX_VALUES_PER_FILTER = 30
# Every engine offers a spelling correction ("did you mean") when a text query has fewer
# hits than this.
DID_YOU_MEAN_BELOW = 3

# Filter name on the query (and in the URL) -> field name in the indexed document.
FILTER_FIELDS = {
    "themes": "themes",
    "cities": "cities",
    "countries": "country",
    "regions": "region",
    "target_types": "target_types",
    "partner_sectors": "partner_sectors",
    "partnership_models": "partnership_models",
    "evidence_levels": "evidence_level",
    "statuses": "status",
    "languages": "language",
}

# The filters whose values come from a fixed vocabulary (cities and countries do not).
FILTER_VOCABULARIES = {
    "themes": ThemeChoice,
    "regions": Region,
    "target_types": TargetType,
    "partner_sectors": Sector,
    "partnership_models": PartnershipModel,
    "evidence_levels": EvidenceLevel,
    "statuses": Status,
    "languages": Language,
}
# A practice whose status is not known is indexed with this value.
STATUS_NOT_STATED = "not-stated"


@dataclass(frozen=True)
class PracticeQuery:
    text: str = ""
    themes: tuple = ()
    cities: tuple = ()  # city slugs (the main city or a further city)
    countries: tuple = ()  # ISO 3166 alpha-2 codes
    regions: tuple = ()
    target_types: tuple = ()
    partner_sectors: tuple = ()
    partnership_models: tuple = ()
    evidence_levels: tuple = ()
    statuses: tuple = ()
    languages: tuple = ()
    year_from: int | None = None
    year_to: int | None = None
    sort: str = "relevance"
    page: int = 1
    page_size: int = 10
    viewer: Any = field(default=None, compare=False, repr=False)
    # Derived from the viewer unless given: the audience keys this query may return
    # (practices.access: "public", "network", "restricted-<id>").
    access_levels: tuple = None

    def __post_init__(self):
        if self.access_levels is None:
            object.__setattr__(self, "access_levels", tuple(allowed_audiences(self.viewer)))
        object.__setattr__(self, "text", clean_text(self.text))
        if self.sort not in SORTS:
            object.__setattr__(self, "sort", "relevance")
        object.__setattr__(self, "page", min(max(int(self.page), 1), MAX_PAGE))
        object.__setattr__(self, "page_size", min(max(int(self.page_size), 1), MAX_PAGE_SIZE))
        for name in FILTER_FIELDS:
            values = tuple(dict.fromkeys(str(v) for v in getattr(self, name)))[:MAX_VALUES_PER_FILTER]
            object.__setattr__(self, name, values)

    @property
    def filters(self):
        """{document field: selected values} for the filters in use."""
        return {FILTER_FIELDS[name]: getattr(self, name) for name in FILTER_FIELDS if getattr(self, name)}

    @property
    def offset(self):
        return (self.page - 1) * self.page_size

    def without(self, name, value=None):
        """The same query with one filter value (or the whole filter) removed, page 1."""
        if name in ("year_from", "year_to"):
            return replace(self, **{name: None}, page=1)
        if name == "text":
            return replace(self, text="", page=1)
        values = tuple(v for v in getattr(self, name) if value is not None and v != value)
        return replace(self, **{name: values}, page=1)


def clean_text(text):
    """Query text as typed, bounded and without control characters."""
    text = "".join(char if char.isprintable() else " " for char in str(text or "")[: MAX_TEXT_LENGTH * 4])
    return " ".join(text.split())[:MAX_TEXT_LENGTH]
