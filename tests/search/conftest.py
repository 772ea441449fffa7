"""Engines for the contract tests: the embedded engine always, Elasticsearch when
ELASTICSEARCH_URL names a cluster (skipped with a message otherwise)."""

import os
import uuid

import pytest

from search.documents import build_document, practices_for_indexing

ENGINES = ["embedded", "elasticsearch"]


def make_engine(name, tmp_path_factory):
    if name == "embedded":
        from search.engines.embedded import EmbeddedEngine

        return EmbeddedEngine(tmp_path_factory.mktemp("contract-index"))
    url = os.environ.get("ELASTICSEARCH_URL")
    if not url:
        pytest.skip("ELASTICSEARCH_URL is not set: the Elasticsearch leg needs a real cluster")
    from search.engines.elastic import ElasticsearchEngine

    return ElasticsearchEngine(url, index_prefix=f"test-practices-{uuid.uuid4().hex[:8]}")


@pytest.fixture(scope="module", params=ENGINES)
def engine(request, tmp_path_factory, django_db_setup, django_db_blocker):
    """A fresh index of the demonstration content, built once per module and engine."""
    engine = make_engine(request.param, tmp_path_factory)
    with django_db_blocker.unblock():
        engine.rebuild(build_document(p) for p in practices_for_indexing())
    yield engine
    if request.param == "elasticsearch":
        engine.drop()
