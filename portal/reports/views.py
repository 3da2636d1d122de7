"""Public printed material as PDFs: the poster of a live, public event, tour or consultation;
the paper ballot of an envelope of a live, public consultation."""

from django.http import Http404
from django.views.decorators.http import require_safe
from wagtail.models import Page

from portal.budgets.models import Envelope

from . import paper_ballots, posters


@require_safe
def poster(request, page_id):
    page = Page.objects.live().public().type(*posters.POSTER_TYPES).filter(pk=page_id).first()
    if page is None or page.get_url(request) is None:
        raise Http404
    return posters.pdf_response(posters.cached_poster(page.specific), page)


@require_safe
def paper_ballot(request, envelope_id):
    envelope = Envelope.objects.select_related("district").filter(pk=envelope_id).first()
    if envelope is None:
        raise Http404
    page = Page.objects.live().public().filter(pk=envelope.consultation_id).first()
    if page is None or page.get_url(request) is None:
        raise Http404
    page = page.specific
    return paper_ballots.pdf_response(
        paper_ballots.cached_paper_ballot(envelope, page), envelope, page
    )
