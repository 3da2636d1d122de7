"""Links that put events into residents' calendars: a download and subscriptions."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from portal.core.http import absolute_url
from portal.pages.agenda import AgendaPage, EventPage
from portal.pages.consultation import ConsultationPage
from portal.pages.tour import EventTourPage

register = template.Library()


def subscription(name, args, label):
    """A feed as the two addresses calendar apps take: webcal:// opens the app, https is copied.

    Both are on the public address of the site (PUBLIC_BASE_URL): a calendar app keeps
    fetching them for months, whatever host the page was seen at.
    """
    address = absolute_url(reverse(f"calendar:{name}", args=args))
    return {
        "label": label,
        "webcal": "webcal://" + address.split("://", 1)[1],
        "https": address,
    }


def feeds_for(context, page):
    """The feeds a page offers: its own, or the tour or agenda it belongs to."""
    if isinstance(page, EventPage):
        parent = page.get_parent().specific_deferred
        if isinstance(parent, EventTourPage):
            page = parent
        else:
            return [subscription("agenda", [], _("Subscribe to the whole agenda"))]
    if isinstance(page, EventTourPage):
        return [subscription("tour", [page.pk], _("Subscribe to every stop of the tour"))]
    if isinstance(page, ConsultationPage):
        return [
            subscription("consultation", [page.pk], _("Subscribe to this consultation’s events"))
        ]
    if isinstance(page, AgendaPage):
        feeds = [subscription("agenda", [], _("Subscribe to the whole agenda"))]
        form = context.get("filter_form")
        data = form.cleaned_data if form is not None and form.is_bound and form.is_valid() else {}
        for name, label in (
            ("theme", _("Subscribe to the events of the theme “%(name)s”")),
            ("district", _("Subscribe to the events in “%(name)s”")),
            ("organiser", _("Subscribe to the events of “%(name)s”")),
            ("consultation", _("Subscribe to the events of “%(name)s”")),
        ):
            if data.get(name):
                choice = dict(form.fields[name].choices).get(data[name], "")
                feeds.append(subscription(name, [data[name]], label % {"name": choice}))
        return feeds
    return []


@register.inclusion_tag("calendar/links.html", takes_context=True)
def calendar_links(context, page):
    """The "in your calendar" box of an event, a tour, a consultation or the agenda."""
    download = None
    if isinstance(page, EventPage):
        download = reverse("calendar:event", args=[page.translation_key])
    return {
        "page": page,
        "download": download,
        "feeds": feeds_for(context, page),
    }
