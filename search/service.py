"""The search service: runs a PracticeQuery on the configured engine, labels the answer."""

import logging
import re
import time
from dataclasses import replace

import nh3
from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Page

from practices.access import allowed_audiences, audience_key
from practices.models import City, PracticePage
from practices.models.practice import practice_cards, visible_practices
from practices.models.translation import interface_language, one_version_per_entry

from .analysis import fold
from .engines import get_engine
from .engines.base import EngineUnavailable, Suggestion, mix_suggestions
from .facets import FACETS
from .results import Facet, FacetValue, PracticeResults

logger = logging.getLogger(__name__)
LISTING_SUGGESTIONS = 3


def build_facets(query, counts_by_field):
    """The facets of the answer, in the order of search.facets, each value labelled."""
    facets = []
    for facet in FACETS:
        counts = counts_by_field.get(facet.field, {})
        selected = set(getattr(query, facet.name))
        labels = facet.labels(set(counts) | selected)
        items = [FacetValue(value, str(label), counts.get(value, 0), value in selected) for value, label in labels.items()]
        items.sort(key=facet.sort_key())
        facets.append(Facet(name=facet.name, label=str(facet.label), values=items))
    return facets


def audiences_of(viewer):
    """The audience keys of what this viewer may read: every question to an engine carries
    them (PracticeQuery.access_levels, suggest, related)."""
    return tuple(allowed_audiences(viewer))


def search(query):
    """Run a query. Raises EngineUnavailable when the engine cannot answer."""
    started = time.perf_counter()
    engine = get_engine()
    raw = engine.search(query)
    raw.hits = readable_hits(raw.hits, query.access_levels)
    city_names = city_names_in_language({hit.city for hit in raw.hits})
    language = interface_language()
    for hit in raw.hits:
        # Each entry once: its version in the interface's language where it has one.
        hit.show_version(language)
        hit.city = city_names.get(hit.city, hit.city)
        # Engines escape the text and add <mark>; this keeps any other markup out whatever
        # an engine returns.
        hit.snippet = nh3.clean(hit.snippet, tags={"mark"}, attributes={})
    # The short list beside the practices: on the first page of a text search only.
    listings = live_listings(engine.search_listings(query.text)) if query.text and query.page == 1 else []
    return PracticeResults(
        query=query,
        hits=raw.hits,
        total=raw.total,
        facets=build_facets(query, raw.facets),
        suggestion=helpful_suggestion(engine, query, raw),
        took_ms=(time.perf_counter() - started) * 1000,
        engine=engine.name,
        listings=listings,
        unmatched=as_typed(raw.unmatched, query.text),
    )


def as_typed(labels, text):
    """Each folded label (QueryUnit.label) as the visitor typed it: "éclairage", not
    "eclairage"."""
    typed = {fold(word): word for word in re.findall(r"\w+", text)}
    return tuple(" ".join(typed.get(word, word) for word in label.split()) for label in labels)


def helpful_suggestion(engine, query, raw):
    """The engine's did-you-mean (offered when a query finds few entries or none), kept
    only when it may help: some word of the query matched nothing (a word entries have is
    never "corrected" into another), and the corrected query, with the same filters and
    clearance, finds no fewer entries."""
    if not raw.suggestion or (raw.total and not raw.unmatched):
        return None
    corrected = engine.search(replace(query, text=raw.suggestion, page=1))
    return raw.suggestion if corrected.total >= raw.total else None


def live_listings(hits):
    """The listing hits whose page is live now (an index that lags behind an unpublish
    must not show it), each page once, in its version of the interface's language: every
    version is indexed, and a word of either finds it."""
    keys = dict(Page.objects.live().filter(pk__in=[hit.page_id for hit in hits]).values_list("pk", "translation_key"))
    shown = one_version_per_entry(Page.objects.live().filter(translation_key__in=keys.values())).specific()
    version_of = {page.translation_key: page for page in shown}
    kept, seen = [], set()
    for hit in hits:
        key = keys.get(hit.page_id)
        if key is None or key in seen or key not in version_of:
            continue
        seen.add(key)
        version = version_of[key]
        if version.pk != hit.page_id:
            hit.page_id, hit.title, hit.url, hit.summary = version.pk, version.title, version.url, version.summary
        kept.append(hit)
    return kept


def city_names_in_language(names):
    """{indexed (English) name: the name in the interface's language} for these cities;
    empty in the default language, where the indexed name is the one shown."""
    if not names or get_language() == settings.LANGUAGE_CODE:
        return {}
    return {city.name: city.display_name for city in City.objects.filter(name__in=names)}


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


def engine_status():
    """(engine name, None) when the search engine answers, (name, short reason) when not:
    for the readiness endpoint, which must say which part is down without its details."""
    engine = get_engine()
    try:
        engine.ping()
    except EngineUnavailable:
        logger.warning("readiness: search engine unavailable", exc_info=True)
        return engine.name, "the search engine does not answer"
    return engine.name, None


def suggest(text, user, limit=10):
    """Practices, cities and topics from the engine, with the networks, events and
    references whose title or acronym completes what was typed."""
    engine = get_engine()
    try:
        suggestions = engine.suggest(text, audiences_of(user), limit=limit)
        listings = live_listings(engine.search_listings(text, limit=LISTING_SUGGESTIONS, prefix=True))
    except EngineUnavailable:
        logger.warning("search engine unavailable for suggestions", exc_info=True)
        return []
    listed = [Suggestion(hit.title, hit.kind, hit.url) for hit in listings]
    return mix_suggestions(listed + practices_in_interface_language(suggestions), limit)


def practices_in_interface_language(suggestions):
    """The suggestions with each entry once, as its version in the interface's language
    where it has one: both titles are indexed, so "Londres" may complete in an English
    interface, and it should then offer the English page."""
    slugs = {s.url.rstrip("/").rsplit("/", 1)[-1] for s in suggestions if s.kind == "practice" and s.url}
    versions = PracticePage.objects.live().filter(slug__in=slugs).select_related("locale")
    by_url = {version.url: version for version in versions}
    shown = {version.translation_key: version for version in one_version_per_entry(versions)}
    kept, seen = [], set()
    for suggestion in suggestions:
        version = by_url.get(suggestion.url) if suggestion.kind == "practice" else None
        if version is not None:
            shown_version = shown.get(version.translation_key, version)
            if shown_version.translation_key in seen:
                continue
            seen.add(shown_version.translation_key)
            suggestion = Suggestion(shown_version.title, "practice", shown_version.url)
        kept.append(suggestion)
    return kept


def related_practices(page, user, limit=4):
    """The practices the engine finds related to this one; the database's choice
    (PracticePage.related_practices) when the engine cannot answer."""
    try:
        # The entry's document is its original's.
        ids = get_engine().related(page.original.pk, audiences_of(user), limit=limit)
    except EngineUnavailable:
        logger.warning("search engine unavailable for related practices", exc_info=True)
        return page.related_practices(user, limit=limit)
    # The engine filters by access already; asking the database again keeps a stale
    # index from ever showing a practice the visitor may not see. The engine names
    # entries by their originals; each is shown in the interface's language.
    keys = dict(PracticePage.objects.filter(pk__in=ids).values_list("pk", "translation_key"))
    shown = practice_cards(visible_practices(user).filter(translation_key__in=keys.values()))
    by_key = {practice.translation_key: practice for practice in shown}
    return [by_key[keys[pk]] for pk in ids if pk in keys and keys[pk] in by_key]
