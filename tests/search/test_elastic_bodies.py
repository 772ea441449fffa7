"""The Elasticsearch family without a cluster: the rules its request bodies encode, and
the reading of recorded responses. The OpenSearch leg of `make test` sends these same
bodies to a real cluster (tests/helpers.py); these tests say what each part of a body is
for, so that a change to one is deliberate.
"""

import json
from pathlib import Path

import pytest

from search.analysis import query_units
from search.engines.base import EngineUnavailable, Suggestion
from search.engines.elastic import elasticsearch_engine, opensearch_engine
from search.engines.elastic.bodies import (
    ALL,
    ANY,
    FACET_FIELDS,
    FACET_PAGE,
    facet_page_body,
    related_body,
    search_body,
    suggest_body,
)
from search.engines.elastic.mapping import index_settings_and_mappings, source_of
from search.engines.elastic.responses import facet_page, results_from_response, suggestions_from_response
from search.query import PracticeQuery
from search.results import EngineResults, Hit

PINNED = Path(__file__).parent / "pinned"

ACCESS_PUBLIC = {"terms": {"access_level": ["public"]}}
ACCESS_MEMBER = {"terms": {"access_level": ["public", "network"]}}
THEMES = {"terms": {"themes": ["prevention", "protection"]}}
EUROPE = {"terms": {"region": ["europe"]}}
IMPACT = {"terms": {"evidence_level": ["impact-evaluation"]}}


def body_of(query, require=ALL):
    return search_body(query, query_units(query.text), require)


def facet(field, *others):
    """The expected aggregation of one facet: a filter holding the other selections, and
    the facet's values a page at a time."""
    selection = {"bool": {"filter": list(others)}} if others else {"match_all": {}}
    composite = {"size": FACET_PAGE, "sources": [{"value": {"terms": {"field": field}}}]}
    return {"filter": selection, "aggs": {"values": {"composite": composite}}}


@pytest.fixture
def member_query():
    """Full text, two themes, a region, an evidence level, a period; page 2, relevance."""
    return PracticeQuery(
        text="vidéoprotection gare",
        themes=("prevention", "protection"),
        regions=("europe",),
        evidence_levels=("impact-evaluation",),
        year_from=2015,
        year_to=2020,
        sort="relevance",
        page=2,
        page_size=10,
        access_levels=("public", "network"),
    )


# 1. Index settings and mapping ----------------------------------------------------------


def test_index_settings_and_mappings_are_pinned():
    expected = json.loads((PINNED / "elastic_index.json").read_text(encoding="utf-8"))
    assert index_settings_and_mappings() == expected


def test_pinned_analysers_fold_before_stemming_and_add_synonyms_at_search_time_only():
    analysis = json.loads((PINNED / "elastic_index.json").read_text(encoding="utf-8"))["settings"]["analysis"]
    analyzers = analysis["analyzer"]
    assert analyzers["kb_french"]["filter"] == [
        "kb_elision", "lowercase", "asciifolding", "kb_stop", "kb_stem_overrides", "kb_french_stemmer",
    ]
    assert analyzers["kb_french_search"]["filter"] == [
        "kb_elision", "lowercase", "asciifolding", "kb_synonyms", "kb_stop", "kb_stem_overrides", "kb_french_stemmer",
    ]
    assert analyzers["kb_english"]["filter"] == [
        "kb_english_possessive", "lowercase", "asciifolding", "kb_stop", "kb_stem_overrides", "kb_english_stemmer",
    ]
    assert analyzers["kb_english_search"]["filter"] == [
        "kb_english_possessive", "lowercase", "asciifolding", "kb_synonyms", "kb_stop", "kb_stem_overrides", "kb_english_stemmer",
    ]
    assert analysis["filter"]["kb_synonyms"]["type"] == "synonym_graph"
    assert "gestion des foules, crowd management, crowd control" in analysis["filter"]["kb_synonyms"]["synonyms"]
    assert analysis["filter"]["kb_french_stemmer"] == {"type": "snowball", "language": "French"}
    assert analysis["filter"]["kb_english_stemmer"] == {"type": "snowball", "language": "English"}
    assert "formations => formation" in analysis["filter"]["kb_stem_overrides"]["rules"]


