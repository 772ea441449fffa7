"""Search engines behind one contract (search.engines.base.SearchEngine)."""

from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=1)
def get_engine():
    """The engine the settings name: Elasticsearch when ELASTICSEARCH_URL is set,
    OpenSearch when OPENSEARCH_URL is, the embedded engine otherwise."""
    if settings.ELASTICSEARCH_URL:
        from .elastic import elasticsearch_engine

        return elasticsearch_engine(settings.ELASTICSEARCH_URL, index_prefix=settings.SEARCH_INDEX_PREFIX)
    if settings.OPENSEARCH_URL:
        from .elastic import opensearch_engine

        return opensearch_engine(settings.OPENSEARCH_URL, index_prefix=settings.SEARCH_INDEX_PREFIX)
    from .embedded import EmbeddedEngine

    return EmbeddedEngine(settings.SEARCH_EMBEDDED_DIR)
