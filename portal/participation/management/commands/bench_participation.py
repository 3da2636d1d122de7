"""Participation data for `make bench`: many ideas, and residents ready to support one.

Run on a database where the demo town is loaded. Prints as JSON the idea list's URL, the
URL of an idea to support, and the session keys and CSRF secret of confirmed residents, so
that the benchmark can post supports as that many distinct people.
"""

import json
import secrets

from django.contrib.sessions.backends.db import SessionStore
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from portal.participation import services
from portal.participation.models import Idea, IdeaBox, IdeaStatus, Participant
from portal.participation.models.ideas import PUBLIC_STATUSES


class Command(BaseCommand):
    help = "Add N published ideas and M confirmed residents with sessions, for `make bench`."

    def add_arguments(self, parser):
        parser.add_argument("--ideas", type=int, default=10_000)
        parser.add_argument("--residents", type=int, default=3_000)

    @transaction.atomic
    def handle(self, *args, ideas, residents, **options):
        box = IdeaBox.objects.select_related("consultation").first()
        themes, districts = list(box.themes.all()), list(box.districts.all())
        now = timezone.now()
        Idea.objects.bulk_create(
            Idea(
                box=box,
                title=f"Idée de banc numéro {number}",
                description="Un banc à l’ombre, avec dossier et accoudoirs. " * 4,
                theme=themes[number % len(themes)],
                district=districts[number % len(districts)],
                status=PUBLIC_STATUSES[number % len(PUBLIC_STATUSES)],
                confirmed=True,
                support_count=number % 97,
                published_at=now,
            )
            for number in range(ideas)
        )
        people = Participant.objects.bulk_create(
            Participant(email=f"bench{number}@example.org", confirmed_at=now)
            for number in range(residents)
        )
        sessions = []
        for participant in people:
            session = SessionStore()
            session[services.SESSION_KEY] = participant.pk
            session.create()
            sessions.append(session.session_key)
        idea = Idea.objects.filter(box=box, status=IdeaStatus.PUBLISHED).order_by("pk").first()
        self.stdout.write(
            json.dumps(
                {
                    "list_url": box.consultation.url,
                    "idea_url": idea.get_absolute_url(),
                    "sessions": sessions,
                    "csrf": secrets.token_hex(16),
                }
            )
        )
