"""Did-you-mean on the search page, on every engine: offered only where it can help."""

import pytest

from search import service
from search.query import PracticeQuery

pytestmark = pytest.mark.django_db
PUBLIC = ("public",)
# Misspellings alone and beside a word entries have, words entries have, and one that matches nothing.
QUERIES = ["securty", "polce", "bollars", "attentas", "drones", "eglise", "Westgate vehcle", "arena securty",
           "stadium polce", "Westgate polce", "metro polce", "Westgate bollars", "quixotrope"]


def searched(text):
    return service.search(PracticeQuery(text=text, access_levels=PUBLIC))


def test_a_misspelling_that_finds_nothing_gets_its_correction(site_engine):
    results = searched("securty")
    assert results.total == 0 and results.suggestion == "security"


def test_a_word_that_entries_have_is_never_corrected_into_another(site_engine):
    for text in ("drones", "eglise", "metro"):
        results = searched(text)
        assert results.total and results.suggestion is None, (text, results.suggestion)


def test_a_correction_never_finds_fewer_entries_than_the_query(site_engine):
    offered = 0
    for text in QUERIES:
        results = searched(text)
        if results.suggestion:
            offered += 1
            corrected = searched(results.suggestion)
            assert corrected.total >= results.total, (text, results.suggestion)
    assert offered >= 3  # the rule was put to the test


def test_the_page_shows_no_correction_when_the_words_found_entries(client):
    html = client.get("/search/", {"q": "drones"}).content.decode()
    assert "Did you mean" not in html and "practice found" in html
