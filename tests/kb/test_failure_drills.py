"""Failure drills on installations of their own (tests/kb/installation.py): what an
operator's bad day does to the site, and that nothing a visitor sees is half-written."""

import json
import re
import subprocess
import sys

import pytest
from django.conf import settings

from .installation import Installation, postgres_drill_database

# The index as readers get it: every document's fingerprint, and what a few searches find.
INDEX_PROBE = """
import json
from search.engines import get_engine
from search.query import PracticeQuery
engine = get_engine()
found = {q: [h.practice_id for h in engine.search(PracticeQuery(text=q, access_levels=("public", "network"))).hits]
         for q in ("synthetic", "security", "partnership")}
print(json.dumps({"documents": engine.fingerprints(), "found": found}))
"""
SYNTHETIC_ENTRIES = 1_200


def index_state(site):
    return json.loads(site.manage("shell", "-c", INDEX_PROBE).stdout.strip().splitlines()[-1])


def index_files(site):
    return sorted(path.name for path in (site.directory / "search").glob("index-*.sqlite3"))


@pytest.mark.skipif(bool(postgres_drill_database()), reason="the embedded index's drill runs in the suite's SQLite run")
def test_a_rebuild_killed_half_way_leaves_the_old_index_answering(tmp_path):
    site = Installation(tmp_path / "site", f"sqlite:///{tmp_path / 'db.sqlite3'}")
    site.manage("migrate", "--verbosity=0")
    site.manage("shell", "-c", f"from bench.synthetic import create_practice_pages; create_practice_pages({SYNTHETIC_ENTRIES})")
    site.manage("search_index", "rebuild")
    before = index_state(site)
    assert len(before["documents"]) == SYNTHETIC_ENTRIES and all(before["found"].values())
    live_file = index_files(site)

    # Killed (as by the OOM killer or a reboot) once it has written part of the new index.
    rebuild = subprocess.Popen([sys.executable, "manage.py", "search_index", "rebuild"], cwd=settings.BASE_DIR,
                               env={**site.env, "PYTHONUNBUFFERED": "1"}, stdout=subprocess.PIPE)
    progress = b""
    while not re.search(rb"\r  [1-9]\d*/\d+ practices", progress):
        chunk = rebuild.stdout.read(1)
        assert chunk, f"the rebuild ended before it wrote anything: {progress!r}"
        progress += chunk
    rebuild.kill()
    rebuild.wait()
    assert len(index_files(site)) == 2, "the half-written index is there, beside the live one"

    # Readers still get the old index, whole; the half-written one is never switched to.
    assert index_state(site) == before
    assert "The index matches the database." in site.manage("search_index", "verify").stdout

    # The next rebuild succeeds, and removes what the killed one left.
    site.manage("search_index", "rebuild")
    assert index_state(site) == before
    assert len(index_files(site)) == 1 and index_files(site) != live_file
