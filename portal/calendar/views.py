"""Calendar files: one event to add, and feeds to subscribe to.

Both are answered from the shared cache when they can be, before any query.
"""

from django.http import Http404, HttpResponse
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from portal.pages.base import LINK_FIELDS

from . import feeds

CONTENT_TYPE = "text/calendar; charset=utf-8"


def calendar_response(body, filename, *, download):
    response = HttpResponse(body, content_type=CONTENT_TYPE)
    # A download opens the calendar app with the event; a feed is read by the app itself.
    disposition = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


@require_GET
def event(request, uid):
    """One event's .ics, found by its UID in the URL's language."""

    def build():
        events = feeds.events_in(Locale.get_active()).filter(translation_key=uid)
        page = events.only(*LINK_FIELDS).first()
        if page is None:
            raise Http404
        return feeds.render(
            events, name=page.title, url=page.get_full_url(request), request=request
        )

    body = feeds.cached(f"event:{uid}", request, build)
    return calendar_response(body, "evenement.ics", download=True)


@require_GET
def feed(request, kind, key=None):
    """A subscribable feed; `kind` and `key` come from the URL patterns."""

    def build():
        selection = feeds.find(kind, key, request)
        return feeds.render(
            selection.events,
            name=selection.name,
            url=request.build_absolute_uri(selection.page_url),
            request=request,
        )

    body = feeds.cached(f"{kind}:{key}", request, build)
    return calendar_response(body, f"{kind}.ics", download=False)
