"""Background work of reports, run by Django's task workers (settings.TASKS)."""

from functools import partial

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from portal.core import page_cache
from portal.pages.models import RestitutionPage

from .models import RestitutionReport
from .restitution import render_report


@task()
def render_restitution_report(page_id):
    """Render a live restitution's PDF report and store it in place of the previous one."""
    page = RestitutionPage.objects.live().filter(pk=page_id).first()
    if page is None:
        return None
    report = make_report(page)
    return None if report is None else {"file": report.file.name, "pages": report.page_count}


def make_report(page):
    """Render the live `page` and keep its PDF; returns the RestitutionReport, or None when
    the page was published again meanwhile (that publication's own task renders it).

    The new file is written first, then swapped in with the row while the page is locked,
    so that two workers never keep the older rendering; the old file is deleted once the
    swap is committed. Rendering takes seconds: nothing is locked while it runs.
    """
    revision_id = page.live_revision_id
    report = render_report(page)
    field = RestitutionReport._meta.get_field("file")
    filename = f"{page.consultation.slug}-{page.slug}-{revision_id}.pdf"
    name = field.storage.save(
        field.generate_filename(None, filename),
        ContentFile(report.pdf),
        max_length=field.max_length,
    )
    with transaction.atomic():
        live = (
            RestitutionPage.objects.select_for_update()
            .filter(pk=page.pk, live=True)
            .values_list("live_revision_id", flat=True)
            .first()
        )
        if live != revision_id:
            transaction.on_commit(lambda: field.storage.delete(name))
            return None
        stored = RestitutionReport.objects.filter(page_id=page.pk).first()
        old = stored.file.name if stored else ""
        stored = stored or RestitutionReport(page_id=page.pk)
        stored.file.name = name
        stored.revision_id = revision_id
        stored.page_count = report.pages
        stored.size = len(report.pdf)
        stored.language = page.locale.language_code
        stored.rendered_at = timezone.now()
        stored.save()
        if old and old != name:
            transaction.on_commit(lambda: field.storage.delete(old))
        # Cached copies of the page were made without the link to the report.
        transaction.on_commit(page_cache.invalidate)
    return stored


def render_on_publish(sender, instance, **kwargs):
    """`page_published` receiver for restitutions: render the report in the background, once
    the publication (and the participation data frozen with it) is committed."""
    page_id = instance.pk
    transaction.on_commit(lambda: render_restitution_report.enqueue(page_id))


def render_for_new_address(sender, **kwargs):
    """`public_address_changed` receiver: stored reports link to the old address (their cover,
    every idea of the annex), so each live restitution's report is rendered again."""
    live = RestitutionReport.objects.filter(page__live=True).values_list("page_id", flat=True)
    for page_id in live:
        transaction.on_commit(partial(render_restitution_report.enqueue, page_id))


def delete_on_unpublish(sender, instance, **kwargs):
    """`page_unpublished` receiver for restitutions: their report goes too, as its file would
    otherwise stay public in the storage."""
    RestitutionReport.objects.filter(page_id=instance.pk).delete()


def delete_file(sender, instance, **kwargs):
    """`post_delete` receiver: a deleted report (with its restitution) leaves no file behind."""
    name = instance.file.name
    if name:
        transaction.on_commit(lambda: instance.file.storage.delete(name))
