"""Topics carry a label in each language, and both are searchable: a French word of a
topic finds the English entries that have it, on every engine."""

import pytest

from practices.models import PracticePage, Topic

from tests.helpers import original

pytestmark = pytest.mark.django_db


def tagged(slug):
    """The entries (their originals: a document's id) tagged with a topic."""
    pages = PracticePage.objects.live().filter(topics__slug=slug)
    return {page.pk for page in pages if not page.is_translation}


@pytest.mark.parametrize("text, slug", [("mécénat", "fundraising"), ("commémoration", "remembrance")])
def test_a_french_topic_label_finds_the_english_entries_tagged_with_it(engine, text, slug):
    from search.query import PracticeQuery

    english = {pk for pk in tagged(slug) if PracticePage.objects.get(pk=pk).language == "en"}
    assert english, f"no English entry has the topic {slug}"
    found = {hit.practice_id for hit in engine.search(PracticeQuery(text=text, access_levels=("public",), page_size=50)).hits}
    assert english <= found


def test_a_practice_page_shows_its_topics_in_the_interface_language(client):
    page = original(PracticePage, "cssc-london")
    topic = page.topics.get(slug="crisis-communication")
    assert topic.name_fr in client.get("/fr/practices/cssc-london/").content.decode()
    assert topic.name in client.get("/practices/cssc-london/").content.decode()
    assert Topic.objects.get(slug="fundraising").name_fr == "collecte de fonds et mécénat"
