"""Dates as residents read them, in the portal's time zone."""

import datetime

from django.utils import translation

from portal.core.templatetags.dates import long_date

UTC = datetime.UTC


def test_a_late_evening_moment_is_dated_by_the_paris_calendar():
    # 23:30 UTC on 30 November is 00:30 on 1 December in Paris.
    moment = datetime.datetime(2026, 11, 30, 23, 30, tzinfo=UTC)
    with translation.override("fr"):
        assert long_date(moment) == "1er décembre 2026"
    with translation.override("en"):
        assert long_date(moment) == "1 December 2026"


def test_a_calendar_date_is_printed_as_it_is():
    with translation.override("fr"):
        assert long_date(datetime.date(2026, 5, 1)) == "1er mai 2026"
        assert long_date(datetime.date(2026, 5, 18), with_year=False) == "18 mai"
    assert long_date(None) == ""
