"""With the search cluster down, a visitor who searches gets a clear "search is
unavailable" page (503) that keeps the query, and the rest of the site still works."""

import re

import pytest

from search.engines import get_engine

from .conftest import ARTEFACTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def cluster_down(settings):
    """The site is configured for an OpenSearch cluster of which no node answers (a
    closed local port: what a stopped cluster looks like to the client)."""
    settings.ELASTICSEARCH_URL = ""
    settings.OPENSEARCH_URL = "http://127.0.0.1:9"
    get_engine.cache_clear()
    yield
    get_engine.cache_clear()


def test_search_with_the_cluster_down_says_so_and_the_site_stays_browsable(demo_content, cluster_down, live_server, page):
    page.goto(live_server.url + "/search/")
    page.fill("#search-q", "crowd safety at stations")
    with page.expect_response(re.compile(r".*/search/\?q=")) as answer:
        page.get_by_role("button", name="Search", exact=True).click()
    assert answer.value.status == 503
    assert page.locator("#results-title").inner_text() == "Search is unavailable"
    assert page.locator("#search-q").input_value() == "crowd safety at stations"
    page.screenshot(path=str(ARTEFACTS / "search-unavailable.png"), full_page=True)

    page.get_by_role("navigation").get_by_role("link", name="Prevention").click()
    page.wait_for_url(re.compile(r".*/themes/prevention/"))
    assert page.locator("h1").inner_text().strip()
    first = page.locator("main a[href*='/practices/']").first
    first.click()
    page.wait_for_url(re.compile(r".*/practices/.+/"))
    assert page.locator("h1").inner_text().strip()

    french = page.goto(live_server.url + "/fr/search/?q=vid%C3%A9oprotection")
    assert french.status == 503
    assert page.locator("#results-title").inner_text() == "La recherche est indisponible"
