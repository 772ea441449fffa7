"""The Elasticsearch engine without a cluster: the exact request bodies it sends, and the
conversion of recorded responses. Every expected body is a literal (or a JSON file under
pinned/) written from what the request must be: a change to one is a change to what the
cluster receives, so it must be deliberate.
"""

import json
from pathlib import Path

import pytest
from elastic_transport import ApiResponseMeta, HttpHeaders, NodeConfig

from search.engines import elastic
from search.engines.base import EngineUnavailable, Suggestion
from search.engines.elastic import (
    ElasticsearchEngine,
    alias_swap_actions,
    index_settings_and_mappings,
    related_body,
    results_from_response,
    search_body,
    source_of,
    suggest_body,
    suggestions_from_response,
)
from search.query import PracticeQuery
from search.results import EngineResults, Hit

PINNED = Path(__file__).parent / "pinned"

ACCESS_PUBLIC = {"terms": {"access_level": ["public"]}}
ACCESS_MEMBER = {"terms": {"access_level": ["public", "network"]}}
THEMES = {"terms": {"themes": ["prevention", "protection"]}}
EUROPE = {"terms": {"region": ["europe"]}}
IMPACT = {"terms": {"evidence_level": ["impact-evaluation"]}}
TEXT_FIELDS = [
    "title^5", "title.fr^5", "title.en^5",
    "topics^3", "topics.fr^3", "topics.en^3",
    "city_names^3",
    "summary^2", "summary.fr^2", "summary.en^2",
    "partner_names^2",
    "body", "body.fr", "body.en",
]
HIT_SOURCE = ["id", "title", "url", "city_name", "country", "themes", "evidence_level", "language", "summary"]


def facet(field, *others):
    """The expected aggregation of one facet: a filter holding the other selections."""
    selection = {"bool": {"filter": list(others)}} if others else {"match_all": {}}
    return {"filter": selection, "aggs": {"values": {"terms": {"field": field, "size": 100}}}}


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
        "kb_elision", "lowercase", "asciifolding", "kb_stop", "kb_french_stemmer",
    ]
    assert analyzers["kb_french_search"]["filter"] == [
        "kb_elision", "lowercase", "asciifolding", "kb_synonyms", "kb_stop", "kb_french_stemmer",
    ]
    assert analyzers["kb_english"]["filter"] == [
        "kb_english_possessive", "lowercase", "asciifolding", "kb_stop", "kb_english_stemmer",
    ]
    assert analyzers["kb_english_search"]["filter"] == [
        "kb_english_possessive", "lowercase", "asciifolding", "kb_synonyms", "kb_stop", "kb_english_stemmer",
    ]
    assert analysis["filter"]["kb_synonyms"]["type"] == "synonym_graph"
    assert "gestion des foules, crowd management, crowd control" in analysis["filter"]["kb_synonyms"]["synonyms"]
    assert analysis["filter"]["kb_french_stemmer"] == {"type": "snowball", "language": "French"}
    assert analysis["filter"]["kb_english_stemmer"] == {"type": "snowball", "language": "English"}


@pytest.mark.django_db
def test_every_field_of_build_document_is_mapped():
    """The mapping is strict: a key added to the indexed document must be mapped here first."""
    from practices.models import PracticePage
    from search.documents import build_document

    document_keys = set(build_document(PracticePage.objects.live().first()))
    mapped = set(index_settings_and_mappings()["mappings"]["properties"])
    assert document_keys <= mapped
    assert mapped - document_keys == {"spelling", "suggest_practice", "suggest_city", "suggest_topic"}


def test_source_adds_one_completion_input_per_kind():
    document = {
        "id": 7,
        "title": "Vidéoprotection de la gare",
        "city_names": ["Nice", "Antibes", "Nice"],
        "topics": ["CCTV", "transport"],
        "access_level": "public",
    }
    assert source_of(document) == {
        "id": 7,
        "title": "Vidéoprotection de la gare",
        "city_names": ["Nice", "Antibes", "Nice"],
        "topics": ["CCTV", "transport"],
        "access_level": "public",
        "suggest_practice": ["Vidéoprotection de la gare"],
        "suggest_city": ["Nice", "Antibes"],
        "suggest_topic": ["CCTV", "transport"],
    }


