"""The search contract's question: PracticeQuery, built from a request or by code."""

from dataclasses import dataclass, field, make_dataclass, replace

from .facets import BY_NAME, FACET_NAMES

SORTS = ("relevance", "newest", "evidence")
MAX_TEXT_LENGTH = 500
MAX_PAGE = 1000
MAX_PAGE_SIZE = 50
MAX_VALUES_PER_FILTER = 30

# The selected values of each facet of search.facets, a tuple each (query.themes, ...).
FacetSelection = make_dataclass(
    "FacetSelection", [(name, tuple, field(default=())) for name in FACET_NAMES], frozen=True
)


@dataclass(frozen=True)
class PracticeQuery(FacetSelection):
    text: str = ""
    year_from: int | None = None
    year_to: int | None = None
    sort: str = "relevance"
    page: int = 1
    page_size: int = 10
    # The audience keys this query may return (practices.access: "public", "network",
    # "restricted-<id>"), as the caller was given them (search.service.audiences_of).
    access_levels: tuple = ("public",)

    def __post_init__(self):
        object.__setattr__(self, "access_levels", tuple(self.access_levels))
        object.__setattr__(self, "text", clean_text(self.text))
        if self.sort not in SORTS:
            object.__setattr__(self, "sort", "relevance")
        object.__setattr__(self, "page", min(max(int(self.page), 1), MAX_PAGE))
        object.__setattr__(self, "page_size", min(max(int(self.page_size), 1), MAX_PAGE_SIZE))
        for name in FACET_NAMES:
            values = tuple(dict.fromkeys(str(v) for v in getattr(self, name)))[:MAX_VALUES_PER_FILTER]
            object.__setattr__(self, name, values)

    @property
    def filters(self):
        """{document field: selected values} for the filters in use."""
        return {BY_NAME[name].field: getattr(self, name) for name in FACET_NAMES if getattr(self, name)}

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
