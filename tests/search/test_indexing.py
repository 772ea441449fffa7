"""The index follows publish, unpublish, move and delete through the durable task queue."""

import threading
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from practices.models import City, PracticePage
from search.documents import build_document, practices_for_indexing
from search.engines import get_engine
from search.query import PracticeQuery
from tests.helpers import ENGINES, engine_down, found, original, publish, use_engine

pytestmark = pytest.mark.django_db


@pytest.fixture(params=ENGINES)
def site_engine(request, settings, tmp_path):
    """The site's engine, of each kind, with a fresh index of the demonstration content;
    its name."""
    remove = use_engine(request.param, settings, tmp_path / "search-index")
    get_engine().rebuild(build_document(p) for p in practices_for_indexing())
    yield request.param
    remove()


def test_a_new_topic_tag_is_searchable_once_published(run_worker, site_engine, django_capture_on_commit_callbacks):
    page = original(PracticePage, "cssc-london")
    assert page.pk not in found("quixotrope")
    with django_capture_on_commit_callbacks(execute=True):
        page.topics.add("quixotrope")
        publish(page)
    run_worker()
    assert page.pk in found("quixotrope")


def test_unpublish_and_delete_remove_from_the_index(run_worker, site_engine, django_capture_on_commit_callbacks):
    first = original(PracticePage, "cssc-london")
    second = original(PracticePage, "nypd-shield-new-york")
    assert first.pk in found("CSSC") and second.pk in found("Shield")
    with django_capture_on_commit_callbacks(execute=True):
        first.unpublish()
    with django_capture_on_commit_callbacks(execute=True):
        second.delete()
    run_worker()
    assert first.pk not in found("CSSC")
    assert second.pk not in found("Shield")


def test_a_renamed_city_is_reindexed(run_worker, site_engine, django_capture_on_commit_callbacks):
    city = City.objects.get(slug="kisumu")
    with django_capture_on_commit_callbacks(execute=True):
        city.name = "Kisumu Lakeside"
        city.save()
    run_worker()
    # A hit is an entry, named by its original's id.
    assert found("Lakeside") == {page.pk for page in city.practices.all() if not page.is_translation}


def test_a_moved_practice_keeps_its_entry(run_worker, site_engine, django_capture_on_commit_callbacks):
    # Only one practice index may exist: a move reorders the page among its siblings.
    page = original(PracticePage, "cssc-london")
    get_engine().delete([page.pk])
    with django_capture_on_commit_callbacks(execute=True):
        page.move(page.get_parent(), pos="first-child")
    run_worker()
    assert page.pk in found("CSSC")


def test_publishing_succeeds_while_the_engine_is_down_and_the_update_lands_later(
    run_worker, settings, site_engine, django_capture_on_commit_callbacks, tmp_path
):
    page = original(PracticePage, "cssc-london")
    with engine_down(site_engine, settings, tmp_path):
        with django_capture_on_commit_callbacks(execute=True):
            page.topics.add("pendingtopic")
            publish(page)
        run_worker()  # the engine is down: the task schedules a retry instead of failing
    page.refresh_from_db()
    assert page.live and "pendingtopic" in [t.name for t in page.topics.all()]
    waiting = DBTaskResult.objects.filter(status="READY")
    assert waiting.count() == 1 and waiting.get().args_kwargs["kwargs"] == {"attempt": 2}

    assert page.pk not in found("pendingtopic")
    waiting.update(run_after=timezone.now() - timedelta(seconds=1))  # the retry delay has passed
    run_worker()
    assert page.pk in found("pendingtopic")


def test_verify_reports_and_fix_repairs(site_engine, capsys):
    engine = get_engine()
    missing = original(PracticePage, "cssc-london")
    stale = original(PracticePage, "nypd-shield-new-york")
    engine.delete([missing.pk])
    document = build_document(stale)
    document.update(title="Outdated title", fingerprint="0" * 16)
    engine.index([document])

    with pytest.raises(CommandError, match="differs"):
        call_command("search_index", "verify")
    out = capsys.readouterr().out
    assert f"1 missing from the index: {missing.pk}" in out and f"1 stale in the index: {stale.pk}" in out

    call_command("search_index", "verify", "--fix")
    call_command("search_index", "verify")
    assert "The index matches the database." in capsys.readouterr().out
    assert missing.pk in found("CSSC")


