"""Configuration from the environment, the administrator account, the catalogues."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command

BASE = Path(settings.BASE_DIR)


def run_python(code, **env):
    environment = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DATABASE_URL"}}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=BASE, env=environment, capture_output=True, text=True, timeout=120
    )


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = run_python("import django; django.setup()", DJANGO_SETTINGS_MODULE="kb.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_database_url_selects_postgresql():
    result = run_python(
        "import django; django.setup(); from django.conf import settings; d = settings.DATABASES['default'];"
        "print(d['ENGINE'], d['NAME'], d['HOST'], d['PORT'])",
        DJANGO_SETTINGS_MODULE="kb.settings.production", SECRET_KEY="x" * 50,
        DATABASE_URL="postgres://kb:secret@db.internal:5433/knowledge",
    )
    assert result.stdout.split() == ["django.db.backends.postgresql", "knowledge", "db.internal", "5433"]


def test_default_database_is_sqlite_under_var():
    result = run_python(
        "import django; django.setup(); from django.conf import settings; print(settings.DATABASES['default']['NAME'])",
        DJANGO_SETTINGS_MODULE="kb.settings.dev",
    )
    assert result.stdout.strip() == str(BASE / "var" / "db.sqlite3")


@pytest.mark.django_db
def test_ensure_admin_creates_one_account_with_a_random_password_shown_once(capsys):
    call_command("ensure_admin")
    first = capsys.readouterr().out
    password = first.split("password: ")[1].split()[0]
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password(password)
    assert len(password) >= 16

    call_command("ensure_admin")
    second = capsys.readouterr().out
    assert password not in second and "password unchanged" in second
    admin.refresh_from_db()
    assert admin.check_password(password)
    assert get_user_model().objects.filter(is_superuser=True).count() == 1


@pytest.mark.django_db
def test_two_runs_of_ensure_admin_in_fresh_databases_differ(capsys):
    call_command("ensure_admin")
    first = capsys.readouterr().out.split("password: ")[1].split()[0]
    get_user_model().objects.all().delete()
    call_command("ensure_admin")
    second = capsys.readouterr().out.split("password: ")[1].split()[0]
    assert first != second


def test_french_catalogue_translates_every_interface_string():
    with open(BASE / "locale" / "fr" / "LC_MESSAGES" / "django.po", "rb") as handle:
        catalog = read_po(handle)
    untranslated = [m.id for m in catalog if m.id and (not m.string or "fuzzy" in m.flags or not all(m.string))]
    assert untranslated == []
    assert len(catalog) > 100


def catalogue_ids(path):
    with open(path, "rb") as handle:
        return {m.id if isinstance(m.id, str) else tuple(m.id) for m in read_po(handle) if m.id}


def test_the_french_catalogue_is_up_to_date_with_the_code(tmp_path):
    """Every string marked for translation in the code is in the committed catalogue."""
    if not shutil.which("xgettext"):
        pytest.skip("GNU gettext (xgettext) is not installed: cannot extract messages here")
    apps = [path.name for path in BASE.iterdir() if (path / "apps.py").exists()]
    for name in [*apps, "templates", "locale", "manage.py"]:
        source = BASE / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "fr", "--no-obsolete"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "kb.settings.test"},
    )
    assert result.returncode == 0, result.stderr
    extracted = catalogue_ids(tmp_path / "locale" / "fr" / "LC_MESSAGES" / "django.po")
    committed = catalogue_ids(BASE / "locale" / "fr" / "LC_MESSAGES" / "django.po")
    assert extracted - committed == set(), "run `make translations`, then translate the new entries in the .po"
