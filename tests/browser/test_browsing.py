"""A visitor browses in a real browser (Debian's chromium), without searching."""

import pytest

from .conftest import ARTEFACTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_to_theme_to_practice(demo_content, live_server, page):
    page.goto(live_server.url + "/")
    assert page.locator("h1").inner_text() == "Urban security good practices"

    page.locator("#by-theme + ul").get_by_role("link", name="Recovery").click()
    page.wait_for_url("**/themes/recovery/")
    assert page.locator("h1").inner_text().endswith("Recovery")
    cards = page.locator("article.card")
    assert cards.count() >= 10

    first_title = cards.first.locator("h3 a").inner_text()
    cards.first.locator("h3 a").click()
    page.wait_for_url("**/practices/*/")
    assert page.locator("h1").inner_text() == first_title
    assert page.get_by_role("heading", name="Partners").is_visible()
    assert page.get_by_role("heading", name="Sources").is_visible()
    page.screenshot(path=str(ARTEFACTS / "practice-page.png"), full_page=True)

    # The same page on a phone: readable, no horizontal scrolling.
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=str(ARTEFACTS / "practice-page-phone.png"), full_page=True)

    # The switcher lands on the same entry in French (an entry with its translation).
    page.goto(live_server.url + "/practices/cssc-london/")
    page.get_by_role("link", name="Français").click()
    page.wait_for_url("**/fr/practices/cssc-london/")
    assert page.locator("h1").inner_text().startswith("CSSC Londres")
    assert page.get_by_role("heading", name="Partenaires").is_visible()
