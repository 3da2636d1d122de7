"""The PDF report of a restitution: what it holds, read with poppler's tools as a person would;
rendered in the background when the restitution is published; linked from the page."""

import json
from io import BytesIO, StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.template.defaultfilters import filesizeformat
from django.test import override_settings
from django.utils import translation
from django.utils.translation import gettext
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Site

from portal.core.models import PortalSettings
from portal.core.sites import sync_default_site
from portal.pages.models import RestitutionPage
from portal.reports.models import RestitutionReport
from portal.reports.restitution import render_report
from portal.reports.tasks import render_restitution_report
from tests import factories

from . import pdf

A4 = "595.276 x 841.89 pts (A4)"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Reports, and the demo's images, in a media folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def restitution(demo):
    return RestitutionPage.objects.live().get(locale__language_code="fr", slug="restitution")


def in_french(message):
    """A new string as the French report shows it: translated once the catalogue has it."""
    with translation.override("fr"):
        return gettext(message)


def page_text(document, tmp_path, number):
    path = pdf.saved(document, tmp_path, "report")
    return pdf.squeezed(pdf.run("pdftotext", "-f", number, "-l", number, path, "-"))


def section_titles(client, page):
    """The section titles (h2) of the restitution's body, as residents read them on the page
    (not the open data's links that follow it: files to download, not part of the report)."""
    html = BeautifulSoup(client.get(page.url).content, "html.parser")
    return [
        h2.get_text(" ", strip=True)
        for h2 in html.select(".prose h2")
        if not h2.find_parent(class_="open-data")
    ]


def test_the_demo_restitution_report_holds_its_sections_figures_and_answers(
    restitution, client, tmp_path
):
    render_restitution_report.enqueue(restitution.pk)  # ImmediateBackend: rendered now
    report = RestitutionReport.current(restitution)
    document = report.file.read()

    meta = pdf.info(document, tmp_path)
    assert meta["Tagged"] == "yes"
    assert meta["Title"] == restitution.title == "Ce que nous avons entendu, ce que nous décidons"
    assert meta["Author"] == "Ville de Bellecombe-sur-Lauze"
    assert meta["Page size"] == A4
    assert int(meta["Pages"]) == report.page_count > 1
    assert report.size == len(document)
    assert report.language == pdf.language(document) == "fr"
    fonts = pdf.fonts(document, tmp_path)  # plain zeros, and no fallback font anywhere
    assert "Atkinson-Plain-Zero" in fonts and all(f.startswith("Atkinson-") for f in fonts), fonts

    text = pdf.text(document, tmp_path)
    titles = section_titles(client, restitution)
    assert "Qui a participé" in titles and "Nos décisions" in titles
    for title in titles:
        assert pdf.squeezed(title) in text, title
    figures = restitution.results["figures"]
    for number, label in (
        (figures["participants"], "participants"),
        (figures["contributions"], "contributions"),
        (figures["supports"], "supports"),
    ):
        assert pdf.squeezed(f"{number} {in_french(label)}") in text
    answered = [idea for idea in restitution.results["ideas"] if idea["answer"]]
    assert len(answered) >= 5
    for idea in restitution.results["ideas"]:
        for words in (idea["title"], idea["answer"], idea["reason"]):
            assert pdf.squeezed(words) in text, words
    # The decisions, their accents and typographic apostrophes intact.
    assert pdf.squeezed("Cette proposition n’est pas retenue.") in text
    assert pdf.squeezed("L’emplacement à l’ombre des tilleuls a été choisi par le vote") in text

    # The contents (page 2) list every section and the annex; pages say "Page X / Y".
    contents = page_text(document, tmp_path, 2)
    for title in [*titles, in_french("Annex: every idea and its answer")]:
        assert pdf.squeezed(title) in contents, title
    assert pdf.squeezed(f"{in_french('Page')} 3 / {report.page_count}") in page_text(
        document, tmp_path, 3
    )


