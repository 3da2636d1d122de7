"""Small builders for pages in tests: real models, saved the way the admin saves them."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from portal.pages.models import (
    AgendaPage,
    ConsultationIndexPage,
    ConsultationPage,
    EventPage,
    EventTourPage,
    Phase,
    RestitutionPage,
)

PARIS = ZoneInfo("Europe/Paris")


def paris(day, hour=0, minute=0):
    return datetime.combine(day, time(hour, minute), tzinfo=PARIS)


def publish(parent, page, revision=True):
    parent.add_child(instance=page)
    if revision:
        page.save_revision().publish()
    return page


def consultation_index(home, **fields):
    return publish(
        home, ConsultationIndexPage(title="Concertations", slug="concertations", **fields)
    )


def consultation(
    index, title, phases=((date(2026, 5, 18), date(2026, 8, 1), None),), revision=True, **fields
):
    page = ConsultationPage(
        title=title, contribution_use="<p>Vos avis guideront le projet.</p>", **fields
    )
    page.phases = [
        Phase(
            title=f"Phase {number}", start=start, end=end, extended_end=extended, sort_order=number
        )
        for number, (start, end, extended) in enumerate(phases, start=1)
    ]
    return publish(index, page, revision)


def restitution(consultation_page, **fields):
    return publish(
        consultation_page,
        RestitutionPage(title="Ce que nous avons entendu", slug="restitution", **fields),
    )


def agenda(home, **fields):
    return publish(home, AgendaPage(title="Agenda", slug="agenda", **fields))


def event(parent, title, start, duration=timedelta(hours=2), revision=True, **fields):
    return publish(
        parent, EventPage(title=title, start=start, end=start + duration, **fields), revision
    )


def tour(agenda_page, **fields):
    return publish(agenda_page, EventTourPage(title="L’Agora itinérante", slug="agora", **fields))
