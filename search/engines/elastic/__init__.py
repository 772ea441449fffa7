"""The Elasticsearch family (Elasticsearch and OpenSearch): one engine, two transports.

mapping.py    analysers, the mapping, the stored source
bodies.py     every request body (elasticsearch.dsl)
responses.py  responses read into the contract's objects
transports.py the official Elasticsearch client or opensearch-py, and their differences
engine.py     the engine: alias, rebuild, reads and writes
"""

from .engine import ElasticFamilyEngine
from .transports import ElasticsearchTransport, OpenSearchTransport


def elasticsearch_engine(url, index_prefix="practices"):
    return ElasticFamilyEngine(ElasticsearchTransport(url), index_prefix=index_prefix)


def opensearch_engine(url, index_prefix="practices"):
    return ElasticFamilyEngine(OpenSearchTransport(url), index_prefix=index_prefix)
