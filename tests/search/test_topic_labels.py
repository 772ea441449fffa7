"""Topics carry a label in each language, and both are searchable: a French word of a
topic finds the English entries that have it, on every engine."""

import pytest

from practices.models import PracticePage, Topic

pytestmark = pytest.mark.django_db


def tagged(slug):
    return set(PracticePage.objects.live().filter(topics__slug=slug).values_list("pk", flat=True))


@pytest.mark.parametrize("text, slug", [("mécénat", "fundraising"), ("commémoration", "remembrance")])
def test_a_french_topic_label_finds_the_english_entries_tagged_with_it(engine, text, slug):
    from search.query import PracticeQuery

    english = {pk for pk in tagged(slug) if PracticePage.objects.get(pk=pk).language == "en"}
    assert english, f"no English entry has the topic {slug}"
    found = {hit.practice_id for hit in engine.search(PracticeQuery(text=text, access_levels=("public",), page_size=50)).hits}
    assert english <= found


def test_a_practice_page_shows_its_topics_in_the_interface_language(client):
    page = PracticePage.objects.get(slug="torontostrong-fund-toronto")
    topic = page.topics.get(slug="fundraising")
    assert topic.name_fr in client.get("/fr/practices/torontostrong-fund-toronto/").content.decode()
    assert topic.name in client.get("/practices/torontostrong-fund-toronto/").content.decode()
    assert Topic.objects.get(slug="fundraising").name_fr == "collecte de fonds et mécénat"
