import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The demonstration content, loaded once for the whole run (tests roll back)."""
    with django_db_blocker.unblock():
        call_command("load_demo_content", verbosity=0)


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
