"""Keeps the search index in step with practices: publish, unpublish, move, delete, and
changes of the cities and organisations that practices show; and with the networks,
events and reference documents, given to the engine whole when one of them changes.

Updates are queued after the transaction commits, when tags, partners and cities are
in place; publishing never waits for, or fails because of, the search engine.
"""

import logging
import threading
from contextlib import contextmanager

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.signals import page_published, page_unpublished, post_page_move

from networks.models import INDEX_OF, EventPage, NetworkPage
from practices.models import City, Organisation, PracticePage

logger = logging.getLogger(__name__)
_bulk = threading.local()


@contextmanager
def indexed_in_bulk():
    """For bulk loads: collect the practices touched and index them once at the end,
    at once if the engine answers, through the queue otherwise."""
    if getattr(_bulk, "ids", None) is not None:
        yield
        return
    _bulk.ids, _bulk.listings = set(), False
    try:
        yield
        collected, listings = _bulk.ids, _bulk.listings
    finally:
        _bulk.ids = None
    from .engines.base import EngineUnavailable

    if collected:
        from .tasks import sync_now

        try:
            sync_now(sorted(collected))
        except EngineUnavailable:
            logger.warning("search engine unavailable after a bulk load: queueing the update")
            queue_sync(collected)
    if listings:
        from .listings import sync_listings

        try:
            sync_listings()
        except EngineUnavailable:
            logger.warning("search engine unavailable after a bulk load: queueing the listings")
            queue_listings_sync()


def queue_sync(practice_ids):
    practice_ids = sorted({int(pk) for pk in practice_ids})
    if not practice_ids:
        return
    if getattr(_bulk, "ids", None) is not None:
        _bulk.ids.update(practice_ids)
        return

    def enqueue():
        from .tasks import sync_practices

        sync_practices.enqueue(practice_ids)

    _enqueue_on_commit(enqueue, f"practices {practice_ids}")


def _enqueue_on_commit(enqueue, what):
    """Queue a task once the transaction commits; a failure to queue is reported and never
    breaks the editor's action (the queue is the database)."""

    def run():
        try:
            enqueue()
        except Exception:
            logger.exception("could not queue the search index update of %s", what)

    transaction.on_commit(run)


def _versions_of(page):
    """The page and every other version of its entry: an entry's document holds its
    original and its translation (search.documents)."""
    return [page.pk, *PracticePage.objects.filter(translation_key=page.translation_key).values_list("pk", flat=True)]


def _practice_changed(sender, instance, **kwargs):
    if isinstance(instance.specific, PracticePage):
        queue_sync(_versions_of(instance))


def _practice_deleted(sender, instance, **kwargs):
    queue_sync(_versions_of(instance))


def _practice_moved(sender, instance, **kwargs):
    if isinstance(instance.specific, PracticePage):
        queue_sync(_versions_of(instance))


def _city_saved(sender, instance, created, **kwargs):
    if not created:
        ids = PracticePage.objects.filter(city=instance).values_list("pk", flat=True)
        further = PracticePage.objects.filter(further_cities=instance).values_list("pk", flat=True)
        queue_sync([*ids, *further])


def _organisation_saved(sender, instance, created, **kwargs):
    if not created:
        queue_sync(instance.practice_roles.values_list("page_id", flat=True))


LISTED_PAGES = tuple(INDEX_OF)
# The pages whose links to practices are facets of the practices' documents (search.facets).
FACETED_PAGES = (NetworkPage, EventPage)


def queue_listings_sync():
    """The engine gets every listing again once the transaction commits."""
    if getattr(_bulk, "ids", None) is not None:
        _bulk.listings = True
        return

    def enqueue():
        from .tasks import sync_listing_pages

        sync_listing_pages.enqueue()

    _enqueue_on_commit(enqueue, "the networks, events and references")


def _listing_changed(sender, instance, **kwargs):
    page = instance.specific
    if isinstance(page, LISTED_PAGES):
        queue_listings_sync()
        if isinstance(page, FACETED_PAGES):
            queue_sync(_linked_practice_ids(page))


def _linked_practice_ids(page):
    """The practices the page lists now and in its revision before the newest: a publish
    that drops a practice must reindex it too."""
    ids = set(page.practices.values_list("pk", flat=True))
    for revision in page.revisions.order_by("-created_at", "-pk")[1:2]:
        ids.update(revision.content.get("practices") or [])
    return ids


def connect():
    page_published.connect(_practice_changed, sender=PracticePage, dispatch_uid="search-published")
    page_unpublished.connect(_practice_changed, sender=PracticePage, dispatch_uid="search-unpublished")
    post_page_move.connect(_practice_moved, dispatch_uid="search-moved")
    post_delete.connect(_practice_deleted, sender=PracticePage, dispatch_uid="search-deleted")
    post_save.connect(_city_saved, sender=City, dispatch_uid="search-city")
    post_save.connect(_organisation_saved, sender=Organisation, dispatch_uid="search-organisation")
    for model in LISTED_PAGES:
        label = model._meta.model_name
        page_published.connect(_listing_changed, sender=model, dispatch_uid=f"search-{label}-published")
        page_unpublished.connect(_listing_changed, sender=model, dispatch_uid=f"search-{label}-unpublished")
        # Before the deletion: the links to practices are gone after it.
        pre_delete.connect(_listing_changed, sender=model, dispatch_uid=f"search-{label}-deleted")
    post_page_move.connect(_listing_changed, dispatch_uid="search-listing-moved")
