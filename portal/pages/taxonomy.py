"""Records editors manage once and reuse across the site: themes, districts, organisers."""

import json

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from portal.core import geo


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


def _shapes(districts):
    """The boundaries of `districts` by translation key, read on their originals."""
    keys = {district.translation_key for district in districts}
    return dict(
        District.objects.filter(translation_key__in=keys, boundary__isnull=False).values_list(
            "translation_key", "boundary"
        )
    )


def area_of(districts):
    """[[south, west], [north, east]] around the boundaries of `districts`, or None: where
    a map of them opens."""
    shapes = list(_shapes(list(districts)).values())
    if not shapes:
        return None
    corners = [geo.bounds(shape) for shape in shapes]
    return [
        [min(c[1] for c in corners), min(c[0] for c in corners)],
        [max(c[3] for c in corners), max(c[2] for c in corners)],
    ]


def district_at(districts, latitude, longitude):
    """The first of `districts` whose boundary holds the point, or None. Two queries whatever
    their number: the districts, then their originals' boundaries (translations hold none)."""
    districts = list(districts)
    shapes = _shapes(districts)
    for district in districts:
        shape = shapes.get(district.translation_key)
        if shape and geo.contains(shape, latitude, longitude):
            return district
    return None


class BoundaryField(forms.CharField):
    """GeoJSON typed or pasted in the admin, read strictly (`core.geo.parse_boundary`)."""

    widget = forms.Textarea(attrs={"rows": 6, "spellcheck": "false"})

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            return geo.parse_boundary(value)
        except geo.BoundaryError as error:
            raise ValidationError(str(error), code="invalid") from error

    def prepare_value(self, value):
        if isinstance(value, dict):
            return json.dumps(value)
        return value


class DistrictForm(WagtailAdminModelForm):
    """The boundary typed as GeoJSON, or imported from a .geojson file that replaces it."""

    boundary = BoundaryField(
        label=_("boundary (GeoJSON)"),
        required=False,
        help_text=_(
            "A Polygon or MultiPolygon in WGS 84 (longitude first), or a Feature or a "
            "FeatureCollection of one feature holding one. Ideas and projects placed inside "
            "it are given this district when their author chose none."
        ),
    )
    boundary_file = forms.FileField(
        label=_("import a .geojson file"),
        required=False,
        help_text=_("Replaces the boundary above. 1 MB and 50,000 points at most."),
        widget=forms.ClearableFileInput(attrs={"accept": ".geojson,.json,application/geo+json"}),
    )

    def __init__(self, *args, **kwargs):
        """A translation shows no boundary: it shares its original's."""
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.instance.is_original:
            del self.fields["boundary"], self.fields["boundary_file"]

    def clean_boundary_file(self):
        upload = self.cleaned_data.get("boundary_file")
        if not upload:
            return None
        data = upload.read(geo.MAX_BOUNDARY_BYTES + 1)
        try:
            return geo.parse_boundary(data)
        except geo.BoundaryError as error:
            raise ValidationError(str(error), code="invalid") from error

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("boundary_file"):
            cleaned["boundary"] = cleaned["boundary_file"]
            self.instance.boundary = cleaned["boundary_file"]
        return cleaned


class District(Taxonomy):
    """Where it happens: a district of the town or a commune of the territory.

    Its boundary (GeoJSON, WGS 84) places ideas and projects by their point. Translations
    share the original's: it is no translatable field, a translation holds none (`save`), and
    `district_at` reads the original's.
    """

    boundary = models.JSONField(_("boundary (GeoJSON)"), null=True, blank=True)

    base_form_class = DistrictForm
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        MultiFieldPanel(
            [FieldPanel("boundary"), FieldPanel("boundary_file")], heading=_("Boundary")
        ),
    ]
    translatable_fields = [TranslatableField("name"), TranslatableField("slug")]

    class Meta(Taxonomy.Meta):
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_district_slug_per_locale"
            )
        ]

    def save(self, *args, **kwargs):
        """Only the original holds the boundary: `copy_for_translation` copies every field."""
        if self.boundary is not None and not self.is_original:
            self.boundary = None
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "boundary"}
        return super().save(*args, **kwargs)

    @property
    def is_original(self):
        earlier = District.objects.filter(translation_key=self.translation_key)
        if self.pk is not None:
            earlier = earlier.filter(pk__lt=self.pk)
        return not earlier.exists()

    @property
    def shape(self):
        """The boundary this district shares with its translations: its original's."""
        return (
            District.objects.filter(translation_key=self.translation_key)
            .order_by("pk")
            .values_list("boundary", flat=True)
            .first()
        )


