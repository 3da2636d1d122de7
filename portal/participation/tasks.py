"""Background work of participation, run by Django's task workers (settings.TASKS)."""

from django.utils import timezone
from django_tasks import task

from .models import Idea


def enqueue_later(work, delay, *args):
    """Enqueue `work` to run `delay` from now where the backend can wait (the database one,
    in production); at once where it cannot (the immediate one)."""
    if work.get_backend().supports_defer:
        work = work.using(run_after=timezone.now() + delay)
    return work.enqueue(*args)


@task()
def notify_author(idea_id, notice_version):
    """Tell an idea's author where it stands now, unless a later change has its own notice
    coming (see services.tell_author). Returns whether an e-mail was sent."""
    from .services import notify_author  # services enqueue this task

    idea = (
        Idea.objects.filter(pk=idea_id, notice_version=notice_version)
        .select_related("participant", "box__consultation")
        .first()
    )
    if idea is None:  # changed again since, or deleted
        return False
    return notify_author(idea)


@task()
def announce_results(restitution_id):
    """Tell the participants who asked for them that a consultation's results are out."""
    from portal.pages.models import RestitutionPage

    from .accountability import announce

    page = RestitutionPage.objects.live().filter(pk=restitution_id).first()
    return announce(page) if page is not None else 0
