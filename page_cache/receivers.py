"""What drops the cached pages: any saved or deleted row of the content apps (pages and
their translations, cities, organisations, topics, images, documents, redirects, sites),
and Wagtail's publish, unpublish and move. The search index's writers call
generation.invalidate themselves (search results and facets come from the index)."""

from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from .generation import invalidate


def _content_changed(sender, **kwargs):
    if sender._meta.app_label in settings.PAGE_CACHE_CONTENT_APPS:
        invalidate()


def _page_changed(sender, **kwargs):
    invalidate()


def connect():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_content_changed, dispatch_uid=f"page_cache.{signal!r}")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_page_changed, dispatch_uid=f"page_cache.page.{signal!r}")