@pytest.mark.django_db
def test_every_field_of_build_document_is_mapped():
    """The mapping is strict: a key added to the indexed document must be mapped here first."""
    from practices.models import PracticePage
    from search.documents import build_document

    document_keys = set(build_document(PracticePage.objects.live().first()))
    mapped = set(index_settings_and_mappings()["mappings"]["properties"])
    assert document_keys <= mapped
    assert mapped - document_keys == {
        "spelling", "text_fr", "text_en", "suggest_words", "suggest_practice", "suggest_city", "suggest_topic",
    }


def test_the_matched_text_repeats_each_part_by_its_weight_in_the_entry_language():
    document = {
        "id": 3, "language": "fr", "title": "Titre", "summary": "Résumé", "body": "Corps",
        "topics": ["CCTV"], "city_names": ["Nice"], "partner_names": ["SNCF"],
    }
    source = source_of(document)
    assert "text_en" not in source
    assert source["text_fr"] == ["Titre"] * 10 + ["Résumé"] * 4 + ["Corps"] + ["CCTV Nice SNCF"] * 3
    assert index_settings_and_mappings()["mappings"]["_source"] == {"excludes": ["text_en", "text_fr"]}


def test_did_you_mean_reads_the_words_of_titles_summaries_topics_and_cities():
    properties = index_settings_and_mappings()["mappings"]["properties"]
    assert {name for name, spec in properties.items() if spec.get("copy_to") == "spelling"} == {
        "title", "summary", "topics", "city_names", "translation_title", "translation_summary",
    }


def test_source_adds_the_suggestion_inputs_of_each_kind():
    document = {
        "id": 7,
        "language": "fr",
        "summary": "",
        "body": "",
        "partner_names": [],
        "title": "Vidéoprotection de la gare",
        "url": "/practices/gare/",
        "city_names": ["Nice", "Antibes", "Nice"],
        "topics": ["CCTV", "transport"],
        "access_level": "public",
    }
    source = source_of(document)
    assert source["suggest_words"] == ["Vidéoprotection de la gare", "Nice", "Antibes", "CCTV", "transport"]
    assert source["suggest_practice"] == ["videoprotection de la gare\x1fVidéoprotection de la gare\x1f/practices/gare/"]
    assert source["suggest_city"] == ["nice\x1fNice", "antibes\x1fAntibes"]
    assert source["suggest_topic"] == ["cctv\x1fCCTV", "transport\x1ftransport"]


# 2. The search request ------------------------------------------------------------------


def test_every_word_is_required_then_any_word():
    query = PracticeQuery(text="vidéoprotection gare nocturne", access_levels=("public",))
    required = body_of(query)["query"]["bool"]["must"][0]["bool"]
    assert len(required["must"]) == 3 and "should" not in required
    fallback = body_of(query, ANY)["query"]["bool"]["must"][0]["bool"]
    assert len(fallback["should"]) == 3 and fallback["minimum_should_match"] == 1


def test_a_synonym_phrase_is_one_unit_matched_as_any_phrase_of_its_group():
    query = PracticeQuery(text="hostile vehicle mitigation nocturne", access_levels=("public",))
    phrase, word = body_of(query)["query"]["bool"]["must"][0]["bool"]["must"]
    alternatives = [next(iter(clause["match_phrase"].items())) for clause in phrase["bool"]["should"]]
    assert {"hostile vehicle mitigation", "anti-bélier", "bollards"} <= {spec["query"] for _f, spec in alternatives}
    # Each phrase in each language's field, with its analyser (no second synonym expansion).
    assert ("text_fr", {"query": "anti-bélier", "analyzer": "kb_french"}) in alternatives
    assert ("text_en", {"query": "anti-bélier", "analyzer": "kb_english"}) in alternatives
    assert word == {"multi_match": {"query": "nocturne", "fields": ["text_fr", "text_en"], "type": "best_fields"}}


