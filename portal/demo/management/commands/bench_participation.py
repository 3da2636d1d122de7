"""Participation data for `make bench`: many ideas, and residents ready to support one.

Run on a database where the demo town is loaded. Writes the session keys of confirmed
residents to a file, one per line, and prints as JSON the URLs of the page listing the ideas
and of the consultation, the URL of an idea to support and a CSRF secret, so that the
benchmark can post supports as that many distinct people.
"""

import json
import secrets
from datetime import timedelta
from importlib import import_module
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from portal.demo import projects
from portal.participation import identity, services
from portal.participation.models import Idea, IdeaBox, IdeaStatus, Participant
from portal.participation.models.ideas import PUBLIC_STATUSES


class Command(BaseCommand):
    help = "Add N published ideas and M confirmed residents with sessions, for `make bench`."

    def add_arguments(self, parser):
        parser.add_argument("--ideas", type=int, default=10_000)
        parser.add_argument("--residents", type=int, default=6_000)
        parser.add_argument("--sessions-file", type=Path, required=True)

    @transaction.atomic
    def handle(self, *args, ideas, residents, sessions_file, **options):
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
        services.count_public(box.pk, ideas)  # written in bulk, past the services
        people = Participant.objects.bulk_create(
            Participant(email=f"bench{number}@example.org", confirmed_at=now)
            for number in range(residents)
        )
        store = import_module(settings.SESSION_ENGINE).SessionStore
        expiry = now + timedelta(days=1)
        sessions = [
            store.get_model_class()(
                session_key=secrets.token_hex(16),
                session_data=store().encode({identity.SESSION_KEY: participant.pk}),
                expire_date=expiry,
            )
            for participant in people
        ]
        store.get_model_class().objects.bulk_create(sessions)
        sessions_file.write_text("".join(f"{session.session_key}\n" for session in sessions))
        idea = Idea.objects.filter(box=box, status=IdeaStatus.PUBLISHED).order_by("pk").first()
        list_page = Page.objects.live().get(slug=projects.IDEA_LIST_PAGE["slug"])
        self.stdout.write(
            json.dumps(
                {
                    "list_url": list_page.url,
                    "consultation_url": box.consultation.url,
                    "idea_url": idea.get_absolute_url(),
                    "csrf": secrets.token_hex(16),
                }
            )
        )
