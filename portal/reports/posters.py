"""A4 posters of events, tours and consultations, printed and pinned on a notice board.

A poster is exactly one page whatever its text: the sheet is a fixed A4 box that clips, texts
are cut at a word, and the layout is tried at decreasing densities until its content ends
above the footer that holds the QR code. Nothing is fetched from the network: the fonts come
from the static folder, the QR code, the logo and the icons are inline, and the URL fetcher
refuses everything else.
"""

import base64
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

import qrcode
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.http import content_disposition_header
from django.utils.safestring import mark_safe
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from qrcode.image.svg import SvgPathImage
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from portal.budgets import rules
from portal.budgets.models import Envelope
from portal.core import page_cache
from portal.core.colours import HEX_COLOUR
from portal.core.http import page_url
from portal.core.models import DEFAULT_PRIMARY_COLOUR, PortalSettings
from portal.core.templatetags.dates import date_range, event_when
from portal.pages.agenda import EventState
from portal.pages.models import ConsultationPage, EventPage, EventTourPage
from portal.pages.phases import ConsultationStatus
from portal.participation import eligibility
from portal.participation.membership import language_versions

POSTER_TYPES = (EventPage, EventTourPage, ConsultationPage)

# What residents can do on a consultation, told by the participation blocks of its body.
ACTIONS = (
    ({"survey"}, _("Answer the survey")),
    ({"idea_form"}, _("Propose your ideas")),
    ({"idea_list", "idea_preview"}, _("Read and support residents’ ideas")),
    ({"support"}, _("Support the petition")),
)
ICONS = ("calendar", "map-pin", "users", "accessibility", "info", "megaphone")
# Dark red and dark amber: a cancellation or a postponement reads at a glance, in print too.
STATE_COLOURS = {EventState.CANCELLED: "#b3261e", EventState.POSTPONED: "#8a4b00"}


@dataclass(frozen=True)
class Density:
    """How much a poster holds: font scale, words of each text, stops and events listed."""

    scale: float
    words: int
    stops: int
    events: int


# From the largest type to the smallest: the poster takes the largest that fits, so that a
# short text fills the sheet; the last is used even if it overflows (the sheet clips).
DENSITIES = (
    Density(1.4, 60, 1000, 3),
    Density(1.3, 60, 1000, 3),
    Density(1.2, 60, 1000, 3),
    Density(1.12, 60, 1000, 3),
    Density(1.05, 50, 1000, 3),
    Density(1.0, 50, 1000, 3),
    Density(0.94, 40, 1000, 2),
    Density(0.88, 40, 1000, 2),
    Density(0.82, 30, 1000, 1),
    Density(0.76, 30, 1000, 1),
    Density(0.7, 20, 1000, 0),
    Density(0.64, 20, 1000, 0),
    Density(0.6, 15, 24, 0),
)


def has_poster(page):
    """Whether the page (specific or not) is of a type that has a poster."""
    model = page.specific_class
    return model is not None and issubclass(model, POSTER_TYPES)


def render_poster(page):
    """The PDF bytes of the page's poster, in the page's language and in Paris time."""
    with (
        translation.override(page.locale.language_code),
        timezone.override(timezone.get_default_timezone()),
    ):
        context = poster_context(page)
        fonts = FontConfiguration()  # shared by the layouts: the fonts are decoded once

        def layout(density):
            html = render_to_string(
                "reports/poster.html", {**context, **density_context(context, density)}
            )
            return HTML(string=html, url_fetcher=LocalFetcher()).render(font_config=fonts)

        # Binary search for the first density that fits: four layouts instead of thirteen.
        low, high, found = 0, len(DENSITIES) - 1, None
        while low < high:
            middle = (low + high) // 2
            document = layout(DENSITIES[middle])
            if fits(document):
                high, found = middle, document
            else:
                low = middle + 1
        return (found or layout(DENSITIES[-1])).write_pdf()


def cached_poster(page):
    """The live page's poster, rendered once per content version.

    The bytes are kept in Django's cache under the page id and `page_cache.content_version()`,
    which any publish, unpublish, move or settings change bumps: a second download costs no
    rendering, and an edited page (or its stops, or the authority's logo) gets a new poster.
    Entries also expire after PAGE_CACHE_SECONDS, so that "next stop" and "next events" follow
    the clock.
    """
    return page_cache.shared(f"poster:{page.pk}", lambda: render_poster(page))


