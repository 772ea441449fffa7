"""Static files are served by the app itself (WhiteNoise) once collected, with DEBUG off:
no web server is needed in front to try the production settings."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


@pytest.fixture
def collected(settings, tmp_path):
    settings.DEBUG = False
    settings.STATIC_ROOT = tmp_path / "static"
    call_command("collectstatic", "--noinput", verbosity=0)
    return settings.STATIC_ROOT


def test_a_collected_stylesheet_is_served_by_the_app(client, collected):
    assert (collected / "kb" / "css" / "site.css").exists()
    response = client.get("/static/kb/css/site.css")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/css")
    assert "max-age" in response["Cache-Control"]
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert body == (collected / "kb" / "css" / "site.css").read_bytes()


def test_a_missing_static_file_is_a_404(client, collected):
    assert client.get("/static/kb/css/no-such-file.css").status_code == 404
