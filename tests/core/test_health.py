"""The health endpoint a load balancer polls (core/health.py): OK while the database, the
cache, the media storage and the task queue work; 503 with no detail for the public when one
does not; the staff read which one and why."""

from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.core.test_cache_down import redis_down

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.django_db(transaction=True)
def test_all_well_says_ok_and_is_never_cached(client):
    response = client.get("/health/")
    assert (response.status_code, response.content) == (200, b"OK\n")
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db(transaction=True)
@redis_down
def test_the_cache_down_is_a_503_that_names_nothing_to_the_public(client):
    response = client.get("/health/")
    assert (response.status_code, response.content) == (503, b"Unavailable\n")


@pytest.mark.django_db(transaction=True)
@redis_down
def test_the_staff_read_which_part_failed(admin_client):
    response = admin_client.get("/health/", HTTP_ACCEPT="application/json")
    assert response.status_code == 500
    report = response.json()
    failed = {check for check, state in report.items() if state != "OK"}
    assert [check.split("(")[0] for check in failed] == ["Cache"]


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
    assert client.get("/health/").status_code == 200
    queue(timezone.now() - timedelta(minutes=30))
    assert client.get("/health/").status_code == 503
