"""The public poster address: live public pages of the three types only, cached, never a 500."""

from unittest import mock

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageViewRestriction, Site

from portal.core.models import PortalSettings
from portal.reports import posters
from tests import factories
from tests.conftest import make_standard_page

from . import pdf
from .conftest import WORKSHOP_START as START


def address(page_id, language="fr"):
    with translation.override(language):
        return reverse("reports:poster", args=[page_id])


def test_a_live_event_poster_is_served_inline_as_a_pdf(client, workshop, tmp_path):
    response = client.get(address(workshop.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    disposition = 'inline; filename="affiche-atelier-coeur-de-ville.pdf"'
    assert response["Content-Disposition"] == disposition
    assert pdf.info(response.content, tmp_path)["Pages"] == "1"


def test_the_address_is_translated(workshop):
    assert address(workshop.pk, "en") == f"/en/posters/{workshop.pk}.pdf"
    with translation.override("fr"):
        french = translation.gettext("posters/<int:page_id>.pdf").replace("<int:page_id>", "")
    assert address(workshop.pk, "fr") == f"/fr/{french.replace('.pdf', '')}{workshop.pk}.pdf"


@pytest.mark.parametrize("fixture", ["tour", "consultation"])
def test_tours_and_consultations_have_posters(client, request, fixture):
    page = request.getfixturevalue(fixture)
    for language in ("fr", "en"):
        response = client.get(address(page.pk, language))
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"


def test_a_second_download_is_served_from_the_cache_until_the_next_publish(client, workshop):
    # As on any configured site: creating the settings on first use bumps the content version.
    PortalSettings.for_site(Site.objects.get(is_default_site=True))
    with mock.patch.object(posters, "render_poster", wraps=posters.render_poster) as render:
        first = client.get(address(workshop.pk)).content
        second = client.get(address(workshop.pk, "en")).content
        assert render.call_count == 1
        assert first == second
        workshop.title = "Atelier déplacé"
        workshop.save_revision().publish()  # bumps the content version
        client.get(address(workshop.pk))
        assert render.call_count == 2


def test_draft_pages_have_no_public_poster(client, agenda):
    draft = factories.event(agenda, "Atelier en préparation", START, revision=False, live=False)
    draft.save_revision()
    assert client.get(address(draft.pk)).status_code == 404


def test_unpublished_and_private_pages_have_no_public_poster(client, workshop, tour):
    workshop.unpublish()
    PageViewRestriction.objects.create(
        page=tour, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    stop = tour.get_children().first()
    assert client.get(address(workshop.pk)).status_code == 404
    assert client.get(address(tour.pk)).status_code == 404
    assert client.get(address(stop.pk)).status_code == 404  # private through its parent


def test_other_page_types_and_unknown_ids_have_no_poster(client, home, agenda):
    standard = make_standard_page(home, "Mentions légales")
    for page_id in (standard.pk, agenda.pk, home.pk, 999_999, 0):
        assert client.get(address(page_id)).status_code == 404


@pytest.mark.parametrize(
    "tail",
    [
        "99999999999999999999999999.pdf",
        "2147483648.pdf",
        "-1.pdf",
        "1e3.pdf",
        "abc.pdf",
        "1.pdf%00",
        "%00.pdf",
        "1.PDF",
        "1.pdf/",
        "%27%22%3C.pdf",
        "1.pdf?page=%00&x=" + "a" * 5000,
    ],
)
def test_hostile_addresses_give_a_404(client, home, tail):
    base = address(1).removesuffix("1.pdf")
    assert client.get(base + tail).status_code == 404


def test_only_get_and_head(client, workshop):
    assert client.head(address(workshop.pk)).status_code == 200
    assert client.post(address(workshop.pk)).status_code == 405


def test_the_template_tag_gives_the_poster_address_or_nothing(home, workshop, tour, consultation):
    standard = make_standard_page(home, "Mentions légales")
    template = Template("{% load reports %}[{% poster_url page %}]")
    with translation.override("fr"):
        for page in (workshop, tour, consultation):
            assert template.render(Context({"page": page})) == f"[{address(page.pk)}]"
        assert template.render(Context({"page": standard})) == "[]"
        assert template.render(Context({"page": None})) == "[]"
        workshop.unpublish()
        assert template.render(Context({"page": workshop})) == "[]"
