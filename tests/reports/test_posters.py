"""The printed posters: one A4 page, French text intact, a QR code that leads to the page."""

from datetime import date, timedelta
from io import BytesIO

import pytest
from django.conf import settings
from django.core.files.images import ImageFile
from django.test import override_settings
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Locale, Site

from portal.core.http import page_url
from portal.core.models import PortalSettings
from portal.pages.models import ConsultationPage, District, EventPage, EventTourPage
from portal.participation.models import EligibilityRule
from portal.reports.posters import LocalFetcher, font_dir, render_poster
from tests import factories
from tests.factories import paris

from . import pdf
from .conftest import ADDRESS, PLACE, TITLE

A4 = "595.276 x 841.89 pts (A4)"


def test_an_event_poster_is_one_a4_page_in_french_with_its_accents(workshop, tmp_path):
    with timezone.override("UTC"):  # the server's zone does not matter: posters are in Paris time
        poster = render_poster(workshop)
    meta = pdf.info(poster, tmp_path)
    assert meta["Pages"] == "1"
    assert meta["Page size"] == A4
    assert meta["Title"] == TITLE
    assert meta["Author"] == settings.WAGTAIL_SITE_NAME  # until the authority's name is set
    assert pdf.language(poster) == "fr"
    text = pdf.text(poster, tmp_path)
    for expected in (TITLE, "dimanche 14 mars 2027", "de 18:30 à 20:30", PLACE, ADDRESS):
        assert pdf.squeezed(expected) in text
    assert pdf.squeezed("Mission participation citoyenne") in text
    assert pdf.squeezed("Accès de plain-pied · Boucle magnétique") in text


def test_digits_are_drawn_with_the_site_font_and_a_plain_zero(workshop, tmp_path):
    """Dates and times read "2027", not "2Ø27": the plain zero's own face draws every 0 (and
    the spaces next to it), Atkinson Hyperlegible the rest; no fallback font is needed."""
    fonts = pdf.fonts(render_poster(workshop), tmp_path)
    assert {"Atkinson-Plain-Zero", "Atkinson-Hyperlegible"} <= fonts
    assert all(name.startswith("Atkinson-") for name in fonts), fonts


@override_settings(PUBLIC_BASE_URL="https://participation.example.fr")
def test_the_qr_code_gives_the_page_public_address(workshop, tmp_path):
    """Printed and scanned for weeks: the address residents use, not the Site record's
    (localhost here, as Wagtail's first migration leaves it)."""
    assert Site.objects.get(is_default_site=True).hostname == "localhost"
    poster = render_poster(workshop)
    address = "https://participation.example.fr/fr/agenda/atelier-coeur-de-ville/"
    assert pdf.qr_codes(poster, tmp_path) == [address]
    text = pdf.text(poster, tmp_path)
    assert pdf.squeezed("participation.example.fr/fr/agenda/atelier-coeur-de-ville/") in text
    assert "localhost" not in text


def test_a_cancelled_event_says_so(workshop, tmp_path):
    workshop.state = "cancelled"
    workshop.state_note = "La salle est fermée pour travaux."
    workshop.save_revision().publish()
    text = pdf.text(render_poster(EventPage.objects.get(pk=workshop.pk)), tmp_path)
    assert pdf.squeezed("Annulé") in text
    assert pdf.squeezed("Cet événement est annulé. La salle est fermée pour travaux.") in text


def test_a_tour_stop_names_its_tour(tour, tmp_path):
    stop = EventPage.objects.child_of(tour).get(slug="etape-2")
    assert pdf.squeezed("L’Agora itinérante") in pdf.text(render_poster(stop), tmp_path)


def test_the_tour_poster_lists_every_stop(tour, tmp_path):
    poster = render_poster(tour)
    assert pdf.info(poster, tmp_path)["Pages"] == "1"
    text = pdf.text(poster, tmp_path)
    for day, place in [
        ("samedi 3 avril 2027", "Place Saint-Aubin"),
        ("samedi 10 avril 2027", "Parvis de la gare"),
        ("samedi 17 avril 2027", "Quai du Port"),
    ]:
        assert pdf.squeezed(day) in text and pdf.squeezed(place) in text
    assert pdf.qr_codes(poster, tmp_path) == [page_url(tour)]


