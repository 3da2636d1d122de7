"""What a load balancer and the operators' monitoring ask of each app server (django-health-check).

Both addresses check the database, the cache, the media storage and the task queue, and tell
the public one word; which part failed, and why, is for the staff (signed in) and the logs.

- `/health/`, for the load balancer: 503 "Unavailable" only when this server cannot serve, that
  is when it cannot reach the database. The cache, the bucket and the workers are shared by
  every server: when one of them fails, taking servers out of rotation would leave nobody to
  serve, while the site goes on without it (README, "Data"). That is 200 "Degraded".
- `/health/services/`, for monitoring: 503 "Unavailable" when any part fails.

The public's answer is kept for `HEALTH_CHECK_SECONDS` in each process: a probe writes to the
bucket, which nobody outside may make more often by asking again and again.
"""

import dataclasses
import datetime
import time

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from health_check.base import HealthCheck
from health_check.checks import Database
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView

DATABASE_TASKS = "django_tasks_db.DatabaseBackend"


@dataclasses.dataclass
class TaskQueue(HealthCheck):
    """Reports and e-mails wait no longer than `HEALTH_TASK_LAG_MINUTES` for a worker: a queue
    whose oldest task ready to run waits longer has no worker, or too few. Only the database
    backend queues (the others run tasks at once, or nowhere to look)."""

    def run(self):
        if settings.TASKS["default"]["BACKEND"] != DATABASE_TASKS:
            return
        from django_tasks_db.models import DBTaskResult

        oldest = DBTaskResult.objects.ready().order_by("run_after", "enqueued_at").first()
        if oldest is None:
            return
        lag = timezone.now() - max(oldest.enqueued_at, oldest.run_after)
        if lag > datetime.timedelta(minutes=settings.HEALTH_TASK_LAG_MINUTES):
            raise ServiceUnavailable(f"A task has waited {lag.total_seconds() // 60:.0f} min")


def verdict(results, *, every_service):
    """(word, status) for the public: see the module's docstring."""
    failed = [result for result in results if result.error]
    if not failed:
        return "OK", 200
    if every_service or any(isinstance(result.check, Database) for result in failed):
        return "Unavailable", 503
    return "Degraded", 200


class HealthView(HealthCheckView):
    checks = (
        "health_check.checks.Database",
        "health_check.checks.Cache",
        "health_check.checks.Storage",
        "portal.core.health.TaskQueue",
    )
    every_service = False  # True for monitoring (`/health/services/`)
    # This process's last results and when they were taken (`time.monotonic`).
    latest = (float("-inf"), ())

    async def get(self, request, *args, **kwargs):
        staff = (await request.auser()).is_staff
        taken, results = HealthView.latest
        if staff or time.monotonic() - taken >= settings.HEALTH_CHECK_SECONDS:
            response = await super().get(request, *args, **kwargs)  # runs the checks
            results = self.results
            HealthView.latest = (time.monotonic(), results)
            if staff:  # which check failed, and why: the library's report
                if response.status_code != 406:  # a format it does not write stays refused
                    response.status_code = verdict(results, every_service=self.every_service)[1]
                return response
        word, status = verdict(results, every_service=self.every_service)
        return HttpResponse(
            f"{word}\n", content_type="text/plain; charset=utf-8", status=status
        )  # never cached: `dispatch` says so