# 2. The whole search request ------------------------------------------------------------


def test_full_text_search_with_filters_page_two_is_pinned(member_query):
    assert search_body(member_query) == {
        "query": {
            "bool": {
                "must": [
                    {
                        "multi_match": {
                            "query": "vidéoprotection gare",
                            "fields": TEXT_FIELDS,
                            "type": "best_fields",
                            "tie_breaker": 0.3,
                        }
                    }
                ],
                "filter": [
                    {"terms": {"access_level": ["public", "network"]}},
                    {"range": {"start_year": {"lte": 2020}}},
                    {
                        "bool": {
                            "should": [
                                {"range": {"end_year": {"gte": 2015}}},
                                {"bool": {"must_not": [{"exists": {"field": "end_year"}}]}},
                            ],
                            "minimum_should_match": 1,
                        }
                    },
                ],
            }
        },
        "post_filter": {
            "bool": {
                "filter": [
                    {"terms": {"themes": ["prevention", "protection"]}},
                    {"terms": {"region": ["europe"]}},
                    {"terms": {"evidence_level": ["impact-evaluation"]}},
                ]
            }
        },
        "aggs": {
            "themes": {
                "filter": {"bool": {"filter": [EUROPE, IMPACT]}},
                "aggs": {"values": {"terms": {"field": "themes", "size": 100}}},
            },
            "cities": {
                "filter": {"bool": {"filter": [THEMES, EUROPE, IMPACT]}},
                "aggs": {"values": {"terms": {"field": "cities", "size": 100}}},
            },
            "country": {
                "filter": {"bool": {"filter": [THEMES, EUROPE, IMPACT]}},
                "aggs": {"values": {"terms": {"field": "country", "size": 100}}},
            },
            "region": {
                "filter": {"bool": {"filter": [THEMES, IMPACT]}},
                "aggs": {"values": {"terms": {"field": "region", "size": 100}}},
            },
            "target_types": {
                "filter": {"bool": {"filter": [THEMES, EUROPE, IMPACT]}},
                "aggs": {"values": {"terms": {"field": "target_types", "size": 100}}},
            },
            "partner_sectors": {
                "filter": {"bool": {"filter": [THEMES, EUROPE, IMPACT]}},
                "aggs": {"values": {"terms": {"field": "partner_sectors", "size": 100}}},
            },
            "partnership_models": {
                "filter": {"bool": {"filter": [THEMES, EUROPE, IMPACT]}},
                "aggs": {"values": {"terms": {"field": "partnership_models", "size": 100}}},
            },
            "evidence_level": {
                "filter": {"bool": {"filter": [THEMES, EUROPE]}},
                "aggs": {"values": {"terms": {"field": "evidence_level", "size": 100}}},
            },
            "status": {
                "filter": {"bool": {"filter": [THEMES, EUROPE, IMPACT]}},
                "aggs": {"values": {"terms": {"field": "status", "size": 100}}},
            },
            "language": {
                "filter": {"bool": {"filter": [THEMES, EUROPE, IMPACT]}},
                "aggs": {"values": {"terms": {"field": "language", "size": 100}}},
            },
        },
        "highlight": {
            "fields": {"summary.fr": {}, "summary.en": {}, "body.fr": {}, "body.en": {}},
            "encoder": "html",
            "pre_tags": ["<mark>"],
            "post_tags": ["</mark>"],
            "number_of_fragments": 1,
            "fragment_size": 200,
            "order": "score",
        },
        "sort": [
            "_score",
            {"published_at": {"order": "desc", "missing": "_last"}},
            {"id": {"order": "desc"}},
        ],
        "from": 10,
        "size": 10,
        "track_total_hits": True,
        "_source": HIT_SOURCE,
        "suggest": {
            "did_you_mean": {
                "text": "vidéoprotection gare",
                "phrase": {
                    "field": "spelling",
                    "size": 1,
                    "gram_size": 3,
                    "max_errors": 2,
                    "direct_generator": [{"field": "spelling", "suggest_mode": "always", "min_word_length": 3}],
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
                                    "filter": [{"terms": {"access_level": ["public", "network"]}}],
                                }
                            }
                        },
                        "prune": False,
                    },
                },
            }
        },
    }