@override_settings(PUBLIC_BASE_URL="https://participation.example.fr")
def test_the_cover_and_every_link_open_the_public_address(restitution, tmp_path):
    """Not the Site record's host: the PDF is filed and printed, its links must work."""
    document = render_report(restitution).pdf
    address = "https://participation.example.fr/fr/concertations/parc-des-tilleuls/restitution/"
    links = pdf.links(document, tmp_path)
    assert links[0] == address  # the cover's "read it online"
    assert any("/fr/participation/idees/" in link for link in links)  # the annex
    assert all(link.startswith("https://participation.example.fr/fr/") for link in links)
    text = pdf.text(document, tmp_path)
    assert pdf.squeezed(address) in text
    assert "testserver" not in text and "localhost" not in text


def test_a_new_public_address_renders_the_stored_report_again(
    restitution, settings, tmp_path, django_capture_on_commit_callbacks
):
    render_restitution_report.enqueue(restitution.pk)
    old = RestitutionReport.objects.get(page=restitution).file.name
    settings.PUBLIC_BASE_URL = "https://participation.example.fr"
    with django_capture_on_commit_callbacks(execute=True):
        assert sync_default_site()  # what every migrate does
    report = RestitutionReport.current(restitution)
    assert report.file.name != old and not default_storage.exists(old)
    links = pdf.links(report.file.read(), tmp_path)
    assert links and all(link.startswith("https://participation.example.fr/") for link in links)


def test_publishing_renders_the_report_and_republishing_replaces_it(
    restitution, client, django_capture_on_commit_callbacks
):
    # The demo's publication is never committed inside a test: no report yet, no link.
    assert not RestitutionReport.objects.exists()
    assert "/media/reports/" not in client.get(restitution.url).text

    with django_capture_on_commit_callbacks(execute=True):
        restitution.save_revision().publish()
    page = RestitutionPage.objects.get(pk=restitution.pk)
    first = RestitutionReport.objects.get(page=page)
    assert first.revision_id == page.live_revision_id
    assert default_storage.exists(first.file.name)
    assert_links(client, page, first)

    # Published again: until that version's report is made, the page links to none, and
    # anonymous visitors get it from the cache so; the task then replaces the file.
    page.save_revision().publish()
    assert f'href="{first.file.url}"' not in client.get(page.url).text
    with django_capture_on_commit_callbacks(execute=True):
        render_restitution_report.enqueue(page.pk)  # as the worker would, later
    page.refresh_from_db()
    second = RestitutionReport.objects.get(page=page)
    assert second.pk == first.pk and second.revision_id == page.live_revision_id
    assert second.file.name != first.file.name
    assert not default_storage.exists(first.file.name)
    assert default_storage.exists(second.file.name)
    assert_links(client, page, second)

    # Unpublished, the restitution takes its report out of the storage.
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert not RestitutionReport.objects.exists()
    assert not default_storage.exists(second.file.name)


def assert_links(client, page, report):
    """The page links to the report's file, saying its format, pages and size."""
    link = BeautifulSoup(client.get(page.url).content, "html.parser").find(
        "a", href=report.file.url
    )
    assert link is not None
    with translation.override("fr"):
        size = filesizeformat(report.size)
    text = link.get_text()
    assert "PDF" in text and f" {report.page_count} " in text and size in text
    assert link.has_attr("download")


def test_images_logo_and_a_hostile_title_stay_inside_the_report(home, tmp_path):
    """The logo and the body's images are read from storage (nothing fetched from the web),
    and quotes or markup in a title cannot break the running header."""
    image_file = BytesIO()
    PILImage.new("RGB", (300, 100), "#7a1f5c").save(image_file, "PNG")
    image = get_image_model().objects.create(title="Logo", file=ImageFile(image_file, "l.png"))
    identity = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    identity.authority_name = "Ville de Bellecombe-sur-Lauze"
    identity.logo = image
    identity.save()
    consultation = factories.consultation(factories.consultation_index(home), "La place")
    title = 'Bilan « place » "</style><h1>x'
    page = factories.publish(
        consultation,
        RestitutionPage(
            title=title,
            slug="restitution",
            body=[
                {"type": "heading", "value": {"text": "Ce que nous avons vu", "level": "h2"}},
                {"type": "image", "value": {"image": image.pk, "alt_text": "La place au marché"}},
            ],
        ),
    )
    document = render_report(RestitutionPage.objects.get(pk=page.pk)).pdf
    assert pdf.info(document, tmp_path)["Title"] == title
    assert pdf.image_count(document, tmp_path) == 2  # the logo and the image
    assert pdf.squeezed(title) in page_text(document, tmp_path, 3)  # in the running header


