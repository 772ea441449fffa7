"""A locked database gives the visitor a clear 503 page, never a traceback: a real lock,
held by another connection, with the site's wait for it shortened."""

import sqlite3

import psycopg
import pytest
from django.db import connection

pytestmark = pytest.mark.django_db

WAIT_MS = 200


@pytest.fixture
def database_locked_by_another_connection():
    if connection.vendor == "sqlite":
        other = sqlite3.connect(connection.settings_dict["NAME"], isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA busy_timeout = {WAIT_MS}")
        yield
        other.execute("ROLLBACK")
        other.close()
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA busy_timeout = {int(connection.settings_dict['OPTIONS']['timeout'] * 1000)}")
    else:
        settings = connection.settings_dict
        other = psycopg.connect(
            dbname=settings["NAME"], user=settings["USER"], host=settings["HOST"], port=settings["PORT"],
            password=settings["PASSWORD"] or None,
        )
        other.execute("LOCK TABLE wagtailcore_page IN ACCESS EXCLUSIVE MODE")
        with connection.cursor() as cursor:
            # Undone with the test's transaction.
            cursor.execute(f"SET statement_timeout = {WAIT_MS}")
        yield
        other.rollback()
        other.close()


# One request per test: on PostgreSQL the cancelled statement ends the test's transaction.
@pytest.mark.parametrize("path, text", [("/", "The site is busy"), ("/fr/practices/", "Le site est très sollicité")])
def test_a_locked_database_gives_a_clear_503_page(client, database_locked_by_another_connection, path, text):
    response = client.get(path)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert text in html and "Traceback" not in html and "OperationalError" not in html