def test_browse_without_text_or_filters_matches_all_visible_entries():
    query = PracticeQuery(sort="newest", access_levels=("public",))
    assert search_body(query) == {
        "query": {"bool": {"must": [{"match_all": {}}], "filter": [ACCESS_PUBLIC]}},
        "aggs": {
            field: {"filter": {"match_all": {}}, "aggs": {"values": {"terms": {"field": field, "size": 100}}}}
            for field in (
                "themes", "cities", "country", "region", "target_types", "partner_sectors",
                "partnership_models", "evidence_level", "status", "language",
            )
        },
        "sort": [{"published_at": {"order": "desc", "missing": "_last"}}, {"id": {"order": "desc"}}],
        "from": 0,
        "size": 10,
        "track_total_hits": True,
        "_source": HIT_SOURCE,
    }


def test_evidence_sort_puts_the_strongest_evidence_first_then_relevance():
    body = search_body(PracticeQuery(text="bollards", sort="evidence", access_levels=("public",)))
    assert body["sort"] == [
        {"evidence_rank": {"order": "desc"}},
        "_score",
        {"published_at": {"order": "desc", "missing": "_last"}},
        {"id": {"order": "desc"}},
    ]


def test_year_from_alone_requires_a_start_year_and_an_open_or_later_end():
    body = search_body(PracticeQuery(year_from=2018, access_levels=("public",)))
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


def test_year_to_alone_is_a_start_year_bound():
    body = search_body(PracticeQuery(year_to=2012, access_levels=("public",)))
    assert body["query"]["bool"]["filter"] == [ACCESS_PUBLIC, {"range": {"start_year": {"lte": 2012}}}]


def test_deep_pages_stay_within_the_index_result_window():
    query = PracticeQuery(page=10_000, page_size=500, access_levels=("public",))
    body = search_body(query)
    settings = index_settings_and_mappings()["settings"]
    assert body["from"] + body["size"] <= settings["max_result_window"]


# 3. Multi-select facets -----------------------------------------------------------------


def test_each_facet_counts_with_the_other_selections_but_not_its_own(member_query):
    body = search_body(member_query)
    # The hits are narrowed by every selection, after the aggregations.
    assert body["post_filter"] == {"bool": {"filter": [THEMES, EUROPE, IMPACT]}}
    assert THEMES not in body["query"]["bool"]["filter"]
    # Theme counts ignore the theme selection but honour the region and evidence ones.
    themes_filter = body["aggs"]["themes"]["filter"]["bool"]["filter"]
    assert THEMES not in themes_filter
    assert EUROPE in themes_filter and IMPACT in themes_filter
    # Region counts ignore the region selection only.
    assert body["aggs"]["region"]["filter"] == {"bool": {"filter": [THEMES, IMPACT]}}
    # A facet without a selection counts with all of them.
    assert body["aggs"]["country"] == facet("country", THEMES, EUROPE, IMPACT)
    # Access and period are part of the query, so they scope every count.
    assert body["query"]["bool"]["filter"][0] == ACCESS_MEMBER


def test_a_single_selection_leaves_its_own_facet_unfiltered():
    body = search_body(PracticeQuery(themes=("response",), access_levels=("public",)))
    assert body["post_filter"] == {"bool": {"filter": [{"terms": {"themes": ["response"]}}]}}
    assert body["aggs"]["themes"] == facet("themes")
    assert body["aggs"]["status"] == facet("status", {"terms": {"themes": ["response"]}})


# 4. Suggestions -------------------------------------------------------------------------


def test_suggestions_for_an_anonymous_viewer_only_use_public_contexts():
    query = PracticeQuery(text="vidéo", access_levels=("public",))
    assert suggest_body(query.text, query.access_levels, limit=8) == {
        "size": 0,
        "_source": ["url"],
        "suggest": {
            "practice": {
                "prefix": "vidéo",
                "completion": {
                    "field": "suggest_practice",
                    "size": 8,
                    "skip_duplicates": True,
                    "contexts": {"access_level": [{"context": "public"}]},
                },
            },
            "city": {
                "prefix": "vidéo",
                "completion": {
                    "field": "suggest_city",
                    "size": 8,
                    "skip_duplicates": True,
                    "contexts": {"access_level": [{"context": "public"}]},
                },
            },
            "topic": {
                "prefix": "vidéo",
                "completion": {
                    "field": "suggest_topic",
                    "size": 8,
                    "skip_duplicates": True,
                    "contexts": {"access_level": [{"context": "public"}]},
                },
            },
        },
    }


