"""Which cached pages are current: one generation token for the whole site.

Every stored page carries the generation it was rendered in; changing the token makes
every page stored before unreachable at once, in every process that shares the cache
(the app server's workers, the task worker that updates the search index, management
commands). Content changes are rare next to reads, and a page shows many entries (lists,
counts, facets, related entries, translations): dropping everything on any change is the
only rule that cannot miss a page. A token lost from the cache counts as a new one.
"""

import uuid

from django.conf import settings
from django.core.cache import caches
from django.db import transaction

GENERATION_KEY = "page-cache:generation"


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def new_generation():
    token = uuid.uuid4().hex
    page_cache().set(GENERATION_KEY, token, None)
    return token


def invalidate():
    """Drop every cached page, now and again when the current transaction commits: a
    request that read the old rows between the two stores them under the first new token,
    and the second one drops them."""
    new_generation()
    transaction.on_commit(new_generation)
