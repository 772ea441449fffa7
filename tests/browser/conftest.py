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
    """The demonstration content and its index. A live-server test empties every table
    when it ends, the rows written by migrations included: so each browser test puts back
    what Wagtail's and our migrations create, then loads the content again if needed."""
    from django.conf import settings
    from django.core.cache import cache
    from django.core.management import call_command
    from wagtail.models import Locale, Page

    from practices.models import PracticePage, Theme
    from practices.models.vocabulary import ThemeChoice

    with django_db_blocker.unblock():
        locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
        if Page.get_first_root_node() is None:
            Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
        for name in ThemeChoice.values:
            Theme.objects.get_or_create(name=name)
        if not PracticePage.objects.exists():
            call_command("load_demo_content", verbosity=0)
            call_command("search_index", "rebuild", verbosity=0)
        # The "Editorial review" workflow and its groups, and the root collection that
        # uploaded images and documents go to (migrations wrote them).
        from wagtail.models import Collection

        from submissions.workflow import ensure_editorial_review

        ensure_editorial_review()
        if Collection.get_first_root_node() is None:
            Collection.add_root(name="Root")
    cache.clear()  # Wagtail caches the site's root paths, which the reload changed
    return live_server


def fill_registration(page, email, password, confirmation=None):
    """The registration form, filled in as Léa Dubois of Amsterdam would (not sent). Each
    test registers its own address, so that one test's leftovers never fail another."""
    page.get_by_label("First name").fill("Léa")
    page.get_by_label("Last name").fill("Dubois")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Member organisation").select_option(label="Amsterdam (NL)")
    page.get_by_label("Your role").fill("Head of public safety")
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_label("Password confirmation").fill(password if confirmation is None else confirmation)
