"""Where an idea or a budget project is: its point, from the address typed when none was
picked on a map, and its district, from its point when none was chosen."""

from wagtail.models import Locale

from portal.core import geocoder
from portal.pages.taxonomy import District, district_at


def locate(fields, districts, *, geocode=False):
    """Complete the values a service is about to store (place, latitude, longitude, district)
    and return them: the place geocoded if `geocode` and there is no point, then the first
    of `districts` whose boundary holds the point if no district was chosen."""
    if geocode and fields.get("latitude") is None and fields.get("place"):
        point = geocoder.geocode(fields["place"])
        if point:
            fields["latitude"], fields["longitude"] = point
    latitude, longitude = fields.get("latitude"), fields.get("longitude")
    if latitude is None or longitude is None:
        fields["latitude"] = fields["longitude"] = None
    elif not fields.get("district"):
        fields["district"] = district_at(districts, latitude, longitude)
    return fields


def moved(stored, fields):
    """Whether `fields` change where `stored` is (its place or its point): a correction is
    located only then, so that saving a review does not look up an unchanged place again."""
    return any(
        name in fields and fields[name] != getattr(stored, name)
        for name in ("place", "latitude", "longitude")
    )


def box_districts(box):
    """Where an idea of `box` may be: the districts it offers, else those of its language."""
    return box.districts.all() or District.objects.filter(locale_id=box.locale_id)


def main_districts():
    """Where a budget project may be: the districts of the site's main language, as its
    form offers them."""
    return District.objects.filter(locale=Locale.get_default())
