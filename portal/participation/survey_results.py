"""Survey results as staff read them, and their CSV export: only confirmed responses count.

Answers to confidential questions are left out unless the caller says the reader may see
them (`confidential`, from `permissions.reads_confidential`).

The database counts: a survey with thousands of responses costs a few grouped queries, plus
one per question whose free-text answers are listed.
"""

import csv
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Avg, Case, Count, F, Max, Min, Prefetch, TextField, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from portal.pages.taxonomy import District

from .models import Answer, Question, QuestionKind, SurveyResponse
from .models.surveys import CHOICE_KINDS

COUNTED_KINDS = CHOICE_KINDS | {QuestionKind.SCALE, QuestionKind.DISTRICT}
LISTED_KINDS = {QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT, QuestionKind.DATE}
TEXTS_SHOWN = 50


@dataclass
class OptionCount:
    label: str
    count: int
    percent: float  # of the respondents who answered the question, so choices may add up to more


@dataclass
class QuestionResults:
    question: object
    respondents: int
    options: list = field(default_factory=list)
    mean: float | None = None
    minimum: float | None = None
    maximum: float | None = None
    texts: list = field(default_factory=list)  # the latest TEXTS_SHOWN of text_count
    text_count: int = 0
    withheld: bool = False  # a confidential question the reader may not see the answers of

    @property
    def texts_are_other(self):
        return self.question.kind in CHOICE_KINDS


def tallies(answers):
    """What the database counts of some answers, in three grouped queries: respondents per
    question, {question: {option, or None for "other": count}} for the counted kinds, and
    the mean and range of the numbers given to each question."""
    respondents = dict(
        answers.values("question")
        .annotate(count=Count("response", distinct=True))
        .values_list("question", "count")
    )
    counts = defaultdict(Counter)  # question id → {option, or None for "other": count}
    for question_id, option, count in (
        answers.filter(question__kind__in=COUNTED_KINDS)
        .values(
            "question",
            option=Case(
                When(is_other=True, then=Value(None)), default=F("value"), output_field=TextField()
            ),
        )
        .annotate(count=Count("id"))
        .values_list("question", "option", "count")
    ):
        counts[question_id][option] += count
    statistics = {
        row["question"]: row
        for row in answers.filter(number__isnull=False)
        .values("question")
        .annotate(mean=Avg("number"), minimum=Min("number"), maximum=Max("number"))
    }
    return respondents, counts, statistics


def counted(question, respondents, counts, statistics, districts=None):
    """A question's figures from `tallies`: its respondents, its options' counts, and the
    mean and range of its numbers."""
    result = QuestionResults(question, respondents.get(question.pk, 0))
    if question.kind in COUNTED_KINDS:
        result.options = option_counts(question, counts[question.pk], result.respondents, districts)
    if question.pk in statistics:
        row = statistics[question.pk]
        result.mean, result.minimum, result.maximum = row["mean"], row["minimum"], row["maximum"]
    return result


def survey_results(survey, *, confidential):
    """What the confirmed respondents answered, question by question, in the survey's order.

    Without `confidential`, a confidential question comes with no figure and no answer.
    """
    answers = Answer.objects.filter(question__survey=survey, response__confirmed=True)
    if not confidential:
        answers = answers.filter(question__confidential=False)
    respondents, counts, statistics = tallies(answers)
    results = []
    for question in survey.questions.all():
        if question.confidential and not confidential:
            results.append(QuestionResults(question, 0, withheld=True))
            continue
        result = counted(question, respondents, counts, statistics)
        listed = answers.filter(question=question)
        if question.kind in CHOICE_KINDS:
            listed = listed.filter(is_other=True)
            result.text_count = counts[question.pk][None]
        elif question.kind in LISTED_KINDS:
            result.text_count = result.respondents
        if result.text_count:
            result.texts = list(
                listed.order_by("-response__created_at", "-pk").values_list("value", flat=True)[
                    :TEXTS_SHOWN
                ]
            )
        results.append(result)
    return results


def offered_districts():
    """The districts a district question offers, named as answers store them."""
    return list(District.objects.filter(locale=Locale.get_default()).values_list("name", flat=True))


