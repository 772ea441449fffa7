"""The judged relevance set: practitioners' queries and the practices they expect first."""

from pathlib import Path

import pytest
import yaml

from practices.models import PracticePage
from search.query import PracticeQuery

pytestmark = pytest.mark.django_db
JUDGEMENTS = yaml.safe_load((Path(__file__).parent / "relevance.yaml").read_text(encoding="utf-8"))
MINIMUM_MRR = 0.8


def reciprocal_rank(engine, judgement, slug_by_id):
    results = engine.search(PracticeQuery(text=judgement["query"], page_size=10, access_levels=("public",)))
    for rank, hit in enumerate(results.hits, start=1):
        if slug_by_id.get(hit.practice_id) in judgement["relevant"]:
            return 1 / rank
    return 0.0


def test_the_judged_set_is_large_and_bilingual():
    languages = [j["language"] for j in JUDGEMENTS]
    assert len(JUDGEMENTS) >= 30 and languages.count("fr") >= 10 and languages.count("en") >= 10
    slugs = set(PracticePage.objects.values_list("slug", flat=True))
    assert all(set(j["relevant"]) <= slugs for j in JUDGEMENTS)


def test_mean_reciprocal_rank_at_10(engine, capsys):
    slug_by_id = dict(PracticePage.objects.values_list("pk", "slug"))
    ranks = [(j, reciprocal_rank(engine, j, slug_by_id)) for j in JUDGEMENTS]
    mrr = sum(rank for _j, rank in ranks) / len(ranks)
    by_language = {
        language: sum(r for j, r in ranks if j["language"] == language) / max(1, sum(j["language"] == language for j, _ in ranks))
        for language in ("en", "fr")
    }
    with capsys.disabled():
        print(f"\n[{engine.name}] MRR@10 = {mrr:.3f} over {len(ranks)} queries "
              f"(en {by_language['en']:.3f}, fr {by_language['fr']:.3f})")
        for judgement, rank in ranks:
            if rank < 0.5:
                print(f"  RR {rank:.2f}  {judgement['query']!r}")
    assert mrr >= MINIMUM_MRR
