"""Restitutions: the public account of a consultation, what was heard and what was decided."""

from django.utils.translation import gettext_lazy as _
from wagtail.fields import StreamField

from portal.blocks.streams import RestitutionStreamBlock

from .base import BasePage


class RestitutionPage(BasePage):
    """The synthesis of one consultation; once published, the consultation has its results."""

    body = StreamField(RestitutionStreamBlock(), verbose_name=_("body"), blank=True)

    cache_for_anonymous = True
    template = "pages/restitution_page.html"
    parent_page_types = ["pages.ConsultationPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("restitution")
        verbose_name_plural = _("restitutions")

    @property
    def consultation(self):
        return self.get_parent().specific
