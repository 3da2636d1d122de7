from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from portal.core.roles import StaffRole, grant

# Moderators moderate ideas (and type in those collected on paper), read survey results and
# confidential answers, and upload registers of participants; editors build idea boxes,
# surveys, petitions and eligibility rules but do not moderate.
ROLES = {
    StaffRole.MODERATORS: {
        "idea": ("view", "add", "change"),
        "ideabox": ("view",),
        "survey": ("view",),
        "petition": ("view",),
        "participant": ("view_confidential",),
        "eligibilityrule": ("view",),
        "registerentry": ("view", "add"),
    },
    StaffRole.EDITORS: dict.fromkeys(
        ("ideabox", "survey", "petition", "eligibilityrule"), ("view", "add", "change", "delete")
    ),
}


def grant_roles(sender, **kwargs):
    """Give the roles their permissions on participation, at every migrate."""
    grant(sender, roles=ROLES, **kwargs)


class ParticipationConfig(AppConfig):
    """What residents contribute: who they are (without passwords), and their supports.

    Pages and blocks present; this app stores and decides, through services.py.
    """

    name = "portal.participation"
    label = "participation"
    verbose_name = _("Participation")

    def ready(self):
        from portal.core import page_cache

        from .models import (
            Confirmation,
            EligibilityRule,
            Idea,
            IdeaBox,
            IdeaSupport,
            Petition,
            Support,
            Survey,
            SurveyResponse,
        )

        post_migrate.connect(grant_roles, sender=self)
        # Consultation pages show them live (figures, the latest ideas and their supports);
        # using a link makes what waited on it count; and editors' changes to the forms they
        # embed (an idea box closed early, a survey's questions, who is eligible) show at once.
        for model in (Idea, IdeaSupport, Support, SurveyResponse, Confirmation):
            page_cache.refresh_live_on_change(model)
        for model in (IdeaBox, Survey, Petition, EligibilityRule):
            page_cache.refresh_live_on_change(model)
        # Every contribution reads its consultation's rule as kept (eligibility.rule_for).
        page_cache.invalidate_on_change(EligibilityRule)
