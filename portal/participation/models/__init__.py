"""Participation data, one module per family; services.py is the only writer."""

from .announcements import ResultsAnnouncement
from .eligibility import DeclaredEligibility, EligibilityRule, RegisterEntry
from .ideas import (
    Idea,
    IdeaBox,
    IdeaField,
    IdeaNote,
    IdeaSource,
    IdeaStatus,
    IdeaSupport,
    IdeaTransition,
    IdeaTranslation,
)
from .people import Confirmation, Participant
from .petitions import Petition, Support, Threshold
from .surveys import Answer, Question, QuestionKind, Survey, SurveyResponse

__all__ = [
    "Answer",
    "Confirmation",
    "DeclaredEligibility",
    "EligibilityRule",
    "Idea",
    "IdeaBox",
    "IdeaField",
    "IdeaNote",
    "IdeaSource",
    "IdeaStatus",
    "IdeaSupport",
    "IdeaTransition",
    "IdeaTranslation",
    "Participant",
    "Petition",
    "Question",
    "QuestionKind",
    "RegisterEntry",
    "ResultsAnnouncement",
    "Support",
    "Survey",
    "SurveyResponse",
    "Threshold",
]