def test_suggestions_for_an_editor_name_every_level():
    body = suggest_body("par", ("public", "network", "restricted"), limit=10)
    assert body["suggest"]["city"]["completion"]["contexts"] == {
        "access_level": [{"context": "public"}, {"context": "network"}, {"context": "restricted"}]
    }


def test_completion_response_becomes_suggestions_practices_first():
    response = {
        "suggest": {
            "practice": [
                {
                    "text": "par",
                    "offset": 0,
                    "length": 3,
                    "options": [
                        {
                            "text": "Partenariat pour la sécurité des gares",
                            "_index": "kb-20250101120000000000",
                            "_id": "12",
                            "_score": 1.0,
                            "_source": {"url": "/practices/partenariat-gares/"},
                            "contexts": {"access_level": ["public"]},
                        }
                    ],
                }
            ],
            "city": [
                {
                    "text": "par",
                    "offset": 0,
                    "length": 3,
                    "options": [
                        {
                            "text": "Paris",
                            "_index": "kb-20250101120000000000",
                            "_id": "3",
                            "_score": 1.0,
                            "_source": {"url": "/practices/paris-fan-zone/"},
                            "contexts": {"access_level": ["public"]},
                        }
                    ],
                }
            ],
            "topic": [
                {
                    "text": "par",
                    "offset": 0,
                    "length": 3,
                    "options": [
                        {
                            "text": "Parking",
                            "_index": "kb-20250101120000000000",
                            "_id": "9",
                            "_score": 1.0,
                            "_source": {"url": "/practices/car-parks/"},
                            "contexts": {"access_level": ["public"]},
                        }
                    ],
                }
            ],
        }
    }
    assert suggestions_from_response(response, limit=10) == [
        Suggestion("Partenariat pour la sécurité des gares", "practice", "/practices/partenariat-gares/"),
        Suggestion(text="Paris", kind="city", url=""),
        Suggestion(text="Parking", kind="topic", url=""),
    ]
    assert suggestions_from_response(response, limit=2) == [
        Suggestion("Partenariat pour la sécurité des gares", "practice", "/practices/partenariat-gares/"),
        Suggestion(text="Paris", kind="city", url=""),
    ]


# 5. Related practices -------------------------------------------------------------------


def test_more_like_this_body_is_pinned():
    assert related_body("kb-practices", 42, ("public",), limit=4, themes=["recovery"]) == {
        "query": {
            "bool": {
                "must": [
                    {
                        "more_like_this": {
                            "fields": ["title", "summary", "body", "topics"],
                            "like": [{"_index": "kb-practices", "_id": "42"}],
                            "min_term_freq": 1,
                            "min_doc_freq": 2,
                            "max_query_terms": 25,
                            "minimum_should_match": "30%",
                            "include": False,
                        }
                    }
                ],
                "filter": [{"terms": {"access_level": ["public"]}}, {"terms": {"themes": ["recovery"]}}],
                "must_not": [{"ids": {"values": ["42"]}}],
            }
        },
        "_source": False,
        "size": 4,
    }


# Conversions of recorded responses ------------------------------------------------------

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
                "doc_count_error_upper_bound": 0,
                "sum_other_doc_count": 0,
                "buckets": [
                    {"key": "prevention", "doc_count": 4},
                    {"key": "protection", "doc_count": 3},
                    {"key": "response", "doc_count": 1},
                ],
            },
        },
        "region": {
            "doc_count": 2,
            "values": {
                "doc_count_error_upper_bound": 0,
                "sum_other_doc_count": 0,
                "buckets": [{"key": "europe", "doc_count": 2}],
            },
        },
        "country": {
            "doc_count": 2,
            "values": {
                "doc_count_error_upper_bound": 0,
                "sum_other_doc_count": 0,
                "buckets": [{"key": "FR", "doc_count": 1}, {"key": "GB", "doc_count": 1}],
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
        },
        suggestion="videoprotection gares",
    )


