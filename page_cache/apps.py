from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    """Whole pages as anonymous visitors see them, kept in a cache and dropped whenever the
    content or the search index changes (page_cache.middleware, page_cache.generation)."""

    name = "page_cache"
    label = "page_cache"
    verbose_name = _("Page cache")

    def ready(self):
        from . import receivers

        receivers.connect()
