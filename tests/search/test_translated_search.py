"""Search in both languages, on every engine: a query finds an entry through either
version, and the hit shows it once, in the interface's language, with the snippet of
the version shown."""

import pytest

from practices.models import PracticePage
from search.analysis import STOP_WORDS, words
from search.documents import body_text, build_document
from search.query import PracticeQuery

from tests.helpers import original

pytestmark = pytest.mark.django_db

# (words only the translation has, the entry): a French query for entries written in
# English, and English queries for entries written in French.
PAIRS = [
    ("responsables de secteur", "cssc-london"),
    ("patrouilles communes", "anti-terrorism-partnership-tokyo"),
    ("supermarket reopening", "reouverture-super-u-trebes"),
    ("emergency call app", "application-reporty-nice"),
]


def original_words(page):
    """The words of the original's own text (topics carry both labels: they are not text)."""
    document = build_document(page)
    return set(words(" ".join([document["title"], document["summary"], document["body"]]))) - STOP_WORDS


@pytest.mark.parametrize("text, slug", PAIRS)
def test_a_query_in_the_other_language_finds_the_entry_through_its_translation(engine, text, slug):
    page = original(PracticePage, slug)
    assert not set(words(text)) & original_words(page), "the query must use words of the translation only"
    results = engine.search(PracticeQuery(text=text, access_levels=("public",), page_size=50))
    assert page.pk in [hit.practice_id for hit in results.hits]


@pytest.mark.parametrize("text, slug", PAIRS)
def test_the_hit_shows_the_entry_once_in_the_interface_language(client, site_engine, text, slug):
    page = original(PracticePage, slug)
    versions = {v.locale.language_code: v for v in page.get_translations(inclusive=True).select_related("locale")}
    for prefix, language in (("", "en"), ("/fr", "fr")):
        response = client.get(f"{prefix}/search/", {"q": text})
        hits = [hit for hit in response.context["results"].hits if hit.practice_id == page.pk]
        assert len(hits) == 1, f"{language}: one hit for the entry"
        (hit,) = hits
        shown = versions[language]
        assert (hit.title, hit.url, hit.language) == (shown.title, shown.url, language)
        # The snippet is a piece of the version shown.
        snippet_words = set(words(hit.snippet.replace("<mark>", "").replace("</mark>", "")))
        assert snippet_words and snippet_words <= set(words(f"{shown.summary} {body_text(shown)}"))
    # The other entries of the collection are not duplicated either.
    practice_ids = [hit.practice_id for hit in response.context["results"].hits]
    assert len(practice_ids) == len(set(practice_ids))


def test_facet_counts_count_entries_not_versions(engine):
    results = engine.search(PracticeQuery(text="", access_levels=("public",)))
    entries = PracticePage.objects.live().filter(access_level="public").values("translation_key").distinct().count()
    assert results.total == entries
    assert sum(results.facets["language"].values()) == entries


@pytest.mark.parametrize("typed, slug", [("partenariat antiterror", "anti-terrorism-partnership-tokyo"), ("reporty emerg", "application-reporty-nice")])
def test_a_suggestion_offers_the_entry_once_in_the_interface_language(client, site_engine, typed, slug):
    # The words typed complete the translation's title; each interface offers its own version.
    page = original(PracticePage, slug)
    versions = {v.locale.language_code: v for v in page.get_translations(inclusive=True).select_related("locale")}
    for prefix, language in (("", "en"), ("/fr", "fr")):
        suggestions = client.get(f"{prefix}/search/suggest/", {"q": typed}).json()["suggestions"]
        offered = [s for s in suggestions if s["kind"] == "practice" and s["url"].rstrip("/").endswith(slug)]
        assert offered == [{"text": versions[language].title, "kind": "practice", "url": versions[language].url}]
