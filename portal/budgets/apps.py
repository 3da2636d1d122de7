from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from portal.core.roles import StaffRole, grant

# Editors set envelopes up; moderators, the participation officers, study projects (and enter
# or merge them), enter paper ballots, follow the vote, export it and declare its results.
ROLES = {
    StaffRole.EDITORS: {"envelope": ("view", "add", "change", "delete")},
    StaffRole.MODERATORS: {
        "envelope": ("view",),
        "budgetproject": ("view", "add", "change"),
        "ballot": ("view", "add"),
    },
}


def grant_roles(sender, **kwargs):
    """Give the roles their permissions on budgets, at every migrate."""
    grant(sender, roles=ROLES, **kwargs)


class BudgetsConfig(AppConfig):
    """Participatory budgets: envelopes, the projects residents propose and officers study,
    and the ballots that choose the winners.

    models.py holds the data and the projects' workflow; services/ is the only writer.
    """

    name = "portal.budgets"
    label = "budgets"
    verbose_name = _("Participatory budgets")

    def ready(self):
        from portal.core import page_cache
        from portal.participation.held import lists_held
        from portal.participation.signals import contributions_confirmed
        from portal.participation.waiting import lists_waiting

        from . import services
        from .models import Ballot, BudgetProject, Envelope

        # Ballots cast in a name not proven yet wait on its link, as supports do.
        lists_waiting(services.waiting_ballots)
        # A participant's data page lists their ballots, as it lists their supports.
        lists_held(_("Your votes"), services.participant_ballots)
        contributions_confirmed.connect(
            services.release_confirmed, dispatch_uid="budgets-release-confirmed"
        )
        post_migrate.connect(grant_roles, sender=self)
        # A vote whose results show while it is open shows them live.
        page_cache.refresh_live_on_change(Ballot)
        # Ballots read the envelopes and their projects as kept (BallotBlock.envelopes).
        page_cache.invalidate_on_change(Envelope)
        page_cache.invalidate_on_change(BudgetProject)
