"""The public poster of a live, public event, tour or consultation, as a PDF."""

from django.http import Http404
from django.views.decorators.http import require_safe
from wagtail.models import Page

from . import posters


@require_safe
def poster(request, page_id):
    page = Page.objects.live().public().type(*posters.POSTER_TYPES).filter(pk=page_id).first()
    if page is None or page.get_url(request) is None:
        raise Http404
    return posters.pdf_response(posters.cached_poster(page.specific), page)
