"""Surveys editors build in the admin, and the answers residents give."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from ..membership import check_consultation
from .confidential import KeepsConfidentiality
from .eligibility import DeclaredEligibility
from .people import Participant
from .translated import OptionsField, TranslatedItem
from .window import OpeningWindow


class Survey(OpeningWindow, TranslatedItem, index.Indexed, ClusterableModel):
    """An ordered questionnaire, open between two dates, embedded with a SurveyBlock; its
    translations share its answers (models/translated.py)."""

    closes_too_early = _("The survey must close after it opens.")

    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(
        _("introduction"),
        blank=True,
        max_length=1500,
        help_text=_("What the survey is about and how long it takes."),
    )
    consultation = models.ForeignKey(
        "pages.ConsultationPage",
        verbose_name=_("consultation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="surveys",
        help_text=_(
            "Its answers count in this consultation's figures and restitution. Set by itself "
            "when a consultation page that embeds the survey is published."
        ),
    )
    opens_at = models.DateTimeField(_("opens"), default=timezone.now)
    closes_at = models.DateTimeField(
        _("closes"), null=True, blank=True, help_text=_("Leave empty to close it by hand.")
    )
    one_answer_per_participant = models.BooleanField(
        _("one answer per participant"),
        default=True,
        help_text=_("A confirmed e-mail address can answer only once."),
    )
    anonymous = models.BooleanField(
        _("anonymous"),
        default=False,
        help_text=_(
            "No e-mail address is asked: anyone can answer, and answers count at once. "
            "“One answer per participant” cannot be checked then."
        ),
    )
    thank_you = models.TextField(
        _("thank-you message"),
        max_length=1000,
        default=_("Thank you for your answers."),
        help_text=_("Shown after the answers are sent."),
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("title"),
                    FieldPanel("introduction"),
                    FieldPanel("consultation"),
                    FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                    MultiFieldPanel(
                        [
                            FieldPanel("one_answer_per_participant"),
                            FieldPanel("anonymous"),
                        ],
                        heading=_("Who can answer"),
                    ),
                    FieldPanel("thank_you"),
                ],
                heading=_("Survey"),
            ),
            ObjectList(
                [InlinePanel("questions", label=_("Question"), min_num=1)],
                heading=_("Questions"),
            ),
        ]
    )
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta(TranslatedItem.Meta):
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        check_consultation(self)


class QuestionKind(models.TextChoices):
    SHORT_TEXT = "short_text", _("Short text")
    LONG_TEXT = "long_text", _("Long text")
    SINGLE_CHOICE = "single_choice", _("Single choice")
    MULTIPLE_CHOICE = "multiple_choice", _("Multiple choice")
    SCALE = "scale", _("Scale")
    NUMBER = "number", _("Number")
    DATE = "date", _("Date")
    DISTRICT = "district", _("District")


CHOICE_KINDS = {QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE}
KIND_STAYS = _(
    "People have answered this question: its type cannot change any more. To ask it "
    "otherwise, add a new question."
)


class Question(KeepsConfidentiality, TranslatableMixin, Orderable):
    """One question; what an answer may be depends on its kind."""

    survey = ParentalKey(Survey, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(_("type"), max_length=20, choices=QuestionKind.choices)
    label = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("help text"), max_length=300, blank=True)
    required = models.BooleanField(_("required"), default=True)
    choices = OptionsField(
        _("options"),
        blank=True,
        max_length=3000,
        help_text=_("For choice questions: one option per line."),
    )
    allow_other = models.BooleanField(
        _("offer “other”"),
        default=False,
        help_text=_("For choice questions: a free text answer besides the options."),
    )
    scale_max = models.PositiveSmallIntegerField(
        _("scale"),
        choices=[(5, _("1 to 5")), (10, _("1 to 10"))],
        default=5,
        help_text=_("For scale questions."),
    )
    min_value = models.FloatField(_("minimum"), null=True, blank=True)
    max_value = models.FloatField(_("maximum"), null=True, blank=True)
    confidential = models.BooleanField(
        _("confidential"),
        default=False,
        help_text=_(
            "Answers are read by moderators and administrators only, never published. "
            "Once someone has answered, the question stays confidential."
        ),
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("required"), FieldPanel("confidential")]),
        FieldPanel("label"),
        FieldPanel("help_text"),
        FieldPanel("choices"),
        FieldPanel("allow_other"),
        FieldPanel("scale_max"),
        FieldRowPanel([FieldPanel("min_value"), FieldPanel("max_value")]),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.label

    @property
    def options(self):
        return [line.strip() for line in self.choices.splitlines() if line.strip()]

    def has_answers(self):
        return self.answers.exists()

    def kind_errors(self):
        """Its type cannot change once answered: a text answered freely would be published
        as if it were an option offered (results, open data), a number read as a date…"""
        if self.pk is None:
            return {}
        stored = type(self).objects.filter(pk=self.pk).values_list("kind", flat=True).first()
        if stored is not None and stored != self.kind and self.has_answers():
            return {"kind": KIND_STAYS}
        return {}

    def save(self, *args, **kwargs):
        if errors := self.kind_errors():
            raise ValidationError(errors)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {**self.confidentiality_errors(), **self.kind_errors()}
        if self.kind in CHOICE_KINDS and len(self.options) < 2:
            errors["choices"] = _("Give at least two options, one per line.")
        if len(self.options) != len(set(self.options)):
            errors["choices"] = _("Each option must be different.")
        if (
            self.min_value is not None
            and self.max_value is not None
            and self.max_value < self.min_value
        ):
            errors["max_value"] = _("The maximum cannot be below the minimum.")
        if errors:
            raise ValidationError(errors)


class SurveyResponse(DeclaredEligibility):
    """One person's answers to a survey; held until their confirmation link is used.

    `once_key` is the participant's id when the survey takes one answer per participant and
    the response counts, so that the database refuses a second one; it stays empty otherwise,
    and while the response waits: a waiting answer never blocks the owner's own.
    """

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    participant = models.ForeignKey(
        Participant,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="survey_responses",
    )
    once_key = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    confirmed = models.BooleanField(default=False)
    confirmation = models.ForeignKey(
        "participation.Confirmation",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="survey_responses",
        help_text=_("The link that makes it count, while it waits."),
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        constraints = [
            models.UniqueConstraint(fields=["survey", "once_key"], name="one_response_per_key")
        ]
        indexes = [models.Index(fields=["survey", "confirmed"])]

    def __str__(self):
        return f"{self.survey} #{self.pk}"


class Answer(models.Model):
    """One answer to one question; a multiple choice gives one row per option chosen."""

    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    value = models.TextField(blank=True)
    number = models.FloatField(null=True, blank=True)
    is_other = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        indexes = [models.Index(fields=["question", "value"])]

    def __str__(self):
        return self.value
