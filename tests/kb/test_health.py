"""/healthz and /readyz: what a load balancer polls."""

from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from search.tasks import sync_practices
from tests.helpers import ENGINES, engine_down, use_engine

pytestmark = pytest.mark.django_db


def test_healthz_answers_without_touching_anything(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


@pytest.fixture(params=ENGINES)
def site_engine(request, settings, tmp_path):
    remove = use_engine(request.param, settings, tmp_path / "search-index")
    yield request.param
    remove()


def test_readyz_reports_database_search_and_queue(client, site_engine):
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ready"
    assert body["checks"]["database"]["ok"] and body["checks"]["search"]["ok"]
    assert body["checks"]["search"]["engine"] == site_engine
    assert body["checks"]["queue"]["ok"] and body["checks"]["queue"]["waiting"] >= 0


def test_readyz_is_503_when_the_search_engine_is_down(client, site_engine, settings, tmp_path):
    with engine_down(site_engine, settings, tmp_path):
        response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"]["search"] == {**body["checks"]["search"], "ok": False, "error": "the search engine does not answer"}
    assert body["checks"]["database"]["ok"]
    # No address, path or key of the set-up in what anyone may poll.
    text = response.content.decode()
    for secret in (django_settings.SECRET_KEY, str(tmp_path), "127.0.0.1"):
        assert secret not in text


def test_readyz_gives_the_age_of_the_oldest_waiting_task(client):
    sync_practices.enqueue([1])
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=10))
    queue = client.get("/readyz").json()["checks"]["queue"]
    assert queue["waiting"] >= 1
    assert 590 <= queue["oldest_waiting_seconds"] <= 700
