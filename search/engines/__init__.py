"""Search engines behind one contract (search.engines.base.SearchEngine)."""

from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=1)
def get_engine():
    """The engine the settings name: Elasticsearch when ELASTICSEARCH_URL is set."""
    if settings.ELASTICSEARCH_URL:
        from .elastic import ElasticsearchEngine

        return ElasticsearchEngine(settings.ELASTICSEARCH_URL, index_prefix=settings.SEARCH_INDEX_PREFIX)
    from .embedded import EmbeddedEngine

    return EmbeddedEngine(settings.SEARCH_EMBEDDED_DIR)
