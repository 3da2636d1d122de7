"""Participants told that a consultation's results are out: once per restitution."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ResultsAnnouncement(models.Model):
    """The e-mails announcing a restitution were sent (or are being sent).

    A row of its own rather than a field of the page: page fields are restored from
    revisions when an editor republishes, and this must never be undone. Its one-to-one key
    is the claim: a second publication, or a second worker, cannot create it again.
    """

    restitution = models.OneToOneField(
        "pages.RestitutionPage",
        verbose_name=_("restitution"),
        on_delete=models.CASCADE,
        related_name="announcement",
    )
    sent_at = models.DateTimeField(_("sent at"))
    recipients = models.PositiveIntegerField(_("recipients"), default=0)

    class Meta:
        verbose_name = _("results announcement")
        verbose_name_plural = _("results announcements")

    def __str__(self):
        return f"{self.restitution_id}: {self.recipients}"
