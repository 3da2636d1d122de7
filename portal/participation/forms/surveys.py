"""A survey's questions, one form field each, and who answers them."""

from collections import namedtuple
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from portal.pages.taxonomy import District
from portal.participation import services

from ..eligibility import FIELDS as ELIGIBILITY_FIELDS
from ..models.surveys import CHOICE_KINDS, QuestionKind
from ..models.translated import counterparts, labelled_options
from .fields import NUMBER_LIMIT, PlainTextField
from .people import IDENTITY_FIELDS, ParticipantForm

OTHER = "__other__"  # the value of the "Other" option; options are editors' text, never this
EARLIEST_DATE, LATEST_DATE = date(1900, 1, 1), date(2100, 12, 31)

CHOICE_ERRORS = {"invalid_choice": _("Choose one of the options offered.")}

QuestionField = namedtuple("QuestionField", "question field other")


def plausible_date(value):
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise ValidationError(
            _("Enter a date between %(first)s and %(last)s.")
            % {"first": EARLIEST_DATE.year, "last": LATEST_DATE.year},
            code="out_of_range",
        )


def question_field(question, words=None):
    """The form field that asks one survey question; what it accepts depends on its kind.

    `words`: the question as a translation words it (the original's wording otherwise); an
    option chosen is the original's wording whatever the language (models/translated.py).
    """
    words = words or question
    label = words.label
    if not question.required:
        label = _("%(label)s (optional)") % {"label": label}
    common = {
        "label": label,
        "help_text": words.help_text,
        "required": question.required,
    }
    kind = question.kind
    if kind == QuestionKind.SHORT_TEXT:
        return PlainTextField(max_length=300, **common)
    if kind == QuestionKind.LONG_TEXT:
        return PlainTextField(max_length=5000, widget=forms.Textarea(attrs={"rows": 5}), **common)
    if kind in CHOICE_KINDS:
        choices = labelled_options(words.options, question.options)
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
    `survey` may be a translation: its questions word the fields, its original's questions are
    what the answers are given to.
    """

    def __init__(self, *args, survey, **kwargs):
        super().__init__(*args, **kwargs)
        original = survey.original
        questions = list(original.questions.all())
        pairs = counterparts(survey.questions.all() if survey is not original else [], questions)
        self.questions = [question for _words, question in pairs]
        self.words = {question.pk: words for words, question in pairs}
        names = []
        for question in self.questions:
            name = f"q{question.pk}"
            self.fields[name] = question_field(question, self.words[question.pk])
            names.append(name)
            if self._offers_other(question):
                self.fields[f"{name}-other"] = PlainTextField(
                    label=_("Other, please specify"), max_length=300, required=False
                )
                names.append(f"{name}-other")
        self.order_fields([*names, *ELIGIBILITY_FIELDS, *IDENTITY_FIELDS, "website"])

    @staticmethod
    def _offers_other(question):
        return question.kind in CHOICE_KINDS and question.allow_other

    def question_fields(self):
        """Each question with its bound field and its "Other" field, for the template."""
        return [
            QuestionField(
                self.words[question.pk],
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
                value = [
                    services.Other(other) if item == OTHER else item
                    for item in self._chosen(question)
                ]
            elif question.kind == QuestionKind.DISTRICT:
                value = (value.get_translation_or_none(Locale.get_default()) or value).name
            answers[question] = value
        return answers
