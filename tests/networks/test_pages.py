"""Network, event and reference pages: their addresses, what they show, and the links
from cities and practices to them."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from networks.models import EventIndexPage, EventPage, NetworkIndexPage, NetworkPage, ReferenceIndexPage
from practices.models import City, PracticePage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """Page URLs are built in the active language, which a request to /fr/ leaves behind."""
    with translation.override("en"):
        yield


@pytest.fixture
def harbour_network():
    city = City.objects.create(name="Harbourtown", slug="harbourtown", country="PT", region="europe")
    practice = PracticePage.objects.live().filter(access_level="public").order_by("title").first()
    network = NetworkPage(
        title="Harbour Cities Forum", acronym="HCF", slug="harbour-cities-forum", founded_year=2001,
        summary="A forum of harbour cities.", member_cities=[city], practices=[practice],
    )
    NetworkIndexPage.in_language("en").add_child(instance=network)
    network.save_revision().publish()
    event = EventPage(
        title="Harbour summit", slug="harbour-summit", city=city, start_date=datetime.date(2019, 3, 28),
        end_date=datetime.date(2019, 3, 29), summary="A summit.", organising_networks=[network],
    )
    EventIndexPage.in_language("en").add_child(instance=event)
    event.save_revision().publish()
    return network, event, city, practice


@pytest.mark.parametrize("prefix", ["", "/fr"])
@pytest.mark.parametrize("kind", ["networks", "events", "references"])
def test_each_kind_has_its_index_in_both_languages(client, prefix, kind):
    response = client.get(f"{prefix}/{kind}/")
    assert response.status_code == 200
    assert response.context["page"].slug == kind


def test_network_page_shows_acronym_members_events_and_linked_practices(client, harbour_network):
    network, event, city, practice = harbour_network
    assert network.url == "/networks/harbour-cities-forum/"
    html = client.get(network.url).content.decode()
    assert "Harbour Cities Forum (HCF)" in html
    assert f'href="/cities/{city.slug}/"' in html
    assert "Harbour summit" in html
    assert practice.title in html


def test_city_profile_shows_its_networks_and_the_events_it_hosted(client, harbour_network):
    network, event, city, _ = harbour_network
    html = client.get(f"/cities/{city.slug}/").content.decode()
    assert f'href="{network.url}"' in html
    assert f'href="{event.url}"' in html
    assert "28 March 2019 to 29 March 2019" in html


def test_practice_page_links_the_networks_that_list_it(client, harbour_network):
    network, _, _, practice = harbour_network
    html = client.get(practice.url).content.decode()
    assert f'href="{network.url}"' in html


def test_an_event_cannot_end_before_it_starts():
    event = EventPage(title="Backwards", slug="backwards", city=City.objects.first(), summary="x",
                      start_date=datetime.date(2020, 5, 2), end_date=datetime.date(2020, 5, 1))
    with pytest.raises(ValidationError) as error:
        event.full_clean(exclude=["path", "depth"])
    assert "end_date" in error.value.message_dict


def test_unpublished_network_stays_off_the_city_profile(client, harbour_network):
    network, _, city, _ = harbour_network
    network.unpublish()
    assert "Harbour Cities Forum" not in client.get(f"/cities/{city.slug}/").content.decode()
    assert client.get(network.url).status_code == 404
    assert ReferenceIndexPage.in_language("en").url == "/references/"



def test_the_home_page_links_the_three_indexes(client):
    html = client.get("/").content.decode()
    for kind in ("networks", "events", "references"):
        assert f'href="/{kind}/"' in html
