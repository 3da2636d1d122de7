from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Site-wide concerns: the authority's settings, template tags, demo content, checks."""

    name = "portal.core"
    label = "core"
    verbose_name = _("Portal")
