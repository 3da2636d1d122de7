"""The printable paper ballot of an envelope: one A4 page for fifteen projects, every title and
cost, the rules, a QR code to vote online; served to anyone for a live public consultation,
cached, never a 500."""

from datetime import date
from unittest import mock

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageViewRestriction, Site

from portal.budgets.models import ProjectStatus, VotingMethod
from portal.core.http import page_url
from portal.core.models import PortalSettings
from portal.pages.models import District
from portal.reports import paper_ballots
from tests.budgets.factories import EnvelopeFactory, ProjectFactory
from tests.factories import paris

from . import pdf

A4 = "595.276 x 841.89 pts (A4)"
TITLES = [
    "Des arbres dans la cour de l’école Jules-Ferry",
    "Un skatepark au Port",
    "Rénover les bancs du parc des Tilleuls",
    "Une fontaine à boire place du Marché",
    "Des toilettes publiques accessibles à la gare",
    "Un jardin partagé aux Hauts",
    "Éclairer le chemin du lavoir",
    "Des abris à vélos sécurisés",
    "Une boîte à livres dans chaque quartier",
    "Végétaliser le parvis de la mairie",
    "Un terrain de basket en accès libre",
    "Des jeux pour enfants au square Pasteur",
    "Des ralentisseurs devant le collège « Victor-Hugo »",
    "Une fresque participative sous le pont",
    "Un composteur collectif rue Haute",
]


@pytest.fixture
def districts(locales):
    return [
        District.objects.create(locale=locales[0], name=name, slug=slug)
        for name, slug in (("Centre-ville", "centre"), ("Les Hauts", "hauts"))
    ]


@pytest.fixture
def envelope(consultation):
    return EnvelopeFactory(
        consultation=consultation,
        title="Enveloppe de la ville",
        amount=1_000_000,
        opens_at=paris(date(2027, 5, 18), 9),
        closes_at=paris(date(2027, 7, 1)),
    )


@pytest.fixture
def projects(envelope):
    return [
        ProjectFactory(envelope=envelope, title=title, cost=12_500 + number * 17_000)
        for number, title in enumerate(TITLES)
    ]


def address(envelope_id, language="fr"):
    with translation.override(language):
        return reverse("reports:paper_ballot", args=[envelope_id])


