"""The demo consultations and agenda: every status and kind of event, on any day of loading."""

from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone
from wagtail.models import Page, Revision

from portal.demo.loader import DemoLoader
from portal.pages.consultation import ConsultationStatus
from portal.pages.models import (
    AgendaPage,
    ConsultationIndexPage,
    ConsultationPage,
    District,
    EventPage,
    EventTourPage,
    Organiser,
    Phase,
    Theme,
)

PARIS = ZoneInfo("Europe/Paris")
EXPECTED_STATUSES = {
    "reamenagement-place-du-marche": ConsultationStatus.OPEN,
    "plan-velo": ConsultationStatus.UPCOMING,
    "parc-des-tilleuls": ConsultationStatus.RESULTS,
    "rues-aux-ecoles": ConsultationStatus.CLOSED,
    "budget-participatif-2027": ConsultationStatus.OPEN,
    "budget-participatif-2026": ConsultationStatus.RESULTS,
}


def load_demo():
    return DemoLoader(log=lambda message: None).run()


def statuses():
    french = ConsultationPage.objects.live().filter(locale__language_code="fr")
    return {page.slug: page.status() for page in french}


def agenda():
    return AgendaPage.objects.get(slug="agenda")


def snapshot():
    return (
        sorted(Page.objects.values_list("pk", "latest_revision_id", "live")),
        Revision.objects.count(),
        Phase.objects.count(),
        Theme.objects.count(),
        District.objects.count(),
        Organiser.objects.count(),
    )


def test_consultations_cover_every_status(demo):
    index = ConsultationIndexPage.objects.child_of(demo).get(slug="concertations")
    assert index.live and index.show_in_menus
    assert index.consultations().count() >= 3
    assert statuses() == EXPECTED_STATUSES


def test_open_consultation_has_four_phases_the_first_current_and_extended(demo):
    page = ConsultationPage.objects.get(slug="reamenagement-place-du-marche")
    phases = page.ordered_phases
    assert [phase.title for phase in phases] == [
        "Consultation",
        "Classement des contributions",
        "Synthèse",
        "Réponses de la Ville",
    ]
    current = page.current_phase()
    assert current == phases[0]
    assert current.start < timezone.localdate() < current.end < current.extended_end
    assert page.participation_degree == "concertation" and page.guarantor
    assert page.hero_image.title == "Place du Marché"
    assert page.themes.exists() and page.districts.exists() and len(page.contact) == 1
    direct = EventPage.objects.child_of(agenda()).live().filter(consultation=page)
    assert 2 <= direct.count() <= 3


def test_phases_follow_the_rules_of_the_admin_form(demo):
    for page in ConsultationPage.objects.all():
        phases = page.ordered_phases
        assert phases, page.title
        for phase in phases:
            phase.clean()
        for before, after in zip(phases, phases[1:], strict=False):
            assert after.start > before.last_day, (page.title, after.title)


def test_closed_consultation_has_a_live_restitution_with_decisions_and_next_steps(demo):
    page = ConsultationPage.objects.get(slug="parc-des-tilleuls")
    assert page.closes < timezone.localdate()
    restitution = page.restitution
    assert restitution is not None and restitution.live
    blocks = [block.block_type for block in restitution.body]
    data_blocks = {"participation_figures", "survey_results", "retained_ideas", "ideas_answers"}
    assert {"heading", "paragraph", "timeline", *data_blocks} <= set(blocks)
    assert blocks.count("decision") >= 3
    # Its data was frozen when it was published: ideas at every step, answered; the vote.
    data = restitution.specific.results
    assert data["figures"]["participants"] > 10
    statuses = {idea["status"] for idea in data["ideas"]}
    assert {"retained", "realised", "not_retained", "under_study"} <= statuses
    assert all(
        idea["answer"] or idea["reason"]
        for idea in data["ideas"]
        if idea["status"] != "under_study"
    )
    (vote,) = data["surveys"].values()
    assert vote["questions"][0]["options"][0]["label"] == "Un parc jardin"
    assert round(vote["questions"][0]["options"][0]["percent"]) == 58
    timeline = next(block.value for block in restitution.body if block.block_type == "timeline")
    done = [step["done"] for step in timeline["steps"]]
    assert any(done) and not all(done)


def test_agenda_has_upcoming_past_cancelled_postponed_all_day_and_online_events(demo):
    events = agenda().events()
    assert agenda().show_in_menus
    assert events.count() >= 12
    assert events.upcoming().count() >= 8 and events.past().count() >= 3
    assert events.filter(state="cancelled").exclude(state_note="").exists()
    assert events.filter(state="postponed").exclude(state_note="").exists()
    all_day = events.get(all_day=True)
    assert timezone.localtime(all_day.start, PARIS).time() == time.min
    assert timezone.localtime(all_day.end, PARIS).time() == time(23, 59, 59)
    assert events.filter(place_name="", latitude__isnull=True).exclude(online_url="").exists()
    paying = events.filter(free_entry=False)
    assert paying.exists() and "" not in paying.values_list("registration_url", flat=True)
    assert events.filter(sign_language=True).exists()
    assert events.filter(organiser__kind="association").exists()
    for event in events.specific():
        event.full_clean()  # EventPage.clean: end after start, both coordinates, registration


def test_tour_has_past_and_upcoming_stops_in_different_places(demo):
    tour = EventTourPage.objects.child_of(agenda()).get(slug="agora-itinerante")
    stops = list(tour.stops())
    assert len(stops) >= 4
    assert any(stop.is_past() for stop in stops) and not all(stop.is_past() for stop in stops)
    assert all(stop.has_coordinates for stop in stops)
    assert len({stop.place_name for stop in stops}) == len(stops)
    assert {stop.consultation.slug for stop in stops} == {"reamenagement-place-du-marche"}


def test_taxonomies_and_organisers(demo):
    fr = demo.locale
    assert Theme.objects.in_locale(fr).count() >= 6
    assert {"mobilite", "espaces-verts"} <= set(Theme.objects.values_list("slug", flat=True))
    assert District.objects.in_locale(fr).count() >= 5
    assert Organiser.objects.filter(kind="association").count() >= 2
    assert Organiser.objects.filter(kind="service").count() >= 2


def test_loading_again_creates_publishes_and_changes_nothing(demo):
    before = snapshot()
    assert load_demo() == 0
    assert snapshot() == before


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2027, 3, 28, 12, tzinfo=PARIS),  # the day clocks go forward
        datetime(2026, 12, 31, 23, 30, tzinfo=PARIS),  # late on the last day of the year
        datetime(2028, 2, 29, 8, tzinfo=PARIS),
    ],
)
def test_statuses_hold_whatever_the_day_of_loading(db, moment):
    with time_machine.travel(moment, tick=False):
        load_demo()
        assert statuses() == EXPECTED_STATUSES
        market = ConsultationPage.objects.get(slug="reamenagement-place-du-marche")
        assert market.current_phase() == market.ordered_phases[0]
        events = agenda().events()
        assert events.upcoming().exists() and events.past().exists()
        tour = EventTourPage.objects.get(slug="agora-itinerante")
        assert any(stop.is_past() for stop in tour.stops())
        assert any(not stop.is_past() for stop in tour.stops())
