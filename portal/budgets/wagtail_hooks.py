"""Participatory budgets in the admin: the feasibility queue on the home page, and the
ballots' permissions in the group editor. Its screens are in viewsets.py; the "Participation"
menu that shows them is assembled by portal/proposals/wagtail_hooks.py."""

from django.contrib.auth.models import Permission
from wagtail import hooks

from .moderation import FeasibilityQueuePanel


@hooks.register("register_permissions")
def register_ballot_permissions():
    """Offered in the group editor: entering ballots (add), following the vote and exporting
    it (view). Ballots are not snippets, so Wagtail would not list them otherwise."""
    return Permission.objects.filter(
        content_type__app_label="budgets", codename__in=["add_ballot", "view_ballot"]
    )


@hooks.register("construct_homepage_panels")
def add_feasibility_queue_panel(request, panels):
    if request.user.has_perm("budgets.change_budgetproject"):
        panels.append(FeasibilityQueuePanel())
