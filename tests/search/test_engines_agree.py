"""The engines give the same answers: the benchmark's seeded query mix, on a small
synthetic corpus (bench/synthetic.py), asked of the embedded engine and of each cluster.

Filter-only queries are counted exactly, so their totals and every facet count must be
equal. Text queries are ranked by each engine's bm25 (the same formula, but Lucene and
numpy differ in details such as per-field length norms): their first ten hits must
overlap by at least 0.8 on average.
"""

from dataclasses import replace

import pytest

from bench.corpus import CorpusStream
from bench.mix import TextMatcher, build_mix
from bench.synthetic import generate_documents, world
from search.query import PracticeQuery
from tests.helpers import make_engine

CORPUS_SIZE = 1500
QUERIES = 300
SEED = 2396
MINIMUM_OVERLAP = 0.8


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return CorpusStream(generate_documents(CORPUS_SIZE, seed=SEED), tmp_path_factory.mktemp("corpus") / "corpus.jsonl")


@pytest.fixture(scope="module")
def embedded(corpus, tmp_path_factory):
    engine = make_engine("embedded", tmp_path_factory.mktemp("agree-embedded"))
    engine.rebuild(iter(corpus))
    return engine


@pytest.fixture(scope="module")
def mix(corpus, embedded):
    return build_mix(corpus, world(SEED), QUERIES, SEED, TextMatcher(embedded))


@pytest.fixture(scope="module", params=["opensearch", "elasticsearch"])
def cluster(request, corpus, tmp_path_factory):
    engine = make_engine(request.param, tmp_path_factory.mktemp("unused"))
    engine.rebuild(iter(corpus))
    yield engine
    engine.drop()


def filter_only(query):
    return PracticeQuery(
        access_levels=query.access_levels, year_from=query.year_from, year_to=query.year_to,
        sort="newest", **dict(query.filters),
    )


def top_ids(engine, query):
    return [hit.practice_id for hit in engine.search(query).hits]


def test_filter_only_queries_have_the_same_totals_and_facet_counts(embedded, cluster, mix):
    compared = 0
    for item in mix:
        query = filter_only(item)
        ours, theirs = embedded.search(query), cluster.search(query)
        assert theirs.total == ours.total, item.describe()
        for field, counts in ours.facets.items():
            assert {k: v for k, v in theirs.facets[field].items() if v} == {k: v for k, v in counts.items() if v}, (
                field, item.describe())
        # Sorted by date then id, so the pages are the same too.
        assert [h.practice_id for h in theirs.hits] == [h.practice_id for h in ours.hits], item.describe()
        compared += 1
    assert compared == len(mix) >= QUERIES


def test_text_queries_rank_the_same_entries_first(embedded, cluster, mix, capsys):
    overlaps, totals_equal = [], 0
    for item in mix:
        query = replace(item.practice_query(), page_size=10)
        ours, theirs = embedded.search(query), cluster.search(query)
        totals_equal += ours.total == theirs.total
        a, b = {h.practice_id for h in ours.hits}, {h.practice_id for h in theirs.hits}
        overlaps.append(1.0 if not a and not b else len(a & b) / max(len(a), len(b)))
    mean = sum(overlaps) / len(overlaps)
    with capsys.disabled():
        print(f"\n[{cluster.name} vs embedded] {len(overlaps)} text queries of the bench mix on {CORPUS_SIZE} "
              f"synthetic entries: mean top-10 overlap {mean:.3f}, same total in {totals_equal}")
    assert mean >= MINIMUM_OVERLAP
