"""Participation data, one module per family; services.py is the only writer."""

from .announcements import ResultsAnnouncement
from .ideas import Idea, IdeaBox, IdeaField, IdeaSource, IdeaStatus, IdeaSupport, IdeaTransition
from .people import Confirmation, Participant
from .petitions import Petition, Support, Threshold
from .surveys import Answer, Question, QuestionKind, Survey, SurveyResponse

__all__ = [
    "Answer",
    "Confirmation",
    "Idea",
    "IdeaBox",
    "IdeaField",
    "IdeaSource",
    "IdeaStatus",
    "IdeaSupport",
    "IdeaTransition",
    "Participant",
    "Petition",
    "Question",
    "QuestionKind",
    "ResultsAnnouncement",
    "Support",
    "Survey",
    "SurveyResponse",
    "Threshold",
]
