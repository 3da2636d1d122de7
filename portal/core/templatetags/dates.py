"""Dates as residents read them: "du 18 mai au 1er août 2026", "mardi 24 novembre, 18:30"."""

import datetime

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def long_date(value, with_year=True):
    """A date in words; French writes the first of the month "1er".

    A moment is read in the portal's time zone first (``date_format`` would
    print its UTC date, a day early late in a Paris evening).
    """
    if not value:
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value, timezone.get_default_timezone())
    text = date_format(value, "j F Y" if with_year else "j F")
    if get_language() == "fr" and value.day == 1:
        text = "1er" + text[1:]
    return text


@register.simple_tag
def date_range(start, end):
    """Two dates as a range, the year written once when it is the same."""
    if not end or start == end:
        return _("on %(date)s") % {"date": long_date(start)}
    return _("from %(start)s to %(end)s") % {
        "start": long_date(start, with_year=start.year != end.year),
        "end": long_date(end),
    }


@register.simple_tag
def event_when(event):
    """When an event happens, in local time: its day(s), and its hours unless it is all day."""
    start, end = timezone.localtime(event.start), timezone.localtime(event.end)
    day = date_format(start, "l") + " " + long_date(start.date())
    if event.all_day:
        if start.date() == end.date():
            return day
        return date_range(start.date(), end.date())
    hours = _("%(start)s to %(end)s") % {
        "start": date_format(start, "TIME_FORMAT"),
        "end": date_format(end, "TIME_FORMAT"),
    }
    if start.date() == end.date():
        return f"{day}, {hours}"
    return _("from %(start)s to %(end)s") % {
        "start": f"{day}, {date_format(start, 'TIME_FORMAT')}",
        "end": date_format(end, "l")
        + " "
        + long_date(end.date())
        + ", "
        + date_format(end, "TIME_FORMAT"),
    }
