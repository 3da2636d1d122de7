"""Surveys: who may answer, and the answers stored, counted once the participant is
confirmed."""

from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ..eligibility import NOTHING
from ..errors import AlreadyAnswered, ParticipationClosed
from ..identity import waiting_on
from ..models import Answer, SurveyResponse


@dataclass(frozen=True)
class Other:
    """A free-text answer given instead of the options of a choice question."""

    text: str


def _once_key(survey, participant):
    """What the unique constraint on responses compares: the participant, when it applies."""
    if survey.one_answer_per_participant and participant is not None:
        return participant.pk
    return None


def check_answerable(*, survey, participant, now=None):
    """Raise why this participant cannot answer the survey now, if they cannot.

    Asked before the form is read, so that nobody fills it in for nothing; the unique
    constraint on responses remains what refuses a second answer under concurrency.
    """
    if not survey.is_open(now or timezone.now()):
        raise ParticipationClosed(_("This survey is not open."))
    if not survey.one_answer_per_participant or participant is None:
        return
    # A proven participant's answer that counts, or this browser's own answer waiting on its
    # link; what other browsers typed in the same name never blocks.
    if participant.counts_now:
        mine = Q(once_key=participant.pk)
    elif participant.confirmation is not None:
        mine = Q(confirmation=participant.confirmation)
    else:
        return
    if survey.responses.filter(mine).exists():
        raise AlreadyAnswered


@transaction.atomic
def answer_survey(*, survey, participant, answers, declaration=NOTHING, now=None):
    """Store a response and its answers; it counts once the participant is confirmed.

    `answers` maps questions of the survey to their value: a text, a number, a date, or for
    a choice question the list of options chosen, where `Other(text)` is a free-text answer.
    Anonymous surveys take no participant, and their responses count at once. `declaration`:
    what the consultation's eligibility rule asked.
    """
    now = now or timezone.now()
    if (participant is None) != survey.anonymous:
        raise ValueError("Anonymous surveys take no participant; the others need one.")
    if any(question.survey_id != survey.pk for question in answers):
        raise ValueError("Every question answered must belong to the survey.")
    check_answerable(survey=survey, participant=participant, now=now)
    try:
        with transaction.atomic():
            counts = participant is None or participant.counts_now
            response = SurveyResponse.objects.create(
                survey=survey,
                participant=participant,
                once_key=_once_key(survey, participant) if counts else None,
                confirmed=counts,
                confirmation=None if participant is None else waiting_on(participant),
                created_at=now,
                **declaration.fields(),
            )
    except IntegrityError:
        raise AlreadyAnswered from None
    Answer.objects.bulk_create(
        Answer(response=response, question=question, **_answer_fields(item))
        for question, value in answers.items()
        for item in (value if isinstance(value, list) else [value])
    )
    return response


def _answer_fields(item):
    """How one value is stored: as text, and numbers also as numbers for the statistics."""
    if isinstance(item, Other):
        return {"value": item.text, "is_other": True}
    if isinstance(item, int | float) and not isinstance(item, bool):
        return {"value": f"{item:.15g}", "number": item}
    if isinstance(item, date):
        return {"value": item.isoformat()}
    return {"value": str(item)}