class OrganiserQuerySet(models.QuerySet):
    def originals(self):
        """The first row of each translation group (its lowest id: translations are made
        from it), the one that holds trust."""
        first = Organiser.objects.filter(translation_key=OuterRef("translation_key"))
        return self.filter(pk=Subquery(first.order_by("pk").values("pk")[:1]))

    def named(self, name):
        """The organisers called `name` in any language and case: found under a translated
        name too, as associations may type it."""
        return self.filter(
            translation_key__in=Organiser.objects.filter(name__iexact=name).values(
                "translation_key"
            )
        )

    def in_default_locale(self):
        """The rows of the default language: the ones associations' proposals find and
        create, whatever language the proposal is in."""
        return self.filter(locale=Locale.get_default())


class Organiser(TranslatableMixin, index.Indexed, models.Model):
    """Who runs an event: a service of the authority or an association.

    Translatable with wagtail-localize: the name and description are translated, the kind,
    website and trust are the original's (see `save`). An event page points to one row;
    pages show the row of their own language (`in_locale`, `EventQuerySet.for_cards`).
    """

    class Kind(models.TextChoices):
        SERVICE = "service", _("service of the authority")
        ASSOCIATION = "association", _("association")

    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.SERVICE)
    description = models.TextField(_("description"), blank=True, max_length=600)
    website = models.URLField(_("website"), blank=True)
    trusted = models.BooleanField(
        _("trusted"),
        default=False,
        help_text=_(
            "Events its confirmed contact proposes are published without moderation. "
            "Moderators grant this when they approve one of its events. Only the organiser "
            "in its original language holds it; its translations follow it."
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

    objects = OrganiserQuerySet.as_manager()
    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("website"),
        # Trust lets events skip moderation: moderators grant it, and only they may revoke it.
        FieldPanel("trusted", permission="proposals.change_eventproposal"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("organiser")
        verbose_name_plural = _("organisers")
        constraints = [
            models.UniqueConstraint(fields=["locale", "name"], name="unique_organiser_per_locale")
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        """A translation never carries trust by itself: wagtail-localize and
        `copy_for_translation` copy every field, and a moderator may tick the box on any
        language version, but trust is granted to the original's contact and read there."""
        if (self.trusted or self.contact_id) and not self.is_original:
            self.trusted, self.contact = False, None
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "trusted", "contact"}
        return super().save(*args, **kwargs)

    def clean(self):
        """The name is unique per language; the admin form has no locale field to check it."""
        super().clean()
        taken = Organiser.objects.filter(locale_id=self.locale_id, name=self.name)
        if self.locale_id and taken.exclude(pk=self.pk).exists():
            raise ValidationError({"name": _("This name is already used in this language.")})

    @property
    def is_original(self):
        earlier = Organiser.objects.filter(translation_key=self.translation_key)
        if self.pk is not None:
            earlier = earlier.filter(pk__lt=self.pk)
        return not earlier.exists()

    @property
    def original(self):
        """The row that holds trust: this one, or the first of its translation group."""
        if self.is_original:
            return self
        return Organiser.objects.filter(translation_key=self.translation_key).order_by("pk")[0]

    def in_locale(self, locale_id):
        """This organiser as named in a language: its translation there, else itself."""
        if self.locale_id == locale_id:
            return self
        return self.get_translation_or_none(locale_id) or self
