"""Where an idea or a budget project is, as officers type it in the admin: a place (looked
up by the services when no coordinates are given, as for residents, `places.locate`) and
coordinates read off any map. A form mixin, for the paper entry, the reviews and the
projects entered or made of ideas."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .fields import CoordinateField, SingleLineTextField

PLACE_FIELDS = ("place", "latitude", "longitude")


class TypedCoordinateField(CoordinateField):
    """A coordinate an officer types: with a decimal comma, as French software writes it, or
    a point."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def to_python(self, value):
        return super().to_python(str(value or "").replace(",", "."))


class PlaceFields(forms.Form):
    """The place typed and the point; a point is both coordinates or none."""

    place = SingleLineTextField(
        label=_("Place"),
        max_length=200,
        required=False,
        help_text=_(
            "An address or a landmark. Without coordinates, the address is looked up on the "
            "map; with a point and no district chosen, the district is the one holding it."
        ),
    )
    latitude = TypedCoordinateField(
        limit=90, label=_("Latitude"), help_text=_("In decimal degrees, e.g. 48.856614.")
    )
    longitude = TypedCoordinateField(
        limit=180, label=_("Longitude"), help_text=_("In decimal degrees, e.g. 2.352222.")
    )

    def clean(self):
        cleaned = super().clean()
        latitude, longitude = cleaned.get("latitude"), cleaned.get("longitude")
        if not {"latitude", "longitude"} & set(self.errors) and (latitude is None) != (
            longitude is None
        ):
            missing = "latitude" if latitude is None else "longitude"
            self.add_error(missing, _("Give both coordinates, or neither."))
        return cleaned
