"""The URL carries the whole search state: parsing it and writing it back."""

import re
from urllib.parse import urlencode

from .query import FILTER_FIELDS, FILTER_VOCABULARIES, SORTS, STATUS_NOT_STATED, PracticeQuery

YEAR_RANGE = (1900, 2100)
_SLUG = re.compile(r"^[a-z0-9-]{1,120}$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
ALLOWED = {name: set(vocabulary.values) for name, vocabulary in FILTER_VOCABULARIES.items()}
ALLOWED["statuses"].add(STATUS_NOT_STATED)


def _valid(name, value):
    if name in ALLOWED:
        return value in ALLOWED[name]
    if name == "countries":
        return bool(_COUNTRY.match(value))
    return bool(_SLUG.match(value))  # cities


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


def query_from_params(params, viewer, page_size=10):
    """A PracticeQuery from a QueryDict; invalid values are dropped, never an error."""
    filters = {
        name: tuple(v for v in params.getlist(name) if _valid(name, v))
        for name in FILTER_FIELDS
    }
    sort = params.get("sort", "relevance")
    return PracticeQuery(
        text=params.get("q", ""),
        **filters,
        year_from=_year(params.get("year_from")),
        year_to=_year(params.get("year_to")),
        sort=sort if sort in SORTS else "relevance",
        page=_int(params.get("page"), 1),
        page_size=page_size,
        viewer=viewer,
    )


def params_of(query, **changes):
    """The query string of a query, with some parts changed (e.g. page=2)."""
    pairs = []
    text = changes.get("q", query.text)
    if text:
        pairs.append(("q", text))
    for name in FILTER_FIELDS:
        pairs += [(name, value) for value in changes.get(name, getattr(query, name))]
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