def option_counts(question, counts, respondents, districts=None):
    """Every option offered, chosen or not, then answers to options since removed, then other.

    `districts`: `offered_districts()` when the caller has read them for many questions.
    """
    if question.kind == QuestionKind.SCALE:
        offered = [str(step) for step in range(1, question.scale_max + 1)]
    elif question.kind == QuestionKind.DISTRICT:
        offered = offered_districts() if districts is None else districts
    else:
        offered = question.options
    labels = offered + sorted(set(counts) - set(offered) - {None})
    if (question.kind in CHOICE_KINDS and question.allow_other) or counts[None]:
        labels.append(None)
    return [
        OptionCount(
            label=_("Other") if label is None else label,
            count=counts[label],
            percent=100 * counts[label] / respondents if respondents else 0,
        )
        for label in labels
    ]


# What anyone may read of a survey: counts of choices, scales and districts, and the mean and
# range of numbers; never a text (free answers, dates, "other" answers, which are counted only).
PUBLISHED_KINDS = COUNTED_KINDS | {QuestionKind.NUMBER}


@dataclass
class PublishedSurvey:
    survey: object
    respondents: int
    questions: list  # of QuestionResults, without texts


def published_results(surveys):
    """{survey id: PublishedSurvey} of some surveys' confirmed responses, for open data: only
    questions that are neither confidential nor free text, in six queries whatever the number
    of surveys, questions and answers."""
    surveys = {survey.pk: survey for survey in surveys}
    questions = list(
        Question.objects.filter(
            survey__in=list(surveys), confidential=False, kind__in=PUBLISHED_KINDS
        ).order_by("survey", "sort_order", "pk")
    )
    answers = Answer.objects.filter(question__in=[question.pk for question in questions])
    answers = answers.filter(response__confirmed=True)
    respondents, counts, statistics = tallies(answers)
    per_survey = dict(
        SurveyResponse.objects.filter(survey__in=list(surveys), confirmed=True)
        .values("survey")
        .annotate(count=Count("id"))
        .values_list("survey", "count")
    )
    districts = offered_districts()
    published = {
        pk: PublishedSurvey(survey, per_survey.get(pk, 0), []) for pk, survey in surveys.items()
    }
    for question in questions:
        result = counted(question, respondents, counts, statistics, districts)
        published[question.survey_id].questions.append(result)
    return published


# A spreadsheet reads a cell starting with one of these as a formula, unless it is a number.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"-?\d+(\.\d+)?(e[+-]?\d+)?")


def safe_cell(value):
    """The value as text a spreadsheet will not run: a would-be formula gets a leading quote."""
    text = str(value)
    if text.startswith(FORMULA_START) and not NUMBER.fullmatch(text):
        return "'" + text
    return text


def csv_rows(survey, *, confidential):
    """A header, then a row per confirmed response: its number, its date, each answer.

    Dates are in the authority's time zone; a multiple choice is joined with " | ". Nothing
    identifies the participant: the export holds no e-mail address and no name. Without
    `confidential`, confidential questions have no column.
    """
    questions = list(survey.questions.all())
    if not confidential:
        questions = [question for question in questions if not question.confidential]
    paris = ZoneInfo(settings.TIME_ZONE)
    yield [_("Response"), _("Date"), *(question.label for question in questions)]
    answers = Answer.objects.filter(question__in=questions).order_by("pk")
    responses = (
        survey.responses.filter(confirmed=True)
        .order_by("created_at", "pk")
        .prefetch_related(Prefetch("answers", queryset=answers))
    )
    for response in responses.iterator(chunk_size=500):
        given = defaultdict(list)
        for answer in response.answers.all():
            text = answer.value
            if answer.is_other:
                text = _("Other: %(answer)s") % {"answer": text}
            given[answer.question_id].append(text)
        yield [
            response.pk,
            timezone.localtime(response.created_at, paris).strftime("%Y-%m-%d %H:%M"),
            *(" | ".join(given[question.pk]) for question in questions),
        ]


class _Echo:
    """A file that hands back what is written, so that csv.writer feeds a streaming response."""

    def write(self, value):
        return value


def spreadsheet_lines(rows):
    """Rows as CSV lines of UTF-8 text with a byte order mark, which spreadsheets need for
    accents; every export of the admin writes so (survey answers, budgets' results and ballots).

    Separated by semicolons, as spreadsheets set up in French expect (the comma is their
    decimal separator); no cell is read as a formula (`safe_cell`).
    """
    writer = csv.writer(_Echo(), delimiter=";")
    yield "\ufeff"
    for row in rows:
        yield writer.writerow([safe_cell(cell) for cell in row])


def csv_lines(survey, *, confidential):
    """The survey's export (`csv_rows`) as spreadsheets read it."""
    return spreadsheet_lines(csv_rows(survey, confidential=confidential))
