import pytest
from django.core.management import call_command

from search.engines import get_engine


@pytest.fixture(scope="session")
def search_directory(tmp_path_factory):
    return tmp_path_factory.mktemp("search-index")


@pytest.fixture(scope="session", autouse=True)
def isolated_search_index(search_directory):
    """Every run indexes into its own directory, never into var/."""
    from django.conf import settings

    settings.SEARCH_EMBEDDED_DIR = search_directory
    get_engine.cache_clear()
    yield
    get_engine.cache_clear()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, isolated_search_index):
    """The demonstration content, loaded and indexed once for the whole run (tests roll back)."""
    with django_db_blocker.unblock():
        call_command("load_demo_content", verbosity=0)
        call_command("search_index", "rebuild", verbosity=0)
        # Wagtail queues its own background work (reference index, admin search) in the
        # same task queue: run it now, once, so that no test inherits a backlog.
        call_command("db_worker", batch=True, startup_delay=False, interval=0, verbosity=0)


@pytest.fixture
def private_search_index(settings, tmp_path):
    """A private index of the demonstration content, for tests that change the index."""
    from search.documents import build_document, practices_for_indexing

    settings.SEARCH_EMBEDDED_DIR = tmp_path / "search-index"
    get_engine.cache_clear()
    get_engine().rebuild(build_document(p) for p in practices_for_indexing())
    yield settings.SEARCH_EMBEDDED_DIR
    get_engine.cache_clear()


@pytest.fixture
def run_worker(monkeypatch):
    """Runs django-tasks' real database worker over the queued tasks, in the test's
    transaction: the worker closes "old" connections between tasks, which on PostgreSQL
    would close the connection holding the test transaction, so that step is skipped."""
    import django_tasks_db.management.commands.db_worker as db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    return lambda: call_command("db_worker", batch=True, startup_delay=False, interval=0, verbosity=0)


def pytest_collection_modifyitems(items):
    # Browser tests use a live server, whose transactional teardown empties the database:
    # run them after everything that relies on the demonstration content.
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "a-long-test-password")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def member(db):
    """An approved network member (tests/helpers.py makes others: pending, refused...)."""
    from tests.helpers import create_member

    return create_member()


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


@pytest.fixture(autouse=True)
def empty_page_cache():
    """Cached pages outlive a test's rollback: each test starts with none, and a setting a
    test overrides drops them (the pages were rendered with the old value)."""
    from django.core.cache import caches
    from django.core.signals import setting_changed

    def drop(**kwargs):
        caches["pages"].clear()

    caches["pages"].clear()
    setting_changed.connect(drop)
    yield
    setting_changed.disconnect(drop)


@pytest.fixture
def without_page_cache(settings):
    """For tests of how a page is rendered (its context, its queries): every request renders."""
    settings.PAGE_CACHE_SECONDS = 0