def test_access_and_period_scope_the_query_and_every_count(member_query):
    body = body_of(member_query)
    assert body["query"]["bool"]["filter"][0] == ACCESS_MEMBER
    assert {"range": {"start_year": {"lte": 2020}}} in body["query"]["bool"]["filter"]


def test_browse_without_text_or_filters_matches_all_visible_entries_newest_first():
    body = body_of(PracticeQuery(access_levels=("public",)))
    assert body["query"] == {"bool": {"must": [{"match_all": {}}], "filter": [ACCESS_PUBLIC]}}
    assert body["aggs"] == {field: facet(field) for field in FACET_FIELDS}
    assert body["sort"] == [{"published_at": {"order": "desc", "missing": "_last"}}, {"id": {"order": "desc"}}]
    assert "highlight" not in body and "suggest" not in body
    assert body["track_total_hits"] is True


def test_evidence_sort_puts_the_strongest_evidence_first_then_relevance():
    body = body_of(PracticeQuery(text="bollards", sort="evidence", access_levels=("public",)))
    assert body["sort"] == [
        {"evidence_rank": {"order": "desc"}},
        "_score",
        {"published_at": {"order": "desc", "missing": "_last"}},
        {"id": {"order": "desc"}},
    ]


def test_year_from_alone_requires_a_start_year_and_an_open_or_later_end():
    body = body_of(PracticeQuery(year_from=2018, access_levels=("public",)))
    assert body["query"]["bool"]["filter"] == [
        ACCESS_PUBLIC,
        {"exists": {"field": "start_year"}},
        {
            "bool": {
                "should": [
                    {"range": {"end_year": {"gte": 2018}}},
                    {"bool": {"must_not": [{"exists": {"field": "end_year"}}]}},
                ],
                "minimum_should_match": 1,
            }
        },
    ]


def test_deep_pages_stay_within_the_index_result_window():
    body = body_of(PracticeQuery(page=10_000, page_size=500, access_levels=("public",)))
    settings = index_settings_and_mappings()["settings"]
    assert body["from"] + body["size"] <= settings["max_result_window"]


def test_highlights_are_html_encoded_marks_of_summary_and_body(member_query):
    body = body_of(member_query)
    assert body["highlight"]["encoder"] == "html"
    assert body["highlight"]["pre_tags"] == ["<mark>"]
    # The original's texts and the translation's: the hit shows the version of the interface's language.
    assert set(body["highlight"]["fields"]) == {
        f"{prefix}{name}.{language}"
        for prefix in ("", "translation_") for name in ("summary", "body") for language in ("fr", "en")
    }
    collate = body["suggest"]["did_you_mean"]["phrase"]["collate"]["query"]["source"]["bool"]
    assert collate["filter"] == [ACCESS_MEMBER], "a correction only comes from entries the viewer may see"


# 3. Multi-select facets, every value ------------------------------------------------------


def test_each_facet_counts_with_the_other_selections_but_not_its_own(member_query):
    body = body_of(member_query)
    # The hits are narrowed by every selection, after the aggregations.
    assert body["post_filter"] == {"bool": {"filter": [THEMES, EUROPE, IMPACT]}}
    assert THEMES not in body["query"]["bool"]["filter"]
    assert body["aggs"]["themes"] == facet("themes", EUROPE, IMPACT)
    assert body["aggs"]["region"] == facet("region", THEMES, IMPACT)
    assert body["aggs"]["country"] == facet("country", THEMES, EUROPE, IMPACT)


