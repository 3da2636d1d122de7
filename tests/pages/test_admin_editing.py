"""Editors create every page type in the admin; the tree and the forms guard the rules."""

from datetime import date

from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import HomePage
from portal.pages.models import (
    AgendaPage,
    ConsultationIndexPage,
    ConsultationPage,
    EventPage,
    EventTourPage,
    RestitutionPage,
    StandardPage,
)
from tests import factories


def phase(title, start, end, extended=""):
    return {"title": title, "description": "", "start": start, "end": end, "extended_end": extended}


def consultation_data(phases, **overrides):
    data = {
        "title": "Réaménagement de la place du Marché",
        "slug": "place-du-marche",
        "summary": "La place change : donnez votre avis.",
        "objectives": rich_text("<p>Une place plus verte.</p>"),
        "contribution_use": rich_text("<p>Vos avis orienteront le projet.</p>"),
        "participation_degree": "concertation",
        "body": streamfield([]),
        "rules": rich_text(""),
        "guarantor": "",
        "guarantor_contact": "",
        "contact": streamfield([]),
        "phases": inline_formset(phases),
    }
    data.update(overrides)
    return nested_form_data(data)


def event_data(**overrides):
    data = {
        "title": "Atelier de quartier",
        "slug": "atelier",
        "summary": "",
        "start": "2026-12-01 18:30",
        "end": "2026-12-01 20:30",
        "state": "scheduled",
        "state_note": "",
        "body": streamfield([]),
        "place_name": "Maison des associations",
        "address": "",
        "latitude": "",
        "longitude": "",
        "online_url": "",
        "accessibility_notes": "",
        "free_entry": "on",
        "registration_url": "",
    }
    data.update(overrides)
    return nested_form_data(data)


