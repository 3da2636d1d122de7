"""The health endpoints (core/health.py): `/health/` for the load balancer takes a server out
only when it cannot reach the database; `/health/services/` for monitoring fails when any part
does (the cache, the media storage, the task queue); the public reads one word, the staff which
part failed and why."""

from datetime import timedelta

import pytest
from django.db import OperationalError
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from health_check.checks import Database

from portal.core.health import HealthView
from tests.core.test_cache_down import redis_down

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def said(response):
    return response.status_code, response.content.decode()


@pytest.fixture(autouse=True)
def _no_earlier_answer():
    HealthView.latest = (float("-inf"), ())


@pytest.mark.django_db(transaction=True)
def test_all_well_says_ok_and_is_never_cached(client):
    for address in ("/health/", "/health/services/"):
        response = client.get(address)
        assert said(response) == (200, "OK\n")
        assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db(transaction=True)
@redis_down
def test_the_cache_down_keeps_servers_in_rotation_and_tells_monitoring(client):
    """Every server shares the cache: the load balancer keeps them all, the site serves
    uncached; monitoring hears of it. Neither names the part to the public."""
    assert said(client.get("/health/")) == (200, "Degraded\n")
    assert said(client.get("/health/services/")) == (503, "Unavailable\n")


@pytest.mark.django_db(transaction=True)
def test_a_server_that_cannot_reach_the_database_is_taken_out(client, monkeypatch):
    def refused(check):
        raise OperationalError("connection refused")

    monkeypatch.setattr(Database, "run", refused)
    assert said(client.get("/health/")) == (503, "Unavailable\n")
    assert said(client.get("/health/services/")) == (503, "Unavailable\n")


@pytest.mark.django_db(transaction=True)
@redis_down
def test_the_staff_read_which_part_failed(admin_client):
    response = admin_client.get("/health/services/", HTTP_ACCEPT="application/json")
    assert response.status_code == 503
    report = response.json()
    failed = {check for check, state in report.items() if state != "OK"}
    assert [check.split("(")[0] for check in failed] == ["Cache"]
    assert admin_client.get("/health/", HTTP_ACCEPT="application/json").status_code == 200


@pytest.mark.django_db(transaction=True)
@redis_down
@pytest.mark.parametrize("ask", ["?format=atom", "?format=rss", "?format=openmetrics", ""])
def test_the_public_reads_one_word_whatever_format_it_asks_for(client, ask):
    """The library answers some formats with 200 whatever the checks say: the word is ours."""
    for accept in ("application/rss+xml", "image/webp", "text/html"):
        response = client.get(f"/health/services/{ask}", HTTP_ACCEPT=accept)
        assert said(response) == (503, "Unavailable\n")


@pytest.mark.django_db(transaction=True)
def test_a_probe_plain_http_is_answered_where_pages_are_redirected_to_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/health/").status_code == 200
    assert client.get("/fr/").status_code == 301


@pytest.mark.django_db(transaction=True)
def test_each_process_answers_the_public_from_its_last_checks_for_a_few_seconds(
    client, settings, monkeypatch
):
    """Asking again and again makes no more writes to the bucket than one every few seconds."""
    runs = []
    monkeypatch.setattr(Database, "run", lambda check: runs.append(check))
    settings.HEALTH_CHECK_SECONDS = 5
    for _ in range(3):
        assert said(client.get("/health/")) == (200, "OK\n")
    assert len(runs) == 1
    settings.HEALTH_CHECK_SECONDS = 0
    client.get("/health/")
    assert len(runs) == 2


def queue(enqueued_at):
    task = DBTaskResult.objects.create(
        task_path="portal.participation.accountability.announce_results",
        args_kwargs={"args": [1], "kwargs": {}},
        backend_name="default",
        queue_name="default",
        run_after=enqueued_at,
    )
    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=enqueued_at)


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_QUEUE, HEALTH_TASK_LAG_MINUTES=10)
def test_a_task_left_waiting_means_no_worker(client):
    queue(timezone.now() - timedelta(minutes=2))
    assert said(client.get("/health/services/")) == (200, "OK\n")
    queue(timezone.now() - timedelta(minutes=30))
    assert said(client.get("/health/services/")) == (503, "Unavailable\n")
    assert said(client.get("/health/")) == (200, "Degraded\n")  # servers can still serve
