"""Ordinary editorial pages: legal notice, about, practical information, news."""

from django.utils.translation import gettext_lazy as _

from .base import BasePage


class StandardPage(BasePage):
    """A page of text and blocks; may hold sub-pages of its own kind."""

    cache_for_anonymous = True
    template = "pages/standard_page.html"
    parent_page_types = ["home.HomePage", "pages.StandardPage"]
    subpage_types = ["pages.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
