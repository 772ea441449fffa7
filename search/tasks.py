"""Background indexing through django-tasks' database backend (durable, retried).

An update that finds the engine down is queued again with a growing delay, up to an hour,
and never dropped: after ATTEMPTS_BEFORE_ALERT failures it keeps trying hourly, each
failure is logged as an error and the editors' dashboard says that search is behind
(search.wagtail_hooks), until the engine answers again.
"""

import logging
from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from page_cache.generation import invalidate as drop_cached_pages

from .engines import get_engine
from .engines.base import EngineUnavailable

logger = logging.getLogger(__name__)
# About six hours of retries (30 s doubling to an hour); then hourly, reported.
ATTEMPTS_BEFORE_ALERT = 12
MAX_DELAY = timedelta(hours=1)


def retry_delay(attempt):
    """30 s, 1 min, 2 min, ... up to an hour between attempts."""
    return min(timedelta(seconds=30 * 2 ** min(attempt - 1, 16)), MAX_DELAY)


def _retry_later(task_function, attempt, error, what, *args):
    delay = retry_delay(attempt)
    log = logger.error if attempt >= ATTEMPTS_BEFORE_ALERT else logger.warning
    log("search engine unavailable (%s); attempt %d for %s, next in %s", error, attempt, what, delay)
    task_function.using(run_after=timezone.now() + delay).enqueue(*args, attempt=attempt + 1)
    return {"retry": attempt + 1}


def sync_now(practice_ids):
    """Index the live entries whose originals are among these ids and remove the other ids
    (a translation's id is never a document's); raises EngineUnavailable."""
    from .documents import indexing_documents, practices_for_indexing

    documents = list(indexing_documents(practices_for_indexing().filter(pk__in=practice_ids)))
    live_ids = {document["id"] for document in documents}
    engine = get_engine()
    engine.index(documents)
    engine.delete([pk for pk in practice_ids if pk not in live_ids])
    drop_cached_pages()  # search pages and their facets come from the index
    return live_ids


@task()
def sync_practices(practice_ids, attempt=1):
    """Bring the index in line with the database for these practices.

    Live practices are (re)indexed with their current tags, partners and cities; the
    others (unpublished, deleted) are removed. When the engine is down the same update
    is queued again, so no update is lost.
    """
    try:
        live_ids = sync_now(practice_ids)
    except EngineUnavailable as error:
        return _retry_later(sync_practices, attempt, error, f"practices {practice_ids}", practice_ids)
    return {"indexed": sorted(live_ids), "removed": sorted(set(practice_ids) - live_ids)}


@task()
def sync_listing_pages(attempt=1):
    """Give the engine every live network, event and reference page (a few tens), again
    later while it is down."""
    from .listings import sync_listings

    try:
        return {"listings": sync_listings()}
    except EngineUnavailable as error:
        return _retry_later(sync_listing_pages, attempt, error, "the networks, events and references")


def indexing_backlog():
    """(updates waiting, the oldest one's enqueue time or None, the most attempts among them)
    for the editors' dashboard."""
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(
        status="READY", task_path__in=[sync_practices.module_path, sync_listing_pages.module_path]
    )
    oldest = waiting.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    attempts = max((row["kwargs"].get("attempt", 1) for row in waiting.values_list("args_kwargs", flat=True)), default=0)
    return waiting.count(), oldest, attempts
