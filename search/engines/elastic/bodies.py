"""Request bodies of the Elasticsearch family, built with elasticsearch.dsl and sent as
they are by either transport (no connection needed to build them)."""

from elasticsearch.dsl import Q, Search

from ...analysis import words
from ..base import (
    FACET_FIELDS,
    LISTING_WEIGHTS,
    RELATED_FIELDS,
    RELATED_TERMS,
    SPELLING_MIN_WORD,
    SUGGESTION_CANDIDATES,
)
from .mapping import SUGGESTION_SEPARATOR

# Facet values come a page at a time (composite aggregation), every page read: no facet
# is ever cut short, however many cities the collection holds.
FACET_PAGE = 1000
SNIPPET_CHARS = 200
SUGGESTION_WORDS = 8
HIT_SOURCE = [
    "id", "title", "url", "city_name", "country", "themes", "evidence_level", "language", "summary",
    "translation_language", "translation_title", "translation_summary", "translation_url",
]
ALL, ANY = "all", "any"

# The fields a query is matched against, each with its language's analyser (mapping.py:
# every part of the entry, weighted by repetition).
MATCH_FIELDS = {"text_fr": "kb_french", "text_en": "kb_english"}

# The order of related practices (as the embedded engine): shared target types first,
# then shared themes, then text similarity (the query's score, the next sort key).
SHARED_VALUES_SCRIPT = """
int types = 0;
for (def value : doc['target_types']) { if (params.target_types.contains(value)) { types++; } }
int themes = 0;
for (def value : doc['themes']) { if (params.themes.contains(value)) { themes++; } }
return types * 100 + themes;
"""


def _terms(field_name, values):
    return Q("terms", **{field_name: list(values)})


def _all_of(clauses):
    return Q("bool", filter=clauses) if clauses else Q("match_all")


def access_filter(access_levels):
    return _terms("access_level", access_levels)


def year_filters(query):
    """Practices active in the period: started by year_to, not ended before year_from."""
    if query.year_from is None and query.year_to is None:
        return []
    clauses = []
    if query.year_to is not None:
        clauses.append(Q("range", start_year={"lte": query.year_to}))
    else:
        clauses.append(Q("exists", field="start_year"))
    if query.year_from is not None:
        clauses.append(
            Q(
                "bool",
                should=[Q("range", end_year={"gte": query.year_from}), ~Q("exists", field="end_year")],
                minimum_should_match=1,
            )
        )
    return clauses


def unit_clause(unit):
    """One unit of the query (search.analysis.QueryUnit): a word, stemmed for each
    language's field, or any phrase of its synonym group, as a phrase."""
    if unit.group is None:
        return Q("multi_match", query=" ".join(unit.words), fields=list(MATCH_FIELDS), type="best_fields")
    # Scores add up over the phrases found, as the embedded engine adds its terms'.
    return Q(
        "bool",
        should=[
            Q("match_phrase", **{field_name: {"query": phrase, "analyzer": analyzer}})
            for phrase in unit.group
            for field_name, analyzer in MATCH_FIELDS.items()
        ],
        minimum_should_match=1,
    )


def text_query(units, require=ALL):
    """Every unit (require=ALL) or at least one (ANY); scores add up over the units."""
    if not units:
        return Q("match_all")
    clauses = [unit_clause(unit) for unit in units]
    if require == ALL:
        return Q("bool", must=clauses)
    return Q("bool", should=clauses, minimum_should_match=1)


def sort_of(query):
    newest = {"published_at": {"order": "desc", "missing": "_last"}}
    by_id = {"id": {"order": "desc"}}
    if query.sort == "newest" or (query.sort == "relevance" and not query.text):
        return [newest, by_id]
    if query.sort == "evidence":
        return [{"evidence_rank": {"order": "desc"}}, "_score", newest, by_id]
    return ["_score", newest, by_id]


def facet_selection(query):
    """{document field: terms clause} for the selected facet values, in search.facets order."""
    return {field_name: _terms(field_name, values) for field_name, values in query.filters.items()}


