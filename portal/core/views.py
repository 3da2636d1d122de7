"""Site-wide views."""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template import loader
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import get_language, get_language_info
from django.views import defaults
from wagtail.models import Locale, Page, Site

from .colours import darken
from .restrictions import refused

YEAR = 60 * 60 * 24 * 365
# How soon a visitor's browser (or a load balancer) may ask again when the database is away.
RETRY_AFTER_SECONDS = 30


def server_error(request):
    """Django's 500, except when the database is away: a DB-API OperationalError (refused,
    lost, shutting down) or InterfaceError (connection closed) on a connection that never
    opened or broke. Then a 503 saying the site is briefly unavailable, which load balancers
    and browsers retry; the next request reconnects by itself once it is back
    (CONN_HEALTH_CHECKS). An OperationalError on a connection that works (a missing table, a
    statement timed out) is a fault to mend: a 500, logged as one."""
    error = sys.exc_info()[1]
    if not isinstance(error, OperationalError | InterfaceError) or not database_away():
        return defaults.server_error(request)
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


def database_away():
    """Whether the request's connection never opened (refused, timed out) or broke (lost, the
    server shutting down): asked of the driver's connection, without a query or a new
    connection (which would wait DB_CONNECT_TIMEOUT again)."""
    raw = connection.connection
    return raw is None or bool(getattr(raw, "broken", False) or getattr(raw, "closed", False))


def theme_stylesheet(request, colour):
    """The authority's colour as CSS custom properties, in a file rather than an inline style
    (the Content-Security-Policy allows no inline style). The address holds the colour, so a
    browser keeps the file for a year and a new colour is a new address."""
    primary = f"#{colour}"
    css = f":root {{ --colour-primary: {primary}; --colour-primary-dark: {darken(primary)}; }}\n"
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    patch_cache_control(response, public=True, max_age=YEAR, immutable=True)
    return response


def untranslated_page(request, pk):
    """Where the language switcher leads from a page with no live translation in the language
    chosen (the URL's): says so in that language, with a link to that language's home page and
    one to the page in its own language. A translation published since is gone to at once.
    """
    page = Page.objects.live().filter(pk=pk).select_related("locale").first()
    url = page and page.get_url(request)
    if not url:  # no such live page, or one that no site serves (the tree's root)
        raise Http404
    if refused(page, request):
        raise Http404  # a private page's address may say what it is about
    locale = Locale.get_active()
    translation = page.get_translations(inclusive=True).live().filter(locale=locale).first()
    if translation is not None and translation.get_url(request):
        return redirect(translation.get_url(request))
    site = Site.find_for_request(request)
    homes = site.root_page.get_translations(inclusive=True) if site else Page.objects.none()
    home = homes.live().filter(locale=locale).first()
    code = page.locale.language_code
    original = {
        "url": url,
        "code": code,
        "language": dict(settings.LANGUAGES).get(code, code),
        "title": page.title,
    }
    context = {
        "original": original,
        "home_url": home and home.get_url(request),
        # As the language names itself in a sentence: "English", "français", "العربيّة".
        "language_name": get_language_info(get_language())["name_local"],
    }
    return TemplateResponse(request, "core/untranslated_page.html", context)
