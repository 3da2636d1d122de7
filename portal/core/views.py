"""Site-wide views."""

from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from .colours import darken

YEAR = 60 * 60 * 24 * 365


def theme_stylesheet(request, colour):
    """The authority's colour as CSS custom properties, in a file rather than an inline style
    (the Content-Security-Policy allows no inline style). The address holds the colour, so a
    browser keeps the file for a year and a new colour is a new address."""
    primary = f"#{colour}"
    css = f":root {{ --colour-primary: {primary}; --colour-primary-dark: {darken(primary)}; }}\n"
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    patch_cache_control(response, public=True, max_age=YEAR, immutable=True)
    return response
