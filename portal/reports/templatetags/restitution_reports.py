"""The PDF report of a restitution, for its page."""

from django import template

from portal.reports.models import RestitutionReport

register = template.Library()


@register.simple_tag
def restitution_report(page):
    """The stored report of the page's live revision, or None while it is being made."""
    return RestitutionReport.current(page)
