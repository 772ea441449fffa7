import os
import shutil
from pathlib import Path

import pytest

# pytest-django's live server and Playwright's sync API share the test thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTEFACTS = Path(__file__).resolve().parent / "artefacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: `make test` installs it (apt-get install chromium).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    ARTEFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def demo_content(live_server, django_db_blocker):
    """The demonstration content and its index. A live-server test empties the database
    when it ends and restores the state after migrations (serialized_rollback) when the
    next one starts, which also points the site back at Wagtail's welcome page: so each
    browser test repairs the site tree and loads the content again if needed."""
    from django.core.cache import cache
    from django.core.management import call_command

    from kb.site_tree import ensure_site_tree
    from practices.models import PracticePage

    with django_db_blocker.unblock():
        ensure_site_tree()
        if not PracticePage.objects.exists():
            call_command("load_demo_content", verbosity=0)
            call_command("search_index", "rebuild", verbosity=0)
    cache.clear()  # Wagtail caches the site's root paths, which the reload changed
    return live_server
