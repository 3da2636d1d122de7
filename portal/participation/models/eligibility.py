"""Who may take part in a consultation: residence, a declared minimum age, a register.

A rule belongs to one consultation, in every language (`eligibility.rule_for` finds it from
any translation), and every write of a contribution to that consultation is checked against
it (participation/eligibility.py). A contribution keeps only what the rule asked for: the
district chosen and that the age was declared; never a birth date, never the postal code.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page

# The longest reference a register holds; references are stored normalised (see
# `eligibility.normalise_reference`).
REFERENCE_MAX_LENGTH = 64


class EligibilityRule(models.Model):
    """Who may take part in a consultation: its ideas, supports, surveys and ballots."""

    consultation = models.OneToOneField(
        "pages.ConsultationPage",
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="eligibility",
        help_text=_("The rule applies to its pages in every language."),
    )
    residence_required = models.BooleanField(
        _("residents only"),
        default=True,
        help_text=_("Residents say which district or commune of the list they live in."),
    )
    districts = models.ManyToManyField(
        "pages.District",
        verbose_name=_("districts and communes accepted"),
        blank=True,
        related_name="+",
        help_text=_("Leave empty to accept every district and commune of the list."),
    )
    postcodes = models.CharField(
        _("postal codes accepted"),
        max_length=500,
        blank=True,
        help_text=_(
            "Separated by spaces or commas, e.g. “59000 59160”. Leave empty not to ask for a "
            "postal code."
        ),
    )
    minimum_age = models.PositiveSmallIntegerField(
        _("minimum age"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_(
            "Residents tick “I am N or older”: only that they declared it is kept, never a "
            "birth date. Leave empty for no minimum."
        ),
    )
    register_required = models.BooleanField(
        _("register of participants"),
        default=False,
        help_text=_(
            "Residents type the reference the authority gave them; it must be on the register "
            "officers upload, and a reference votes once."
        ),
    )

    panels = [
        FieldPanel("consultation"),
        MultiFieldPanel(
            [FieldPanel("residence_required"), FieldPanel("districts"), FieldPanel("postcodes")],
            heading=_("Residence"),
        ),
        FieldPanel("minimum_age"),
        FieldPanel("register_required"),
    ]

    class Meta:
        verbose_name = _("eligibility rule")
        verbose_name_plural = _("eligibility rules")

    def __str__(self):
        return str(self.consultation)

    def accepted_postcodes(self):
        """The postal codes accepted, normalised, in the order typed."""
        return list(dict.fromkeys(self.postcodes.replace(",", " ").upper().split()))

    def clean(self):
        super().clean()
        if self.consultation_id is None:
            return
        key = Page.objects.filter(pk=self.consultation_id).values("translation_key")
        taken = EligibilityRule.objects.filter(consultation__translation_key__in=key)
        if taken.exclude(pk=self.pk).exists():
            raise ValidationError(
                {
                    "consultation": _(
                        "This consultation already has an eligibility rule (in another "
                        "language, perhaps): change that one."
                    )
                }
            )


class RegisterEntry(models.Model):
    """One person on a consultation's register: the reference the authority gave them."""

    rule = models.ForeignKey(
        EligibilityRule,
        verbose_name=_("eligibility rule"),
        on_delete=models.CASCADE,
        related_name="register",
    )
    reference = models.CharField(_("reference"), max_length=REFERENCE_MAX_LENGTH)
    imported_at = models.DateTimeField(_("imported on"), default=timezone.now)

    class Meta:
        verbose_name = _("register entry")
        verbose_name_plural = _("register entries")
        constraints = [
            models.UniqueConstraint(fields=["rule", "reference"], name="one_entry_per_reference")
        ]

    def __str__(self):
        return self.reference


class DeclaredEligibility(models.Model):
    """What a contribution keeps of its eligibility: the district of residence chosen and
    whether the minimum age was declared, when the rule asked for them; nothing else."""

    resident_district = models.ForeignKey(
        "pages.District",
        verbose_name=_("district of residence"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    age_declared = models.BooleanField(_("minimum age declared"), default=False, editable=False)

    class Meta:
        abstract = True
