"""Boundaries and points, in pure Python: a GeoJSON boundary read strictly (an editor's
text or an uploaded file, capped so that a crafted file costs little), and whether a point
lies inside it (holes and MultiPolygons included), enough to find a point's district."""

import json
import math

from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

# A town's districts fit in far less; the caps keep a crafted file from costing memory.
MAX_BOUNDARY_BYTES = 1_000_000
MAX_BOUNDARY_POINTS = 50_000

SHAPES = ("Polygon", "MultiPolygon")


class BoundaryError(ValueError):
    """Why a text is not a usable boundary, in words an editor can act on."""


def parse_boundary(text):
    """The geometry of a GeoJSON boundary (`{"type": "Polygon"|"MultiPolygon",
    "coordinates": …}`, WGS 84, longitude first), from a Geometry, a Feature or a
    FeatureCollection of one feature; raises BoundaryError."""
    if isinstance(text, bytes):
        if len(text) > MAX_BOUNDARY_BYTES:
            raise _too_big()
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise BoundaryError(_("The file is not UTF-8 text.")) from error
    if len(text.encode()) > MAX_BOUNDARY_BYTES:
        raise _too_big()
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise BoundaryError(_("This is not valid JSON.")) from error
    return geometry_of(data)


def geometry_of(data):
    """The checked geometry of decoded GeoJSON (see `parse_boundary`)."""
    if isinstance(data, dict) and data.get("type") == "FeatureCollection":
        features = data.get("features")
        if not isinstance(features, list) or len(features) != 1:
            raise BoundaryError(_("A FeatureCollection must hold exactly one feature."))
        data = features[0]
    if isinstance(data, dict) and data.get("type") == "Feature":
        data = data.get("geometry")
    if not isinstance(data, dict) or data.get("type") not in SHAPES:
        raise BoundaryError(_("The boundary must be a Polygon or a MultiPolygon."))
    coordinates = data.get("coordinates")
    polygons = [coordinates] if data["type"] == "Polygon" else coordinates
    if not isinstance(polygons, list) or not polygons:
        raise BoundaryError(_("The boundary has no coordinates."))
    budget = [MAX_BOUNDARY_POINTS]
    checked = [_polygon(polygon, budget) for polygon in polygons]
    if data["type"] == "Polygon":
        return {"type": "Polygon", "coordinates": checked[0]}
    return {"type": "MultiPolygon", "coordinates": checked}


def _too_big():
    return BoundaryError(
        _("The boundary is too large: at most %(size)s MB.") % {"size": MAX_BOUNDARY_BYTES // 10**6}
    )


def _polygon(rings, budget):
    if not isinstance(rings, list) or not rings:
        raise BoundaryError(_("A polygon must be a list of rings."))
    return [_ring(ring, budget) for ring in rings]


def _ring(ring, budget):
    if not isinstance(ring, list) or len(ring) < 4:
        raise BoundaryError(_("Each ring needs at least four positions."))
    budget[0] -= len(ring)
    if budget[0] < 0:
        raise BoundaryError(
            _("The boundary has too many points: at most %(count)s.")
            % {"count": number_format(MAX_BOUNDARY_POINTS, force_grouping=True)}
        )
    positions = [_position(position) for position in ring]
    if positions[0] != positions[-1]:
        raise BoundaryError(_("Each ring must be closed: its last position repeats its first."))
    return positions


def _position(position):
    if (
        not isinstance(position, list)
        or len(position) not in (2, 3)
        or not all(isinstance(n, int | float) and not isinstance(n, bool) for n in position)
        or not all(math.isfinite(n) for n in position)
    ):
        raise BoundaryError(_("Each position must be [longitude, latitude] in numbers."))
    longitude, latitude = float(position[0]), float(position[1])
    if not (-180 <= longitude <= 180 and -90 <= latitude <= 90):
        raise BoundaryError(
            _(
                "A position is out of range: longitude between -180 and 180, latitude "
                "between -90 and 90 (WGS 84, longitude first)."
            )
        )
    return [longitude, latitude]


def polygons(geometry):
    """The polygons of a checked geometry, each a list of rings (the first is the outline)."""
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    return geometry["coordinates"]


def bounds(geometry):
    """(west, south, east, north) of a checked geometry."""
    outlines = [polygon[0] for polygon in polygons(geometry)]
    longitudes = [x for ring in outlines for x, _y in ring]
    latitudes = [y for ring in outlines for _x, y in ring]
    return min(longitudes), min(latitudes), max(longitudes), max(latitudes)


def contains(geometry, latitude, longitude):
    """Whether the point lies inside the geometry: inside an outline and outside its holes
    (even-odd rule over every ring of a polygon), in any polygon of a MultiPolygon."""
    x, y = float(longitude), float(latitude)
    west, south, east, north = bounds(geometry)
    if not (west <= x <= east and south <= y <= north):
        return False
    return any(_inside(polygon, x, y) for polygon in polygons(geometry))


def _inside(rings, x, y):
    inside = False
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
    return inside
