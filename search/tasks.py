"""Background indexing through django-tasks' database backend (durable, retried)."""

import logging
from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from .engines import get_engine
from .engines.base import EngineUnavailable

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 12
MAX_DELAY = timedelta(hours=1)


def retry_delay(attempt):
    """30 s, 1 min, 2 min, ... up to an hour between attempts."""
    return min(timedelta(seconds=30 * 2 ** (attempt - 1)), MAX_DELAY)


def sync_now(practice_ids):
    """Index live practices among these ids and remove the others; raises EngineUnavailable."""
    from .documents import build_document, practices_for_indexing

    practices = list(practices_for_indexing().filter(pk__in=practice_ids))
    live_ids = {practice.pk for practice in practices}
    engine = get_engine()
    engine.index([build_document(practice) for practice in practices])
    engine.delete([pk for pk in practice_ids if pk not in live_ids])
    return live_ids


@task()
def sync_practices(practice_ids, attempt=1):
    """Bring the index in line with the database for these practices.

    Live practices are (re)indexed with their current tags, partners and cities; the
    others (unpublished, deleted) are removed. When the engine is down the same update
    is queued again with a growing delay, so no update is lost.
    """
    try:
        live_ids = sync_now(practice_ids)
    except EngineUnavailable as error:
        if attempt >= MAX_ATTEMPTS:
            logger.error("giving up indexing %s after %d attempts: %s (run search_index verify --fix)",
                         practice_ids, attempt, error)
            raise
        delay = retry_delay(attempt)
        logger.warning("search engine unavailable (%s); retrying %s in %s", error, practice_ids, delay)
        sync_practices.using(run_after=timezone.now() + delay).enqueue(practice_ids, attempt=attempt + 1)
        return {"retry": attempt + 1}
    return {"indexed": sorted(live_ids), "removed": sorted(set(practice_ids) - live_ids)}


@task()
def sync_listing_pages(attempt=1):
    """Give the engine every live network, event and reference page (a few tens), again
    later with a growing delay while it is down."""
    from .listings import sync_listings

    try:
        return {"listings": sync_listings()}
    except EngineUnavailable as error:
        if attempt >= MAX_ATTEMPTS:
            logger.error("giving up indexing the listings after %d attempts: %s (run search_index rebuild)", attempt, error)
            raise
        delay = retry_delay(attempt)
        logger.warning("search engine unavailable (%s); retrying the listings in %s", error, delay)
        sync_listing_pages.using(run_after=timezone.now() + delay).enqueue(attempt=attempt + 1)
        return {"retry": attempt + 1}
