"""A test set of district boundaries and of points whose district is known, near edges
included: a district with a hole (a lake, itself a district), a MultiPolygon with an island,
a triangle with a slanted edge."""

from portal.pages.models import District


def _box(west, south, east, north):
    return [[west, south], [east, south], [east, north], [west, north], [west, south]]


BOUNDARIES = {
    "nord": {
        "type": "Polygon",
        "coordinates": [_box(4.80, 45.75, 4.85, 45.80), _box(4.82, 45.77, 4.83, 45.78)[::-1]],
    },
    "lac": {"type": "Polygon", "coordinates": [_box(4.82, 45.77, 4.83, 45.78)]},
    "sud": {"type": "Polygon", "coordinates": [_box(4.80, 45.70, 4.85, 45.75)]},
    "est": {
        "type": "MultiPolygon",
        "coordinates": [[_box(4.85, 45.70, 4.90, 45.80)], [_box(4.95, 45.72, 4.97, 45.74)]],
    },
    "ouest": {
        "type": "Polygon",
        "coordinates": [[[4.75, 45.70], [4.80, 45.70], [4.80, 45.80], [4.75, 45.70]]],
    },
}

# (latitude, longitude, district's slug or None), edges approached within a metre or so.
POINTS = [
    (45.76, 4.81, "nord"),
    (45.79, 4.84, "nord"),
    (45.75001, 4.825, "nord"),
    (45.74999, 4.825, "sud"),
    (45.76, 4.84999, "nord"),
    (45.76, 4.85001, "est"),
    (45.72, 4.84999, "sud"),
    (45.72, 4.85001, "est"),
    (45.77001, 4.825, "lac"),
    (45.76999, 4.825, "nord"),
    (45.775, 4.82001, "lac"),
    (45.775, 4.81999, "nord"),
    (45.775, 4.82999, "lac"),
    (45.775, 4.83001, "nord"),
    (45.77999, 4.825, "lac"),
    (45.78001, 4.825, "nord"),
    (45.80001, 4.82, None),
    (45.69999, 4.82, None),
    (45.75, 4.91, None),
    (45.73, 4.94999, None),
    (45.73, 4.95001, "est"),
    (45.73, 4.96, "est"),
    (45.74001, 4.96, None),
    (45.71999, 4.96, None),
    (45.7599, 4.78, "ouest"),
    (45.7601, 4.78, None),
    (45.71, 4.79999, "ouest"),
    (45.71, 4.80001, "sud"),
    (45.69999, 4.79, None),
    (48.85, 2.35, None),
    (-45.76, -4.82, None),
    (45.79999, 4.89999, "est"),
    (45.70001, 4.80001, "sud"),
    (45.79, 4.87, "est"),
]


def create_districts(locale):
    """The test set's districts, in `locale`, by slug."""
    return {
        slug: District.objects.create(
            name=slug.title(), slug=slug, locale=locale, boundary=boundary
        )
        for slug, boundary in BOUNDARIES.items()
    }
