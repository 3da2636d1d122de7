"""The idea a resident proposes to an idea box, with the extra fields the box asks for."""

import json

from django import forms
from django.conf import settings
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from portal.pages.taxonomy import area_of

from ..eligibility import FIELDS as ELIGIBILITY_FIELDS
from ..models.ideas import IdeaFieldKind
from ..models.translated import counterparts, labelled_options
from ..names import box_choices
from ..places import box_districts
from ..uploads import checked_pdf, sanitised_image
from .fields import NUMBER_LIMIT, CoordinateField, PlainTextField, SingleLineTextField
from .people import IDENTITY_FIELDS, ParticipantForm


class IdeaForm(ParticipantForm):
    """An idea for an idea box: what the box asks for, and who proposes it if not known yet."""

    title = SingleLineTextField(
        label=_("Title of your idea"),
        max_length=140,
        help_text=_("One short sentence, 140 characters at most."),
    )
    description = PlainTextField(
        label=_("Describe your idea"),
        max_length=5000,
        help_text=_("What you propose, where, and why. 5,000 characters at most."),
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    theme = forms.TypedChoiceField(label=_("Theme"), coerce=int)
    district = forms.TypedChoiceField(label=_("District"), coerce=int, required=False)
    place = SingleLineTextField(
        label=_("Place (optional)"),
        max_length=200,
        required=False,
        help_text=_("An address or a landmark, e.g. “Square of the old market”."),
    )
    # Filled by the map (js/maps.js); without it, the place typed is looked up.
    latitude = CoordinateField(limit=90)
    longitude = CoordinateField(limit=180)
    image = forms.FileField(
        label=_("Image (optional)"),
        required=False,
        help_text=_(
            "JPEG, PNG or WebP, %(size)s MB at most. Its hidden data, such as the GPS "
            "position, is removed."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    image_alt = SingleLineTextField(
        label=_("What the image shows"),
        max_length=200,
        required=False,
        help_text=_("Required with an image: it is read to people who cannot see it."),
    )
    attachment = forms.FileField(
        label=_("PDF document (optional)"),
        required=False,
        help_text=_("A plan or a detailed proposal, %(size)s MB at most."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
    )

    def __init__(self, *args, box, **kwargs):
        """`box` may be a translation: it words the extra fields; the idea goes to its original
        (models/translated.py), whose settings, themes and districts the form offers."""
        super().__init__(*args, **kwargs)
        words, box = box, box.original
        self.box = box
        themes, districts = box_choices(box)
        self._offer("theme", themes, required=True, empty=_("Choose a theme"))
        self._offer("district", districts, required=False, empty=_("No district in particular"))
        if not box.accepts_image:
            del self.fields["image"], self.fields["image_alt"]
        else:
            self.fields["image"].help_text %= {"size": settings.PARTICIPATION_IMAGE_MAX_MB}
        if not box.accepts_attachment:
            del self.fields["attachment"]
        else:
            self.fields["attachment"].help_text %= {
                "size": settings.PARTICIPATION_ATTACHMENT_MAX_MB
            }
        if not box.accepts_location:
            del self.fields["place"], self.fields["latitude"], self.fields["longitude"]
        pairs = counterparts(
            words.extra_fields.all() if words is not box else [], box.extra_fields.all()
        )
        self.extra_fields = [field for _words, field in pairs]
        for field_words, field in pairs:
            self.fields[field.key] = extra_form_field(field, field_words)
        # Identity last, just before the privacy notice and the button.
        self.order_fields(
            [
                "title",
                "description",
                "theme",
                "district",
                "place",
                "latitude",
                "longitude",
                "image",
                "image_alt",
                "attachment",
            ]
            + [field.key for field in self.extra_fields]
            + [*ELIGIBILITY_FIELDS, *IDENTITY_FIELDS, "website"]
        )

    def _offer(self, name, choices, *, required, empty):
        if not choices:
            del self.fields[name]
            return
        self.fields[name].choices = [("", empty), *choices]
        self.fields[name].required = required
        self.fields[name].empty_value = None

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        return sanitised_image(upload) if upload else None

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        return checked_pdf(upload) if upload else None

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("image") and not cleaned.get("image_alt"):
            self.add_error("image_alt", _("Say in a few words what the image shows."))
        if "place" in self.fields:
            self._check_point(cleaned)
        return cleaned

    @cached_property
    def map_area(self):
        """Where the map to pick a point opens: around the districts the idea may be in, as
        JSON [[south, west], [north, east]], or empty."""
        area = area_of(box_districts(self.box))
        return json.dumps(area) if area else ""

    def _check_point(self, cleaned):
        """A point is both coordinates or none; a hidden input's error is said next to the
        place, the field the resident sees."""
        broken = {"latitude", "longitude"} & set(self.errors)
        if not broken and (cleaned.get("latitude") is None) != (cleaned.get("longitude") is None):
            broken = {"latitude", "longitude"}
        if broken:
            for name in broken:
                self.errors.pop(name, None)
            cleaned["latitude"] = cleaned["longitude"] = None
            self.add_error(
                "place",
                _(
                    "The pin on the map could not be read: place it again, or type the place "
                    "without the map."
                ),
            )

    def idea_fields(self):
        """The values `services.submit_idea` stores."""
        data = self.cleaned_data
        fields = {"title": data["title"], "description": data["description"]}
        if data.get("theme"):
            fields["theme"] = self.box.themes.get(pk=data["theme"])
        if data.get("district"):
            fields["district"] = self.box.districts.get(pk=data["district"])
        for name in ("place", "image", "image_alt", "attachment"):
            if data.get(name):
                fields[name] = data[name]
        for name in ("latitude", "longitude"):
            if data.get(name) is not None:
                fields[name] = data[name]
        fields["extra"] = {
            field.key: data[field.key]
            for field in self.extra_fields
            if data.get(field.key) not in (None, "")
        }
        return fields


def extra_form_field(field, words=None):
    """The form field for an extra field an editor added to an idea box, worded as `words`
    (its translation) words it; an option chosen is the original's wording."""
    words = words or field
    common = {"label": words.label, "help_text": words.help_text, "required": field.required}
    if field.kind == IdeaFieldKind.CHECKBOX:
        return forms.BooleanField(**common)
    if field.kind == IdeaFieldKind.CHOICE:
        empty = [("", _("Choose"))] if not field.required else [("", "—")]
        return forms.ChoiceField(
            choices=empty + labelled_options(words.options, field.options), **common
        )
    if field.kind == IdeaFieldKind.NUMBER:
        return forms.FloatField(min_value=-NUMBER_LIMIT, max_value=NUMBER_LIMIT, **common)
    return PlainTextField(max_length=500, **common)
