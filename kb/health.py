"""Health endpoints for load balancers and monitoring: machine-readable, no secrets,
cheap enough to poll every second.

/healthz: the process answers (nothing else is touched).
/readyz: the database answers, the search engine answers, and the task queue's backlog
(how many tasks wait, and how long the oldest has waited). 503 when the database or the
search engine does not answer; a backlog is reported, not a failure (publishing goes on,
updates wait in the queue).
"""

import logging
import time

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_tasks_db.models import DBTaskResult

from search.service import engine_status

logger = logging.getLogger(__name__)


@never_cache
@require_GET
def healthz(request):
    return JsonResponse({"status": "ok"})


def _timed(check):
    started = time.perf_counter()
    result = check()
    result["ms"] = round((time.perf_counter() - started) * 1000, 1)
    return result


def _database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("readiness: the database does not answer")
        return {"ok": False, "error": "the database does not answer"}
    return {"ok": True}


def _search():
    name, error = engine_status()
    return {"ok": error is None, "engine": name, **({"error": error} if error else {})}


def _queue():
    try:
        ready = DBTaskResult.objects.ready()
        count = ready.count()
        oldest = ready.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    except DatabaseError:
        return {"ok": False, "error": "the task queue cannot be read"}
    age = round((timezone.now() - oldest).total_seconds()) if oldest else 0
    return {"ok": True, "waiting": count, "oldest_waiting_seconds": age}


@never_cache
@require_GET
def readyz(request):
    checks = {"database": _timed(_database)}
    checks["search"] = _timed(_search)
    checks["queue"] = _timed(_queue) if checks["database"]["ok"] else {"ok": False, "error": "no database"}
    ready = checks["database"]["ok"] and checks["search"]["ok"]
    return JsonResponse({"status": "ready" if ready else "unavailable", "checks": checks}, status=200 if ready else 503)
