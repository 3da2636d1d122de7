"""Every page family, imported so that Django finds the models."""

from .agenda import AgendaPage, EventPage
from .consultation import ConsultationIndexPage, ConsultationPage
from .phases import Phase
from .restitution import RestitutionPage
from .standard import StandardPage
from .taxonomy import District, Organiser, Theme
from .tour import EventTourPage

__all__ = [
    "AgendaPage",
    "ConsultationIndexPage",
    "ConsultationPage",
    "District",
    "EventPage",
    "EventTourPage",
    "Organiser",
    "Phase",
    "RestitutionPage",
    "StandardPage",
    "Theme",
]
