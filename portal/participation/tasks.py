"""Background work of participation, run by Django's task workers (settings.TASKS)."""

from django_tasks import task


@task()
def announce_results(restitution_id):
    """Tell the participants who asked for them that a consultation's results are out."""
    from portal.pages.models import RestitutionPage

    from .accountability import announce

    page = RestitutionPage.objects.live().filter(pk=restitution_id).first()
    return announce(page) if page is not None else 0
