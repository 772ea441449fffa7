"""Login rate limiting (django-axes): per account from any address, per address over any
accounts, on the site's login page and on the admin's."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from tests.helpers import PASSWORD, create_member

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
LOCKED = "Too many failed attempts to log in"


def log_in(client, username, password=PASSWORD, address="192.0.2.1", url=LOGIN):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


def fail(client, username, address, times=1, url=LOGIN):
    return [log_in(client, username, "not-the-password", address, url).status_code for _ in range(times)]


def is_logged_in(client):
    return client.get(LOGIN).context["user"].is_authenticated


def test_five_failures_lock_the_account_whatever_the_address(client):
    create_member("ana@example.org")
    create_member("ben@example.org")
    # Four wrong passwords, each from another address: the form says they do not match.
    assert [fail(client, "ana@example.org", f"192.0.2.{n}")[0] for n in range(1, 5)] == [200] * 4
    response = log_in(client, "ana@example.org", "still-wrong", address="192.0.2.5")
    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    # Now even the right password, from yet another address, is refused...
    response = log_in(client, "ANA@Example.org", address="198.51.100.7")
    assert response.status_code == 429 and not is_logged_in(client)
    html = response.content.decode()
    assert 'role="alert"' in html and "paused for 15 minutes" in html
    assert 'value="ANA@Example.org"' in html  # what was typed stays
    # ...while another account logs in from the same address.
    assert log_in(client, "ben@example.org", address="198.51.100.7").status_code == 302


def test_many_failures_from_one_address_lock_the_address(client):
    ana = create_member("ana@example.org")
    # Twenty guesses over twenty accounts (none of them reaches its own limit).
    statuses = [fail(client, f"guess{n}@example.org", "203.0.113.9")[0] for n in range(20)]
    assert statuses == [200] * 19 + [429]
    # From that address nobody logs in, not even with the right password...
    response = log_in(client, ana.email, address="203.0.113.9")
    assert response.status_code == 429 and LOCKED in response.content.decode()
    # ...from another address the same account does.
    assert log_in(client, ana.email, address="203.0.113.10").status_code == 302


def test_a_successful_login_clears_the_failures(client):
    create_member("ana@example.org")
    assert fail(client, "ana@example.org", "192.0.2.1", times=4) == [200] * 4
    assert log_in(client, "ana@example.org").status_code == 302
    client.post("/accounts/logout/")
    assert fail(client, "ana@example.org", "192.0.2.1", times=4) == [200] * 4
    assert log_in(client, "ana@example.org").status_code == 302


def test_a_guesser_cannot_clear_the_address_count_with_an_account_of_their_own(client):
    create_member("mallory@example.org")
    assert fail(client, "guess@example.org", "203.0.113.9", times=4) == [200] * 4
    for n in range(15):
        fail(client, f"guess{n}@example.org", "203.0.113.9")
    assert log_in(client, "mallory@example.org", address="203.0.113.9").status_code == 302
    client.post("/accounts/logout/")
    assert fail(client, "another@example.org", "203.0.113.9") == [429]


def test_the_lock_ends_after_the_cool_off(client):
    create_member("ana@example.org")
    assert fail(client, "ana@example.org", "192.0.2.1", times=5)[-1] == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert log_in(client, "ana@example.org").status_code == 302


def test_an_administrator_unlocks_with_axes_reset(client):
    create_member("ana@example.org")
    assert fail(client, "ana@example.org", "192.0.2.1", times=5)[-1] == 429
    call_command("axes_reset", verbosity=0)
    assert log_in(client, "ana@example.org").status_code == 302


def test_the_admin_login_is_limited_too(editor):
    client = Client()
    assert fail(client, "editor", "192.0.2.1", times=5, url="/admin/login/") == [200] * 4 + [429]
    response = log_in(client, "editor", url="/admin/login/", address="192.0.2.2")
    assert response.status_code == 429 and LOCKED in response.content.decode()
    assert 'value="editor"' in response.content.decode()
    # The same account on the site's login page: the same lock.
    assert log_in(client, "editor", address="192.0.2.3").status_code == 429


def test_the_french_login_page_explains_the_lock_in_french(client):
    create_member("ana@example.org")
    fail(client, "ana@example.org", "192.0.2.1", times=5, url="/fr/accounts/login/")
    response = log_in(client, "ana@example.org", url="/fr/accounts/login/")
    assert response.status_code == 429
    assert 'lang="fr"' in response.content.decode()


def test_behind_a_trusted_proxy_the_forwarded_address_counts(client, settings):
    settings.KB_TRUSTED_PROXY_COUNT = 1
    create_member("ana@example.org")
    for n in range(20):
        client.post(LOGIN, {"username": f"guess{n}@example.org", "password": "x"},
                    REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    # Another visitor behind the same proxy is not locked out with the guesser.
    response = client.post(LOGIN, {"username": "ana@example.org", "password": PASSWORD},
                           REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert response.status_code == 302
    # A forged entry on the left does not help the guesser.
    response = client.post(LOGIN, {"username": "ana@example.org", "password": PASSWORD},
                           REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.99, 203.0.113.9")
    assert response.status_code == 429
