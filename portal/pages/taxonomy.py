"""Records editors manage once and reuse across the site: themes, districts, organisers."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


class TaxonomyQuerySet(models.QuerySet):
    def in_locale(self, locale):
        return self.filter(locale=locale).order_by("name")


class Taxonomy(TranslatableMixin, index.Indexed, models.Model):
    """A named category with a stable slug, translatable with wagtail-localize."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        help_text=_("Used in filter addresses, e.g. ?theme=mobility. Lower case, no spaces."),
    )

    objects = TaxonomyQuerySet.as_manager()
    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        """The slug is unique per language; the admin form has no locale field to check it."""
        super().clean()
        taken = type(self).objects.filter(locale_id=self.locale_id, slug=self.slug)
        if self.locale_id and taken.exclude(pk=self.pk).exists():
            raise ValidationError({"slug": _("This slug is already used in this language.")})


class Theme(Taxonomy):
    """What a consultation or an event is about: mobility, green spaces, youth…"""

    class Meta(Taxonomy.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_theme_slug_per_locale")
        ]


class District(Taxonomy):
    """Where it happens: a district of the town or a commune of the territory."""

    class Meta(Taxonomy.Meta):
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_district_slug_per_locale"
            )
        ]


class Organiser(index.Indexed, models.Model):
    """Who runs an event: a service of the authority or an association."""

    class Kind(models.TextChoices):
        SERVICE = "service", _("service of the authority")
        ASSOCIATION = "association", _("association")

    name = models.CharField(_("name"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.SERVICE)
    description = models.TextField(_("description"), blank=True, max_length=600)
    website = models.URLField(_("website"), blank=True)
    trusted = models.BooleanField(
        _("trusted"),
        default=False,
        help_text=_(
            "Events its confirmed contact proposes are published without moderation. "
            "Moderators grant this when they approve one of its events."
        ),
    )
    # The resident (a confirmed address) who proposes this organiser's events. Never shown:
    # trust is granted to this person, so that typing a trusted name proves nothing.
    contact = models.ForeignKey(
        "participation.Participant",
        verbose_name=_("contact"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="organisers",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("website"),
        # Trust lets events skip moderation: moderators grant it, and only they may revoke it.
        FieldPanel("trusted", permission="proposals.change_eventproposal"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organiser")
        verbose_name_plural = _("organisers")

    def __str__(self):
        return self.name