def test_a_facet_page_asks_for_one_facet_after_the_last_key(member_query):
    body = facet_page_body(member_query, query_units(member_query.text), ALL, "cities", {"value": "lyon"})
    assert body["size"] == 0 and list(body["aggs"]) == ["cities"]
    assert body["aggs"]["cities"]["aggs"]["values"]["composite"]["after"] == {"value": "lyon"}
    assert body["query"] == body_of(member_query)["query"]


def test_a_full_facet_page_asks_for_the_next():
    buckets = [{"key": {"value": f"city-{n}"}, "doc_count": 1} for n in range(FACET_PAGE)]
    full = {"aggregations": {"cities": {"values": {"buckets": buckets, "after_key": {"value": "city-999"}}}}}
    counts, after = facet_page(full, "cities")
    assert len(counts) == FACET_PAGE and after == {"value": "city-999"}
    last = {"aggregations": {"cities": {"values": {"buckets": buckets[:3], "after_key": {"value": "city-2"}}}}}
    assert facet_page(last, "cities") == ({"city-0": 1, "city-1": 1, "city-2": 1}, None)


# 4. Suggestions -------------------------------------------------------------------------


def test_suggestions_need_every_typed_word_the_last_as_a_prefix_within_the_viewer_levels():
    body = suggest_body("Place mas", ("public",))
    assert body["query"]["bool"]["filter"] == [
        ACCESS_PUBLIC, {"term": {"suggest_words": "place"}}, {"prefix": {"suggest_words": "mas"}},
    ]
    assert set(body["aggs"]) == {"practice", "city", "topic"}
    include = body["aggs"]["city"]["terms"]["include"]
    assert include == "(([^\x1f]* )?place( [^\x1f]*)?\x1f.*)&(([^\x1f]* )?mas[^\x1f]*\x1f.*)"
    assert suggest_body("  ", ("public",)) is None


def test_suggestion_values_come_back_as_written_shortest_first_practices_first():
    response = {"aggregations": {
        "practice": {"buckets": [
            {"key": "partenariat pour la securite des gares\x1fPartenariat pour la sécurité des gares\x1f/p/gares/",
             "doc_count": 1},
        ]},
        "city": {"buckets": [
            {"key": "paris la defense\x1fParis La Défense", "doc_count": 2},
            {"key": "paris\x1fParis", "doc_count": 5},
        ]},
        "topic": {"buckets": [{"key": "parking\x1fParking", "doc_count": 1}]},
    }}
    assert suggestions_from_response(response, limit=10) == [
        Suggestion("Partenariat pour la sécurité des gares", "practice", "/p/gares/"),
        Suggestion("Paris", "city"),
        Suggestion("Paris La Défense", "city"),
        Suggestion("Parking", "topic"),
    ]


# 5. Related practices -------------------------------------------------------------------


def test_related_practices_share_a_theme_ordered_by_shared_values_then_similarity():
    body = related_body("practices", 12, ("public",), 4, themes=["prevention"], target_types=["station"])
    assert body["query"]["bool"]["filter"] == [ACCESS_PUBLIC, {"terms": {"themes": ["prevention"]}}]
    assert body["query"]["bool"]["must_not"] == [{"ids": {"values": ["12"]}}]
    [like] = body["query"]["bool"]["should"]
    assert like["more_like_this"]["fields"] == ["title", "summary", "topics"]
    assert like["more_like_this"]["like"] == [{"_index": "practices", "_id": "12"}]
    shared, score, tie = body["sort"]
    assert shared["_script"]["script"]["params"] == {"themes": ["prevention"], "target_types": ["station"]}
    assert score == "_score" and tie == {"id": {"order": "asc"}}
    assert body["size"] == 4 and body["_source"] is False


# 6. Responses ---------------------------------------------------------------------------


