"""The public form associations propose an event through, and update it with."""

from datetime import datetime, time, timedelta

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.pages.models import ConsultationPage, District, Theme
from portal.participation.forms import ParticipantForm, PlainTextField, SingleLineTextField
from portal.participation.uploads import sanitised_image

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"  # what a datetime-local input sends
HORIZON = timedelta(days=2 * 365)

# The form in groups, each a <fieldset> with its legend; fields absent from the form are skipped.
FIELDSETS = (
    (_("Organiser"), ("organiser_name",)),
    (
        _("Event"),
        (
            "title",
            "summary",
            "start",
            "end",
            "all_day",
            "free_entry",
            "registration_url",
            "themes",
            "districts",
            "consultation",
        ),
    ),
    (_("Place"), ("place_name", "address", "online_url")),
    (
        _("Accessibility"),
        ("step_free_access", "sign_language", "induction_loop", "accessibility_notes"),
    ),
    (_("Image"), ("image", "remove_image", "image_alt")),
    (_("Contact"), ("email",)),
)

PLACE_FIELDS = ("place_name", "address", "online_url")

# Stored as they are cleaned (the relations and the image are handed over separately).
EVENT_FIELDS = (
    "organiser_name",
    "title",
    "summary",
    "start",
    "end",
    "all_day",
    "free_entry",
    "registration_url",
    "consultation",
    "place_name",
    "address",
    "online_url",
    "step_free_access",
    "sign_language",
    "induction_loop",
    "accessibility_notes",
    "image_alt",
)


INPUT_FORMATS = [DATETIME_FORMAT, "%Y-%m-%dT%H:%M:%S"]


class LocalDateTimeInput(forms.DateTimeInput):
    """A datetime-local input. Browsers send nothing else than a valid value; a value it
    cannot hold (a forged request) is not written back, so that the page stays valid HTML."""

    input_type = "datetime-local"

    def format_value(self, value):
        value = super().format_value(value)
        if isinstance(value, str) and value and not readable(value):
            return None
        return value


def readable(text):
    for pattern in INPUT_FORMATS:
        try:
            datetime.strptime(text, pattern)
        except ValueError:
            continue
        return True
    return False


def datetime_field(label):
    return forms.DateTimeField(
        label=label,
        input_formats=INPUT_FORMATS,
        widget=LocalDateTimeInput(format=DATETIME_FORMAT),
    )


def whole_days(start, end):
    """An all-day event runs from midnight on its first day to the last second of its last."""
    zone = timezone.get_current_timezone()
    first = timezone.localtime(start, zone).date()
    last = timezone.localtime(end, zone).date()
    return (
        timezone.make_aware(datetime.combine(first, time.min), zone),
        timezone.make_aware(datetime.combine(last, time(23, 59, 59)), zone),
    )


