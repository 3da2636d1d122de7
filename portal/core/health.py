"""What a load balancer asks of each app server: can it serve? (django-health-check)

`/health/` answers 200 "OK" when the database, the cache, the media storage and the task queue
work, 503 "Unavailable" otherwise, and nothing more to the public: which part failed, and why,
is for the staff (signed in) and the logs. Checks run at each request, never cached.
"""

import dataclasses
import datetime

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from health_check.base import HealthCheck
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


class HealthView(HealthCheckView):
    checks = (
        "health_check.checks.Database",
        "health_check.checks.Cache",
        "health_check.checks.Storage",
        "portal.core.health.TaskQueue",
    )

    async def get(self, request, *args, **kwargs):
        response = await super().get(request, *args, **kwargs)
        user = await request.auser()
        if user.is_staff:
            return response  # which check failed, and why: the library's report
        failed = response.status_code != 200
        return HttpResponse(
            "Unavailable\n" if failed else "OK\n",
            content_type="text/plain; charset=utf-8",
            status=503 if failed else 200,
        )  # never cached: `dispatch` says so
