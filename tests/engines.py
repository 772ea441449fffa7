"""The engines every engine-dependent test runs on: the embedded engine always; OpenSearch
when OPENSEARCH_URL names a cluster (`make test` starts one with scripts/with-opensearch);
Elasticsearch when ELASTICSEARCH_URL does. A missing cluster skips with its reason."""

import os
import uuid
from contextlib import contextmanager

import pytest

ENGINES = ["embedded", "opensearch", "elasticsearch"]
CLUSTER_URL_SETTINGS = {"opensearch": "OPENSEARCH_URL", "elasticsearch": "ELASTICSEARCH_URL"}
SKIP_REASONS = {
    "opensearch": "OPENSEARCH_URL is not set: run the suite under scripts/with-opensearch (needs Java and Maven)",
    "elasticsearch": "ELASTICSEARCH_URL is not set: no Elasticsearch server can be started from what these "
                     "machines reach (README, Search engines)",
}


def cluster_url(name):
    url = os.environ.get(CLUSTER_URL_SETTINGS[name], "")
    if not url:
        pytest.skip(SKIP_REASONS[name])
    return url


def make_engine(name, directory):
    """A fresh, empty engine of this kind: its own directory, or its own index prefix."""
    if name == "embedded":
        from search.engines.embedded import EmbeddedEngine

        return EmbeddedEngine(directory)
    from search.engines import elastic

    factory = {"opensearch": elastic.opensearch_engine, "elasticsearch": elastic.elasticsearch_engine}[name]
    return factory(cluster_url(name), index_prefix=f"test-{name}-{uuid.uuid4().hex[:8]}")


def use_engine(name, settings, directory):
    """Point the site (search.engines.get_engine) at a fresh engine of this kind; returns
    a function that removes what it indexed."""
    from search.engines import get_engine

    settings.ELASTICSEARCH_URL = settings.OPENSEARCH_URL = ""
    settings.SEARCH_EMBEDDED_DIR = directory
    if name != "embedded":
        setattr(settings, CLUSTER_URL_SETTINGS[name], cluster_url(name))
        settings.SEARCH_INDEX_PREFIX = f"test-{name}-{uuid.uuid4().hex[:8]}"
    get_engine.cache_clear()

    def remove():
        if name != "embedded":
            get_engine().drop()
        get_engine.cache_clear()

    return remove


@contextmanager
def engine_down(name, settings, directory):
    """While inside, the site's engine of this kind does not answer: the embedded engine's
    directory is a file, a cluster's address a closed local port."""
    from search.engines import get_engine

    if name == "embedded":
        broken = directory / "not-a-directory"
        broken.write_text("the search engine is down")
        setting, working, settings.SEARCH_EMBEDDED_DIR = "SEARCH_EMBEDDED_DIR", settings.SEARCH_EMBEDDED_DIR, broken
    else:
        setting = CLUSTER_URL_SETTINGS[name]
        working = getattr(settings, setting)
        setattr(settings, setting, "http://127.0.0.1:9")
    get_engine.cache_clear()
    try:
        yield
    finally:
        setattr(settings, setting, working)
        get_engine.cache_clear()
