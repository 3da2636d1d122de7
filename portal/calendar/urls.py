from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "calendar"
urlpatterns = [
    path(_("calendar/event/<uuid:uid>.ics"), views.event, name="event"),
    path(_("calendar/agenda.ics"), views.feed, {"kind": "agenda"}, name="agenda"),
    path(
        _("calendar/consultation/<int:key>.ics"),
        views.feed,
        {"kind": "consultation"},
        name="consultation",
    ),
    path(_("calendar/tour/<int:key>.ics"), views.feed, {"kind": "tour"}, name="tour"),
    path(_("calendar/theme/<slug:key>.ics"), views.feed, {"kind": "theme"}, name="theme"),
    path(_("calendar/district/<slug:key>.ics"), views.feed, {"kind": "district"}, name="district"),
    path(
        _("calendar/organiser/<int:key>.ics"), views.feed, {"kind": "organiser"}, name="organiser"
    ),
]
