"""Petitions (interpellations) with thresholds, and the supports they gather."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from portal.pages.phases import accepts_supports

from ..membership import check_consultation
from .eligibility import DeclaredEligibility
from .people import Participant
from .translated import TranslatedItem
from .window import OpeningWindow


class Petition(OpeningWindow, TranslatedItem, index.Indexed, ClusterableModel):
    """An interpellation residents support, with thresholds that trigger something; its
    translations share its supports (models/translated.py)."""

    closes_too_early = _("Supports must close after they open.")

    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("what is asked"), max_length=3000)
    opens_at = models.DateTimeField(_("supports open"), default=timezone.now)
    closes_at = models.DateTimeField(
        _("supports close"),
        null=True,
        blank=True,
        help_text=_("Leave empty to keep the petition open until you close it."),
    )
    consultation = models.ForeignKey(
        "pages.ConsultationPage",
        verbose_name=_("consultation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="petitions",
        help_text=_(
            "Its supports count in this consultation's figures, and are accepted only during "
            "the phases that allow them. Set by itself when a consultation page that embeds "
            "the petition is published."
        ),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        FieldPanel("consultation"),
        MultiFieldPanel([InlinePanel("thresholds", label=_("Threshold"))], heading=_("Thresholds")),
    ]
    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.SearchField("text"),
        index.FilterField("consultation"),
        index.FilterField("opens_at"),
        # The visitor's language (search/results.py).
        index.FilterField("locale"),
        index.FilterField("translation_key"),
        index.FilterField("translation_of"),
    ]

    class Meta(TranslatedItem.Meta):
        verbose_name = _("petition")
        verbose_name_plural = _("petitions")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        check_consultation(self)

    def is_open(self, now=None):
        now = now or timezone.now()
        if not super().is_open(now):
            return False
        return self.consultation_id is None or accepts_supports(
            self.consultation_id, timezone.localdate(now)
        )


class Threshold(TranslatableMixin, Orderable):
    """A number of supports and what happens when it is reached, e.g. 50 → mediation."""

    petition = ParentalKey(Petition, on_delete=models.CASCADE, related_name="thresholds")
    count = models.PositiveIntegerField(_("number of supports"))
    label = models.CharField(_("label"), max_length=120)
    consequence = models.CharField(
        _("what happens"),
        max_length=300,
        help_text=_("e.g. “The elected officials meet the petitioners in mediation.”"),
    )
    crossed_at = models.DateTimeField(_("reached on"), null=True, blank=True, editable=False)

    panels = [FieldPanel("count"), FieldPanel("label"), FieldPanel("consequence")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("threshold")
        verbose_name_plural = _("thresholds")
        constraints = [
            models.UniqueConstraint(fields=["petition", "count"], name="unique_threshold_count")
        ]

    def __str__(self):
        return f"{self.count} – {self.label}"


class Support(DeclaredEligibility):
    """One participant's support for one petition; the database refuses a second one.

    A support given in a name the browser has not proven waits on its confirmation link and
    counts once that link is used. Uniqueness holds among confirmed supports, so that nothing
    waiting in someone's name ever stands in the way of their own support.
    """

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="supports")
    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="supports")
    confirmed = models.BooleanField(default=False)
    confirmation = models.ForeignKey(
        "participation.Confirmation",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="supports",
        help_text=_("The link that makes it count, while it waits."),
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "petition"],
                condition=models.Q(confirmed=True),
                name="one_support_per_participant",
            ),
            models.UniqueConstraint(
                fields=["confirmation", "petition"], name="one_waiting_support_per_link"
            ),
        ]
        indexes = [models.Index(fields=["petition", "confirmed"])]

    def __str__(self):
        return f"{self.participant} → {self.petition}"
