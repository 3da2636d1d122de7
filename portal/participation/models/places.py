"""A point on the map (WGS 84) that ideas and budget projects carry: six decimals, about
ten centimetres, as event pages have it."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


def point_fields():
    """The latitude and longitude fields, both empty when there is no point."""
    return (
        models.DecimalField(
            _("latitude"),
            max_digits=9,
            decimal_places=6,
            null=True,
            blank=True,
            validators=[MinValueValidator(-90), MaxValueValidator(90)],
        ),
        models.DecimalField(
            _("longitude"),
            max_digits=9,
            decimal_places=6,
            null=True,
            blank=True,
            validators=[MinValueValidator(-180), MaxValueValidator(180)],
        ),
    )