RECORDED_SEARCH = {
    "took": 7,
    "timed_out": False,
    "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
    "hits": {
        "total": {"value": 2, "relation": "eq"},
        "max_score": 14.2,
        "hits": [
            {
                "_index": "kb-practices-20250301093015123456",
                "_id": "12",
                "_score": 14.2,
                "_source": {
                    "id": 12,
                    "title": "Vidéoprotection partagée de la gare Saint-Charles",
                    "url": "/practices/videoprotection-gare-saint-charles/",
                    "city_name": "Marseille",
                    "country": "FR",
                    "themes": ["prevention", "response"],
                    "evidence_level": "monitored-outputs",
                    "language": "fr",
                    "summary": "La ville & la SNCF partagent les images <b>en temps réel</b>.",
                },
                "highlight": {
                    # What Elasticsearch returns with encoder "html": the text escaped.
                    "summary.fr": [
                        "La ville &amp; la SNCF partagent les images &lt;b&gt;en temps réel&lt;&#x2F;b&gt; "
                        "de la <mark>vidéoprotection</mark> de la <mark>gare</mark>."
                    ],
                    "body.fr": ["Le centre de supervision de la <mark>gare</mark> est ouvert jour et nuit."],
                },
                "sort": [14.2, 1740000000000, 12],
            },
            {
                "_index": "kb-practices-20250301093015123456",
                "_id": "31",
                "_score": 3.5,
                "_source": {
                    "id": 31,
                    "title": "Station CCTV sharing with retailers",
                    "url": "/practices/station-cctv-retailers/",
                    "city_name": "Manchester",
                    "country": "GB",
                    "themes": ["protection"],
                    "evidence_level": "self-reported",
                    "language": "en",
                    "summary": "Shops <script>alert(1)</script> & the station share camera feeds.",
                },
                "sort": [3.5, 1730000000000, 31],
            },
        ],
    },
    "aggregations": {
        "themes": {
            "doc_count": 5,
            "values": {
                "buckets": [
                    {"key": {"value": "prevention"}, "doc_count": 4},
                    {"key": {"value": "protection"}, "doc_count": 3},
                    {"key": {"value": "response"}, "doc_count": 1},
                ],
            },
        },
        "region": {
            "doc_count": 2,
            "values": {
                "buckets": [{"key": {"value": "europe"}, "doc_count": 2}],
            },
        },
        "country": {
            "doc_count": 2,
            "values": {
                "buckets": [{"key": {"value": "FR"}, "doc_count": 1}, {"key": {"value": "GB"}, "doc_count": 1}],
            },
        },
        "cities": {"doc_count": 0, "values": {"buckets": []}},
    },
    "suggest": {
        "did_you_mean": [
            {
                "text": "vidéoprotection gare",
                "offset": 0,
                "length": 20,
                "options": [{"text": "videoprotection gares", "score": 0.21, "collate_match": True}],
            }
        ]
    },
}


def test_recorded_search_response_becomes_engine_results(member_query):
    results = results_from_response(member_query, RECORDED_SEARCH)
    assert results == EngineResults(
        hits=[
            Hit(
                practice_id=12,
                title="Vidéoprotection partagée de la gare Saint-Charles",
                url="/practices/videoprotection-gare-saint-charles/",
                city="Marseille",
                country="FR",
                themes=["prevention", "response"],
                evidence_level="monitored-outputs",
                snippet=(
                    "La ville &amp; la SNCF partagent les images &lt;b&gt;en temps réel&lt;&#x2F;b&gt; "
                    "de la <mark>vidéoprotection</mark> de la <mark>gare</mark>."
                ),
                language="fr",
                score=14.2,
            ),
            Hit(
                practice_id=31,
                title="Station CCTV sharing with retailers",
                url="/practices/station-cctv-retailers/",
                city="Manchester",
                country="GB",
                themes=["protection"],
                evidence_level="self-reported",
                # Nothing highlighted: the start of the summary, escaped here.
                snippet="Shops &lt;script&gt;alert(1)&lt;/script&gt; &amp; the station share camera feeds.",
                language="en",
                score=3.5,
            ),
        ],
        total=2,
        facets={
            "themes": {"prevention": 4, "protection": 3, "response": 1},
            "cities": {},
            "country": {"FR": 1, "GB": 1},
            "region": {"europe": 2},
            "target_types": {},
            "partner_sectors": {},
            "partnership_models": {},
            "evidence_level": {},
            "status": {},
            "language": {},
            "networks": {},
            "events": {},
        },
        suggestion="videoprotection gares",
    )


