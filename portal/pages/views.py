"""A page's forms posted to the page's own participation address, `take-part/<page id>/`,
rather than to the page's URL: Wagtail's routing (the site, each ancestor, the page's type)
and reading every block of the body cost more than casting a ballot, the busiest moment of a
participatory budget (`make bench`). The page answers as when posted to its URL
(`BasePage.serve_participation`): a 303 on success, else the page with the form again.

The page is found in one query, and its view restrictions in one more, both kept in the cache
until the next publish or change of privacy: a page's type never changes, so each process
remembers the model of the pages posted to.
"""

from django.apps import apps
from django.http import Http404
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods
from wagtail.models import Page

from portal.core import lookups, page_cache
from portal.core.http import see_other
from portal.core.restrictions import refused

from .base import BasePage

# Page id → its model (None: no such page), as read last; a page's type never changes.
_page_models = {}
PAGE_MODELS_REMEMBERED = 4096


def _page_model(pk, fresh=False):
    """The model of page `pk`, as remembered unless `fresh`; None if there is no such page."""
    if fresh or pk not in _page_models:
        if len(_page_models) >= PAGE_MODELS_REMEMBERED:
            _page_models.clear()
        content_type = (
            Page.objects.filter(pk=pk)
            .values_list("content_type__app_label", "content_type__model")
            .first()
        )
        _page_models[pk] = apps.get_model(*content_type) if content_type else None
    return _page_models[pk]


def _live_page(pk):
    """Live page `pk` of one of our page types, with its locale, kept until the next publish
    (`page_cache.decisive`); else 404."""
    page = page_cache.decisive(f"live-page:{pk}", lambda: _find_live_page(pk))
    if page is None:
        raise Http404
    return page


def _find_live_page(pk):
    page = _live_page_of(_page_model(pk), pk)
    if page is None:  # looked up again: deleted, or an id a test database gave another page
        page = _live_page_of(_page_model(pk, fresh=True), pk)
    return page


def _live_page_of(model, pk):
    if model is None or not issubclass(model, BasePage):
        return None
    return model.objects.live().select_related("locale").filter(pk=pk).first()


@require_http_methods(["GET", "POST"])
def take_part(request, pk):
    """The POST of one of the page's blocks (`block_id`); anything else goes to the page,
    unless the visitor may not see it."""
    page = _live_page(pk)
    if page.locale.language_code != get_language():  # served under its own language only
        raise Http404
    if refused(page, request):  # not even its address, which may say what it is about
        raise Http404
    lookups.remember_site_root_paths(page)  # for the addresses its blocks make (`page.url`)
    if request.method != "POST" or "block_id" not in request.POST:
        return see_other(page.url)
    request.is_preview = False
    return page.serve_participation(request, request.POST["block_id"])