def test_no_spelling_suggestion_with_enough_hits(member_query):
    response = json.loads(json.dumps(RECORDED_SEARCH))
    response["hits"]["total"] = {"value": 3, "relation": "eq"}
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


# The engine against a stand-in client ---------------------------------------------------


class FakeIndices:
    def __init__(self, log, aliases):
        self.log = log
        self.aliases = aliases

    def create(self, index, **body):
        self.log.append(("create", index, sorted(body)))

    def refresh(self, index):
        self.log.append(("refresh", index))

    def get_alias(self, name):
        self.log.append(("get_alias", name))
        return {index: {"aliases": {name: {}}} for index in self.aliases}

    def exists_alias(self, name):
        return bool(self.aliases)

    def update_aliases(self, actions):
        self.log.append(("update_aliases", actions))

    def delete(self, index, ignore_unavailable=False):
        self.log.append(("delete", index))


class FakeClient:
    def __init__(self, aliases=(), search_response=None, search_error=None):
        self.log = []
        self.indices = FakeIndices(self.log, list(aliases))
        self.search_response = search_response
        self.search_error = search_error

    def search(self, index, body):
        self.log.append(("search", index, body))
        if self.search_error:
            raise self.search_error
        return self.search_response


@pytest.fixture
def fake_bulk(monkeypatch):
    """streaming_bulk stand-in: records the actions and the arguments of each call."""
    calls = []

    def streaming_bulk(client, actions, **kwargs):
        call = {"actions": [], "kwargs": kwargs}
        calls.append(call)
        for action in actions:
            call["actions"].append(action)
            yield True, {action["_op_type"]: {"_id": action["_id"], "status": 200}}

    monkeypatch.setattr("elasticsearch.helpers.streaming_bulk", streaming_bulk)
    return calls


def test_the_client_is_created_lazily():
    engine = ElasticsearchEngine("http://search.invalid:9200", index_prefix="kb-practices")
    assert engine.name == "elasticsearch"
    assert engine._client is None
    assert engine.client is engine.client


def test_alias_swap_is_one_request_removing_old_and_adding_new():
    old = ["kb-20240101000000000001", "kb-20230101000000000001"]
    assert alias_swap_actions("kb", old, "kb-20250101000000000001") == [
        {"remove": {"index": "kb-20230101000000000001", "alias": "kb"}},
        {"remove": {"index": "kb-20240101000000000001", "alias": "kb"}},
        {"add": {"index": "kb-20250101000000000001", "alias": "kb"}},
    ]


def test_rebuild_loads_a_new_index_then_swaps_the_alias_and_drops_the_old(monkeypatch, fake_bulk):
    engine = ElasticsearchEngine("http://search.invalid:9200", index_prefix="kb")
    engine._client = FakeClient(aliases=["kb-20240101000000000001"])
    monkeypatch.setattr(engine, "new_index_name", lambda: "kb-20250102030405060708")
    monkeypatch.setattr(elastic, "BULK_CHUNK", 2)
    documents = [
        {"id": n, "title": f"P{n}", "city_names": [], "topics": [], "access_level": "public"} for n in (1, 2, 3)
    ]
    seen = []
    assert engine.rebuild(iter(documents), progress=seen.append) == 3
    assert seen == [2, 3]
    assert [action["_index"] for action in fake_bulk[0]["actions"]] == ["kb-20250102030405060708"] * 3
    assert [action["_id"] for action in fake_bulk[0]["actions"]] == ["1", "2", "3"]
    assert engine.client.log == [
        ("create", "kb-20250102030405060708", ["mappings", "settings"]),
        ("refresh", "kb-20250102030405060708"),
        ("get_alias", "kb"),
        (
            "update_aliases",
            [
                {"remove": {"index": "kb-20240101000000000001", "alias": "kb"}},
                {"add": {"index": "kb-20250102030405060708", "alias": "kb"}},
            ],
        ),
        ("delete", "kb-20240101000000000001"),
    ]


def test_new_index_names_carry_a_utc_timestamp_with_microseconds():
    name = ElasticsearchEngine("http://search.invalid:9200", index_prefix="kb-practices").new_index_name()
    prefix, stamp = name.rsplit("-", 1)
    assert prefix == "kb-practices" and len(stamp) == 20 and stamp.isdigit()