def live_indexes(engine):
    """The files or cluster indexes that hold the engine's data."""
    if hasattr(engine, "transport"):
        return set(engine.transport.aliased_indices(engine.alias))
    return set(engine.directory.glob("index-*.sqlite3"))


def test_rebuild_switches_atomically_and_removes_the_old_index(site_engine):
    engine = get_engine()
    before = live_indexes(engine)
    assert engine.search(PracticeQuery(text="security", access_levels=("public",))).total > 0
    call_command("search_index", "rebuild", verbosity=0)
    after = live_indexes(engine)
    assert len(after) == 1 and not (after & before)
    assert engine.search(PracticeQuery(text="security", access_levels=("public",))).total > 0


@pytest.fixture
def extra_synonyms(monkeypatch, tmp_path):
    """The repository's synonym file plus one group, as if an editor had added a line."""
    from search import analysis
    from search.engines.embedded import terms

    def clear_caches():
        for cached in (analysis.synonym_groups, terms._phrases_by_first_bigram, analysis._synonym_index):
            cached.cache_clear()

    edited = tmp_path / "synonyms.txt"
    edited.write_text(analysis.SYNONYMS_FILE.read_text(encoding="utf-8") + "\nzorblax partnership, cross sector safety\n",
                      encoding="utf-8")
    monkeypatch.setattr(analysis, "SYNONYMS_FILE", edited)
    monkeypatch.setattr(terms, "SYNONYMS_FILE", edited)
    clear_caches()
    yield
    monkeypatch.undo()
    clear_caches()


@pytest.mark.parametrize("site_engine", ["embedded"], indirect=True)
def test_a_changed_synonym_file_makes_entries_stale_until_fixed(site_engine, extra_synonyms, capsys):
    cssc = original(PracticePage, "cssc-london")
    # Phrases of the synonym file are indexed as terms: the index built before the edit
    # does not have the new phrase, and verify says so.
    assert cssc.pk not in found("zorblax partnership")
    with pytest.raises(CommandError, match="differs"):
        call_command("search_index", "verify")
    assert f"{len(get_engine().fingerprints())} stale in the index" in capsys.readouterr().out

    call_command("search_index", "verify", "--fix")
    assert cssc.pk in found("zorblax partnership")
    call_command("search_index", "verify")
    assert "The index matches the database." in capsys.readouterr().out


@pytest.mark.parametrize("site_engine", ["opensearch", "elasticsearch"], indirect=True)
def test_a_changed_synonym_file_applies_at_once_on_a_cluster(site_engine, extra_synonyms, capsys):
    # A cluster's index holds the entries' words; synonym phrases are matched at query
    # time (search.analysis.query_units), so nothing needs re-indexing.
    cssc = original(PracticePage, "cssc-london")
    assert cssc.pk in found("zorblax partnership")
    call_command("search_index", "verify")
    assert "The index matches the database." in capsys.readouterr().out


def test_a_large_rebuild_analyses_in_a_second_process_with_the_same_index(tmp_path, monkeypatch):
    """Past SERIAL_DOCUMENTS, a rebuild hands the text analysis to a helper process; the
    index it builds answers exactly as one built in a single process."""
    from search.documents import build_document, practices_for_indexing
    from search.engines.embedded import EmbeddedEngine, writing

    documents = [build_document(page) for page in practices_for_indexing()]
    single = EmbeddedEngine(tmp_path / "single")
    single.rebuild(documents)
    monkeypatch.setattr(writing, "SERIAL_DOCUMENTS", 10)
    monkeypatch.setattr(writing, "ANALYSIS_CHUNK", 8)
    monkeypatch.setattr(writing.os, "cpu_count", lambda: 2)
    helped = EmbeddedEngine(tmp_path / "helped")
    assert helped.rebuild(documents) == len(documents)

    for text in ("security", "vidéoprotection", "attentats", "crowd management", ""):
        query = PracticeQuery(text=text, access_levels=("public", "network", "restricted"), page_size=50)
        one, two = single.search(query), helped.search(query)
        assert [(h.practice_id, round(h.score, 4), h.snippet) for h in one.hits] == [
            (h.practice_id, round(h.score, 4), h.snippet) for h in two.hits
        ]
        assert one.total == two.total and one.facets == two.facets
    assert single.fingerprints() == helped.fingerprints()