class AdminEditingTests(WagtailPageTestCase):
    def setUp(self):
        self.login()
        root = Page.get_first_root_node()
        self.home = HomePage(title="Accueil", slug="accueil-admin", hero_title="Bienvenue")
        root.add_child(instance=self.home)
        Site.objects.filter(is_default_site=True).update(root_page=self.home)
        self.index = factories.consultation_index(self.home)
        self.agenda = factories.agenda(self.home)

    def test_tree_rules(self):
        self.assertAllowedSubpageTypes(HomePage, {StandardPage, ConsultationIndexPage, AgendaPage})
        self.assertAllowedSubpageTypes(ConsultationIndexPage, {ConsultationPage})
        self.assertAllowedSubpageTypes(ConsultationPage, {RestitutionPage})
        self.assertAllowedSubpageTypes(AgendaPage, {EventPage, EventTourPage})
        self.assertAllowedSubpageTypes(EventTourPage, {EventPage})
        self.assertAllowedParentPageTypes(EventPage, {AgendaPage, EventTourPage})
        self.assertCanNotCreateAt(HomePage, EventPage)
        # One consultation index and one agenda per site are enough.
        self.assertFalse(ConsultationIndexPage.can_create_at(self.home))
        self.assertFalse(AgendaPage.can_create_at(self.home))

    def test_editor_creates_a_consultation_with_phases(self):
        self.assertCanCreate(
            self.index,
            ConsultationPage,
            consultation_data(
                [
                    phase("Consultation", "2026-05-18", "2026-08-01", "2026-08-31"),
                    phase("Synthèse", "2026-09-01", "2026-09-30"),
                ]
            ),
        )
        page = ConsultationPage.objects.get(slug="place-du-marche")
        self.assertEqual([p.title for p in page.ordered_phases], ["Consultation", "Synthèse"])

    def post_consultation(self, phases, **overrides):
        url = f"/admin/pages/add/pages/consultationpage/{self.index.pk}/"
        return self.client.post(url, consultation_data(phases, **overrides))

    def phase_errors(self, response):
        return [form.errors for form in response.context["form"].formsets["phases"].forms]

    def test_a_phase_ending_before_it_starts_is_refused(self):
        response = self.post_consultation([phase("Consultation", "2026-08-01", "2026-05-18")])
        self.assertEqual(response.status_code, 200)
        errors = self.phase_errors(response)[0]
        self.assertIn("La phase ne peut pas se terminer avant de commencer", errors["end"][0])
        self.assertFalse(ConsultationPage.objects.exists())

    def test_an_extension_must_end_after_the_original_end(self):
        response = self.post_consultation(
            [phase("Consultation", "2026-05-18", "2026-08-01", "2026-07-01")]
        )
        errors = self.phase_errors(response)[0]
        self.assertIn("prolongation", errors["extended_end"][0])

    def test_overlapping_phases_are_refused(self):
        response = self.post_consultation(
            [
                phase("Consultation", "2026-05-18", "2026-08-01", "2026-08-31"),
                phase("Synthèse", "2026-08-15", "2026-09-30"),
            ]
        )
        self.assertEqual(response.status_code, 200)
        errors = self.phase_errors(response)[1]
        self.assertIn("chevauche", errors["start"][0])
        self.assertIn("31/08/2026", errors["start"][0])

    def test_phases_out_of_order_are_refused(self):
        response = self.post_consultation(
            [
                phase("Synthèse", "2026-09-01", "2026-09-30"),
                phase("Consultation", "2026-05-18", "2026-08-01"),
            ]
        )
        errors = self.phase_errors(response)[1]
        self.assertIn("ordre", errors["start"][0])

    def test_a_consultation_needs_what_contributions_are_for_and_a_phase(self):
        response = self.post_consultation([], contribution_use=rich_text(""))
        self.assertEqual(response.status_code, 200)
        self.assertIn("contribution_use", response.context["form"].errors)
        self.assertFalse(ConsultationPage.objects.exists())

    def test_editor_creates_an_event(self):
        self.assertCanCreate(self.agenda, EventPage, event_data())

    def test_an_event_ending_before_it_starts_is_refused(self):
        url = f"/admin/pages/add/pages/eventpage/{self.agenda.pk}/"
        response = self.client.post(url, event_data(end="2026-12-01 17:00"))
        self.assertEqual(response.status_code, 200)
        self.assertIn("se terminer après", response.context["form"].errors["end"][0])
        self.assertFalse(EventPage.objects.exists())

    def test_an_event_with_registration_needs_the_link(self):
        url = f"/admin/pages/add/pages/eventpage/{self.agenda.pk}/"
        response = self.client.post(url, event_data(free_entry=""))
        self.assertIn("registration_url", response.context["form"].errors)

    def test_all_day_events_span_whole_paris_days(self):
        self.assertCanCreate(
            self.agenda,
            EventPage,
            event_data(all_day="on", start="2026-12-05 10:00", end="2026-12-06 12:00"),
        )
        event = EventPage.objects.get(slug="atelier")
        self.assertEqual(str(event.start), "2026-12-04 23:00:00+00:00")
        self.assertEqual(str(event.end), "2026-12-06 22:59:59+00:00")

    def test_editor_creates_a_tour_and_its_stops(self):
        self.assertCanCreate(
            self.agenda,
            EventTourPage,
            nested_form_data(
                {"title": "Agora", "slug": "agora", "summary": "", "body": streamfield([])}
            ),
        )
        tour = EventTourPage.objects.get(slug="agora")
        self.assertCanCreate(tour, EventPage, event_data(slug="etape-1"))

    def test_one_restitution_per_consultation(self):
        consultation = factories.consultation(self.index, "Parc")
        self.assertCanCreate(
            consultation,
            RestitutionPage,
            nested_form_data(
                {"title": "Bilan", "slug": "bilan", "summary": "", "body": streamfield([])}
            ),
        )
        self.assertCanNotCreateAt(ConsultationPage, ConsultationPage)
        consultation.refresh_from_db()
        self.assertFalse(RestitutionPage.can_create_at(consultation))

    def test_every_page_type_is_previewable(self):
        consultation = factories.consultation(self.index, "Parc")
        restitution = factories.restitution(consultation)
        tour = factories.tour(self.agenda)
        event = factories.event(self.agenda, "Atelier", factories.paris(date(2026, 12, 1), 18))
        simple = {"summary": "", "body": streamfield([])}
        pages = [
            (event, event_data()),
            (tour, nested_form_data({"title": "Agora", "slug": "agora", **simple})),
            (restitution, nested_form_data({"title": "Bilan", "slug": "bilan", **simple})),
            (
                self.index,
                nested_form_data(
                    {
                        "title": "Concertations",
                        "slug": "concertations",
                        "summary": "",
                        "body": streamfield([]),
                    }
                ),
            ),
            (
                self.agenda,
                nested_form_data(
                    {"title": "Agenda", "slug": "agenda", "summary": "", "body": streamfield([])}
                ),
            ),
            (consultation, consultation_data([phase("Consultation", "2026-05-18", "2026-08-01")])),
        ]
        for page, data in pages:
            self.assertPageIsPreviewable(page, post_data=data)
