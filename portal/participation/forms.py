"""Public participation forms: the minimum asked, clear errors, protection against abuse."""

import re
from collections import namedtuple
from datetime import date

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorDict
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from portal.pages.taxonomy import District

from .models.ideas import IdeaFieldKind
from .models.surveys import CHOICE_KINDS, QuestionKind
from .services import Other
from .uploads import checked_pdf, sanitised_image

HONEYPOT = "website"


def captcha_field():
    """reCAPTCHA as configured: "v3" (invisible), "v2" (checkbox) or "off" (dev and tests)."""
    from django_recaptcha.fields import ReCaptchaField
    from django_recaptcha.widgets import ReCaptchaV2Checkbox, ReCaptchaV3

    # The page's script (portal/static/js/captcha.js) reads what it needs from the field.
    if settings.PARTICIPATION_CAPTCHA == "v2":
        widget = ReCaptchaV2Checkbox(attrs={"data-callback": "portalCaptchaSolved"})
    else:
        widget = ReCaptchaV3(action="participate", attrs={"data-action": "participate"})
    return ReCaptchaField(widget=widget, label=_("Anti-spam check"))


class ProtectedForm(forms.Form):
    """A honeypot field robots fill in and people never see, and a captcha when enabled.

    Browsers never send a file back with a form: when the form has errors, each file the
    person had chosen is named next to its field, to be chosen again.
    """

    # Out of sight and out of the tab order; only robots that fill every field see it.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if settings.PARTICIPATION_CAPTCHA != "off":
            self.fields["captcha"] = captcha_field()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(HONEYPOT):
            raise ValidationError(
                _("Your contribution could not be accepted. Please try again."), code="spam"
            )
        return cleaned

    def full_clean(self):
        super().full_clean()
        if self.is_bound and self._errors:
            self.ask_for_files_again()

    def ask_for_files_again(self):
        for name, field in self.fields.items():
            upload = self.files.get(self.add_prefix(name))
            if isinstance(field, forms.FileField) and upload and name not in self._errors:
                self.add_error(
                    name,
                    _("Choose “%(file)s” again: a file is not kept when the form has errors.")
                    % {"file": upload.name[:80]},
                )


def refuse(form, message):
    """`form`, bound, with `message` at its top, without validating it: nothing costly runs
    (the captcha's request to Google, reading uploads) and what was typed is shown again."""
    form._errors = ErrorDict()
    form.cleaned_data = {}
    form.add_error(None, message)
    form.ask_for_files_again()
    return form


class AddressField(forms.EmailField):
    """An e-mail address as it is stored: in lower case, and no longer than the column once
    lowered (a few letters, such as "İ", lower to two characters)."""

    def to_python(self, value):
        return super().to_python(value).lower()