def pdf_response(pdf, page):
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=False, filename=f"affiche-{page.slug}.pdf"
    )
    return response


def fits(document):
    """One page whose content ends inside the main area (an overflowing end is not laid out)."""
    anchors = document.pages[0].anchors
    return (
        len(document.pages) == 1
        and "poster-end" in anchors
        and anchors["poster-end"][3] <= anchors["poster-main"][3]
    )


# The title's type size by its length: a short title is printed larger.
TITLE_SIZES = ((32, "xl"), (64, "l"), (110, "m"), (1000, "s"))


def poster_context(page):
    site = page.get_site()
    identity = PortalSettings.for_site(site) if site else PortalSettings()
    # The colour goes into CSS and SVG: anything but #rrggbb (saved around the form) is ignored.
    accent = identity.primary_colour
    if not HEX_COLOUR.match(accent or ""):
        accent = DEFAULT_PRIMARY_COLOUR
    url = page_url(page)  # printed and scanned for weeks: the public address, never a host
    title = Truncator(page.title).chars(180)
    context = {
        "page": page,
        "lang": page.locale.language_code,
        "identity": identity,
        "accent": accent,
        "logo": logo_data_uri(identity.logo),
        "icons": icons(accent),
        "font_dir": font_dir().as_uri(),
        "title": title,
        "title_size": next(size for limit, size in TITLE_SIZES if len(title) <= limit),
        "url_parts": url_parts(url) if url else [],
        "url_long": bool(url) and len(url) > 60,
        "qr_code": qr_code(url) if url else "",
        "state_colours": STATE_COLOURS,
    }
    if isinstance(page, EventPage):
        context.update(kind="event", **event_context(page))
    elif isinstance(page, EventTourPage):
        context.update(kind="tour", **tour_context(page))
    else:
        context.update(kind="consultation", **consultation_context(page))
        context.update(eligibility_context(page))
    return context


def density_context(context, density):
    stops = context.get("stops", [])
    return {
        "density": density,
        "stops_shown": stops[: density.stops],
        "stops_hidden": max(len(stops) - density.stops, 0),
        "stop_columns": 2 if len(stops) > 6 else 1,
        "events_shown": context.get("events", [])[: density.events],
    }


def event_context(page):
    """When, and the tour the event is a stop of (its number among the tour's stops)."""
    parent = page.get_parent().specific
    tour = parent if isinstance(parent, EventTourPage) else None
    stop_ids = [stop.pk for stop in tour.stops()] if tour else []
    return {
        "when": when(page),
        "state_icon": (
            icon("triangle-alert", STATE_COLOURS[page.state]) if page.state in STATE_COLOURS else ""
        ),
        "tour": tour,
        "stop_number": stop_ids.index(page.pk) + 1 if page.pk in stop_ids else None,
        "stop_total": len(stop_ids),
    }


def tour_context(page):
    """Every live stop, numbered as on the tour's page; the next one stands out."""
    now = timezone.now()
    stops = list(page.stops())
    next_stop = next((s for s in stops if not s.is_past(now) and not s.is_cancelled), None)
    return {
        "stops": [
            {
                "page": stop,
                "number": number,
                "when": when(stop),
                "past": stop.is_past(now),
                "next": stop is next_stop,
            }
            for number, stop in enumerate(stops, start=1)
        ]
    }


def when(event):
    """`event_when`, its hours kept on one line: "de 10:00 à 12:00" never splits."""
    start, end = timezone.localtime(event.start), timezone.localtime(event.end)
    hours = gettext("%(start)s to %(end)s") % {
        "start": date_format(start, "TIME_FORMAT"),
        "end": date_format(end, "TIME_FORMAT"),
    }
    return capfirst(event_when(event)).replace(hours, hours.replace(" ", "\N{NO-BREAK SPACE}"))


