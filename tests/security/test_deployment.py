"""Production settings: `manage.py check --deploy` is clean, and nothing starts without a
secret key. Run as an operator would, in a subprocess with the production environment."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]


def production_environment(tmp_path):
    environment = {
        name: value for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "KB_")) and name not in {"SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="kb.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="kb.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        MEDIA_ROOT=str(tmp_path / "media"),
        SEARCH_EMBEDDED_DIR=str(tmp_path / "search"),
    )
    return environment


def manage(environment, *arguments):
    return subprocess.run(
        [sys.executable, "manage.py", *arguments], cwd=BASE_DIR, env=environment,
        capture_output=True, text=True, timeout=300,
    )


def test_production_settings_pass_the_deployment_checks_without_a_warning(tmp_path):
    result = manage(production_environment(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNING" not in output and "?:" not in output


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    environment = production_environment(tmp_path)
    del environment["SECRET_KEY"]
    result = manage(environment, "check")
    assert result.returncode != 0
    assert "SECRET_KEY must be set in the environment for production." in result.stderr
