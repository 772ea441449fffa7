"""Two-factor authentication for everyone with access to Wagtail's admin (django-otp TOTP),
when KB_EDITORS_REQUIRE_2FA is on. Codes are computed as an authenticator app would."""

import base64
import time

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from tests.helpers import PASSWORD, create_member, create_staff

pytestmark = pytest.mark.django_db

REQUIRED = override_settings(KB_EDITORS_REQUIRE_2FA=True)
SETUP = "/accounts/two-factor/set-up/"
CODE_PAGE = "/accounts/two-factor/"


def code(device, steps_ahead=0):
    """The code an authenticator app shows (steps_ahead: in that many 30-second steps)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def wrong_code(device):
    return f"{(int(code(device)) + 1) % 10 ** device.digits:0{device.digits}d}"


def editor_owing_a_code():
    """An editor with a confirmed authenticator, past the password and not yet the code."""
    device = TOTPDevice.objects.create(user=create_staff("otto"), name="phone", confirmed=True)
    client = Client()
    client.post("/accounts/login/", {"username": "otto", "password": PASSWORD})
    return client, device


def logged_in_editor(url="/accounts/login/"):
    create_staff("edith")
    client = Client()
    assert client.post(url, {"username": "edith", "password": PASSWORD}).status_code == 302
    return client


@REQUIRED
def test_an_editor_without_an_authenticator_must_set_one_up_before_the_admin():
    client = logged_in_editor()
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"] == f"{SETUP}?next=%2Fadmin%2F"
    page = client.get(response["Location"])
    assert page.status_code == 200
    html = page.content.decode()
    device = TOTPDevice.objects.get(user__username="edith")
    assert not device.confirmed
    # A QR code drawn here, and the secret as text for typing into the app.
    assert '<img class="two-factor-qr" src="data:image/svg+xml;base64,' in html
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    assert " ".join(secret[i:i + 4] for i in range(0, len(secret), 4)) in html
    # Reloading the page keeps the same secret (the app may already have it).
    client.get(SETUP)
    assert TOTPDevice.objects.filter(user__username="edith").count() == 1
    # Until a code confirms it, no admin page, nor any other page of the site.
    for url in ("/admin/", "/admin/pages/", "/admin/members/", "/", "/search/?q=cctv"):
        assert client.get(url)["Location"].startswith(SETUP), url


@REQUIRED
def test_a_wrong_code_is_refused_with_a_message():
    client = logged_in_editor()
    client.get(SETUP)
    device = TOTPDevice.objects.get(user__username="edith")
    response = client.post(SETUP, {"code": wrong_code(device), "next": "/admin/"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "This code is not the right one, or it has expired." in html and 'role="alert"' in html
    device.refresh_from_db()
    assert not device.confirmed
    assert client.get("/admin/")["Location"].startswith(SETUP)
    assert client.post(SETUP, {"code": "12ab56"}).status_code == 400


@REQUIRED
def test_the_right_code_confirms_the_authenticator_and_opens_the_admin():
    client = logged_in_editor()
    client.get(SETUP)
    device = TOTPDevice.objects.get(user__username="edith")
    response = client.post(SETUP, {"code": code(device), "next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    device.refresh_from_db()
    assert device.confirmed
    assert ModelLogEntry.objects.filter(action="accounts.set_up_two_factor", object_id=str(device.user_id)).exists()
    assert client.get("/admin/").status_code == 200
    # Set up once: the set-up page now leads to the code page (a stolen password cannot
    # add a second authenticator).
    assert client.get(SETUP)["Location"].startswith(CODE_PAGE)


@REQUIRED
@pytest.mark.parametrize("login_url", ["/accounts/login/", "/admin/login/"])
def test_an_editor_with_an_authenticator_gives_a_code_after_the_password(login_url):
    device = TOTPDevice.objects.create(user=create_staff("otto"), name="phone", confirmed=True)
    client = Client()
    response = client.post(login_url, {"username": "otto", "password": PASSWORD, "next": "/admin/pages/"})
    assert response["Location"] == "/admin/pages/"
    response = client.get("/admin/pages/")
    assert response["Location"] == f"{CODE_PAGE}?next=%2Fadmin%2Fpages%2F"
    assert "enter the code it shows for this site" in client.get(response["Location"]).content.decode()
    response = client.post(CODE_PAGE, {"code": code(device), "next": "/admin/pages/"})
    assert response.status_code == 302 and response["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200
    # The next session asks again.
    other = Client()
    other.post(login_url, {"username": "otto", "password": PASSWORD})
    assert other.get("/admin/")["Location"].startswith(CODE_PAGE)


@REQUIRED
def test_code_attempts_are_throttled():
    client, device = editor_owing_a_code()
    response = client.post(CODE_PAGE, {"code": wrong_code(device)})
    assert response.status_code == 400 and "This code is not the right one" in response.content.decode()
    # Straight after a wrong code even the right one waits (django-otp doubles the delay
    # with each failure).
    response = client.post(CODE_PAGE, {"code": code(device)})
    assert response.status_code == 400 and "Too many wrong codes in a row" in response.content.decode()
    assert client.get("/admin/")["Location"].startswith(CODE_PAGE)


@REQUIRED
def test_the_code_page_goes_only_to_this_site():
    client, device = editor_owing_a_code()
    response = client.post(CODE_PAGE, {"code": code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/"


@REQUIRED
def test_an_editor_owing_the_code_can_still_log_out():
    client = logged_in_editor()
    assert client.post("/accounts/logout/")["Location"] == "/"
    assert client.get("/").status_code == 200


@REQUIRED
def test_members_without_admin_access_are_never_asked(client):
    member = create_member()
    assert client.post("/accounts/login/", {"username": member.email, "password": PASSWORD}).status_code == 302
    assert client.get("/").status_code == 200
    assert client.get("/my/case-studies/").status_code == 200
    assert not TOTPDevice.objects.exists()


def test_with_the_setting_off_editors_are_not_asked():
    client = logged_in_editor()
    assert client.get("/admin/").status_code == 200
    assert not TOTPDevice.objects.exists()


@REQUIRED
def test_an_administrator_resets_a_lost_authenticator():
    from io import StringIO

    from django.core.management import call_command
    from wagtail.models import ModelLogEntry

    otto = create_staff("otto")
    TOTPDevice.objects.create(user=otto, name="phone", confirmed=True)
    call_command("reset_two_factor", "Otto", stdout=StringIO())
    assert not TOTPDevice.objects.filter(user=otto).exists()
    assert ModelLogEntry.objects.filter(action="accounts.reset_two_factor", object_id=str(otto.pk)).exists()
    client = Client()
    client.post("/accounts/login/", {"username": "otto", "password": PASSWORD})
    assert client.get("/admin/")["Location"].startswith(SETUP)


def test_the_code_pages_send_an_anonymous_visitor_to_the_login_page(client):
    for url in (reverse("accounts:two_factor"), reverse("accounts:two_factor_setup")):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
