"""Proposals in the admin, and the "Participation" menu: participation's screens
(portal/participation/viewsets.py) and participatory budgets' (portal/budgets/viewsets.py)
with the event proposals' queue, assembled here because proposals sit above both
(docs/architecture.md, "Layers"). Moderators also see the
queue on the home page."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from portal.budgets.viewsets import BudgetProjectViewSet, EnvelopeViewSet
from portal.participation.viewsets import (
    IdeaBoxViewSet,
    IdeaViewSet,
    ParticipationDashboardViewSet,
    PetitionViewSet,
    SurveyViewSet,
)

from .moderation import EventProposalViewSet, ProposalQueuePanel


class ParticipationViewSetGroup(SnippetViewSetGroup):
    items = (
        ParticipationDashboardViewSet,
        IdeaViewSet,
        EventProposalViewSet,
        IdeaBoxViewSet,
        SurveyViewSet,
        PetitionViewSet,
        EnvelopeViewSet,
        BudgetProjectViewSet,
    )
    menu_label = _("Participation")
    menu_icon = "group"
    menu_name = "participation"
    menu_order = 300


register_snippet(ParticipationViewSetGroup)


@hooks.register("construct_homepage_panels")
def add_proposal_queue_panel(request, panels):
    if request.user.has_perm("proposals.change_eventproposal"):
        panels.append(ProposalQueuePanel())
