from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    """What residents contribute: who they are (without passwords), and their supports.

    Pages and blocks present; this app stores and decides, through services.py.
    """

    name = "portal.participation"
    label = "participation"
    verbose_name = _("Participation")