class EventProposalForm(ParticipantForm):
    """An event for the agenda, and the address of the person proposing it.

    Without `ask_identity` (a browser that proved its address, or the follow link) no address
    is asked. With a `proposal`, it updates that proposal: its values fill the form in.
    Dates are read in the site's time zone (Europe/Paris).
    """

    organiser_name = SingleLineTextField(
        label=_("Name of your association"),
        max_length=120,
        help_text=_("As it should appear in the agenda."),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    title = SingleLineTextField(
        label=_("Title of the event"),
        max_length=140,
        help_text=_("One short sentence, 140 characters at most."),
    )
    summary = PlainTextField(
        label=_("What happens"),
        max_length=400,
        help_text=_("What the event is, for whom, and what to bring. 400 characters at most."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    start = datetime_field(_("Starts on"))
    end = datetime_field(_("Ends on"))
    all_day = forms.BooleanField(
        label=_("All day"),
        required=False,
        help_text=_("Only the dates are shown, not the times."),
    )
    free_entry = forms.BooleanField(
        label=_("Free entry, no registration needed"), required=False, initial=True
    )
    registration_url = forms.URLField(
        label=_("Registration link"),
        required=False,
        max_length=200,
        assume_scheme="https",
        help_text=_("Required unless entry is free without registration."),
    )
    themes = forms.TypedMultipleChoiceField(
        label=_("Themes (optional)"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    districts = forms.TypedMultipleChoiceField(
        label=_("Districts (optional)"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    consultation = forms.TypedChoiceField(
        label=_("Linked to a consultation (optional)"),
        coerce=int,
        required=False,
        empty_value=None,
    )
    place_name = SingleLineTextField(
        label=_("Name of the place"),
        max_length=120,
        required=False,
        help_text=_(
            "E.g. “Community centre of Les Tilleuls”. A place or an online link is needed."
        ),
    )
    address = SingleLineTextField(
        label=_("Address (optional)"),
        max_length=200,
        required=False,
    )
    online_url = forms.URLField(
        label=_("Online link (optional)"),
        required=False,
        max_length=200,
        assume_scheme="https",
        help_text=_("For an event that takes place online, or also online."),
    )
    step_free_access = forms.BooleanField(label=_("Step-free access"), required=False)
    sign_language = forms.BooleanField(label=_("French sign language interpreting"), required=False)
    induction_loop = forms.BooleanField(label=_("Induction loop"), required=False)
    accessibility_notes = PlainTextField(
        label=_("More on accessibility (optional)"),
        max_length=600,
        required=False,
        help_text=_("Nearest accessible transport, seating, large-print documents, contact…"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    image = forms.FileField(
        label=_("Image (optional)"),
        required=False,
        help_text=_(
            "JPEG, PNG or WebP, %(size)s MB at most. Its hidden data, such as the GPS "
            "position, is removed."
        ),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    remove_image = forms.BooleanField(label=_("Remove the current image"), required=False)
    image_alt = SingleLineTextField(
        label=_("What the image shows"),
        max_length=200,
        required=False,
        help_text=_("Required with an image: it is read to people who cannot see it."),
    )

    def __init__(self, *args, locale, ask_identity, proposal=None, **kwargs):
        if proposal is not None:
            kwargs.setdefault("initial", initial_values(proposal))
        super().__init__(*args, **kwargs)
        self.proposal = proposal
        # The error summary lists errors in the order of the fields: the order they are shown.
        self.order_fields([name for _legend, names in FIELDSETS for name in names])
        del self.fields["display_name"], self.fields["wants_results"]
        if not ask_identity:
            del self.fields["email"]
        if proposal is None or not proposal.image:
            del self.fields["remove_image"]
        self.fields["image"].help_text %= {"size": settings.PARTICIPATION_IMAGE_MAX_MB}
        consultations = ConsultationPage.objects.live().filter(locale=locale).order_by("title")
        self._offer("themes", Theme.objects.in_locale(locale))
        self._offer("districts", District.objects.in_locale(locale))
        self._offer("consultation", consultations.only("id", "title"), empty=_("None"))

    def _offer(self, name, items, empty=None):
        """Offer these items in the language of the agenda the event goes to; none, no field."""
        choices = [(str(item.pk), str(item)) for item in items]
        if not choices:
            del self.fields[name]
            return
        self.fields[name].choices = [("", empty), *choices] if empty else choices

    def fieldsets(self):
        """(legend, bound fields) of each group the form shows."""
        return [
            (legend, [self[name] for name in names if name in self.fields])
            for legend, names in FIELDSETS
            if any(name in self.fields for name in names)
        ]

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        return sanitised_image(upload) if upload else None

    def clean(self):
        """Cross-field rules; a field already in error (an invalid value) gets no second one."""
        cleaned = super().clean()
        self._clean_dates(cleaned)
        if not (cleaned.get("free_entry") or cleaned.get("registration_url")):
            self._missing(
                "registration_url",
                _("Give the registration link, or tick “free entry” if no registration is needed."),
            )
        if not any(cleaned.get(name) or name in self.errors for name in PLACE_FIELDS):
            self.add_error(
                "place_name", _("Say where the event takes place, or give its online link.")
            )
        kept_image = self.proposal is not None and self.proposal.image
        has_image = cleaned.get("image") or (kept_image and not cleaned.get("remove_image"))
        if has_image and not cleaned.get("image_alt"):
            self._missing("image_alt", _("Say in a few words what the image shows."))
        return cleaned

    def _missing(self, name, message):
        if name not in self.errors:
            self.add_error(name, message)

    def _clean_dates(self, cleaned):
        start, end = cleaned.get("start"), cleaned.get("end")
        if start is None or end is None:
            return
        if cleaned.get("all_day"):
            start, end = whole_days(start, end)
            cleaned["start"], cleaned["end"] = start, end
        now = timezone.now()
        if end <= start:
            self.add_error("end", _("The event must end after it starts."))
        elif end < now:
            self.add_error("end", _("This event is over: propose events to come."))
        elif start > now + HORIZON:
            self.add_error("start", _("Propose events of the next two years."))

    def proposal_fields(self):
        """What `services.submit_proposal` and `update_proposal` take."""
        data = self.cleaned_data
        fields = {name: data[name] for name in EVENT_FIELDS if name in data}
        fields["consultation"] = (
            ConsultationPage.objects.filter(pk=data["consultation"]).first()
            if data.get("consultation")
            else None
        )
        fields["themes"] = Theme.objects.filter(pk__in=data.get("themes", []))
        fields["districts"] = District.objects.filter(pk__in=data.get("districts", []))
        if data.get("image"):
            fields["image"] = data["image"]
        if data.get("remove_image"):
            fields["remove_image"] = True
        return fields


def initial_values(proposal):
    """The form filled in with a stored proposal, dates in local time."""
    values = {name: getattr(proposal, name) for name in EVENT_FIELDS if name != "consultation"}
    for name in ("start", "end"):
        values[name] = timezone.localtime(values[name])
    values["consultation"] = proposal.consultation_id
    values["themes"] = list(proposal.themes.values_list("pk", flat=True))
    values["districts"] = list(proposal.districts.values_list("pk", flat=True))
    return values
