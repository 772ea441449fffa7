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

    # Ticking boxes changes nothing until "Apply filters"; counts of other facets follow.
    page.locator('fieldset[data-facet="themes"] input[value="prevention"]').check()
    page.locator('fieldset[data-facet="themes"] input[value="protection"]').check()
    assert "themes=" not in page.url
    page.get_by_role("button", name="Appliquer les filtres").click()
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


# The contrast ratio (WCAG) between an element's focus outline and what is behind it.
FOCUS_CONTRAST = """element => {
  const rgb = text => text.match(/[\\d.]+/g).slice(0, 4).map(Number);
  const luminance = ([r, g, b]) => {
    const channel = value => { value /= 255; return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const style = getComputedStyle(element);
  if (style.outlineStyle === "none" || parseFloat(style.outlineWidth) < 2) return 0;
  let behind = element.parentElement;
  while (behind && rgb(getComputedStyle(behind).backgroundColor)[3] === 0) behind = behind.parentElement;
  const background = behind ? rgb(getComputedStyle(behind).backgroundColor) : [255, 255, 255];
  const [a, b] = [luminance(rgb(style.outlineColor)), luminance(background)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}"""


def tab_to(page, selector, limit=300):
    """Press Tab until the focus is on an element matching `selector`; how many presses."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return presses
    raise AssertionError(f"{selector} never got the focus in {limit} presses of Tab")


def test_on_a_phone_the_results_come_first_and_the_keyboard_filters_and_reaches_them(demo_content, live_server, browser):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        page.goto(live_server.url + "/search/?q=security")
        page.screenshot(path=str(ARTEFACTS / "search-phone-first-screen.png"))
        assert page.locator("ol.hits li").first.bounding_box()["y"] < 740, "the first result is on the first screen"
        assert not page.locator("#filters").evaluate("details => details.open")

        # Keyboard only: open the filters, tick two themes (nothing moves), apply.
        page.focus("#search-q")
        contrasts = {"search box": page.evaluate(FOCUS_CONTRAST, page.locator("#search-q").element_handle())}
        tab_to(page, "#filters > summary")
        contrasts["filters"] = page.evaluate(f"() => ({FOCUS_CONTRAST})(document.activeElement)")
        page.keyboard.press("Enter")
        for theme in ("prevention", "response"):
            tab_to(page, f'input[name="themes"][value="{theme}"]')
            page.keyboard.press("Space")
            assert page.evaluate("() => document.activeElement.checked")
        contrasts["check box"] = page.evaluate(f"() => ({FOCUS_CONTRAST})(document.activeElement)")
        assert "themes=" not in page.url
        tab_to(page, ".apply-filters")
        contrasts["button"] = page.evaluate(f"() => ({FOCUS_CONTRAST})(document.activeElement)")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r".*themes=prevention.*themes=response.*"))

        # From the search box, the first result is a few presses away, and it is on screen.
        page.focus("#search-q")
        presses = tab_to(page, "ol.hits li:first-child h3 a")
        assert presses <= 8, f"{presses} presses of Tab from the search box to the first result"
        contrasts["result link"] = page.evaluate(f"() => ({FOCUS_CONTRAST})(document.activeElement)")
        assert page.locator("ol.hits li").first.bounding_box()["y"] < 740
        page.screenshot(path=str(ARTEFACTS / "search-phone.png"))
        assert all(ratio >= 3 for ratio in contrasts.values()), f"focus contrast below 3:1: {contrasts}"
    finally:
        context.close()


def test_picking_a_suggested_practice_on_the_home_page_opens_it(demo_content, live_server, page):
    page.goto(live_server.url + "/")
    page.fill("#home-q", "CSSC")
    option = page.locator("#home-q-suggestions option").first
    option.wait_for(state="attached")
    title = option.get_attribute("value")
    # What the browser does when an option of the list is picked.
    page.evaluate("""title => {
        const box = document.getElementById("home-q");
        box.value = title;
        box.dispatchEvent(new InputEvent("input", {bubbles: true, inputType: "insertReplacementText"}));
    }""", title)
    page.wait_for_url(re.compile(r".*/practices/.+/"))
    assert page.locator("h1").inner_text() == title
