"""The stored PDF report of each restitution, made in the background when it is published."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RestitutionReport(models.Model):
    """The PDF of a restitution's published version, kept in the default storage.

    One per restitution: a new publication renders a new file that replaces the old one. It
    records the revision it was made from, so the page links to it only while that revision
    is the live one (a newer publication is still being rendered).
    """

    page = models.OneToOneField(
        "pages.RestitutionPage",
        verbose_name=_("restitution"),
        on_delete=models.CASCADE,
        related_name="report",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("revision"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    file = models.FileField(_("file"), upload_to="reports/", max_length=255)
    page_count = models.PositiveIntegerField(_("pages"))
    size = models.PositiveIntegerField(_("size in bytes"))
    language = models.CharField(_("language"), max_length=16)
    rendered_at = models.DateTimeField(_("rendered at"))

    class Meta:
        verbose_name = _("restitution report")
        verbose_name_plural = _("restitution reports")

    def __str__(self):
        return self.file.name

    @classmethod
    def current(cls, page):
        """The report of the page's live revision, or None (not published, or being made)."""
        if page is None or not page.live or page.live_revision_id is None:
            return None
        return cls.objects.filter(page_id=page.pk, revision_id=page.live_revision_id).first()
