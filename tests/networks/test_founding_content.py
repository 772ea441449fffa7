"""The founding cases of the knowledge base, as the demonstration content loads them."""

import pytest
from django.utils import translation

from networks.models import EventPage, NetworkPage, ReferencePage
from practices.models import PracticePage

from tests.helpers import one_version_each, original

pytestmark = pytest.mark.django_db

FOUNDING = {
    PracticePage: [
        "facial-recognition-trial-carnival-2019-nice", "pactesur-public-spaces-nice",
        "pactesur-2-public-private-cooperation-nice",
    ],
    NetworkPage: ["strong-cities-network", "european-forum-for-urban-security", "federation-of-local-authorities-in-israel"],
    EventPage: [
        "efus-security-democracy-cities-nice-2021", "efus-security-democracy-cities-barcelona-2017",
        "scn-global-summit-melbourne-2018", "un-counter-terrorism-committee-briefing-soft-targets-2019",
        "cted-isd-workshop-london-2018", "muniworld-2019",
    ],
    ReferencePage: [
        "un-security-council-resolution-2396", "cted-compendium-protection-critical-infrastructure-2018",
        "gctf-antalya-memorandum-soft-targets-2017", "unoct-guides-protection-vulnerable-targets-2022",
        "efus-manifesto-security-democracy-cities-2017", "pactesur-safe-and-inclusive-public-spaces-2022",
        "brussels-declaration-security-public-spaces-2022",
    ],
}


@pytest.mark.parametrize("model, slug", [(model, slug) for model, slugs in FOUNDING.items() for slug in slugs])
def test_each_founding_page_is_live_with_a_source(client, model, slug):
    page = original(model, slug)
    assert page.live
    assert page.sources.exists()
    with translation.override("en"):
        assert client.get(page.url).status_code == 200


def test_each_founding_practice_has_a_public_and_a_private_partner():
    for slug in FOUNDING[PracticePage]:
        sectors = {p.organisation.sector for p in original(PracticePage, slug).partners.all()}
        assert {"public", "private"} <= sectors, slug


def test_nice_profile_lists_its_founding_practices_the_efus_conference_and_its_networks(client):
    html = client.get("/cities/nice/").content.decode()
    for slug in FOUNDING[PracticePage]:
        # The English version, or the French original of an entry not yet translated.
        (shown,) = one_version_each(PracticePage.objects.filter(slug=slug), "en")
        assert f'href="{PracticePage.objects.get(pk=shown).url}"' in html
    assert 'href="/events/efus-security-democracy-cities-nice-2021/"' in html
    assert 'href="/networks/european-forum-for-urban-security/"' in html


def test_a_network_page_lists_its_member_cities_and_practices(client):
    html = client.get("/networks/european-forum-for-urban-security/").content.decode()
    for city in ("nice", "liege", "turin"):
        assert f'href="/cities/{city}/"' in html
    assert 'href="/practices/pactesur-public-spaces-nice/"' in html


def test_an_event_known_only_to_the_month_shows_the_month_alone(client):
    html = client.get("/events/cted-isd-workshop-london-2018/").content.decode()
    assert "June 2018" in html and "1 June 2018" not in html
    # Its only source has no public address: cited by its title, not linked.
    assert "<li>Concept note" in html


def test_the_practice_page_links_its_networks_events_and_references(client):
    html = client.get("/practices/pactesur-public-spaces-nice/").content.decode()
    assert 'href="/networks/european-forum-for-urban-security/"' in html
    assert 'href="/events/pactesur-launch-nice-2019/"' in html
    assert 'href="/references/brussels-declaration-security-public-spaces-2022/"' in html


@pytest.mark.parametrize("theme", ["prevention", "protection", "mitigation", "response", "recovery"])
def test_each_theme_names_resolution_2396_and_links_its_page(client, theme):
    html = client.get(f"/themes/{theme}/").content.decode()
    assert "resolution 2396 (2017)" in html
    assert 'href="/references/un-security-council-resolution-2396/"' in html
