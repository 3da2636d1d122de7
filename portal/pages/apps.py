from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    """Wagtail page models, one module per page family; `models.py` imports them all."""

    name = "portal.pages"
    label = "pages"
    verbose_name = _("Pages")
