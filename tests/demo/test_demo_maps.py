"""The demo town on maps: its districts have boundaries that hold its placed ideas and its
events, and their English versions share them."""

from portal.pages.models import District, EventPage
from portal.pages.taxonomy import district_at
from portal.participation.models import Idea


def test_the_demo_s_points_lie_in_their_districts(demo, locales):
    french = District.objects.filter(locale=locales[0])
    assert all(district.boundary for district in french)
    assert not District.objects.filter(locale=locales[1], boundary__isnull=False).exists()
    placed = Idea.objects.filter(latitude__isnull=False).select_related("district")
    assert placed.count() >= 5
    for idea in placed:
        assert district_at(french, idea.latitude, idea.longitude) == idea.district, idea.title
    events = EventPage.objects.filter(latitude__isnull=False, locale=locales[0])
    assert events.exists()
    assert all(district_at(french, e.latitude, e.longitude) for e in events)
    english = District.objects.get(locale=locales[1], slug="le-port")
    assert english.shape == District.objects.get(locale=locales[0], slug="le-port").boundary