def consultation_context(page):
    """Its dates and phases, what residents can do while it is open, its next events."""
    on = timezone.localdate()
    status = page.status(on)
    current = page.current_phase(on)
    taking_part = status in (ConsultationStatus.UPCOMING, ConsultationStatus.OPEN)
    blocks = {block["type"] for block in page.body.raw_data}
    events = (
        EventPage.objects.upcoming().live().public().filter(consultation_id=page.pk)[:3]
        if taking_part
        else []
    )
    return {
        "status": status,
        "dates": capfirst(date_range(page.opens, page.closes)) if page.opens else "",
        "phases": [
            {
                "phase": phase,
                "number": number,
                "dates": capfirst(date_range(phase.start, phase.last_day)),
                "current": phase is current,
            }
            for number, phase in enumerate(page.ordered_phases, start=1)
        ],
        "current_phase": current,
        "actions": [label for kinds, label in ACTIONS if kinds & blocks] if taking_part else [],
        "events": [{"page": event, "when": when(event)} for event in events],
        "envelopes": envelopes(page),
    }


def envelopes(page):
    """The consultation's participatory budget envelopes whose vote is not over, each with
    its rules as residents read them (how, how much, when, who)."""
    found = Envelope.objects.filter(
        consultation__in=language_versions(page), closes_at__gt=timezone.now()
    ).select_related("district")
    return [
        {"envelope": envelope, "rules": rules.describe(envelope)}
        for envelope in found.order_by(*rules.READING_ORDER)
    ]


def eligibility_context(page):
    """Who may take part, as the consultation's page says it (participation.eligibility)."""
    return {"eligibility": eligibility.describe(eligibility.rule_for(page))}


def url_parts(url):
    """The printed address in pieces that do not wrap, so that lines break after a "/" (or in
    a very long slug), never at a hyphen that a reader would take for a word break.
    """
    parts = re.findall(r"[^/]*/|[^/]+$", url.removeprefix("https://"))
    return [part[start : start + 30] for part in parts for start in range(0, len(part), 30)]


def qr_code(url):
    """The address as a QR code in vectors, sharp at any print size."""
    image = qrcode.make(
        url, image_factory=SvgPathImage, error_correction=qrcode.constants.ERROR_CORRECT_M
    )
    return data_uri("image/svg+xml", image.to_string())


def logo_data_uri(image):
    """The authority's logo inline (a PNG rendition, or the SVG itself); none if unreadable."""
    if image is None:
        return ""
    try:
        if image.is_svg():
            with image.open_file() as handle:
                return data_uri("image/svg+xml", handle.read())
        rendition = image.get_rendition("max-800x300|format-png")
        with rendition.file.open("rb") as handle:
            return data_uri("image/png", handle.read())
    except (OSError, ValueError):
        return ""


def data_uri(mime, content):
    return f"data:{mime};base64,{base64.b64encode(content).decode('ascii')}"


@cache
def font_dir():
    """The vendored fonts (Atkinson Hyperlegible), found like any static file."""
    return Path(finders.find("fonts/LICENSE")).resolve().parent


@cache
def sprite_symbols():
    """{name: (viewBox, inner SVG)} from the vendored Lucide sprite the site uses."""
    text = Path(finders.find("icons/sprite.svg")).read_text()
    return {
        name: (view_box, inner)
        for name, view_box, inner in re.findall(
            r'<symbol id="([^"]+)" viewBox="([^"]+)">(.*?)</symbol>', text, re.DOTALL
        )
    }


def icon(name, colour):
    """An inline SVG icon, stroked in the colour (WeasyPrint's SVG has no currentColor)."""
    view_box, inner = sprite_symbols()[name]
    return mark_safe(  # a vendored file and a validated colour
        f'<svg class="icon" viewBox="{view_box}" fill="none" stroke="{colour}" '
        f'stroke-width="2" stroke-linecap="round" stroke-linejoin="round">{inner}</svg>'
    )


def icons(colour):
    """The icons the posters use, in the accent colour, keyed by name with "_" for "-"."""
    return {name.replace("-", "_"): icon(name, colour) for name in ICONS}


class LocalFetcher(URLFetcher):
    """Inline data and the vendored fonts only: rendering a poster never reaches the network."""

    def fetch(self, url, headers=None):
        if url.startswith("data:") or (
            url.startswith("file:")
            and Path(url2pathname(urlsplit(url).path)).resolve().parent == font_dir()
        ):
            return super().fetch(url, headers)
        raise ValueError(f"A poster fetches nothing but its fonts: {url}")