def _base_search(query, units, require):
    return Search().query(
        Q(
            "bool",
            must=[text_query(units, require)],
            filter=[access_filter(query.access_levels), *year_filters(query)],
        )
    )


def _facet_aggregation(search, query, field_name, after=None):
    # A facet's counts apply every other selection but not its own, so values of one
    # facet can be combined (OR).
    selection = facet_selection(query)
    others = [clause for name, clause in selection.items() if name != field_name]
    composite = {"size": FACET_PAGE, "sources": [{"value": {"terms": {"field": field_name}}}]}
    if after is not None:
        composite["after"] = after
    search.aggs.bucket(field_name, "filter", filter=_all_of(others)).bucket("values", "composite", **composite)


def search_body(query, units, require=ALL):
    """The whole search request for a PracticeQuery and its units (search.analysis)."""
    selection = facet_selection(query)
    search = _base_search(query, units, require)
    # Facet selections filter the hits only (post_filter), not the facet counts.
    if selection:
        search = search.post_filter(_all_of(list(selection.values())))
    for field_name in FACET_FIELDS:
        _facet_aggregation(search, query, field_name)
    search = search.sort(*sort_of(query)).source(HIT_SOURCE)
    search = search.extra(from_=query.offset, size=query.page_size, track_total_hits=True)
    if query.text:
        search = search.highlight_options(
            encoder="html",
            pre_tags=["<mark>"],
            post_tags=["</mark>"],
            number_of_fragments=1,
            fragment_size=SNIPPET_CHARS,
            order="score",
            # The query names the weighted fields; the marks go on the words of the summary
            # and body that the same analysers reduce to the same terms, from the text
            # query alone (not from the terms of the access and facet filters).
            require_field_match=False,
            highlight_query=text_query(units, require).to_dict(),
        ).highlight(*(f"{prefix}{name}.{language}" for prefix in ("", "translation_") for name in ("summary", "body") for language in ("fr", "en")))
        search = search.suggest("did_you_mean", query.text, phrase=did_you_mean(query.access_levels))
    return search.to_dict()


def count_body(query, units):
    """Whether any entry the viewer may see has every unit, facets and years aside."""
    search = Search().query(Q("bool", must=[text_query(units, ALL)], filter=[access_filter(query.access_levels)]))
    return search.extra(size=0, track_total_hits=1).to_dict()


def units_present_body(query, units):
    """How many entries the viewer may see have each unit, facets and years aside: one
    bucket per unit, named by its position."""
    search = Search().query(Q("bool", filter=[access_filter(query.access_levels)])).extra(size=0, track_total_hits=False)
    search.aggs.bucket("units", "filters", filters={str(i): text_query([unit], ALL) for i, unit in enumerate(units)})
    return search.to_dict()


def facet_page_body(query, units, require, field_name, after):
    """The next page of one facet's values, after the composite key `after`."""
    search = _base_search(query, units, require).extra(size=0, track_total_hits=False)
    _facet_aggregation(search, query, field_name, after=after)
    return search.to_dict()


def did_you_mean(access_levels):
    """A phrase suggester over the words of titles, summaries, topics and city names (the
    embedded engine's vocabulary); a correction is only offered when all its words occur
    together in an entry the viewer may see (collate). The candidates are the suggester's,
    ranked by its own language model: the embedded engine compares letters instead."""
    return {
        "field": "spelling",
        "size": 1,
        "gram_size": 3,
        "max_errors": 2,
        "direct_generator": [{"field": "spelling", "suggest_mode": "always", "min_word_length": SPELLING_MIN_WORD}],
        "collate": {
            "query": {
                "source": {
                    "bool": {
                        "must": [
                            {
                                "match": {
                                    "spelling": {
                                        "query": "{{suggestion}}",
                                        "analyzer": "kb_folded",
                                        "operator": "and",
                                    }
                                }
                            }
                        ],
                        "filter": [{"terms": {"access_level": list(access_levels)}}],
                    }
                }
            },
            "prune": False,
        },
    }


