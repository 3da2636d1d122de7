"""Participation figures of a consultation, computed by the database in a few queries.

Only what counts is counted: confirmed contributions, ideas not rejected at moderation.
A participant is a person, whatever they did: someone who answered a survey, proposed an
idea and supported three counts once. People we cannot tell apart (anonymous survey answers,
ideas written on paper) count once per contribution. A consultation is counted in every
language at once: its translations share its surveys, petitions and idea boxes
(`membership.language_versions`), and each contribution belongs to one of them.
"""

from dataclasses import dataclass

from .membership import language_versions
from .models import Idea, IdeaStatus, IdeaSupport, Support, SurveyResponse


@dataclass(frozen=True)
class Figures:
    contributions: int
    supports: int
    participants: int


def consultation_figures(consultation):
    pages = language_versions(consultation)
    ideas = Idea.objects.filter(box__consultation__in=pages, confirmed=True).exclude(
        status=IdeaStatus.REJECTED
    )
    responses = SurveyResponse.objects.filter(survey__consultation__in=pages, confirmed=True)
    idea_supports = IdeaSupport.objects.filter(idea__box__consultation__in=pages, confirmed=True)
    petition_supports = Support.objects.filter(petition__consultation__in=pages, confirmed=True)

    known = (
        ideas.filter(participant__isnull=False)
        .values("participant_id")
        .union(
            responses.filter(participant__isnull=False).values("participant_id"),
            idea_supports.values("participant_id"),
            petition_supports.values("participant_id"),
        )
    )
    unknown = (
        ideas.filter(participant__isnull=True).count()
        + responses.filter(participant__isnull=True).count()
    )
    return Figures(
        contributions=ideas.count() + responses.count(),
        supports=idea_supports.count() + petition_supports.count(),
        participants=known.count() + unknown,
    )
