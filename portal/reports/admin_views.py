"""The poster as staff see it in the admin: the latest revision, published or not."""

from django.http import Http404, HttpResponseForbidden
from django.shortcuts import get_object_or_404
from wagtail.models import Page

from . import posters


def poster(request, page_id):
    """For those who can edit the page; a live page without a newer draft gets the public poster.

    A plain 403: Wagtail's admin would turn PermissionDenied into a redirect to the dashboard.
    """
    page = get_object_or_404(Page, pk=page_id).specific
    if not posters.has_poster(page):
        raise Http404
    if not page.permissions_for_user(request.user).can_edit():
        return HttpResponseForbidden()
    if page.live and not page.has_unpublished_changes:
        pdf = posters.cached_poster(page)
    else:
        pdf = posters.render_poster(page.get_latest_revision_as_object())
    return posters.pdf_response(pdf, page)
