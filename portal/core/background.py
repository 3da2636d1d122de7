"""Background work: tasks run by Django's task workers (settings.TASKS)."""

from django.utils import timezone


def enqueue_later(work, delay, *args):
    """Enqueue `work` to run `delay` from now where the backend can wait (the database one,
    in production); at once where it cannot (the immediate one)."""
    if work.get_backend().supports_defer:
        work = work.using(run_after=timezone.now() + delay)
    return work.enqueue(*args)
