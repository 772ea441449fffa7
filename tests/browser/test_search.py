"""A practitioner searches in French in a real browser, filters by two themes, opens a
result and comes back with the back button to the same state."""

import re

import pytest

from .conftest import ARTEFACTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def theme_count(page, value):
    return int(page.locator(f'fieldset[data-facet="themes"] input[value="{value}"] ~ [data-count]').inner_text())


def test_french_query_two_themes_open_and_come_back(demo_content, live_server, page):
    page.goto(live_server.url + "/fr/search/")
    page.fill("#search-q", "sécurité après les attentats")
    page.get_by_role("button", name="Rechercher", exact=True).click()
    page.wait_for_url(re.compile(r".*/fr/search/\?q="))
    total_before = page.locator("#results-title").inner_text()
    recovery_before = theme_count(page, "recovery")
    region_counts_before = page.locator('fieldset[data-facet="regions"]').inner_text()

    # Ticking a box submits the form (JavaScript); counts of other facets follow.
    page.locator('fieldset[data-facet="themes"] input[value="prevention"]').check()
    page.wait_for_url(re.compile(r".*themes=prevention.*"))
    page.locator('fieldset[data-facet="themes"] input[value="protection"]').check()
    page.wait_for_url(re.compile(r".*themes=prevention.*themes=protection|.*themes=protection.*themes=prevention"))
    assert page.locator('fieldset[data-facet="themes"] input[value="prevention"]').is_checked()
    assert page.locator('fieldset[data-facet="themes"] input[value="protection"]').is_checked()
    assert theme_count(page, "recovery") == recovery_before  # a facet ignores its own selection
    assert page.locator('fieldset[data-facet="regions"]').inner_text() != region_counts_before
    assert page.locator("#results-title").inner_text() != total_before
    state_url = page.url
    page.screenshot(path=str(ARTEFACTS / "search-two-themes.png"), full_page=True)

    first = page.locator("ol.hits li").first
    title = first.locator("h3 a").inner_text()
    first.locator("h3 a").click()
    page.wait_for_url(re.compile(r".*/fr/practices/.+/"))
    assert page.locator("h1").inner_text() == title

    page.go_back()
    page.wait_for_url(state_url)
    assert page.locator('fieldset[data-facet="themes"] input[value="prevention"]').is_checked()
    assert page.locator('fieldset[data-facet="themes"] input[value="protection"]').is_checked()
    assert page.locator("#search-q").input_value() == "sécurité après les attentats"
