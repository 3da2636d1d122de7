"""The PDF report of a restitution: what the town hall prints, files and hands out.

The body's blocks are rendered with their own templates, as on the page, inside a print
template (reports/report.html) that adds a cover, a table of contents, running headers, page
numbers and an annex of every idea with its answer; report.css lays the blocks out for A4. The
data blocks read the participation data frozen at publication, like the page does. The PDF is
tagged (PDF/UA-1) for screen readers. Nothing is fetched from the network: the fonts are the
vendored ones, the logo is inline and images are read from the media storage.
"""

import html
import mimetypes
import re
from dataclasses import dataclass
from urllib.parse import unquote, urljoin

from django.conf import settings
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext
from weasyprint import HTML
from weasyprint.urls import URLFetcherResponse

from portal.blocks.restitution_data import STATUS_LABELS
from portal.core.colours import HEX_COLOUR
from portal.core.http import page_url, public_base_url
from portal.core.models import DEFAULT_PRIMARY_COLOUR, PortalSettings
from portal.core.templatetags.dates import date_range
from portal.participation.models import IdeaStatus

from .posters import LocalFetcher, font_dir, logo_data_uri

# Blocks that take part (forms, a filterable list): they cannot be used on paper, and the
# annex lists every idea anyway.
INTERACTIVE_BLOCKS = {"support", "survey", "idea_form", "idea_list", "idea_preview"}
# The annex, from what is done to what is left: the authority's commitments come first.
ANNEX_ORDER = (
    IdeaStatus.REALISED,
    IdeaStatus.RETAINED,
    IdeaStatus.UNDER_STUDY,
    IdeaStatus.NOT_RETAINED,
    IdeaStatus.PUBLISHED,
)
LOGO_HEIGHT = 18
H2 = re.compile(r"<h2\b([^>]*)>(.*?)</h2>", re.DOTALL)
CHART = re.compile(r'<svg class="bar-chart"[^>]*>')
ID = re.compile(r'\bid="([^"]+)"')


@dataclass(frozen=True)
class Report:
    pdf: bytes
    pages: int


def render_report(page):
    """The PDF of the restitution `page` as given (callers pass the live version), in the
    page's language and in Paris time."""
    with (
        translation.override(page.locale.language_code),
        timezone.override(timezone.get_default_timezone()),
    ):
        # Relative links (the body's, the annex's) open the public site from the PDF.
        base_url = public_base_url() + "/"
        document = HTML(
            string=render_to_string("reports/report.html", report_context(page)),
            base_url=base_url,
            url_fetcher=ReportFetcher(base_url),
        ).render(pdf_variant="pdf/ua-1")
        return Report(document.write_pdf(pdf_variant="pdf/ua-1"), len(document.pages))


def report_context(page):
    """What report.html needs; the body is rendered first, so that its section titles make
    the contents."""
    site = page.get_site()
    identity = PortalSettings.for_site(site) if site else PortalSettings()
    accent = identity.primary_colour if HEX_COLOUR.match(identity.primary_colour or "") else ""
    consultation = page.consultation
    data = page.participation_data()
    context = {
        "page": page,
        "lang": page.locale.language_code,
        "identity": identity,
        "accent": accent or DEFAULT_PRIMARY_COLOUR,
        "logo": logo_data_uri(identity.logo),
        "logo_width": logo_width(identity.logo),
        "font_dir": font_dir().as_uri(),
        "consultation": consultation,
        "dates": (
            capfirst(date_range(consultation.opens, consultation.closes))
            if consultation.opens
            else ""
        ),
        "published": published(page),
        "figures": data.get("figures"),
        "url": page_url(page),
        "annex": annex(data.get("ideas", [])),
        "annex_title": gettext("Annex: every idea and its answer"),
        "css": {
            "title": css_string(Truncator(page.title).chars(90)),
            "authority": css_string(identity.display_name),
            "page": css_string(gettext("Page")),
            # Translators: before a page number, as in "see the annex, page 9".
            "page_short": css_string(gettext("page")),
        },
    }
    body = render_to_string(
        "reports/report_body.html", {**context, "interactive": INTERACTIVE_BLOCKS}
    )
    chart_style = render_to_string("reports/report_chart.css", context)
    context["body"], context["contents"] = outline(styled_charts(body, chart_style))
    return context


def logo_width(image):
    """The logo's width on the cover, for its height of LOGO_HEIGHT mm (at most 60 mm)."""
    if image is None or not image.height:
        return ""
    return f"{min(60, LOGO_HEIGHT * image.width / image.height):.1f}mm"


def published(page):
    """When the restitution was first published, and last updated if on a later day."""
    first = page.first_published_at or timezone.now()
    last = page.last_published_at or first
    first, last = timezone.localdate(first), timezone.localdate(last)
    return {"first": first, "updated": last if last > first else None}


def outline(body):
    """The body with an id on every section title (h2), and those titles for the contents."""
    contents = []

    def number(match):
        attributes, title = match.groups()
        found = ID.search(attributes)
        anchor = found[1] if found else f"report-section-{len(contents) + 1}"
        if not found:
            attributes += f' id="{anchor}"'
        contents.append({"id": anchor, "title": html.unescape(strip_tags(title)).strip()})
        return f"<h2{attributes}>{title}</h2>"

    return mark_safe(H2.sub(number, body)), contents  # HTML our templates rendered


def styled_charts(body, style):
    """Each bar chart with the report's colours and type inside it: WeasyPrint styles an
    inline SVG with the SVG's own <style> only, so report.css cannot reach the bars."""
    return CHART.sub(lambda match: f"{match[0]}<style>{style}</style>", body)


def annex(ideas):
    """Every public idea, grouped by status in ANNEX_ORDER (most supported first in each)."""
    groups = []
    for status in ANNEX_ORDER:
        rows = [idea for idea in ideas if idea["status"] == status]
        if rows:
            groups.append({"label": STATUS_LABELS[status], "ideas": rows})
    return groups


def css_string(text):
    """Text as a quoted CSS string for the running header and footer; quotes, backslashes
    and angle brackets are escaped, so that no title ends the string or the <style>."""
    escaped = "".join(
        f"\\{ord(char):x} " if char in '\\"<>' else char for char in " ".join(str(text).split())
    )
    return mark_safe(f'"{escaped}"')  # escaped above


class ReportFetcher(LocalFetcher):
    """The poster's fetcher (inline data, vendored fonts) plus images of the media storage,
    read from the storage itself: the report never reaches the network, not even the site."""

    def __init__(self, base_url, **kwargs):
        super().__init__(**kwargs)
        self.media = urljoin(base_url, settings.MEDIA_URL)

    def fetch(self, url, headers=None):
        if url.startswith(self.media):
            name = unquote(url[len(self.media) :].split("?")[0])
            with default_storage.open(name) as handle:
                body = handle.read()
            mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, body, {"Content-Type": mime})
        return super().fetch(url, headers)
