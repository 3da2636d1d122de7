"""Event tours (tournées): one initiative travelling through public spaces, stop by stop."""

import json

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from .agenda import EventPage
from .base import BasePage


class EventTourPage(BasePage):
    """A tour whose stops are its child events, so that they also appear in the agenda."""

    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    cache_for_anonymous = True
    template = "pages/event_tour_page.html"
    parent_page_types = ["pages.AgendaPage"]
    subpage_types = ["pages.EventPage"]
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("event tour")
        verbose_name_plural = _("event tours")

    def stops(self):
        return (
            EventPage.objects.child_of(self)
            .live()
            .public()
            .order_by("start", "pk")
            .defer_streamfields()
            .select_related("organiser")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        stops = list(self.stops())
        next_stop = next(
            (stop for stop in stops if not stop.is_past(now) and not stop.is_cancelled), None
        )
        context.update(
            stops=[
                {
                    "page": stop,
                    "number": number,
                    "past": stop.is_past(now),
                    "next": stop is next_stop,
                }
                for number, stop in enumerate(stops, start=1)
            ],
            next_stop=next_stop,
            # The tile server, also allowed by the Content-Security-Policy (settings).
            map_tiles={"url": settings.MAP_TILE_URL, "provider": settings.MAP_TILE_PROVIDER},
            map_data=json.dumps(
                [
                    {
                        "number": number,
                        "title": stop.title,
                        "place": stop.place_name,
                        "lat": float(stop.latitude),
                        "lng": float(stop.longitude),
                        "url": stop.url,
                        "past": stop.is_past(now),
                        "next": stop is next_stop,
                    }
                    for number, stop in enumerate(stops, start=1)
                    if stop.has_coordinates
                ]
            ),
        )
        return context
