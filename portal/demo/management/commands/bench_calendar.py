"""Calendar load for `make bench`: add N events to the agenda and time building its feed.

Run on a database where the demo town is loaded. The feed is built in this process, without
its cache, as a request for it would on a miss (just after a publish); the command prints as
JSON the feed's URL, each build's time in milliseconds, its size and its number of queries.
"""

import json
import time
from datetime import timedelta
from itertools import cycle

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from portal.calendar import feeds
from portal.pages.agenda import AgendaPage, EventPage, EventState
from portal.pages.taxonomy import Organiser, Theme


class Command(BaseCommand):
    help = "Add N events to the French agenda and time building the agenda's feed."

    def add_arguments(self, parser):
        parser.add_argument("--events", type=int, default=5_000)
        parser.add_argument("--runs", type=int, default=5)

    def handle(self, *args, events, runs, **options):
        with translation.override("fr"):
            self.add_events(events)
            address = reverse("calendar:agenda")
            timings, size, queries = [], 0, 0
            for _run in range(runs):
                connection.queries_log.clear()
                started = time.perf_counter()
                with CaptureQueriesContext(connection) as captured:
                    selection = feeds.find("agenda", None)
                    body = feeds.render(selection.events, name=selection.name, url=selection.url)
                timings.append(round((time.perf_counter() - started) * 1000, 1))
                size, queries = len(body), len(captured)
        count = body.count(b"BEGIN:VEVENT")
        self.stdout.write(
            json.dumps(
                {
                    "feed_url": address,
                    "events": count,
                    "build_ms": timings,
                    "bytes": size,
                    "queries": queries,
                }
            )
        )

    @transaction.atomic
    def add_events(self, number):
        agenda = AgendaPage.objects.get(locale__language_code="fr")
        organisers = cycle(Organiser.objects.all() or [None])
        themes = cycle(Theme.objects.filter(locale=agenda.locale) or [None])
        start = timezone.now().replace(minute=0, second=0, microsecond=0)
        now = timezone.now()
        for index in range(number):
            moment = start + timedelta(days=index // 4, hours=index % 4 * 2)
            event = EventPage(
                title=f"Atelier de quartier n° {index} : « Cœur de ville »",
                slug=f"atelier-bench-{index}",
                summary="Venez dessiner la place avec les habitants et les services de la Ville.",
                start=moment,
                end=moment + timedelta(hours=2),
                state=EventState.CANCELLED if index % 50 == 0 else EventState.SCHEDULED,
                place_name="Salle des fêtes",
                address="1 place de la Mairie, 00000 Bellecombe-sur-Lauze",
                step_free_access=True,
                organiser=next(organisers),
                live=True,
                first_published_at=now,
                last_published_at=now,
            )
            agenda.add_child(instance=event)
            theme = next(themes)
            if theme is not None:
                event.themes.add(theme)
                event.save(update_fields=["themes"])
