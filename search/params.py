"""The URL carries the whole search state: parsing it and writing it back."""

from urllib.parse import urlencode

from practices.rules import YEAR_RANGE

from .facets import FACETS
from .query import SORTS, PracticeQuery


def _year(value):
    try:
        year = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return year if YEAR_RANGE[0] <= year <= YEAR_RANGE[1] else None


def _int(value, default):
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return default


def query_from_params(params, audiences, page_size=10):
    """A PracticeQuery from a QueryDict; invalid values are dropped, never an error."""
    filters = {facet.name: tuple(v for v in params.getlist(facet.name) if facet.is_valid(v)) for facet in FACETS}
    sort = params.get("sort", "relevance")
    return PracticeQuery(
        text=params.get("q", ""),
        **filters,
        year_from=_year(params.get("year_from")),
        year_to=_year(params.get("year_to")),
        sort=sort if sort in SORTS else "relevance",
        page=_int(params.get("page"), 1),
        page_size=page_size,
        access_levels=audiences,
    )


def params_of(query, **changes):
    """The query string of a query, with some parts changed (e.g. page=2)."""
    pairs = []
    text = changes.get("q", query.text)
    if text:
        pairs.append(("q", text))
    for facet in FACETS:
        pairs += [(facet.name, value) for value in changes.get(facet.name, getattr(query, facet.name))]
    for name in ("year_from", "year_to"):
        value = changes.get(name, getattr(query, name))
        if value is not None:
            pairs.append((name, value))
    sort = changes.get("sort", query.sort)
    if sort != "relevance":
        pairs.append(("sort", sort))
    page = changes.get("page", 1)
    if page != 1:
        pairs.append(("page", page))
    return "?" + urlencode(pairs)
