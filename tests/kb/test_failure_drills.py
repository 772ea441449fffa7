"""Failure drills on installations of their own (tests/kb/installation.py): what an
operator's bad day does to the site, and that nothing a visitor sees is half-written."""

import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time

import psycopg
import pytest
import requests
from django.conf import settings

from tests.helpers import PASSWORD

from .installation import Installation, drill_database, postgres_drill_database

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


# The member's case study as the database holds it, and the entries that exist.
CASE_STUDY_PROBE = """
import json
from practices.models import PracticePage
from submissions.models import CaseStudy
case_study = CaseStudy.objects.get(owner__email="drill-member@example.org")
print(json.dumps({"status": case_study.status, "page": case_study.page_id, "title": case_study.answers.get("title"),
                  "practices": PracticePage.objects.count()}))
"""
CREATE_MEMBER = """
from practices.models import City
from tests.helpers import create_member
create_member("drill-member@example.org", city=City.objects.get(slug="new-york"))
print(City.objects.get(slug="new-york").pk)
"""


class Browser:
    """A member's browser on a served installation: cookies, CSRF token, no redirects followed."""

    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def get(self, path):
        return self.session.get(self.base + path, timeout=60, allow_redirects=False)

    def post(self, path, data):
        data = {**data, "csrfmiddlewaretoken": self.session.cookies.get("csrftoken")}
        return self.session.post(self.base + path, data=data, timeout=60, allow_redirects=False,
                                 headers={"Referer": self.base + path})

    def log_in(self):
        self.get("/accounts/login/")
        assert self.post("/accounts/login/", {"username": "drill-member@example.org", "password": PASSWORD}).status_code == 302


def killed_inside_the_transaction(server, database_url, member, path, data):
    """PostgreSQL: the workflow tables are held, so that the submission stops inside its
    transaction once it has saved the answers and created the entry and its revision; the
    server is killed there."""
    # The watcher asks outside the holder's transaction, whose view of pg_stat_activity is fixed.
    with psycopg.connect(database_url) as holder, psycopg.connect(database_url, autocommit=True) as watcher:
        holder.execute("LOCK TABLE wagtailcore_workflowstate IN ACCESS EXCLUSIVE MODE")
        sent = {}
        sending = threading.Thread(target=lambda: sent.update(response=_post_or_error(member, path, data)))
        sending.start()
        deadline = time.monotonic() + 30
        while not watcher.execute("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                                 "AND query ILIKE '%workflowstate%'").fetchone()[0]:
            assert sending.is_alive(), f"the submission ended before the workflow tables: {sent['response']!r}"
            assert time.monotonic() < deadline, "the submission never reached the workflow tables"
            time.sleep(0.1)
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()
        sending.join(timeout=60)
        holder.rollback()
    return sent["response"]


def killed_during_the_upload(server, member, path, data):
    """SQLite (one lock for the whole file: a held lock makes the request fail at once with
    the 503 page, not wait): the server is killed while the member's form is arriving."""
    prepared = member.session.prepare_request(requests.Request(
        "POST", member.base + path, data={**data, "csrfmiddlewaretoken": member.session.cookies.get("csrftoken")},
        headers={"Referer": member.base + path}))
    host, port = prepared.url.split("/")[2].split(":")
    head = f"POST {path} HTTP/1.1\r\n" + "".join(f"{name}: {value}\r\n" for name, value in prepared.headers.items())
    with socket.create_connection((host, int(port))) as connection:
        connection.sendall((head + "\r\n").encode() + prepared.body.encode()[: len(prepared.body) // 2])
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()
        try:
            return connection.recv(1024)
        except ConnectionResetError:
            return b""


@pytest.mark.parametrize("leg", ["sqlite", "postgresql"])
def test_a_server_killed_during_a_submission_saves_nothing_half_way_and_keeps_the_draft(leg, tmp_path, db):
    from tests.submissions.conftest import valid_answers

    url, _wipe = drill_database(leg, tmp_path)
    site = Installation(tmp_path / "site", url)
    site.manage("migrate", "--verbosity=0")
    site.manage("load_demo_content")
    city = site.manage("shell", "-c", CREATE_MEMBER).stdout.split()[-1]
    answers = valid_answers(city=city)

    server, base = site.serve()
    member = Browser(base)
    member.log_in()
    member.get("/submit/")
    saved = member.post("/submit/", {**answers, "title": "The draft the member saved"})
    assert saved.status_code == 302, saved.text[-2000:]
    draft = json.loads(site.manage("shell", "-c", CASE_STUDY_PROBE).stdout.split("\n")[-2])
    assert draft["status"] == "draft" and draft["page"] is None
    edit_path = saved.headers["Location"].removeprefix(base)

    # The member sends it with a new title; the server is killed while the request is inside.
    sent = {**answers, "title": "The title sent for review", "submit": "1"}
    if leg == "postgresql":
        answer = killed_inside_the_transaction(server, url, member, edit_path, sent)
        assert isinstance(answer, requests.ConnectionError), "the member's browser lost the connection"
    else:
        assert killed_during_the_upload(server, member, edit_path, sent) == b"", "the connection closed, unanswered"

    # Nothing of the submission was kept: no entry, the case study is the member's draft.
    after = json.loads(site.manage("shell", "-c", CASE_STUDY_PROBE).stdout.split("\n")[-2])
    assert after == draft

    # The server comes back: the member finds the draft as saved, and sends it again.
    server, base = site.serve()
    try:
        member = Browser(base)
        member.log_in()
        form = member.get(edit_path)
        assert form.status_code == 200 and "The draft the member saved" in form.text
        sent_again = member.post(edit_path, sent)
        assert sent_again.status_code == 302, sent_again.text[-2000:]
        submitted = json.loads(site.manage("shell", "-c", CASE_STUDY_PROBE).stdout.split("\n")[-2])
        assert submitted["status"] == "in-review" and submitted["page"] is not None
        assert submitted["practices"] == draft["practices"] + 1
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait()


def _post_or_error(browser, path, data):
    try:
        return browser.post(path, data)
    except requests.ConnectionError as error:
        return error
