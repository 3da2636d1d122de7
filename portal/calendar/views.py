"""Calendar files: one event to add, and feeds to subscribe to.

Both are answered from the shared cache when they can be, before any query.
"""

from urllib.parse import quote

from django.http import Http404, HttpResponse
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from portal.core.http import page_url
from portal.core.listing import LINK_FIELDS

from . import feeds
from .ics import filename

CONTENT_TYPE = "text/calendar; charset=utf-8"


def calendar_response(body, names, *, download):
    """The file, named after what it holds (RFC 6266: `filename` in ASCII, `filename*` in
    UTF-8 when the name has other letters)."""
    response = HttpResponse(body, content_type=CONTENT_TYPE)
    # A download opens the calendar app with the event; a feed is read by the app itself.
    disposition = "attachment" if download else "inline"
    readable, plain = names
    header = f'{disposition}; filename="{plain}"'
    if readable != plain:
        header += f"; filename*=UTF-8''{quote(readable)}"
    response["Content-Disposition"] = header
    return response


@require_GET
def event(request, uid):
    """One event's .ics, found by its UID in the URL's language, named after the event."""

    def build():
        events = feeds.events_in(Locale.get_active()).filter(translation_key=uid)
        page = events.only(*LINK_FIELDS, "slug").first()
        if page is None:
            raise Http404
        body = feeds.render(events, name=page.title, url=page_url(page))
        return filename(page.title, page.slug, str(uid)), body

    names, body = feeds.cached(f"event:{uid}", build)
    return calendar_response(body, names, download=True)


@require_GET
def feed(request, kind, key=None):
    """A subscribable feed, named after what it holds; `kind` and `key` come from the URLs."""

    def build():
        selection = feeds.find(kind, key)
        body = feeds.render(selection.events, name=selection.name, url=selection.url)
        return filename(selection.subject, kind), body

    names, body = feeds.cached(f"{kind}:{key}", build)
    return calendar_response(body, names, download=False)
