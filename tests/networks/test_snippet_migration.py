"""The former Network snippet's data survives its move to network pages: migrated for real,
on a database of its own (a migration test inside the suite's database would empty it)."""

import os
import subprocess
import sys
import textwrap

from django.conf import settings

HOME = textwrap.dedent("""
    from wagtail.models import Page, Site
    from kb.models import HomePage
    home = Page.get_first_root_node().add_child(instance=HomePage(title="Home", slug="knowledge-base"))
    Site.objects.update(root_page=home)
""")

BEFORE = textwrap.dedent("""
    from django.db.migrations.executor import MigrationExecutor
    from django.db import connection
    executor = MigrationExecutor(connection)
    apps = executor.loader.project_state([("practices", "0005_access_tiers")]).apps
    City = apps.get_model("practices", "City")
    Network = apps.get_model("practices", "Network")
    efus = Network.objects.create(name="European Forum for Urban Security", website="https://efus.eu/")
    Network.objects.create(name="Strong Cities Network")
    nice = City.objects.create(name="Nice", slug="nice", country="FR", region="europe")
    liege = City.objects.create(name="Liège", slug="liege", country="BE", region="europe")
    City.objects.create(name="Lyon", slug="lyon", country="FR", region="europe")
    efus.cities.set([nice, liege])
""")

AFTER = textwrap.dedent("""
    from networks.models import NetworkIndexPage, NetworkPage
    for page in NetworkPage.objects.order_by("title"):
        cities = ",".join(sorted(c.slug for c in page.member_cities.all()))
        sources = ",".join(s.url for s in page.sources.all())
        print(page.title, page.slug, page.url_path, page.website or "-", cities or "-", sources or "-", sep="|")
    index = NetworkIndexPage.objects.get()
    print("index", index.get_children_count(), index.get_parent().specific_class.__name__, sep="|")
""")


def _manage(environment, *arguments):
    process = subprocess.run(
        [sys.executable, "manage.py", *arguments], cwd=settings.BASE_DIR, env=environment,
        capture_output=True, text=True,
    )
    assert process.returncode == 0, process.stderr
    return process.stdout


def test_network_snippets_become_pages_with_their_member_cities(tmp_path):
    environment = {
        **os.environ, "DJANGO_SETTINGS_MODULE": "kb.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    # Everything migrated, then the network pages undone: the snippet is back, as it was.
    _manage(environment, "migrate", "--noinput")
    _manage(environment, "migrate", "--noinput", "networks", "zero")
    _manage(environment, "shell", "--no-imports", "-c", HOME)
    _manage(environment, "shell", "--no-imports", "-c", BEFORE)
    _manage(environment, "migrate", "--noinput")
    lines = _manage(environment, "shell", "--no-imports", "-c", AFTER).splitlines()
    assert lines == [
        "European Forum for Urban Security|european-forum-for-urban-security|"
        "/knowledge-base/networks/european-forum-for-urban-security/|https://efus.eu/|liege,nice|https://efus.eu/",
        "Strong Cities Network|strong-cities-network|/knowledge-base/networks/strong-cities-network/|-|-|-",
        "index|2|HomePage",
    ]
