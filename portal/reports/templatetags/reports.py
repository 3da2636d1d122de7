"""Links to a page's printed material, for the page templates."""

from django import template
from django.urls import reverse

from portal.reports.posters import has_poster

register = template.Library()


@register.simple_tag
def poster_url(page):
    """The address of a live page's A4 poster, or "" for a page without one.

    No query: a private page still gets the link, which answers 404 (its poster is not public).
    """
    if page is None or not page.live or not has_poster(page):
        return ""
    return reverse("reports:poster", args=[page.pk])
