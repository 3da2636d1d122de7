"""Which events each feed holds, and the feeds' cache.

A feed holds the live, public events of the URL's language, cancelled ones included (a
calendar app must learn that an event it holds is cancelled). Its links are built on the
public address of the site (PUBLIC_BASE_URL), never on the request's host nor the Wagtail
Site record, so a feed is the same whoever fetches it. Feeds are kept whole in the shared
cache, keyed by the page cache's content version: publishing, unpublishing or moving any
page, or editing a theme, district or organiser, makes every feed fresh at once.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import Http404
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from portal.core import page_cache
from portal.core.http import absolute_url, page_url, public_base_url
from portal.core.listing import LINK_FIELDS
from portal.pages.agenda import AgendaPage, EventPage
from portal.pages.consultation import ConsultationPage
from portal.pages.taxonomy import District, Organiser, Theme
from portal.pages.tour import EventTourPage

from . import ics

# Everything a VEVENT is written from, read as plain rows (no page instances, no StreamField).
EVENT_FIELDS = (
    "id",
    "url_path",
    "translation_key",
    "last_published_at",
    "title",
    "summary",
    "start",
    "end",
    "all_day",
    "state",
    "state_note",
    "place_name",
    "address",
    "latitude",
    "longitude",
    "online_url",
    "step_free_access",
    "sign_language",
    "induction_loop",
    "accessibility_notes",
    "registration_url",
    "free_entry",
    "ical_sequence",
    "local_organiser_id",
    "local_organiser_name",
)


@dataclass
class Feed:
    """One subscribable feed: its name for calendar apps, what it holds (the name of its file),
    its page's absolute address and its events."""

    name: str
    subject: str
    url: str
    events: object  # an EventPage queryset


def events_in(locale):
    return EventPage.objects.live().public().filter(locale=locale).order_by("start", "pk")


def find(kind, key):
    """The feed `kind` names for `key` (a page id, slug or organiser id) in the active language.

    Unknown keys, pages of another language or not live, give a 404.
    """
    locale = Locale.get_active()
    events = events_in(locale)
    agenda = AgendaPage.objects.live().public().filter(locale=locale).first()
    agenda_url = page_url(agenda) if agenda else absolute_url("/")
    site = settings.WAGTAIL_SITE_NAME
    if kind == "agenda":
        title = agenda.title if agenda else _("Agenda")
        return Feed(_("Agenda – %(site)s") % {"site": site}, title, agenda_url, events)
    if kind in ("consultation", "tour"):
        model = ConsultationPage if kind == "consultation" else EventTourPage
        page = model.objects.live().public().filter(locale=locale, pk=key).first()
        if page is None:
            raise Http404
        if kind == "consultation":
            events = events.filter(consultation=page)
        else:
            events = events.child_of(page)
        return Feed(f"{page.title} – {site}", page.title, page_url(page), events)
    if kind in ("theme", "district"):
        model = Theme if kind == "theme" else District
        term = model.objects.filter(locale=locale, slug=key).first()
        if term is None:
            raise Http404
        events = events.filter(**{f"{kind}s": term})
        return Feed(f"{term.name} – {site}", term.name, f"{agenda_url}?{kind}={term.slug}", events)
    if kind == "organiser":
        # Any language version's id: the events of the organiser in all of them, named in
        # the feed's language.
        organiser = Organiser.objects.filter(pk=key).first()
        if organiser is None:
            raise Http404
        events = events.of_organiser(organiser.pk)
        organiser = organiser.in_locale(locale.pk)
        return Feed(
            f"{organiser.name} – {site}",
            organiser.name,
            f"{agenda_url}?organiser={organiser.pk}",
            events,
        )
    raise Http404


def render(events, *, name, url):
    """The VCALENDAR of some events, in three queries whatever their number.

    Events are read as rows; each one's address is its agenda's public address followed by
    its path below the agenda (events only live under an agenda, directly or in a tour).
    """
    rows = list(events.with_local_organiser("id", "name").values(*EVENT_FIELDS))
    themes = {}
    through = EventPage.themes.through.objects.filter(eventpage__in=events.values("pk"))
    for event_id, theme in through.values_list("eventpage_id", "theme__name").order_by(
        "theme__name"
    ):
        themes.setdefault(event_id, []).append(theme)
    agendas = [
        (agenda.url_path, page_url(agenda))
        for agenda in AgendaPage.objects.filter(locale=Locale.get_active()).only(*LINK_FIELDS)
    ]
    wording = ics.Wording()
    vevents = []
    for row in rows:
        base_path, base_url = next(
            ((path, address) for path, address in agendas if row["url_path"].startswith(path)),
            ("", ""),
        )
        if base_url:
            address = base_url + row["url_path"][len(base_path) :]
        else:  # not below an agenda of this language: let Wagtail say where it is
            address = page_url(EventPage.objects.get(pk=row["id"]))
        vevents.append(
            ics.vevent(
                row,
                url=address,
                wording=wording,
                themes=themes.get(row["id"], ()),
                organiser_url=f"{base_url}?organiser={row['local_organiser_id']}",
            )
        )
    return ics.calendar(vevents, name=name, url=url, years=years_of(rows))


def years_of(rows):
    """The first and last Paris year of some events, for the time zone's span."""
    if not rows:
        year = timezone.localdate().year
        return year, year
    first = min(row["start"] for row in rows)
    last = max(row["end"] for row in rows)
    return timezone.localtime(first).year, timezone.localtime(last).year


def cached(key, build):
    """What `build` returns (a file's name and bytes) from the shared cache, built on a miss.

    Fresh after any publish (the content version) and for each language and public address,
    which are all a file depends on (not the request's host: no link uses it).
    """
    version = page_cache.content_version()
    if version is None:  # the cache is unreachable
        return build()
    key = ":".join(
        (
            "ics",
            str(version),
            translation.get_language(),
            public_base_url(),
            key,
        )
    )
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout=settings.PAGE_CACHE_SECONDS)
    return value
