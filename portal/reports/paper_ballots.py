"""The printable A4 paper ballot of an envelope, handed out at the town hall and in workshops.

It says the envelope's rules in plain language (`budgets.rules`), lists the projects on the
ballot with their cost and a box to tick (or to write points in), asks the voter's district
for the figures, says where to drop it and until when, and carries a QR code to vote online
instead. Up to about fifteen projects fit on one page; more continue on a second one, the
table's header repeated. Rendered like the posters: offline, vendored fonts, in the
consultation's language and Paris time.
"""

import hashlib
import unicodedata

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext
from weasyprint import HTML

from portal.budgets import rules
from portal.budgets.models import BudgetProject, ProjectStatus, VotingMethod, euros
from portal.core import page_cache
from portal.core.colours import HEX_COLOUR
from portal.core.http import page_url
from portal.core.models import DEFAULT_PRIMARY_COLOUR, PortalSettings
from portal.pages.taxonomy import District

from .posters import LocalFetcher, font_dir, logo_data_uri, qr_code, url_parts

# Past this many districts, the voter writes theirs on a line instead of ticking a box.
DISTRICT_BOXES = 12


def ballot_projects(envelope):
    """The projects on the ballot, in the order printed (by title), numbered from 1."""
    projects = BudgetProject.objects.filter(envelope=envelope, status=ProjectStatus.ON_BALLOT)
    return sorted(
        projects.only("pk", "title", "cost"),
        key=lambda project: (reading_order(project.title), project.pk),
    )


def reading_order(text):
    """Alphabetical as people read it: "Éclairer" among the E, not after the Z."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


def render_paper_ballot(envelope, page, projects):
    """The PDF bytes of `envelope`'s paper ballot; `page` is its live consultation page."""
    with (
        translation.override(page.locale.language_code),
        timezone.override(timezone.get_default_timezone()),
    ):
        html = render_to_string(
            "reports/paper_ballot.html", paper_ballot_context(envelope, page, projects)
        )
        return HTML(string=html, url_fetcher=LocalFetcher()).write_pdf()


def cached_paper_ballot(envelope, page):
    """The paper ballot, rendered once per content version and per state of the envelope and
    its projects: editing a project's title or cost, or the envelope's rules, prints a new one
    at once, though they are not pages."""
    projects = ballot_projects(envelope)
    state = repr(
        (
            page.pk,
            envelope.title,
            envelope.amount,
            envelope.method,
            envelope.max_choices,
            envelope.points,
            envelope.opens_at.isoformat(),
            envelope.closes_at.isoformat(),
            envelope.district_id,
            [(project.pk, project.title, project.cost) for project in projects],
        )
    )
    digest = hashlib.sha256(state.encode()).hexdigest()[:16]
    return page_cache.shared(
        f"paper-ballot:{envelope.pk}:{digest}",
        lambda: render_paper_ballot(envelope, page, projects),
    )


def pdf_response(pdf, envelope, page):
    """The PDF inline, named in the ballot's language: "bulletin-papier-<envelope>.pdf"."""
    with translation.override(page.locale.language_code):
        kind = slugify(gettext("paper ballot"))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=False, filename=f"{kind}-{slugify(envelope.title) or envelope.pk}.pdf"
    )
    return response


def paper_ballot_context(envelope, page, projects):
    site = page.get_site()
    identity = PortalSettings.for_site(site) if site else PortalSettings()
    accent = identity.primary_colour
    if not HEX_COLOUR.match(accent or ""):
        accent = DEFAULT_PRIMARY_COLOUR
    url = page_url(page)
    districts = []
    if envelope.district_id is None:
        districts = list(
            District.objects.filter(locale=page.locale)
            .order_by("name")
            .values_list("name", flat=True)[: DISTRICT_BOXES + 1]
        )
    return {
        "page": page,
        "envelope": envelope,
        "lang": page.locale.language_code,
        "identity": identity,
        "accent": accent,
        "logo": logo_data_uri(identity.logo),
        "font_dir": font_dir().as_uri(),
        "rules": rules.describe(envelope),
        "closes": rules.moment(envelope.closes_at, closing=True),
        "method": envelope.method,
        "methods": VotingMethod,
        "projects": [
            {"number": number, "title": project.title, "cost": euros(project.cost)}
            for number, project in enumerate(projects, start=1)
        ],
        "amount": euros(envelope.amount),
        # The postal address on one line, inside a sentence.
        "address": ", ".join(
            line.strip() for line in identity.contact_address.splitlines() if line.strip()
        ),
        "districts": districts if len(districts) <= DISTRICT_BOXES else [],
        "url_parts": url_parts(url) if url else [],
        "qr_code": qr_code(url) if url else "",
    }