def test_an_english_restitution_gets_an_english_report(home, locales, tmp_path):
    consultation = factories.consultation(factories.consultation_index(home), "La place")
    french = factories.restitution(consultation)
    english = french.copy_for_translation(locales[1], copy_parents=True)
    english.title = "What we heard, what we decide"
    english.save_revision().publish()
    document = render_report(RestitutionPage.objects.get(pk=english.pk)).pdf
    assert pdf.language(document) == "en"
    assert pdf.info(document, tmp_path)["Title"] == "What we heard, what we decide"
    text = pdf.text(document, tmp_path)
    assert pdf.squeezed("Results of the consultation") in text
    assert pdf.squeezed("Contents") in text


def test_the_bench_command_publishes_a_restitution_and_times_its_report(demo):
    out = StringIO()
    call_command("bench_report", "--ideas", "12", "--runs", "1", stdout=out)
    result = json.loads(out.getvalue())
    assert result["ideas"] == 12
    assert len(result["render_ms"]) == 1 and result["render_ms"][0] > 0
    assert result["pages"] > 2 and result["bytes"] > 0
    page = RestitutionPage.objects.live().get(url_path__contains="banc-d-essai-bilan")
    assert {block.block_type for block in page.body} >= {
        "participation_figures",
        "survey_results",
        "retained_ideas",
        "ideas_answers",
        "decision",
        "timeline",
    }


def test_the_budget_results_are_in_the_report_as_on_the_page(consultation, tmp_path):
    """The results block frozen at publication, rendered with its own template: the winners,
    every project's votes with the table under its chart, and the rule that decided."""
    from datetime import date, timedelta

    import time_machine

    from portal.budgets import services
    from tests.budgets.factories import EnvelopeFactory, ProjectFactory
    from tests.factories import ParticipantFactory, paris

    envelope = EnvelopeFactory(
        consultation=consultation,
        title="Enveloppe de la ville",
        amount=100_000,
        opens_at=paris(date(2027, 5, 18)),
        closes_at=paris(date(2027, 7, 1)),
    )
    trees, pool, benches = (
        ProjectFactory(envelope=envelope, title=title, cost=cost)
        for title, cost in (
            ("Des arbres rue Haute", 30_000),
            ("Une piscine d’été", 80_000),
            ("Des bancs partout", 20_000),
        )
    )
    for choices in ([trees, benches], [trees], [pool]):
        services.cast_ballot(
            envelope=envelope,
            participant=ParticipantFactory(),
            choices=choices,
            now=paris(date(2027, 6, 2), 12),
        )
    body = [
        {
            "type": "budget_results",
            "value": {"heading": "Le vote du budget", "envelopes": [], "show_districts": True},
            "id": "vote",
        }
    ]
    with time_machine.travel(envelope.closes_at + timedelta(days=2), tick=False):
        page = factories.restitution(consultation, body=body)
        document = render_report(RestitutionPage.objects.get(pk=page.pk)).pdf
    text = pdf.text(document, tmp_path)
    for expected in (
        "Le vote du budget",
        "Enveloppe de la ville",
        "Projets financés",
        "Des arbres rue Haute 30 000 € · 2 voix",
        "Des bancs partout 20 000 € · 1 voix",
        "Les voix de chaque projet",
        "Une piscine d’été 80 000 € 1 33 % Non financé",
        "Comment les lauréats sont choisis",
    ):
        assert pdf.squeezed(expected) in text, expected
    # In the contents too, as a section of the report.
    assert pdf.squeezed("Le vote du budget") in page_text(document, tmp_path, 2)
