"""Cities and partners' industries are shared by both languages, each shown in the
interface's: Bruxelles on French pages, Brussels on English ones."""

import re

import pytest

from practices.models import City, PracticePage

from tests.helpers import original

pytestmark = pytest.mark.django_db


def text_of(response):
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html[html.find("<main"):html.find("</main>")]))


def test_a_city_profile_is_titled_in_the_interface_language(client):
    assert "<h1>Bruxelles</h1>" in client.get("/fr/cities/brussels/").content.decode()
    assert "<h1>Brussels</h1>" in client.get("/cities/brussels/").content.decode()
    # A city French writes as English does keeps its one name.
    assert "<h1>Nice</h1>" in client.get("/fr/cities/nice/").content.decode()


def test_cards_search_hits_and_facets_name_the_city_in_french_on_french_pages(client):
    practice = PracticePage.objects.live().filter(city__slug="london").order_by("title").first()
    assert "Londres, Royaume-Uni" in text_of(client.get("/fr/cities/london/"))
    response = client.get("/fr/search/", {"cities": "london"})
    assert practice.pk in {hit.practice_id for hit in response.context["results"].hits}
    assert "Londres, Royaume-Uni" in text_of(response)
    labels = {v.value: v.label for f in response.context["results"].facets if f.name == "cities" for v in f.values}
    assert labels["london"] == "Londres"
    assert "London, Royaume-Uni" not in text_of(response)


def test_a_partner_industry_is_shown_in_the_interface_language(client):
    page = original(PracticePage, "cssc-london")
    organisation = page.partners.first().organisation
    assert organisation.industry and organisation.industry_fr and organisation.industry != organisation.industry_fr
    assert f"({organisation.industry_fr})" in text_of(client.get("/fr/practices/cssc-london/"))
    assert f"({organisation.industry})" in text_of(client.get("/practices/cssc-london/"))


def test_every_city_whose_french_name_differs_has_it():
    assert City.objects.get(slug="brussels").name_fr == "Bruxelles"
    assert not City.objects.filter(slug__in=["nice", "paris", "lyon"]).exclude(name_fr="").exists()
