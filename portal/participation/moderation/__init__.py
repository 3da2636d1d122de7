"""The moderation of ideas in the admin, ideas typed in from paper, ideas in a spreadsheet,
and the figures.

Wagtail's generic snippet views, specialised: one module per part, gathered here for
wagtail_hooks.py.
"""

from .bulk import ChangeIdeaStatus, IdeaStatusBulkAction, PublishIdeas, RejectIdeas
from .dashboard import DASHBOARD_PERMISSION, ParticipationDashboardView
from .ideas import (
    IDEA_PANELS,
    SEARCH_FIELDS,
    IdeaEditView,
    IdeaFilterSet,
    IdeaIndexView,
    ModerationQueuePanel,
    source_label,
)
from .paper import PAPER_PANELS, PaperIdeaCreateView
from .sheets import IdeaSheetExportView, IdeaSheetView

__all__ = [
    "DASHBOARD_PERMISSION",
    "IDEA_PANELS",
    "PAPER_PANELS",
    "SEARCH_FIELDS",
    "ChangeIdeaStatus",
    "IdeaEditView",
    "IdeaFilterSet",
    "IdeaIndexView",
    "IdeaSheetExportView",
    "IdeaSheetView",
    "IdeaStatusBulkAction",
    "ModerationQueuePanel",
    "PaperIdeaCreateView",
    "ParticipationDashboardView",
    "PublishIdeas",
    "RejectIdeas",
    "source_label",
]