class ParticipantForm(ProtectedForm):
    """Who is taking part: an address to confirm, an optional public name, a consent."""

    email = AddressField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("We send you a link to confirm it. It is never shown on the site."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    display_name = forms.CharField(
        label=_("Public name (optional)"),
        required=False,
        max_length=60,
        help_text=_("Shown with your public contributions. Leave empty to stay anonymous."),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )
    wants_results = forms.BooleanField(
        label=_("Tell me by e-mail when the results are published"), required=False
    )
    field_order = ["email", "display_name", "wants_results", "website"]

    def clean_display_name(self):
        name = " ".join(self.cleaned_data["display_name"].split())
        if any(character in name for character in "<>{}[]\\/"):
            raise ValidationError(
                _("Use letters, digits, spaces, hyphens and apostrophes only."), code="invalid"
            )
        return name


class NewLinkForm(ProtectedForm):
    email = AddressField(
        label=_("Your e-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


TAG = re.compile(r"<\s*/?\s*[a-zA-Z!?][^>]*>")
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def plain_text(value):
    """Text as a resident typed it, without control characters; HTML tags are refused."""
    value = CONTROL_CHARACTERS.sub("", value).strip()
    if TAG.search(value):
        raise ValidationError(
            _("HTML tags are not accepted: please write plain text."), code="html"
        )
    return value


def localized_choices(items):
    """(pk, name) of taxonomy items, named in the visitor's language when translated."""
    items = list(items)
    translated = (
        {
            item.translation_key: item.name
            for item in type(items[0])
            .objects.filter(
                translation_key__in=[item.translation_key for item in items],
                locale=Locale.get_active(),
            )
            .only("translation_key", "name")
        }
        if items
        else {}
    )
    choices = [(str(item.pk), translated.get(item.translation_key, item.name)) for item in items]
    return sorted(choices, key=lambda choice: choice[1])


class PlainTextField(forms.CharField):
    """A text field that keeps plain text only (see `plain_text`)."""

    def clean(self, value):
        return plain_text(super().clean(value))


# Control characters other than whitespace: C0, DEL and C1 (str.split() takes the rest).
NON_SPACE_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")


class SingleLineTextField(PlainTextField):
    """Plain text on one line: a title, a name, a place.

    It reappears where a line break does harm (an e-mail's subject, a calendar's summary, a
    heading), so every run of whitespace, line breaks and tabs included, becomes one space;
    any other control character is refused, since no keyboard types one.
    """

    def to_python(self, value):
        return " ".join(super().to_python(value).split())

    def validate(self, value):
        super().validate(value)
        if NON_SPACE_CONTROL.search(value):
            raise ValidationError(
                _("This text holds invisible control characters: type it rather than paste it."),
                code="control_character",
            )


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

    def __init__(self, *args, box, ask_identity, **kwargs):
        super().__init__(*args, **kwargs)
        self.box = box
        if not ask_identity:
            for name in ("email", "display_name", "wants_results"):
                del self.fields[name]
        self._offer("theme", box.themes.all(), required=True, empty=_("Choose a theme"))
        self._offer(
            "district", box.districts.all(), required=False, empty=_("No district in particular")
        )
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
            del self.fields["place"]
        self.extra_fields = list(box.extra_fields.all())
        for field in self.extra_fields:
            self.fields[field.key] = extra_form_field(field)
        # Identity last, just before the privacy notice and the button.
        self.order_fields(
            [
                "title",
                "description",
                "theme",
                "district",
                "place",
                "image",
                "image_alt",
                "attachment",
            ]
            + [field.key for field in self.extra_fields]
            + ["email", "display_name", "wants_results", "website"]
        )

    def _offer(self, name, items, *, required, empty):
        choices = localized_choices(items)
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
        return cleaned

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
        fields["extra"] = {
            field.key: data[field.key]
            for field in self.extra_fields
            if data.get(field.key) not in (None, "")
        }
        return fields


OTHER = "__other__"  # the value of the "Other" option; options are editors' text, never this
EARLIEST_DATE, LATEST_DATE = date(1900, 1, 1), date(2100, 12, 31)
NUMBER_LIMIT = 1e12


def extra_form_field(field):
    """The form field for an extra field an editor added to an idea box."""
    common = {"label": field.label, "help_text": field.help_text, "required": field.required}
    if field.kind == IdeaFieldKind.CHECKBOX:
        return forms.BooleanField(**common)
    if field.kind == IdeaFieldKind.CHOICE:
        empty = [("", _("Choose"))] if not field.required else [("", "—")]
        return forms.ChoiceField(
            choices=empty + [(option, option) for option in field.options], **common
        )
    if field.kind == IdeaFieldKind.NUMBER:
        return forms.FloatField(min_value=-NUMBER_LIMIT, max_value=NUMBER_LIMIT, **common)
    return PlainTextField(max_length=500, **common)


# Surveys

CHOICE_ERRORS = {"invalid_choice": _("Choose one of the options offered.")}

QuestionField = namedtuple("QuestionField", "question field other")


def plausible_date(value):
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise ValidationError(
            _("Enter a date between %(first)s and %(last)s.")
            % {"first": EARLIEST_DATE.year, "last": LATEST_DATE.year},
            code="out_of_range",
        )


def question_field(question):
    """The form field that asks one survey question; what it accepts depends on its kind."""
    label = question.label
    if not question.required:
        label = _("%(label)s (optional)") % {"label": label}
    common = {
        "label": label,
        "help_text": question.help_text,
        "required": question.required,
    }
    kind = question.kind
    if kind == QuestionKind.SHORT_TEXT:
        return PlainTextField(max_length=300, **common)
    if kind == QuestionKind.LONG_TEXT:
        return PlainTextField(max_length=5000, widget=forms.Textarea(attrs={"rows": 5}), **common)
    if kind in CHOICE_KINDS:
        choices = [(option, option) for option in question.options]
        if question.allow_other:
            choices.append((OTHER, _("Other")))
        if kind == QuestionKind.SINGLE_CHOICE:
            return forms.ChoiceField(
                choices=choices, widget=forms.RadioSelect, error_messages=CHOICE_ERRORS, **common
            )
        return forms.MultipleChoiceField(
            choices=choices,
            widget=forms.CheckboxSelectMultiple,
            error_messages=CHOICE_ERRORS,
            **common,
        )
    if kind == QuestionKind.SCALE:
        return forms.TypedChoiceField(
            choices=[(step, str(step)) for step in range(1, question.scale_max + 1)],
            coerce=int,
            empty_value=None,
            widget=forms.RadioSelect,
            error_messages=CHOICE_ERRORS,
            **common,
        )
    if kind == QuestionKind.NUMBER:
        return forms.FloatField(
            min_value=-NUMBER_LIMIT if question.min_value is None else question.min_value,
            max_value=NUMBER_LIMIT if question.max_value is None else question.max_value,
            **common,
        )
    if kind == QuestionKind.DATE:
        return forms.DateField(
            widget=forms.DateInput(
                attrs={
                    "type": "date",
                    "min": EARLIEST_DATE.isoformat(),
                    "max": LATEST_DATE.isoformat(),
                },
                format="%Y-%m-%d",
            ),
            validators=[plausible_date],
            **common,
        )
    if kind == QuestionKind.DISTRICT:
        return forms.ModelChoiceField(
            queryset=District.objects.filter(locale=Locale.get_active()),
            empty_label=_("Choose a district"),
            error_messages=CHOICE_ERRORS,
            **common,
        )
    raise ValueError(f"Unknown question kind: {kind}")


class SurveyForm(ParticipantForm):
    """A survey's questions, one field each (`q<pk>`, and `q<pk>-other` for "Other").

    Who answers is asked too, unless the survey is anonymous or the person is known already.
    """

    def __init__(self, *args, survey, ask_identity, **kwargs):
        super().__init__(*args, **kwargs)
        if not ask_identity:
            for name in ("email", "display_name", "wants_results"):
                del self.fields[name]
        self.questions = list(survey.questions.all())
        names = []
        for question in self.questions:
            name = f"q{question.pk}"
            self.fields[name] = question_field(question)
            names.append(name)
            if self._offers_other(question):
                self.fields[f"{name}-other"] = PlainTextField(
                    label=_("Other, please specify"), max_length=300, required=False
                )
                names.append(f"{name}-other")
        self.order_fields([*names, "email", "display_name", "wants_results", "website"])

    @staticmethod
    def _offers_other(question):
        return question.kind in CHOICE_KINDS and question.allow_other

    def question_fields(self):
        """Each question with its bound field and its "Other" field, for the template."""
        return [
            QuestionField(
                question,
                self[f"q{question.pk}"],
                self[f"q{question.pk}-other"] if self._offers_other(question) else None,
            )
            for question in self.questions
        ]

    def _chosen(self, question):
        """The options chosen, each once: a forged form repeating one must not count it twice."""
        value = self.cleaned_data.get(f"q{question.pk}")
        return list(dict.fromkeys(value)) if isinstance(value, list) else [value]

    def clean(self):
        cleaned = super().clean()
        for question in filter(self._offers_other, self.questions):
            if OTHER in self._chosen(question) and not cleaned.get(f"q{question.pk}-other"):
                self.add_error(f"q{question.pk}-other", _("You chose “Other”: please say what."))
        return cleaned

    def answers(self):
        """The answers given, as `services.answer_survey` takes them; blank ones are left out.

        A district is stored by its name in the site's main language, so that its results
        add up whatever language residents answered in.
        """
        answers = {}
        for question in self.questions:
            value = self.cleaned_data.get(f"q{question.pk}")
            if value in (None, "", []):
                continue
            if question.kind in CHOICE_KINDS:
                other = self.cleaned_data.get(f"q{question.pk}-other", "")
                value = [Other(other) if item == OTHER else item for item in self._chosen(question)]
            elif question.kind == QuestionKind.DISTRICT:
                value = (value.get_translation_or_none(Locale.get_default()) or value).name
            answers[question] = value
        return answers