def test_the_consultation_poster_shows_its_dates(consultation, tmp_path):
    poster = render_poster(consultation)
    text = pdf.text(poster, tmp_path)
    # From the first phase's start to the last phase's last day, extension included.
    assert pdf.squeezed("Du 18 mai au 1er août 2027") in text
    assert pdf.squeezed("La place change : donnez votre avis.") in text
    assert pdf.qr_codes(poster, tmp_path) == [page_url(consultation)]


def test_an_open_consultation_says_what_residents_can_do(home, tmp_path):
    today = timezone.localdate()
    page = factories.consultation(
        factories.consultation_index(home),
        "Un plan vélo pour Bellecombe",
        phases=((today - timedelta(days=1), today + timedelta(days=30), None),),
    )
    box = factories.IdeaBoxFactory(consultation=page)
    page.body = [{"type": "idea_form", "value": {"idea_box": box.pk, "heading": ""}}]
    page.save_revision().publish()
    text = pdf.text(render_poster(ConsultationPage.objects.get(pk=page.pk)), tmp_path)
    assert pdf.squeezed(in_french("Propose your ideas")) in text
    assert pdf.squeezed(in_french("What you can do")) in text


def test_the_consultation_poster_says_who_may_take_part(consultation, locales, tmp_path):
    rule = EligibilityRule.objects.create(consultation=consultation, minimum_age=16)
    rule.districts.set([District.objects.create(locale=locales[0], name="Nord", slug="nord")])
    poster = render_poster(ConsultationPage.objects.get(pk=consultation.pk))
    assert pdf.info(poster, tmp_path)["Pages"] == "1"
    text = pdf.text(poster, tmp_path)
    assert pdf.squeezed("Qui peut participer") in text
    assert pdf.squeezed("Ouvert aux habitants de Nord.") in text
    assert pdf.squeezed("Vous devez avoir 16 ans ou plus") in text


def test_a_consultation_poster_without_a_rule_says_nothing_of_it(consultation, tmp_path):
    assert pdf.squeezed("Qui peut participer") not in pdf.text(
        render_poster(consultation), tmp_path
    )


@pytest.mark.parametrize("words", [40, 400])
def test_long_texts_still_give_one_page_with_its_qr_code(agenda, tmp_path, words):
    event = factories.event(
        agenda,
        ("Très long titre d’atelier " * 20)[:255],
        paris(date(2027, 3, 14), 18, 30),
        summary=("Résumé très détaillé " * words)[:400],
        place_name="Salle " * 20,
        address=("Adresse " * 30)[:200],
        accessibility_notes=("Accès " * 200)[:600],
        step_free_access=True,
        sign_language=True,
        induction_loop=True,
        state="postponed",
        state_note="Reporté " * 24,
    )
    poster = render_poster(event)
    assert pdf.info(poster, tmp_path)["Pages"] == "1"
    assert pdf.qr_codes(poster, tmp_path) == [page_url(event)]


def test_a_tour_of_forty_stops_fits_and_says_how_many_are_left_out(agenda, tmp_path):
    tour = factories.tour(agenda, summary="Longue tournée " * 20)
    for number in range(40):
        factories.event(
            tour,
            f"Étape {number}",
            paris(date(2027, 4, 1) + timedelta(days=number), 10),
            slug=f"etape-{number}",
            place_name=f"Place numéro {number} de la longue tournée",
        )
    poster = render_poster(tour)
    assert pdf.info(poster, tmp_path)["Pages"] == "1"
    assert pdf.qr_codes(poster, tmp_path) == [page_url(tour)]
    text = pdf.text(poster, tmp_path)
    assert pdf.squeezed("Place numéro 0 de la longue tournée") in text
    with translation.override("fr"):
        left_out = ngettext(
            "And %(count)s more stop: scan the code.",
            "And %(count)s more stops: scan the code.",
            16,
        ) % {"count": 16}
    assert pdf.squeezed(left_out) in text


def test_an_english_page_gets_an_english_poster(workshop, tmp_path):
    english = workshop.copy_for_translation(Locale.objects.get(language_code="en"), True)
    english.title = "“Heart of town” workshop"
    english.save_revision().publish()
    poster = render_poster(EventPage.objects.get(pk=english.pk))
    assert pdf.language(poster) == "en"
    text = pdf.text(poster, tmp_path)
    assert pdf.squeezed("Sunday 14 March 2027, 6:30 p.m. to 8:30 p.m.") in text
    assert pdf.squeezed("More information") in text


