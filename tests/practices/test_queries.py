"""Pages run a bounded number of SQL queries, whatever the number of related rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from practices.models import City, Organisation, PracticePage, PracticePartner

from tests.helpers import original

# The queries of a render: anonymous visitors' pages would come from the cache.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("without_page_cache")]
# A fixed budget: 25, and 3 for the language versions of a page (its original, its
# translations for the switcher and the head, its locale).
MAX_QUERIES = 28


def query_count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_practice_page_queries_do_not_grow_with_partners_tags_or_cities(client, django_assert_max_num_queries):
    practice = original(PracticePage, "cssc-london")
    with django_assert_max_num_queries(MAX_QUERIES):
        client.get(practice.url)
    query_count(client, practice.url)
    before = query_count(client, practice.url)

    for organisation in Organisation.objects.exclude(practice_roles__page=practice)[:12]:
        PracticePartner.objects.create(page=practice, organisation=organisation, role="Took part.")
    practice.topics.add(*[f"topic {n}" for n in range(12)])
    practice.further_cities.add(*City.objects.exclude(pk=practice.city_id)[:8])
    practice.themes.add("prevention", "protection", "mitigation", "response", "recovery")
    practice.save()

    assert query_count(client, practice.url) == before


@pytest.mark.parametrize("url", ["/", "/practices/", "/themes/response/", "/cities/paris/", "/cities/new-york/"])
def test_listing_pages_run_a_bounded_number_of_queries(client, url, django_assert_max_num_queries):
    with django_assert_max_num_queries(MAX_QUERIES):
        client.get(url)


@pytest.mark.parametrize("url", ["/practices/", "/themes/protection/"])
def test_listing_queries_do_not_grow_with_the_number_listed(client, settings, url):
    settings.PRACTICES_PER_PAGE = 2
    query_count(client, url)  # warm the per-process caches (site root paths)
    few = query_count(client, url)
    settings.PRACTICES_PER_PAGE = 30
    assert query_count(client, url) == few


def test_city_profile_queries_do_not_grow_with_its_practices(client):
    city = City.objects.get(slug="london")
    query_count(client, "/cities/london/")
    before = query_count(client, "/cities/london/")
    for practice in PracticePage.objects.exclude(city=city)[:10]:
        practice.city = city
        practice.save()
    assert query_count(client, "/cities/london/") == before
