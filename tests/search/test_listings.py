"""Networks, events and reference documents in search, on every engine: a short list of
their own beside the practices, suggestions, and the practices filtered by a network or
an event."""

import pytest
from django.utils import translation

from networks.models import EventPage, NetworkPage
from practices.models import PracticePage
from search.engines import get_engine
from tests.helpers import original, publish

pytestmark = pytest.mark.django_db


def titles(hits):
    return [hit.title for hit in hits]


def slugs_of(hits):
    """The pages' slugs, each once (an engine finds every language version of a page)."""
    return list(dict.fromkeys(hit.url.rstrip("/").rsplit("/", 1)[-1] for hit in hits))


@pytest.mark.parametrize("text, first", [
    ("Strong Cities Network", "strong-cities-network"),
    ("SCN", "strong-cities-network"),
    ("Efus", "european-forum-for-urban-security"),
    ("2396", "un-security-council-resolution-2396"),
    ("résolution 2396", "un-security-council-resolution-2396"),
    ("Antalya", "gctf-antalya-memorandum-soft-targets-2017"),
    ("antalya memorandum", "gctf-antalya-memorandum-soft-targets-2017"),
    ("MUNIWORLD", "muniworld-2019"),
])
def test_a_name_acronym_or_number_finds_its_page_first(engine, text, first):
    assert slugs_of(engine.search_listings(text))[:1] == [first]


def test_every_word_must_be_found(engine):
    assert engine.search_listings("Antalya Melbourne") == []
    assert engine.search_listings("zzqxj") == []
    assert engine.search_listings("the of and") == []


def test_a_word_of_the_summary_finds_every_page_that_has_it(engine):
    found = slugs_of(engine.search_listings("PACTESUR", limit=20))
    assert {"pactesur-launch-nice-2019", "pactesur-final-conference-brussels-2022",
            "pactesur-2-police-academy-nice-2024", "pactesur-safe-and-inclusive-public-spaces-2022"} <= set(found)
    assert len(engine.search_listings("PACTESUR", limit=2)) == 2


def test_suggestions_complete_a_title_or_acronym(engine):
    assert slugs_of(engine.search_listings("antal", prefix=True)) == ["gctf-antalya-memorandum-soft-targets-2017"]
    assert "strong-cities-network" in slugs_of(engine.search_listings("strong cit", prefix=True))
    assert engine.search_listings("cities antal", prefix=True) == []


@pytest.mark.parametrize("text, href", [
    ("Strong Cities Network", "/networks/strong-cities-network/"),
    ("PACTESUR", "/events/pactesur-launch-nice-2019/"),
    ("2396", "/references/un-security-council-resolution-2396/"),
    ("Antalya", "/references/gctf-antalya-memorandum-soft-targets-2017/"),
])
def test_the_search_page_lists_the_matching_page_beside_the_practices(client, site_engine, text, href):
    html = client.get("/search/", {"q": text}).content.decode()
    listings = html.split('id="listing-hits-title"', 1)[1].split("</section>", 1)[0]
    assert f'href="{href}"' in listings


def test_in_french_the_list_links_the_french_addresses(client, site_engine):
    html = client.get("/fr/search/", {"q": "Antalya"}).content.decode()
    assert 'href="/fr/references/gctf-antalya-memorandum-soft-targets-2017/"' in html
    assert "Document de référence" in html


def test_suggestions_include_networks_events_and_references(client, site_engine):
    suggestions = client.get("/search/suggest/", {"q": "strong cit"}).json()["suggestions"]
    assert {"text": "Strong Cities Network", "kind": "network", "url": "/networks/strong-cities-network/"} in suggestions


def test_an_unpublished_page_leaves_search_once_the_queue_has_run(
    client, site_engine, run_worker, django_capture_on_commit_callbacks
):
    network = original(NetworkPage, "strong-cities-network")
    with django_capture_on_commit_callbacks(execute=True):
        network.unpublish()
    # At once: the service checks that a listed page is live.
    assert 'href="/networks/strong-cities-network/"' not in client.get("/search/", {"q": "SCN"}).content.decode()
    run_worker()
    assert "strong-cities-network" not in slugs_of(get_engine().search_listings("Strong Cities Network"))
    with django_capture_on_commit_callbacks(execute=True):
        publish(network)
    run_worker()
    assert slugs_of(get_engine().search_listings("Strong Cities Network"))[:1] == ["strong-cities-network"]


def facet_search(client, **params):
    response = client.get("/search/", params)
    return {hit.practice_id for hit in response.context["results"].hits}, response.context["results"]


def test_practices_can_be_filtered_by_a_network_or_an_event(client, site_engine):
    network = original(NetworkPage, "european-forum-for-urban-security")
    found, results = facet_search(client, networks=network.slug)
    assert found == set(network.practices.values_list("pk", flat=True)) and found
    event = original(EventPage, "pactesur-launch-nice-2019")
    assert facet_search(client, events=event.slug)[0] == set(event.practices.values_list("pk", flat=True))
    labels = {v.value: v.label for f in results.facets if f.name == "networks" for v in f.values}
    assert labels[network.slug] == network.title
    # In French, the facet names the network by its French page's title.
    french = network.translations().get(locale__language_code="fr")
    results = client.get("/fr/search/", {"networks": network.slug}).context["results"]
    labels = {v.value: v.label for f in results.facets if f.name == "networks" for v in f.values}
    assert labels[network.slug] == french.title != network.title
    # The network's page links to that search.
    with translation.override("en"):
        assert f'href="/search/?networks={network.slug}"' in client.get(network.url).content.decode()


def test_a_practice_added_to_a_network_is_found_under_it_once_the_queue_has_run(
    client, site_engine, run_worker, django_capture_on_commit_callbacks
):
    network = original(NetworkPage, "strong-cities-network")
    practice = original(PracticePage, "nypd-shield-new-york")
    assert practice.pk not in facet_search(client, networks=network.slug)[0]
    with django_capture_on_commit_callbacks(execute=True):
        network.practices.add(practice)
        publish(network)
    run_worker()
    assert practice.pk in facet_search(client, networks=network.slug)[0]
    with django_capture_on_commit_callbacks(execute=True):
        network.practices.remove(practice)
        publish(network)
    run_worker()
    assert practice.pk not in facet_search(client, networks=network.slug)[0]
