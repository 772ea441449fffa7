"""The search pages: /search/, /search/suggest/ and the editors' report."""

import json
import re
from pathlib import Path

import pytest
from django.conf import settings

from search.engines import get_engine
from search.models import SearchQueryStat
from practices.models import PracticePage
from tests.helpers import related_practices, shown_version

pytestmark = pytest.mark.django_db
NAUGHTY = Path(settings.BASE_DIR).parent / "shared" / "data" / "naughty-strings.json"


def test_search_page_without_javascript_carries_the_whole_state(client):
    response = client.get("/search/", {"q": "security", "themes": ["prevention", "protection"], "sort": "newest"})
    assert response.status_code == 200
    html = response.content.decode()
    results = response.context["results"]
    assert results.total > 0
    assert '<form class="search-form" method="get"' in html
    assert 'name="themes" value="prevention" checked' in html and 'name="themes" value="protection" checked' in html
    assert 'name="themes" value="recovery"' in html  # other themes stay available
    theme_counts = {v.value: v.count for f in results.facets if f.name == "themes" for v in f.values}
    assert theme_counts["recovery"] > 0
    chips = dict(response.context["chips"])
    assert any("themes=protection" in url and "themes=prevention" not in url for url in chips.values())
    assert '<option value="newest" selected>' in html
    if results.pages > 1:
        next_url = response.context["next_url"]
        assert "page=2" in next_url and "q=security" in next_url and "themes=prevention" in next_url
    for hit in results.hits:
        assert hit.url == shown_version(PracticePage.objects.get(pk=hit.practice_id), "en").url


def test_snippets_are_escaped_apart_from_the_highlight(client):
    html = client.get("/search/", {"q": "Westgate"}).content.decode()
    snippets = re.findall(r'<p class="snippet">(.*?)</p>', html, re.S)
    assert snippets and any("<mark>" in s for s in snippets)
    for snippet in snippets:
        assert not re.search(r"<(?!/?mark>)", snippet)


def test_no_results_shows_the_suggestion_and_the_filters_to_drop(client):
    response = client.get("/search/", {"q": "securty", "regions": "oceania", "languages": "fr"})
    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["results"].total == 0
    assert "Did you mean" in html and "security" in html
    assert "Try removing a filter above" in html
    assert len(response.context["chips"]) == 3


def test_french_interface_and_links(client):
    response = client.get("/fr/search/", {"q": "attentats"})
    html = response.content.decode()
    assert response.status_code == 200 and "Rechercher des pratiques" in html
    hits = response.context["results"].hits
    assert hits and all(hit.url == shown_version(PracticePage.objects.get(pk=hit.practice_id), "fr").url for hit in hits)


HOSTILE_PARAMS = [
    {"q": '"unbalanced'}, {"q": "NEAR(a b) AND NOT"}, {"q": "x" * 10_240}, {"q": "\x00\x07\x1b[31m"},
    {"q": "a", "page": "-1"}, {"q": "a", "page": "9" * 40}, {"q": "a", "page": "NaN"}, {"themes": "x" * 500},
    {"year_from": "2030", "year_to": "1999"}, {"year_from": "1e9"}, {"sort": "'; DROP"},
    {"cities": "../../etc/passwd"}, {"countries": "ZZZZ"}, {"q": "\u202e\u200b\ufeff"},
]


@pytest.mark.parametrize("params", HOSTILE_PARAMS, ids=range(len(HOSTILE_PARAMS)))
def test_hostile_query_strings_never_give_a_500(client, params):
    assert client.get("/search/", params).status_code == 200
    assert client.get("/search/suggest/", {"q": params.get("q", "x")}).status_code == 200


def test_naughty_strings_never_give_a_500(client):
    if not NAUGHTY.exists():
        pytest.skip(f"{NAUGHTY} is absent: the shared list of naughty strings is not available")
    for text in json.loads(NAUGHTY.read_text(encoding="utf-8")):
        assert client.get("/search/", {"q": text}).status_code == 200, text
        assert client.get("/search/suggest/", {"q": text}).status_code == 200, text


def test_suggest_returns_at_most_ten_as_json(client):
    data = client.get("/search/suggest/", {"q": "s"}).json()
    assert len(data["suggestions"]) <= 10
    data = client.get("/search/suggest/", {"q": "lond"}).json()
    assert {"text": "London", "kind": "city", "url": ""} in data["suggestions"]
    practice = [s for s in data["suggestions"] if s["kind"] == "practice"][0]
    assert practice["url"].startswith("/practices/")
    assert client.get("/search/suggest/").json()["suggestions"] == []


def test_searches_are_counted_without_personal_data(client, editor_client):
    for _ in range(3):
        client.get("/search/", {"q": "Hotel  SÉCURITÉ"})
    client.get("/search/", {"q": "xqzwv"})
    stat = SearchQueryStat.objects.get(text="hotel securite")
    assert stat.searches == 3 and stat.searches_without_results == 0
    assert SearchQueryStat.objects.get(text="xqzwv").searches_without_results == 1
    assert [f.name for f in SearchQueryStat._meta.fields] == [
        "id", "text", "searches", "searches_without_results", "last_searched",
    ]
    report = editor_client.get("/admin/reports/search-terms/")
    assert report.status_code == 200
    html = report.content.decode()
    assert "hotel securite" in html and "xqzwv" in html


def test_the_report_is_for_editors_only(client):
    response = client.get("/admin/reports/search-terms/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_an_unreachable_engine_gives_a_clear_503_not_a_500(client, settings, tmp_path):
    broken = tmp_path / "not-a-directory"
    broken.write_text("down")
    settings.SEARCH_EMBEDDED_DIR = broken
    get_engine.cache_clear()
    try:
        response = client.get("/search/", {"q": "security"})
        assert response.status_code == 503
        assert "Search is unavailable" in response.content.decode()
        assert client.get("/search/suggest/", {"q": "lon"}).json()["suggestions"] == []
        # Practice pages still work, with related practices from the database.
        page = client.get("/practices/cssc-london/")
        assert page.status_code == 200 and related_practices(page)
    finally:
        get_engine.cache_clear()


def test_a_word_that_matches_nothing_is_named_and_the_others_still_narrow(client):
    response = client.get("/search/", {"q": "Westgate quixotrôpe"})
    html = response.content.decode()
    assert "No practice mentions “quixotrôpe”." in html
    assert "Shown: the practices that have the other words." in html
    westgate = client.get("/search/", {"q": "Westgate"}).context["results"]
    assert [hit.practice_id for hit in response.context["results"].hits] == [hit.practice_id for hit in westgate.hits]
    assert "No practice mentions" not in client.get("/search/", {"q": "Westgate"}).content.decode()
