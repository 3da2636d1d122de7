"""Residents who take part, known by a confirmed address and nothing else."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Participant(models.Model):
    """A resident known by a confirmed e-mail address; no password, no public identity.

    The e-mail address is never shown on the site; the display name is optional and public.
    """

    email = models.EmailField(_("e-mail address"), unique=True)
    display_name = models.CharField(
        _("public name"),
        max_length=60,
        blank=True,
        help_text=_("Optional; shown next to public contributions instead of the address."),
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    wants_results = models.BooleanField(
        _("wants to be told the results"),
        default=False,
        help_text=_("Given by the participant in a separate, unticked box."),
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        default="fr",
        help_text=_("The language of the site when they took part: e-mails are written in it."),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    erased_at = models.DateTimeField(
        _("anonymised at"),
        null=True,
        blank=True,
        help_text=_("Set when the retention period ended: no personal data is left."),
    )

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        # Answers given as confidential (survey questions, idea boxes' extra fields) are for
        # the roles that need them: moderators and administrators.
        permissions = [("view_confidential", _("Can read confidential answers"))]

    def __str__(self):
        return self.display_name or _("Participant %(number)s") % {"number": self.pk}

    # False for an instance named by an address typed in a form rather than by this browser's
    # session: whoever typed it has not proven they own it, so what they contribute waits for
    # the link sent to that address, even when the address was confirmed before.
    proven = True

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None

    @property
    def counts_now(self):
        """Whether a contribution made now counts at once, or waits for the e-mailed link."""
        return self.is_confirmed and self.proven