def test_index_creates_index_and_alias_first_then_writes_through_the_alias(fake_bulk):
    engine = ElasticsearchEngine("http://search.invalid:9200", index_prefix="kb")
    engine._client = FakeClient(aliases=[])
    engine.index([{"id": 4, "title": "P4", "city_names": ["Lyon"], "topics": [], "access_level": "network"}])
    assert engine.client.log[0][0] == "create"
    assert engine.client.log[0][2] == ["aliases", "mappings", "settings"]
    assert fake_bulk[0]["actions"] == [
        {
            "_op_type": "index",
            "_index": "kb",
            "_id": "4",
            "_source": {
                "id": 4,
                "title": "P4",
                "city_names": ["Lyon"],
                "topics": [],
                "access_level": "network",
                "suggest_practice": ["P4"],
                "suggest_city": ["Lyon"],
                "suggest_topic": [],
            },
        }
    ]


def test_delete_ignores_missing_documents(fake_bulk):
    engine = ElasticsearchEngine("http://search.invalid:9200", index_prefix="kb")
    engine._client = FakeClient(aliases=["kb-20240101000000000001"])
    engine.delete([4, 5])
    assert fake_bulk[0]["actions"] == [
        {"_op_type": "delete", "_index": "kb", "_id": "4"},
        {"_op_type": "delete", "_index": "kb", "_id": "5"},
    ]
    assert fake_bulk[0]["kwargs"]["ignore_status"] == (404,)


def test_search_sends_the_body_to_the_alias(member_query):
    engine = ElasticsearchEngine("http://search.invalid:9200", index_prefix="kb")
    engine._client = FakeClient(search_response=RECORDED_SEARCH)
    results = engine.search(member_query)
    assert engine.client.log == [("search", "kb", search_body(member_query))]
    assert results.total == 2 and [hit.practice_id for hit in results.hits] == [12, 31]


def test_nothing_is_asked_for_a_viewer_without_access_levels():
    engine = ElasticsearchEngine("http://search.invalid:9200", index_prefix="kb")
    engine._client = FakeClient()
    assert engine.search(PracticeQuery(text="gare", access_levels=())).total == 0
    assert engine.suggest("gar", ()) == []
    assert engine.related(3, ()) == []
    assert engine.client.log == []


def _api_error(cls, status):
    meta = ApiResponseMeta(
        status=status,
        http_version="1.1",
        headers=HttpHeaders(),
        duration=0.01,
        node=NodeConfig("http", "localhost", 9200),
    )
    return cls(message="error", meta=meta, body={"error": {"type": "x"}, "status": status})


def test_connection_errors_timeouts_and_5xx_become_engine_unavailable():
    from elasticsearch import ApiError, ConnectionError, ConnectionTimeout

    query = PracticeQuery(text="gare", access_levels=("public",))
    for error in (ConnectionError("refused"), ConnectionTimeout("timed out"), _api_error(ApiError, 503)):
        engine = ElasticsearchEngine("http://search.invalid:9200", index_prefix="kb")
        engine._client = FakeClient(search_error=error)
        with pytest.raises(EngineUnavailable):
            engine.search(query)


def test_a_bad_request_is_a_bug_not_an_outage():
    from elasticsearch import BadRequestError

    engine = ElasticsearchEngine("http://search.invalid:9200", index_prefix="kb")
    engine._client = FakeClient(search_error=_api_error(BadRequestError, 400))
    with pytest.raises(BadRequestError):
        engine.search(PracticeQuery(text="gare", access_levels=("public",)))


def test_a_missing_index_reads_as_empty():
    from elasticsearch import NotFoundError

    engine = ElasticsearchEngine("http://search.invalid:9200", index_prefix="kb")
    engine._client = FakeClient(search_error=_api_error(NotFoundError, 404))
    results = engine.search(PracticeQuery(text="gare", access_levels=("public",)))
    assert results.total == 0 and results.hits == [] and set(results.facets) == set(elastic.FACET_FIELDS)


def test_an_unreachable_cluster_is_engine_unavailable_for_every_call():
    """A real client against a closed local port: the requests are built and sent."""
    engine = ElasticsearchEngine("http://127.0.0.1:9", index_prefix="kb", request_timeout=2)
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