def _word_pattern(word, prefix=False):
    """A Lucene regular expression for suggestion values (mapping.suggestion_value) whose
    words include `word` (or a word starting with it). Typed words are letters and digits
    only (search.analysis.words), which a Lucene expression takes literally."""
    rest = f"[^{SUGGESTION_SEPARATOR}]*"
    ending = rest if prefix else f"( {rest})?"
    return f"({rest} )?{word}{ending}{SUGGESTION_SEPARATOR}.*"


def suggest_body(text, access_levels):
    """Entries the viewer may see that have every typed word (the last as a prefix) in a
    title, city or topic; per kind, the values that have them, from an aggregation."""
    typed = words(text)[:SUGGESTION_WORDS]
    if not typed:
        return None
    found = [Q("term", suggest_words=word) for word in typed[:-1]] + [Q("prefix", suggest_words=typed[-1])]
    # Every word, as an intersection (&) of one expression per word.
    include = "&".join(f"({_word_pattern(word)})" for word in typed[:-1])
    include = (include + "&" if include else "") + f"({_word_pattern(typed[-1], prefix=True)})"
    search = Search().query(Q("bool", filter=[access_filter(access_levels), *found])).extra(size=0)
    for kind in ("practice", "city", "topic"):
        search.aggs.bucket(kind, "terms", field=f"suggest_{kind}", include=include, size=SUGGESTION_CANDIDATES)
    return search.to_dict()


def related_body(index_name, practice_id, access_levels, limit, themes, target_types):
    """Practices sharing a theme, ordered as the embedded engine orders them: shared
    target types, shared themes, then more_like_this on the practice's rarer terms."""
    like = Q(
        "more_like_this",
        fields=list(RELATED_FIELDS),
        like=[{"_index": index_name, "_id": str(practice_id)}],
        min_term_freq=1,
        min_doc_freq=2,
        max_query_terms=RELATED_TERMS,
        minimum_should_match=1,
        include=False,
    )
    query = Q(
        "bool",
        should=[like],
        filter=[access_filter(access_levels), _terms("themes", themes)],
        must_not=[Q("ids", values=[str(practice_id)])],
    )
    shared = {
        "_script": {
            "type": "number",
            "order": "desc",
            "script": {
                "lang": "painless",
                "source": SHARED_VALUES_SCRIPT.strip(),
                "params": {"themes": list(themes), "target_types": list(target_types)},
            },
        }
    }
    return (
        Search().query(query).sort(shared, "_score", {"id": {"order": "asc"}})
        .source(False).extra(size=limit, track_scores=True).to_dict()
    )


def _listing_fields():
    """Each weighted listing field with its language sub-fields, boosted by its weight."""
    fields = []
    for name, weight in LISTING_WEIGHTS.items():
        fields += [f"{each}^{weight:g}" for each in (name, f"{name}.fr", f"{name}.en")]
    return fields


def listing_search_body(units, limit):
    """Listings that have every unit of the query; a unit's score is its best field's."""
    clauses = [
        Q("multi_match", query=" ".join(unit.words), fields=_listing_fields(), type="best_fields", operator="and")
        for unit in units
    ]
    return Search().query(Q("bool", must=clauses)).sort("_score", {"id": "asc"}).extra(size=limit).to_dict()


def listing_prefix_body(text):
    """Listings whose title or acronym has every typed word, the last as a prefix."""
    typed = words(text)[:SUGGESTION_WORDS]
    if not typed:
        return None
    found = [Q("term", suggest_words=word) for word in typed[:-1]] + [Q("prefix", suggest_words=typed[-1])]
    # Every candidate: the engine orders them by title, as the embedded engine does.
    return Search().query(Q("bool", filter=found)).extra(size=SUGGESTION_CANDIDATES).to_dict()


def alias_swap_actions(alias, old_indices, new_index):
    """One atomic update_aliases request: the alias leaves the old indices for the new."""
    actions = [{"remove": {"index": name, "alias": alias}} for name in sorted(old_indices)]
    return actions + [{"add": {"index": new_index, "alias": alias}}]