def test_no_spelling_suggestion_with_enough_hits(member_query):
    response = json.loads(json.dumps(RECORDED_SEARCH))
    response["hits"]["total"] = {"value": 3, "relation": "eq"}  # search.query.DID_YOU_MEAN_BELOW
    assert results_from_response(member_query, response).suggestion is None


def test_snippet_keeps_only_mark_tags_and_prefers_the_entry_language():
    hit = {
        "_id": "5",
        "_score": 1.0,
        "_source": {"id": 5, "title": "T", "language": "en", "summary": "unused"},
        "highlight": {
            "summary.fr": ["<mark>gare</mark> (fr)"],
            "summary.en": ["<mark>station</mark> <img src=x onerror=alert(1)> ok"],
        },
    }
    results = results_from_response(
        PracticeQuery(text="station", access_levels=("public",)),
        {"hits": {"total": {"value": 1, "relation": "eq"}, "hits": [hit]}},
    )
    assert results.hits[0].snippet == "<mark>station</mark> &lt;img src=x onerror=alert(1)&gt; ok"


def test_fallback_snippet_is_cut_at_a_word_near_200_characters():
    summary = "Les commerçants " + "sécurisent la rue " * 20
    hit = {"_id": "8", "_score": None, "_source": {"id": 8, "title": "T", "language": "fr", "summary": summary}}
    results = results_from_response(
        PracticeQuery(sort="newest", access_levels=("public",)),
        {"hits": {"total": {"value": 1, "relation": "eq"}, "hits": [hit]}},
    )
    snippet = results.hits[0].snippet
    # 16 + 10 * 18 = 196 characters end with "rue "; the eleventh "sécurisent" would pass 200.
    assert snippet == ("Les commerçants " + "sécurisent la rue " * 10).strip() + " …"
    assert len(snippet) <= 202
    assert results.hits[0].score == 0.0




# 7. An unreachable cluster ----------------------------------------------------------------


@pytest.mark.parametrize("make", [elasticsearch_engine, opensearch_engine], ids=["elasticsearch", "opensearch"])
def test_an_unreachable_cluster_is_engine_unavailable_for_every_call(make):
    """A real client of each product against a closed local port."""
    engine = make("http://127.0.0.1:9", index_prefix="kb")
    engine.transport.request_timeout = 2
    calls = [
        lambda: engine.search(PracticeQuery(text="gare", themes=("prevention",), access_levels=("public",))),
        lambda: engine.suggest("gar", ("public",)),
        lambda: engine.related(3, ("public",)),
        lambda: engine.fingerprints(),
        lambda: engine.index([{"id": 1, "title": "P", "city_names": [], "topics": [], "access_level": "public"}]),
        lambda: engine.delete([1]),
        lambda: engine.rebuild([]),
    ]
    for call in calls:
        with pytest.raises(EngineUnavailable):
            call()


def test_listing_search_requires_every_word_and_counts_each_for_its_best_field():
    from search.analysis import query_units
    from search.engines.elastic.bodies import listing_search_body

    body = listing_search_body(query_units("Strong Cities"), 5)
    clauses = body["query"]["bool"]["must"]
    assert [clause["multi_match"]["query"] for clause in clauses] == ["strong", "cities"]
    assert {clause["multi_match"]["type"] for clause in clauses} == {"best_fields"}
    assert "name.fr^10" in clauses[0]["multi_match"]["fields"] and "summary.en^4" in clauses[0]["multi_match"]["fields"]
    assert body["size"] == 5
