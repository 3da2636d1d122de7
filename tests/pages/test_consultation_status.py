"""Status and current phase at the boundaries, in Paris time, with frozen clocks."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from portal.pages.consultation import ConsultationPage, ConsultationStatus
from tests import factories

PARIS = ZoneInfo("Europe/Paris")
PHASES = (
    (date(2026, 3, 2), date(2026, 3, 28), None),  # 1: ends the day before the spring DST change
    (date(2026, 3, 29), date(2026, 5, 17), date(2026, 5, 31)),  # 2: extended by two weeks
    (date(2026, 6, 1), date(2026, 6, 30), None),
    (date(2026, 9, 1), date(2026, 10, 25), None),  # 4: ends on the autumn DST change
)


@pytest.fixture
def page(home):
    index = factories.consultation_index(home)
    return factories.consultation(index, "Place du Marché", phases=PHASES)


def at(year, month, day, hour=12, minute=0):
    return time_machine.travel(datetime(year, month, day, hour, minute, tzinfo=PARIS), tick=False)


@pytest.mark.parametrize(
    ("moment", "status", "phase"),
    [
        ((2026, 3, 1, 23, 59), ConsultationStatus.UPCOMING, None),
        ((2026, 3, 2, 0, 0), ConsultationStatus.OPEN, "Phase 1"),  # the day it starts
        ((2026, 3, 28, 23, 59), ConsultationStatus.OPEN, "Phase 1"),  # the day it ends, evening
        # 29 March 2026, 00:30 in Paris is still 28 March in UTC: Paris days count.
        ((2026, 3, 29, 0, 30), ConsultationStatus.OPEN, "Phase 2"),
        ((2026, 3, 29, 3, 30), ConsultationStatus.OPEN, "Phase 2"),  # after the clocks jump
        ((2026, 5, 18, 12, 0), ConsultationStatus.OPEN, "Phase 2"),  # within the extension
        ((2026, 5, 31, 23, 0), ConsultationStatus.OPEN, "Phase 2"),  # last extended day
        ((2026, 6, 1, 0, 0), ConsultationStatus.OPEN, "Phase 3"),
        ((2026, 7, 15, 12, 0), ConsultationStatus.OPEN, None),  # between phases: still open
        ((2026, 10, 25, 2, 30), ConsultationStatus.OPEN, "Phase 4"),  # the repeated hour
        ((2026, 10, 25, 23, 59), ConsultationStatus.OPEN, "Phase 4"),
        ((2026, 10, 26, 0, 0), ConsultationStatus.CLOSED, None),
    ],
)
def test_status_and_current_phase(page, moment, status, phase):
    with at(*moment):
        fresh = ConsultationPage.objects.get(pk=page.pk)
        assert fresh.status() == status
        current = fresh.current_phase()
        assert (current.title if current else None) == phase
        # The database filters agree with the computation in Python.
        assert list(ConsultationPage.objects.with_status(status).values_list("pk", flat=True)) == [
            page.pk
        ]


def test_results_published_once_the_restitution_is_live(page):
    with at(2026, 11, 2):
        assert page.status() == ConsultationStatus.CLOSED
        restitution = factories.restitution(page)
        fresh = ConsultationPage.objects.get(pk=page.pk)
        assert fresh.status() == ConsultationStatus.RESULTS
        assert fresh.restitution.pk == restitution.pk
        assert ConsultationPage.objects.results_published().get().pk == page.pk
        assert not ConsultationPage.objects.closed().exists()
        restitution.unpublish()
        assert ConsultationPage.objects.get(pk=page.pk).status() == ConsultationStatus.CLOSED


def test_a_consultation_without_phases_is_upcoming(home):
    index = factories.consultation_index(home)
    page = factories.consultation(index, "Sans calendrier", phases=())
    assert page.status() == ConsultationStatus.UPCOMING
    assert ConsultationPage.objects.upcoming().get().pk == page.pk