def in_french(message):
    """A new string as French posters show it: translated once the catalogue has it."""
    with translation.override("fr"):
        return gettext(message)


def test_the_authority_name_colour_and_logo_are_on_top(workshop, tmp_path):
    buffer = BytesIO()
    PILImage.new("RGB", (300, 100), "#7a1f5c").save(buffer, "PNG")
    logo = get_image_model().objects.create(title="Logo", file=ImageFile(buffer, name="logo.png"))
    identity = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    identity.authority_name = "Ville de Bellecombe-sur-Lauze"
    identity.logo = logo
    identity.save()
    poster = render_poster(workshop)
    assert pdf.info(poster, tmp_path)["Author"] == "Ville de Bellecombe-sur-Lauze"
    assert pdf.squeezed("Ville de Bellecombe-sur-Lauze") in pdf.text(poster, tmp_path)
    assert pdf.image_count(poster, tmp_path) == 1


def test_demo_posters_are_one_page_each(demo, tmp_path):
    pages = [
        EventPage.objects.live().filter(locale__language_code="fr").first(),
        EventTourPage.objects.live().filter(locale__language_code="fr").first(),
        ConsultationPage.objects.live().filter(locale__language_code="fr").first(),
    ]
    for page in pages:
        poster = render_poster(page)
        assert pdf.info(poster, tmp_path)["Pages"] == "1", page.title
        assert pdf.squeezed(page.title) in pdf.text(poster, tmp_path)


def test_rendering_fetches_nothing_but_the_vendored_fonts():
    fetcher = LocalFetcher()
    font = font_dir() / "atkinson-hyperlegible-latin-400-normal.woff2"
    assert fetcher.fetch(font.as_uri()).read(4) == b"wOF2"
    for refused in (
        "https://fonts.example.org/font.woff2",
        "http://127.0.0.1:8000/static/css/portal.css",
        (font_dir() / ".." / "css" / "portal.css").as_uri(),
        "file:///etc/passwd",
    ):
        with pytest.raises(ValueError):
            fetcher.fetch(refused)


def test_a_missing_logo_file_or_a_forged_colour_does_not_break_the_poster(workshop, tmp_path):
    buffer = BytesIO()
    PILImage.new("RGB", (30, 10), "#000000").save(buffer, "PNG")
    logo = get_image_model().objects.create(title="Logo", file=ImageFile(buffer, name="gone.png"))
    logo.file.storage.delete(logo.file.name)
    identity = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    identity.logo = logo
    identity.primary_colour = '"/><p>'  # saved around the admin form's validation
    identity.save()
    poster = render_poster(workshop)
    assert pdf.info(poster, tmp_path)["Pages"] == "1"
    assert pdf.image_count(poster, tmp_path) == 0
    assert pdf.qr_codes(poster, tmp_path) == [page_url(workshop)]


def test_a_consultation_with_a_budget_says_how_to_vote(consultation, tmp_path):
    from tests.budgets.factories import EnvelopeFactory

    EnvelopeFactory(
        consultation=consultation,
        title="Enveloppe de la ville",
        amount=500_000,
        method="choices",
        max_choices=3,
        opens_at=paris(date(2027, 6, 1), 9),
        closes_at=paris(date(2027, 7, 1)),
    )
    EnvelopeFactory(  # its vote is over: not on the poster
        consultation=consultation,
        title="Enveloppe de l’an dernier",
        opens_at=paris(date(2026, 6, 1)),
        closes_at=paris(date(2026, 7, 1)),
    )
    poster = render_poster(consultation)
    assert pdf.info(poster, tmp_path)["Pages"] == "1"
    text = pdf.text(poster, tmp_path)
    for expected in (
        "Budget participatif : votez",
        "Enveloppe de la ville",
        "Choisissez jusqu’à 3 projets.",
        "Vote du mardi 1er juin 2027 à 09:00 au mercredi 30 juin 2027 à minuit.",
        "Vous pouvez aussi voter sur papier ou sur place, en mairie.",
    ):
        assert pdf.squeezed(expected) in text, expected
    assert pdf.squeezed("l’an dernier") not in text
    assert pdf.qr_codes(poster, tmp_path) == [page_url(consultation)]
