from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BudgetsConfig(AppConfig):
    """Participatory budgets: envelopes, the projects residents propose and officers study,
    and the ballots that choose the winners.

    models.py holds the data and the projects' workflow; services/ is the only writer.
    """

    name = "portal.budgets"
    label = "budgets"
    verbose_name = _("Participatory budgets")
