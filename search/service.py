"""The search service: runs a PracticeQuery on the configured engine, labels the answer."""

import logging
import time

import nh3
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from practices.access import allowed_audiences, audience_key
from practices.models import City, PracticePage

from .engines import get_engine
from .engines.base import EngineUnavailable
from .query import FILTER_FIELDS, FILTER_VOCABULARIES, STATUS_NOT_STATED
from .results import Facet, FacetValue, PracticeResults

logger = logging.getLogger(__name__)

FACET_LABELS = {
    "themes": _("Theme"),
    "regions": _("Region"),
    "countries": _("Country"),
    "cities": _("City"),
    "target_types": _("Place protected"),
    "partner_sectors": _("Partner sector"),
    "partnership_models": _("Partnership model"),
    "evidence_levels": _("Evidence level"),
    "statuses": _("Status"),
    "languages": _("Language"),
}
# Facets shown in the fixed order of their vocabulary; the others by count.
ORDERED_FACETS = {"themes", "evidence_levels", "languages", "statuses"}


def _labeller(name, values):
    if name in FILTER_VOCABULARIES:
        labels = dict(FILTER_VOCABULARIES[name].choices)
        if name == "statuses":
            labels[STATUS_NOT_STATED] = _("Not stated")
        return lambda value: labels.get(value, value)
    if name == "countries":
        return lambda value: countries.name(value) or value
    if name == "cities":
        names = dict(City.objects.filter(slug__in=values).values_list("slug", "name"))
        return lambda value: names.get(value, value)
    return str


def build_facets(query, counts_by_field):
    facets = []
    for name, field in FILTER_FIELDS.items():
        counts = counts_by_field.get(field, {})
        selected = set(getattr(query, name))
        values = set(counts) | selected
        label = _labeller(name, values)
        items = [FacetValue(value, str(label(value)), counts.get(value, 0), value in selected) for value in values]
        if name in ORDERED_FACETS:
            order = {value: i for i, value in enumerate(FILTER_VOCABULARIES[name].values)}
            items.sort(key=lambda item: order.get(item.value, len(order)))
        else:
            items.sort(key=lambda item: (-item.count, item.label))
        facets.append(Facet(name=name, label=str(FACET_LABELS[name]), values=items))
    return facets


def localise(url):
    """An indexed (default-language) path in the active interface language: the default
    language is at the root and every other one under its prefix (kb/urls.py)."""
    language = get_language()
    if not url or not url.startswith("/") or language == settings.LANGUAGE_CODE:
        return url
    return f"/{language}{url}"


def search(query):
    """Run a query. Raises EngineUnavailable when the engine cannot answer."""
    started = time.perf_counter()
    engine = get_engine()
    raw = engine.search(query)
    raw.hits = readable_hits(raw.hits, query.access_levels)
    for hit in raw.hits:
        hit.url = localise(hit.url)
        # Engines escape the text and add <mark>; this keeps any other markup out whatever
        # an engine returns.
        hit.snippet = nh3.clean(hit.snippet, tags={"mark"}, attributes={})
    return PracticeResults(
        query=query,
        hits=raw.hits,
        total=raw.total,
        facets=build_facets(query, raw.facets),
        suggestion=raw.suggestion,
        took_ms=(time.perf_counter() - started) * 1000,
        engine=engine.name,
    )


def readable_hits(hits, audiences):
    """The hits whose entry, as the database has it now, is live and within the query's
    audiences, each with its tier. The engine filtered already; asking the database again
    keeps an index that lags behind an access change from showing the entry."""
    levels = dict(
        PracticePage.objects.live().filter(pk__in=[hit.practice_id for hit in hits]).values_list("pk", "access_level")
    )
    kept = []
    for hit in hits:
        level = levels.get(hit.practice_id)
        if level is not None and audience_key(level, hit.practice_id) in audiences:
            hit.access_level = level
            kept.append(hit)
    return kept


def suggest(text, user, limit=10):
    try:
        suggestions = get_engine().suggest(text, tuple(allowed_audiences(user)), limit=limit)
    except EngineUnavailable:
        logger.warning("search engine unavailable for suggestions", exc_info=True)
        return []
    for suggestion in suggestions:
        suggestion.url = localise(suggestion.url)
    return suggestions


def related_ids(practice_id, user, limit=4):
    """Ids of related practices from the engine; None when the engine cannot answer."""
    try:
        return get_engine().related(practice_id, tuple(allowed_audiences(user)), limit=limit)
    except EngineUnavailable:
        logger.warning("search engine unavailable for related practices", exc_info=True)
        return None
