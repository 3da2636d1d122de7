"""Proposals in the admin. Their moderation view sits in the "Participation" menu
(portal/participation/wagtail_hooks.py); moderators also see the queue on the home page."""

from wagtail import hooks

from .moderation import ProposalQueuePanel


@hooks.register("construct_homepage_panels")
def add_proposal_queue_panel(request, panels):
    if request.user.has_perm("proposals.change_eventproposal"):
        panels.append(ProposalQueuePanel())
