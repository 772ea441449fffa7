"""A three-node OpenSearch cluster, one replica per shard, loses a node and then all of
them, while visitors search and editors publish: searches keep answering once the cluster
is yellow, no update is lost, and with every node down the site degrades clearly."""

import json
import threading
import time
import urllib.request
import uuid
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from practices.models import PracticePage
from search.documents import build_document, practices_for_indexing
from search.engines import get_engine
from search.query import PracticeQuery
from tests.cluster.opensearch import OpenSearchCluster
from tests.helpers import cluster_url, found, original, publish

pytestmark = pytest.mark.django_db
EVERY_LEVEL = ("public", "network", "restricted")
QUERIES = ("security", "crowd management", "vidéoprotection", "")


@pytest.fixture(scope="module")
def cluster():
    cluster_url("opensearch")  # only in the OpenSearch leg, which has Java and Maven
    with OpenSearchCluster(nodes=3) as three_nodes:
        yield three_nodes


@pytest.fixture
def site_on_cluster(cluster, settings):
    """The site's engine on the three nodes (every node's address), with a fresh index of
    the demonstration content; its nodes all running."""
    cluster.start_nodes(range(cluster.nodes))
    settings.ELASTICSEARCH_URL = ""
    settings.OPENSEARCH_URL = ",".join(cluster.urls)
    settings.SEARCH_INDEX_PREFIX = f"test-nodes-{uuid.uuid4().hex[:8]}"
    get_engine.cache_clear()
    engine = get_engine()
    engine.rebuild(build_document(p) for p in practices_for_indexing())
    yield engine
    cluster.start_nodes(range(cluster.nodes))
    engine.drop()
    get_engine.cache_clear()


def cluster_get(cluster, path):
    with urllib.request.urlopen(f"{cluster.url}{path}", timeout=30) as response:
        return json.load(response)


def node_with_primary(cluster, engine):
    """The position of the node that holds the primary copy of the index's shard."""
    (index,) = engine.transport.aliased_indices(engine.alias)
    shards = cluster_get(cluster, f"/_cat/shards/{index}?format=json")
    assert sorted(shard["prirep"] for shard in shards) == ["p", "r"]  # one replica, on another node
    primary = next(shard["node"] for shard in shards if shard["prirep"] == "p")
    return next(node.index for node in cluster._nodes if node.name == primary)


class Searchers:
    """Threads that search without pause and note each answer: (time, error or None,
    whether the total was the full one)."""

    def __init__(self, engine, threads=2):
        self.engine = engine
        self.queries = [PracticeQuery(text=text, access_levels=EVERY_LEVEL) for text in QUERIES]
        self.expected = [engine.search(query).total for query in self.queries]
        self.answers = []
        self.running = threading.Event()
        self.threads = [threading.Thread(target=self._search) for _ in range(threads)]

    def _search(self):
        while self.running.is_set():
            for query, total in zip(self.queries, self.expected):
                try:
                    self.answers.append((time.monotonic(), None, self.engine.search(query).total == total))
                except Exception as error:  # noqa: BLE001 - every failure is the finding
                    self.answers.append((time.monotonic(), repr(error), False))

    def __enter__(self):
        self.running.set()
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc_info):
        self.running.clear()
        for thread in self.threads:
            thread.join()

    def failures(self, since=0.0):
        return [(error, full) for moment, error, full in self.answers if moment >= since and (error or not full)]


def run_due_retries(run_worker):
    """Run the queued retries now, as if their delay had passed."""
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now() - timedelta(seconds=1))
    run_worker()


def test_losing_a_node_fails_no_search_and_loses_no_update(
    cluster, site_on_cluster, run_worker, django_capture_on_commit_callbacks, capsys
):
    # Originals: a translation takes its topics from its original.
    pages = [page for page in PracticePage.objects.live().order_by("pk")[:20] if not page.is_translation][:8]
    lost = node_with_primary(cluster, site_on_cluster)
    yellow_at = None
    with Searchers(site_on_cluster) as searchers:
        for number, page in enumerate(pages):
            if number == 3:
                cluster.stop_node(lost)
                health = cluster_get(cluster, "/_cluster/health?wait_for_status=yellow&wait_for_nodes=2&timeout=60s")
                assert health["status"] in ("yellow", "green") and not health["timed_out"]
                yellow_at = time.monotonic()
            with django_capture_on_commit_callbacks(execute=True):
                page.topics.add(f"nodeloss{number}")
                publish(page)
            run_worker()
        time.sleep(1)  # searches on the two remaining nodes only
    run_due_retries(run_worker)  # a publish that met the failover was queued again

    before = searchers.failures()
    after = searchers.failures(since=yellow_at)
    with capsys.disabled():
        print(f"\n  node loss: {len(searchers.answers)} searches, {len(before)} failed or short in all "
              f"({len(after)} after the cluster was yellow)")
    assert not after, after[:3]
    assert sum(1 for moment, _error, _full in searchers.answers if moment >= yellow_at) > 20
    for number, page in enumerate(pages):
        assert page.pk in found(f"nodeloss{number}")
    call_command("search_index", "verify")
    assert "The index matches the database." in capsys.readouterr().out


def test_with_every_node_down_publishing_works_and_search_says_unavailable(
    cluster, site_on_cluster, client, run_worker, django_capture_on_commit_callbacks, capsys
):
    page = original(PracticePage, "cssc-london")
    for node in range(cluster.nodes):
        cluster.stop_node(node)

    with django_capture_on_commit_callbacks(execute=True):
        page.topics.add("clusterdown")
        publish(page)
    run_worker()  # no node answers: the update waits in the queue
    page.refresh_from_db()
    assert page.live and "clusterdown" in [tag.name for tag in page.topics.all()]
    waiting = DBTaskResult.objects.filter(status="READY")
    assert waiting.count() == 1 and waiting.get().args_kwargs["kwargs"] == {"attempt": 2}

    response = client.get("/search/", {"q": "clusterdown"})
    assert response.status_code == 503
    assert "Search is unavailable" in response.content.decode()
    assert 'value="clusterdown"' in response.content.decode()  # the query is kept in the box
    assert client.get("/").status_code == 200
    assert client.get(page.url).status_code == 200
    assert client.get("/themes/prevention/").status_code == 200

    cluster.start_nodes(range(cluster.nodes))  # on the same ports: the site's client finds them again
    run_due_retries(run_worker)
    assert page.pk in found("clusterdown")
    call_command("search_index", "verify")
    out = capsys.readouterr().out
    assert "0 missing from the index" in out and "The index matches the database." in out
    assert client.get("/search/", {"q": "clusterdown"}).status_code == 200
