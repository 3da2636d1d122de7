"""A district's boundary, typed as GeoJSON or imported from a file in the admin, read
strictly (errors next to the field), and shared by its translations."""

import json

from django.core.files.uploadedfile import SimpleUploadedFile

from portal.core import geo
from portal.pages.models import District
from portal.pages.taxonomy import district_at
from tests.districts import BOUNDARIES, create_districts

ADD = "/admin/snippets/pages/district/add/?locale=fr"
SQUARE = {"type": "Polygon", "coordinates": [[[4.8, 45.7], [4.9, 45.7], [4.9, 45.8], [4.8, 45.7]]]}


def test_a_boundary_typed_as_geojson_is_stored_as_its_geometry(admin_client, locales):
    feature = {"type": "Feature", "properties": {"nom": "Gare"}, "geometry": SQUARE}
    response = admin_client.post(
        ADD, {"name": "La Gare", "slug": "la-gare", "boundary": json.dumps(feature)}
    )
    assert response.status_code == 302
    assert District.objects.get(slug="la-gare").boundary == SQUARE


def test_a_geojson_file_replaces_the_boundary(admin_client, locales):
    upload = SimpleUploadedFile(
        "gare.geojson",
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [{"type": "Feature", "geometry": BOUNDARIES["est"]}],
            }
        ).encode(),
        content_type="application/geo+json",
    )
    response = admin_client.post(
        ADD,
        {
            "name": "La Gare",
            "slug": "la-gare",
            "boundary": json.dumps(SQUARE),
            "boundary_file": upload,
        },
    )
    assert response.status_code == 302
    assert District.objects.get(slug="la-gare").boundary["type"] == "MultiPolygon"


def test_no_boundary_is_fine(admin_client, locales):
    response = admin_client.post(ADD, {"name": "La Gare", "slug": "la-gare", "boundary": ""})
    assert response.status_code == 302
    assert District.objects.get(slug="la-gare").boundary is None


def test_a_bad_boundary_is_refused_next_to_its_field(admin_client, locales):
    response = admin_client.post(
        ADD, {"name": "La Gare", "slug": "la-gare", "boundary": '{"type": "Point"}'}
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["boundary"]
    assert "MultiPolygon" in response.content.decode()
    assert not District.objects.exists()


def test_a_crafted_file_is_refused_without_reading_it_all(admin_client, locales):
    huge = SimpleUploadedFile("huge.geojson", b"[" * (geo.MAX_BOUNDARY_BYTES + 10))
    response = admin_client.post(
        ADD, {"name": "La Gare", "slug": "la-gare", "boundary": "", "boundary_file": huge}
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["boundary_file"]
    notjson = SimpleUploadedFile("gare.geojson", b"\x89PNG\r\n")
    response = admin_client.post(
        ADD, {"name": "La Gare", "slug": "la-gare", "boundary": "", "boundary_file": notjson}
    )
    assert list(response.context["form"].errors) == ["boundary_file"]
    assert not District.objects.exists()


def test_the_edit_form_shows_the_boundary_as_geojson(admin_client, locales):
    district = create_districts(locales[0])["sud"]
    response = admin_client.get(f"/admin/snippets/pages/district/edit/{district.pk}/")
    assert response.status_code == 200
    assert json.loads(response.context["form"]["boundary"].value()) == BOUNDARIES["sud"]
    assert "&quot;Polygon&quot;" in response.content.decode()


def test_translations_share_the_original_boundary(admin_client, locales, localize):
    districts = create_districts(locales[0])
    english = localize(districts["nord"], locales[1], {"Nord": "North"})
    assert english.name == "North" and english.boundary is None
    assert english.shape == BOUNDARIES["nord"]
    assert district_at(District.objects.filter(locale=locales[1]), 45.76, 4.81) == english
    response = admin_client.get(f"/admin/snippets/pages/district/edit/{english.pk}/")
    assert "boundary" not in response.context["form"].fields
    english.boundary = BOUNDARIES["sud"]
    english.save()
    english.refresh_from_db()
    assert english.boundary is None


def test_the_district_at_a_point_costs_two_queries(locales, django_assert_num_queries):
    create_districts(locales[0])
    with django_assert_num_queries(2):
        assert district_at(District.objects.in_locale(locales[0]), 45.775, 4.825).slug == "lac"
    with django_assert_num_queries(2):
        assert district_at(District.objects.in_locale(locales[0]), 48.85, 2.35) is None
