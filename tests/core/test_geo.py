"""Boundaries read strictly, and points placed in them: the test set's points (edges, a
hole, an island) land in their known district, every one."""

import json

import pytest
from django.utils import translation

from portal.core import geo
from tests.districts import BOUNDARIES, POINTS


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


SQUARE = [[4.8, 45.7], [4.9, 45.7], [4.9, 45.8], [4.8, 45.8], [4.8, 45.7]]


def district_of(latitude, longitude):
    found = [slug for slug, shape in BOUNDARIES.items() if geo.contains(shape, latitude, longitude)]
    assert len(found) <= 1, found
    return found[0] if found else None


def test_every_point_of_the_test_set_lands_in_its_known_district():
    assert len(POINTS) >= 30
    assert [district_of(lat, lon) for lat, lon, _slug in POINTS] == [s for *_p, s in POINTS]


def test_a_point_in_a_hole_is_outside():
    assert not geo.contains(BOUNDARIES["nord"], 45.775, 4.825)
    assert geo.contains(BOUNDARIES["lac"], 45.775, 4.825)


@pytest.mark.parametrize(
    "data",
    [
        {"type": "Polygon", "coordinates": [SQUARE]},
        {
            "type": "Feature",
            "properties": {},
            "geometry": {"type": "Polygon", "coordinates": [SQUARE]},
        },
        {
            "type": "FeatureCollection",
            "features": [
                {"type": "Feature", "geometry": {"type": "MultiPolygon", "coordinates": [[SQUARE]]}}
            ],
        },
        {"type": "Polygon", "coordinates": [[[*p, 120.0] for p in SQUARE]]},
    ],
)
def test_geometries_features_and_one_feature_collections_are_read(data):
    shape = geo.parse_boundary(json.dumps(data))
    assert shape["type"] in ("Polygon", "MultiPolygon")
    assert geo.contains(shape, 45.75, 4.85)


def test_a_utf8_file_with_a_byte_order_mark_is_read():
    text = json.dumps({"type": "Polygon", "coordinates": [SQUARE]})
    assert geo.parse_boundary(b"\xef\xbb\xbf" + text.encode())["type"] == "Polygon"


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("{not json", "not valid JSON"),
        ("[" * 100_000 + "]" * 100_000, "not valid JSON"),
        (json.dumps({"type": "Point", "coordinates": [4.8, 45.7]}), "Polygon or a MultiPolygon"),
        (json.dumps([1, 2]), "Polygon or a MultiPolygon"),
        (json.dumps({"type": "FeatureCollection", "features": []}), "exactly one feature"),
        (json.dumps({"type": "Feature", "geometry": None}), "Polygon or a MultiPolygon"),
        (json.dumps({"type": "Polygon", "coordinates": []}), "list of rings"),
        (json.dumps({"type": "MultiPolygon", "coordinates": []}), "no coordinates"),
        (json.dumps({"type": "MultiPolygon", "coordinates": ["x"]}), "list of rings"),
        (json.dumps({"type": "Polygon", "coordinates": [SQUARE[:3]]}), "four positions"),
        (json.dumps({"type": "Polygon", "coordinates": [SQUARE[:-1] + [[4.8, 45.71]]]}), "closed"),
        (json.dumps({"type": "Polygon", "coordinates": [[[45.7, 200]] + SQUARE]}), "out of range"),
        (json.dumps({"type": "Polygon", "coordinates": [[[4.8, 95]] * 4]}), "out of range"),
        (json.dumps({"type": "Polygon", "coordinates": [[["4.8", 45.7]] * 4]}), "in numbers"),
        (json.dumps({"type": "Polygon", "coordinates": [[[True, 45.7]] * 4]}), "in numbers"),
        ('{"type": "Polygon", "coordinates": [[[NaN, 45.7]]]}', "four positions"),
        (
            '{"type": "Polygon", "coordinates": [[[NaN, 45.7], [1, 1], [1, 1], [1, 1]]]}',
            "in numbers",
        ),
        ("", "not valid JSON"),
        (b"\xff\xfe", "not UTF-8"),
    ],
)
def test_what_is_not_a_boundary_is_refused_with_its_reason(text, says):
    with pytest.raises(geo.BoundaryError, match=says):
        geo.parse_boundary(text)


def test_sizes_are_capped_before_and_after_reading():
    with pytest.raises(geo.BoundaryError, match="too large"):
        geo.parse_boundary(b" " * (geo.MAX_BOUNDARY_BYTES + 1))
    ring = [[4, 45]] * (geo.MAX_BOUNDARY_POINTS + 1)
    with pytest.raises(geo.BoundaryError, match="too many points"):
        geo.parse_boundary(json.dumps({"type": "Polygon", "coordinates": [ring]}))
