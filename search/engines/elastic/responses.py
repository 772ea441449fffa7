"""Responses of the Elasticsearch family, read into the contract's objects."""

import re

from django.utils.html import escape

from ...results import EngineResults, Hit, HitVersion
from ..base import DID_YOU_MEAN_BELOW, FACET_FIELDS, SUGGESTION_KINDS, ListingHit, Suggestion, mix_suggestions
from .bodies import FACET_PAGE, SNIPPET_CHARS
from .mapping import SUGGESTION_SEPARATOR

_MARK = re.compile(r"(</?mark>)")


def safe_fragment(fragment):
    """A highlight fragment as safe HTML: the cluster encodes the text (encoder "html");
    any angle bracket that is not one of our <mark> tags is escaped again, to be sure."""
    return "".join(
        piece if piece in ("<mark>", "</mark>") else piece.replace("<", "&lt;").replace(">", "&gt;")
        for piece in _MARK.split(fragment)
    )


def summary_start(summary, size=SNIPPET_CHARS):
    """The start of the summary, escaped, cut at a word boundary."""
    summary = " ".join((summary or "").split())
    if len(summary) <= size:
        return escape(summary)
    cut = summary[:size]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return escape(cut.rstrip(" ,;:.")) + " …"


def snippet_of(hit, prefix=""):
    """The snippet of the original (prefix "") or of the translation ("translation_")."""
    source = hit.get("_source", {})
    highlight = hit.get("highlight") or {}
    language = source.get(f"{prefix}language") or "en"
    other = "en" if language == "fr" else "fr"
    for name in ("summary", "body"):
        for suffix in (language, other):
            fragments = highlight.get(f"{prefix}{name}.{suffix}")
            if fragments:
                return safe_fragment(fragments[0])
    return summary_start(source.get(f"{prefix}summary", ""))


def translation_of(hit):
    source = hit["_source"]
    if not source.get("translation_language"):
        return None
    return HitVersion(
        source["translation_language"], source.get("translation_title", ""), source.get("translation_url", ""),
        snippet_of(hit, "translation_"),
    )


def hit_of(hit):
    source = hit["_source"]
    return Hit(
        practice_id=int(source.get("id") or hit["_id"]),
        title=source.get("title", ""),
        url=source.get("url", ""),
        city=source.get("city_name", ""),
        country=source.get("country", ""),
        themes=list(source.get("themes") or []),
        evidence_level=source.get("evidence_level", ""),
        snippet=snippet_of(hit),
        language=source.get("language") or "en",
        score=float(hit.get("_score") or 0.0),
        translation=translation_of(hit),
    )


def empty_results():
    return EngineResults(hits=[], total=0, facets={field_name: {} for field_name in FACET_FIELDS})


def absent_units(units, response):
    """The units of bodies.units_present_body that no entry has."""
    buckets = response.get("aggregations", {}).get("units", {}).get("buckets", {})
    return [unit for i, unit in enumerate(units) if not buckets.get(str(i), {}).get("doc_count", 0)]


def total_of(response):
    total = response.get("hits", {}).get("total", 0)
    return total.get("value", 0) if isinstance(total, dict) else int(total)


def facet_page(response, field_name):
    """({value: count} of one page of a facet, the key to ask for the next page or None)."""
    values = response.get("aggregations", {}).get(field_name, {}).get("values", {})
    buckets = values.get("buckets", [])
    counts = {str(bucket["key"]["value"]): bucket["doc_count"] for bucket in buckets}
    more = values.get("after_key") if len(buckets) >= FACET_PAGE else None
    return counts, more


def spelling_suggestion(query, response, total):
    if not query.text or total >= DID_YOU_MEAN_BELOW:
        return None
    for entry in response.get("suggest", {}).get("did_you_mean", []):
        for option in entry.get("options", []):
            if option["text"].casefold() != query.text.casefold():
                return option["text"]
    return None


def results_from_response(query, response):
    """EngineResults from a search response (a plain dict), with the first page of each
    facet (the engine reads the further pages)."""
    total = total_of(response)
    return EngineResults(
        hits=[hit_of(hit) for hit in response.get("hits", {}).get("hits", [])],
        total=total,
        facets={field_name: facet_page(response, field_name)[0] for field_name in FACET_FIELDS},
        suggestion=spelling_suggestion(query, response, total),
    )


def suggestions_from_response(response, limit=10):
    """Suggestion objects from the per-kind aggregations of bodies.suggest_body, shortest
    first within a kind and mixed as every engine mixes them."""
    found, seen = [], set()
    for kind in SUGGESTION_KINDS:
        values = []
        for bucket in response.get("aggregations", {}).get(kind, {}).get("buckets", []):
            _folded, text, *rest = bucket["key"].split(SUGGESTION_SEPARATOR)
            values.append(Suggestion(text=text, kind=kind, url=rest[0] if rest and kind == "practice" else ""))
        for suggestion in sorted(values, key=lambda s: len(s.text)):
            key = (kind, suggestion.text.casefold())
            if key not in seen:
                seen.add(key)
                found.append(suggestion)
    return mix_suggestions(found, limit)


def related_from_response(response):
    return [int(hit["_id"]) for hit in response.get("hits", {}).get("hits", [])]


def listings_from_response(response, scored=True):
    """ListingHit objects, best first (scored) or by title (suggestions), as the embedded engine."""
    hits = []
    for hit in response["hits"]["hits"]:
        source = hit["_source"]
        score = (hit.get("_score") or 0.0) if scored else 0.0
        hits.append(ListingHit(source["page_id"], source["kind"], source["title"], source["url"], source["summary"], score))
    hits.sort(key=(lambda hit: (-hit.score, hit.title)) if scored else (lambda hit: hit.title))
    return hits