def test_fifteen_projects_fit_one_page_with_their_titles_costs_and_the_rules(
    client, envelope, projects, tmp_path
):
    ProjectFactory(envelope=envelope, title="Un projet encore à l’étude", status="under_study")
    response = client.get(address(envelope.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'inline; filename="bulletin-papier-enveloppe-de-la-ville.pdf"'
    )
    document = response.content
    meta = pdf.info(document, tmp_path)
    assert meta["Pages"] == "1"
    assert meta["Page size"] == A4
    assert pdf.language(document) == "fr"
    text = pdf.text(document, tmp_path)
    for project in projects:
        assert pdf.squeezed(project.title) in text, project.title
        assert pdf.squeezed(f"{project.cost:,} €".replace(",", " ")) in text, project.cost
    assert "encoreàl’étude" not in text  # only the projects on the ballot
    for expected in (
        "Bulletin papier",
        "Réaménagement de la place du Marché",
        "Choisissez des projets dont le coût total ne dépasse pas 1 000 000 €.",
        "Vote du mardi 18 mai 2027 à 09:00 au mercredi 30 juin 2027 à minuit.",
        "Ouvert à tous les habitants et habitantes.",
        "Votre choix",
        "Coût total des projets cochés",
        "Déposez-le dans l’urne de la mairie avant le mercredi 30 juin 2027 à minuit.",
        "Votre quartier",
    ):
        assert pdf.squeezed(expected) in text, expected


@override_settings(PUBLIC_BASE_URL="https://participation.example.fr")
def test_the_qr_code_leads_to_the_consultation_public_address(
    client, consultation, envelope, projects, tmp_path
):
    assert Site.objects.get(is_default_site=True).hostname == "localhost"
    document = client.get(address(envelope.pk)).content
    assert pdf.qr_codes(document, tmp_path) == [page_url(consultation)]
    assert page_url(consultation).startswith("https://participation.example.fr/fr/")
    text = pdf.text(document, tmp_path)
    assert pdf.squeezed("participation.example.fr/fr/concertations/place-du-marche/") in text
    assert "localhost" not in text


def test_points_and_choices_say_what_to_write(client, consultation, tmp_path):
    points = EnvelopeFactory(consultation=consultation, method=VotingMethod.POINTS, points=100)
    choices = EnvelopeFactory(consultation=consultation, method=VotingMethod.CHOICES, max_choices=2)
    for envelope in (points, choices):
        ProjectFactory(envelope=envelope, title="Un kiosque")
    text = pdf.text(client.get(address(points.pk)).content, tmp_path)
    for expected in ("Vos points", "Total de vos points", "(100 au plus)", "Répartissez jusqu’à"):
        assert pdf.squeezed(expected) in text, expected
    text = pdf.text(client.get(address(choices.pk)).content, tmp_path)
    assert pdf.squeezed("Cochez 2 cases au plus.") in text


def test_a_district_envelope_asks_no_district_and_says_who_votes(
    client, consultation, districts, tmp_path
):
    envelope = EnvelopeFactory(consultation=consultation, district=districts[1])
    ProjectFactory(envelope=envelope)
    text = pdf.text(client.get(address(envelope.pk)).content, tmp_path)
    assert pdf.squeezed("Ouvert aux habitants et habitantes du quartier Les Hauts.") in text
    assert pdf.squeezed("Votre quartier") not in text


def test_the_ballot_is_in_the_consultation_language_whatever_the_address(
    client, envelope, projects, tmp_path
):
    text = pdf.text(client.get(address(envelope.pk, "en")).content, tmp_path)
    assert pdf.squeezed("Bulletin papier") in text
    assert pdf.squeezed("Paper ballot") not in text


def test_an_envelope_without_projects_gives_a_ballot_that_says_so(client, envelope, tmp_path):
    response = client.get(address(envelope.pk))
    assert response.status_code == 200
    text = pdf.text(response.content, tmp_path)
    assert pdf.squeezed("Les projets soumis au vote ne sont pas encore choisis.") in text


def test_a_second_download_is_served_from_the_cache_until_a_project_changes(
    client, envelope, projects
):
    PortalSettings.for_site(Site.objects.get(is_default_site=True))
    render = mock.patch.object(
        paper_ballots, "render_paper_ballot", wraps=paper_ballots.render_paper_ballot
    )
    with render as rendered:
        first = client.get(address(envelope.pk)).content
        assert client.get(address(envelope.pk)).content == first
        assert rendered.call_count == 1
        # Not a page: no publish bumps the content version, the ballot still follows it.
        projects[0].cost = 99_000
        projects[0].save()
        assert client.get(address(envelope.pk)).content != first
        assert rendered.call_count == 2
        projects[1].status = ProjectStatus.FEASIBLE  # taken off the ballot
        projects[1].save()
        client.get(address(envelope.pk))
        assert rendered.call_count == 3


def test_unpublished_private_and_unknown_have_no_ballot(client, consultation, envelope):
    PageViewRestriction.objects.create(
        page=consultation, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert client.get(address(envelope.pk)).status_code == 404
    PageViewRestriction.objects.all().delete()
    consultation.unpublish()
    assert client.get(address(envelope.pk)).status_code == 404
    assert client.get(address(999_999)).status_code == 404


@pytest.mark.parametrize(
    "tail",
    [
        "99999999999999999999999999.pdf",
        "2147483648.pdf",
        "-1.pdf",
        "0.pdf",
        "abc.pdf",
        "1.pdf%00",
        "1.PDF",
        "%27%22%3C.pdf",
    ],
)
def test_hostile_addresses_give_a_404(client, home, tail):
    base = address(1).removesuffix("1.pdf")
    assert client.get(base + tail).status_code == 404


def test_only_get_and_head(client, envelope):
    assert client.head(address(envelope.pk)).status_code == 200
    assert client.post(address(envelope.pk)).status_code == 405


def test_the_address_is_translated(envelope):
    assert address(envelope.pk, "en") == f"/en/paper-ballots/{envelope.pk}.pdf"
    assert address(envelope.pk, "fr") == f"/fr/bulletins-papier/{envelope.pk}.pdf"
