"""The security headers of the site and of Wagtail's admin (test settings send the same
policies as production)."""

import re

import pytest

from practices.models import PracticePage

pytestmark = pytest.mark.django_db


def policy(response, header="Content-Security-Policy"):
    directives = (part.split() for part in response[header].split(";") if part.strip())
    return {name: sources for name, *sources in directives}


def test_the_site_sends_a_strict_content_security_policy(client):
    for url in ("/", "/practices/", "/search/?q=cctv", "/accounts/login/"):
        response = client.get(url)
        assert response.status_code == 200
        csp = policy(response)
        assert csp["default-src"] == ["'self'"]
        assert csp["script-src"] == ["'self'"] and csp["style-src"] == ["'self'"]
        assert csp["object-src"] == ["'none'"] and csp["base-uri"] == ["'self'"]
        assert csp["form-action"] == ["'self'"] and csp["frame-ancestors"] == ["'none'"]
        assert csp["img-src"] == ["'self'", "data:", "blob:"]
        assert "unsafe" not in response["Content-Security-Policy"]


def test_referrer_permissions_and_framing_policies(client):
    response = client.get("/")
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    features = dict(item.split("=") for item in response["Permissions-Policy"].split(", "))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert features[feature] == "()"


def inline_scripts(html):
    """Opening tags of the scripts a browser would run that are written in the page."""
    tags = re.findall(r"<script\b[^>]*>", html)
    return [tag for tag in tags if "src=" not in tag and "application/json" not in tag]


def test_the_admin_runs_its_inline_scripts_by_nonce_never_unsafe_inline(editor_client):
    practice = PracticePage.objects.live().first()
    response = editor_client.get(f"/admin/pages/{practice.pk}/edit/")
    assert response.status_code == 200
    csp = policy(response)
    [nonce] = [source for source in csp["script-src"] if source.startswith("'nonce-")]
    assert csp["script-src"] == ["'self'", nonce]
    # Wagtail sets style attributes and inserts style elements from its bundles.
    assert csp["style-src"] == ["'self'", "'unsafe-inline'"]
    scripts = inline_scripts(response.content.decode())
    assert scripts, "the page editor has chooser and inline-panel scripts"
    assert all(f'nonce="{nonce[7:-1]}"' in tag for tag in scripts), scripts


def test_the_nonce_changes_with_every_response(editor_client):
    assert policy(editor_client.get("/admin/"))["script-src"] == ["'self'"]  # no inline script: no nonce
    practice = PracticePage.objects.live().first()
    first, second = (policy(editor_client.get(f"/admin/pages/{practice.pk}/edit/"))["script-src"] for _ in range(2))
    assert first != second


def test_only_the_preview_panel_may_frame_a_page_of_this_site(editor_client):
    practice = PracticePage.objects.live().first()
    edit_url = f"/admin/pages/{practice.pk}/edit/"
    assert policy(editor_client.get(edit_url))["frame-ancestors"] == ["'none'"]
    preview = editor_client.get(f"{edit_url}preview/?in_preview_panel=true")
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    assert policy(preview)["frame-ancestors"] == ["'self'"]