def test_searches_running_through_rebuilds_never_fail(site_engine):
    """Readers keep searching while the index is rebuilt three times: every search
    answers, with every entry, before, during and after each swap."""
    engine = get_engine()
    documents = [build_document(page) for page in practices_for_indexing()]
    queries = [PracticeQuery(text=text, access_levels=("public", "network", "restricted"))
               for text in ("security", "crowd management", "")]
    expected = [engine.search(query).total for query in queries]
    assert all(expected)
    rebuilding = threading.Event()
    answers, failures = [], []

    def search_until_done():
        while rebuilding.is_set():
            for query, total in zip(queries, expected):
                try:
                    answers.append((query.text, engine.search(query).total, total))
                except Exception as error:  # noqa: BLE001 - every failure is the finding
                    failures.append(repr(error))

    rebuilding.set()
    readers = [threading.Thread(target=search_until_done) for _ in range(2)]
    for reader in readers:
        reader.start()
    try:
        for _ in range(3):
            assert engine.rebuild(documents) == len(documents)
    finally:
        rebuilding.clear()
        for reader in readers:
            reader.join()
    print(f"{len(answers)} searches during three rebuilds on {site_engine}, {len(failures)} failed")
    assert not failures
    assert answers and all(got == total for _text, got, total in answers), [a for a in answers if a[1] != a[2]][:5]


def test_an_update_is_never_dropped_and_the_editors_are_told(
    run_worker, settings, site_engine, tmp_path
):
    from search.tasks import ATTEMPTS_BEFORE_ALERT, MAX_DELAY, sync_practices
    from tests.helpers import create_staff, logged_in

    page = original(PracticePage, "cssc-london")
    with engine_down(site_engine, settings, tmp_path):
        sync_practices.enqueue([page.pk], attempt=ATTEMPTS_BEFORE_ALERT + 3)
        before = timezone.now()
        run_worker()
    waiting = DBTaskResult.objects.get(status="READY")
    assert waiting.args_kwargs["kwargs"] == {"attempt": ATTEMPTS_BEFORE_ALERT + 4}
    assert waiting.run_after >= before + MAX_DELAY - timedelta(seconds=5)
    editor = logged_in(create_staff("backlogeditor"))
    assert "Search is behind the published content" in editor.get("/admin/").content.decode()
    # The engine is back: the hourly retry lands, and the dashboard says nothing any more.
    waiting.__class__.objects.filter(pk=waiting.pk).update(run_after=timezone.now() - timedelta(seconds=1))
    run_worker()
    assert not DBTaskResult.objects.filter(status="READY").exists()
    assert "Search is behind" not in editor.get("/admin/").content.decode()


def test_every_entry_s_document_is_built_in_a_number_of_queries_that_does_not_grow_with_the_entries():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from search.documents import indexing_documents

    practices = practices_for_indexing()
    with CaptureQueriesContext(connection) as queries:
        documents = list(indexing_documents(practices))
    assert len(documents) == practices.count() >= 80
    assert all(document["translation_title"] for document in documents), "every demonstration entry is translated"
    # The translations come in one query per chunk: far fewer queries than entries.
    assert len(queries) < 20, [query["sql"][:120] for query in queries.captured_queries]


@pytest.mark.parametrize("name", ["opensearch", "elasticsearch"])
def test_a_rebuild_removes_the_index_a_killed_rebuild_left_on_the_cluster(name, tmp_path):
    from search.engines.elastic.mapping import index_settings_and_mappings
    from tests.helpers import make_engine

    engine = make_engine(name, tmp_path)
    documents = [build_document(p) for p in practices_for_indexing()[:5]]
    try:
        engine.rebuild(documents)
        killed_long_ago, still_running = f"{engine.alias}-20000101000000000000", engine.new_index_name()
        for orphan in (killed_long_ago, still_running):
            engine.transport.create_index(orphan, index_settings_and_mappings())
        engine.rebuild(documents)
        left = engine.transport.indices_named(f"{engine.alias}-*")
        assert killed_long_ago not in left and still_running in left
        assert len(engine.fingerprints()) == 5
    finally:
        engine.drop()
        for name_left in engine.transport.indices_named(f"{engine.alias}-*"):
            engine.transport.delete_index(name_left)
