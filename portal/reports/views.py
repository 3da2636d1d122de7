"""The public poster of a live, public event, tour or consultation, as a PDF."""

from django.http import Http404, HttpResponse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe
from wagtail.models import Page

from portal.core import page_cache

from . import posters


@require_safe
def poster(request, page_id):
    page = Page.objects.live().public().type(*posters.POSTER_TYPES).filter(pk=page_id).first()
    if page is None or page.get_url(request) is None:
        raise Http404
    return pdf_response(cached_poster(page.specific), page)


def cached_poster(page):
    """The live page's poster, rendered once per content version.

    The bytes are kept in Django's cache under the page id and `page_cache.content_version()`,
    which any publish, unpublish, move or settings change bumps: a second download costs no
    rendering, and an edited page (or its stops, or the authority's logo) gets a new poster.
    Entries also expire after PAGE_CACHE_SECONDS, so that "next stop" and "next events" follow
    the clock.
    """
    return page_cache.shared(f"poster:{page.pk}", lambda: posters.render_poster(page))


def pdf_response(pdf, page):
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=False, filename=f"affiche-{page.slug}.pdf"
    )
    return response
