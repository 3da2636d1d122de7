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

    # Set on an instance named by an address typed in a form rather than by this browser's
    # session: whoever typed it has not proven they own it, so what they contribute waits on
    # this Confirmation, even when the address was confirmed before.
    confirmation = None

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None

    @property
    def masked_email(self):
        """The address as its owner recognises it and a passer-by cannot read it
        ("n•••@example.org"): a browser signed in by someone else's link shows whose it is."""
        local, _at, domain = self.email.partition("@")
        return f"{local[:1]}•••@{domain}"

    @property
    def counts_now(self):
        """Whether a contribution made now counts at once, or waits for the e-mailed link."""
        return self.is_confirmed and self.confirmation is None


class Confirmation(models.Model):
    """A link e-mailed to an address to confirm what one browser contributed in its name.

    One per browser and address while it waits: it gathers that browser's contributions, and
    only opening this very link and pressing its button makes them count. What was typed with
    them (a public name, the wish to hear the results) applies then too. A link works once.
    """

    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="confirmations"
    )
    display_name = models.CharField(_("public name"), max_length=60, blank=True)
    wants_results = models.BooleanField(_("wants to be told the results"), default=False)
    language = models.CharField(_("language"), max_length=10, default="fr")
    next_url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    sent_at = models.DateTimeField(_("last sent at"), null=True, blank=True)
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)

    class Meta:
        verbose_name = _("confirmation link")
        verbose_name_plural = _("confirmation links")
        indexes = [models.Index(fields=["participant", "used_at"])]

    def __str__(self):
        return f"{self.participant_id} #{self.pk}"

    def is_usable(self, now=None):
        return self.used_at is None and (now or timezone.now()) < self.expires_at
