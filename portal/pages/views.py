"""A page's forms posted to the page's own participation address, `take-part/<page id>/`,
rather than to the page's URL: Wagtail's routing (the site, each ancestor, the page's type)
and reading every block of the body cost more than casting a ballot, the busiest moment of a
participatory budget (`make bench`). The page answers as when posted to its URL
(`BasePage.serve_participation`): a 303 on success, else the page with the form again.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_http_methods
from wagtail.models import Page

from portal.core.http import see_other

from .base import BasePage
from .languages import serve_in_own_language_only


@require_http_methods(["GET", "POST"])
def take_part(request, pk):
    """The POST of one of the page's blocks (`block_id`); anything else goes to the page."""
    page = get_object_or_404(Page.objects.live(), pk=pk).specific
    if not isinstance(page, BasePage):
        raise Http404
    serve_in_own_language_only(page, request, (), {})
    restricted = any(not rule.accept_request(request) for rule in page.get_view_restrictions())
    if request.method != "POST" or "block_id" not in request.POST or restricted:
        return see_other(page.url)
    request.is_preview = False
    return page.serve_participation(request, request.POST["block_id"])
