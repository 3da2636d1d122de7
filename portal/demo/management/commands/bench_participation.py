"""Participation data for `make bench`: many ideas, and residents ready to support one.

Run on a database where the demo town is loaded. Writes the session keys of confirmed
residents to a file, one per line, and prints as JSON the URLs of the page listing the ideas
and of the consultation, the URL of an idea to support and a CSRF secret, so that the
benchmark can post supports as that many distinct people. With `--count`, prints instead
how many confirmed supports the idea has from those residents.
"""

import json
import secrets
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from portal.demo import projects
from portal.demo.residents import signed_in_residents
from portal.participation import services
from portal.participation.models import Idea, IdeaBox, IdeaStatus, IdeaSupport
from portal.participation.models.ideas import PUBLIC_STATUSES

RESIDENTS = "bench"  # their addresses' prefix


class Command(BaseCommand):
    help = "Add N published ideas and M confirmed residents with sessions, for `make bench`."

    def add_arguments(self, parser):
        parser.add_argument("--ideas", type=int, default=10_000)
        parser.add_argument("--residents", type=int, default=6_000)
        parser.add_argument("--sessions-file", type=Path)
        parser.add_argument("--count", type=int, metavar="IDEA", help="count, not prepare")

    def handle(self, *args, ideas, residents, sessions_file, count, **options):
        if count is not None:
            supports = IdeaSupport.objects.filter(
                idea=count, confirmed=True, participant__email__startswith=RESIDENTS
            )
            self.stdout.write(json.dumps({"supports": supports.count()}))
            return
        if sessions_file is None:
            raise CommandError("--sessions-file is required to add the data.")
        self.prepare(ideas, residents, sessions_file)

    @transaction.atomic
    def prepare(self, ideas, residents, sessions_file):
        box = IdeaBox.objects.filter(translation_of=None).select_related("consultation").first()
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
        sessions = signed_in_residents(residents, prefix=RESIDENTS)
        sessions_file.write_text("".join(f"{key}\n" for key in sessions))
        idea = Idea.objects.filter(box=box, status=IdeaStatus.PUBLISHED).order_by("pk").first()
        list_page = Page.objects.live().get(slug=projects.IDEA_LIST_PAGE["slug"])
        self.stdout.write(
            json.dumps(
                {
                    "list_url": list_page.url,
                    "consultation_url": box.consultation.url,
                    "idea": idea.pk,
                    "idea_url": idea.get_absolute_url(),
                    "csrf": secrets.token_hex(16),
                }
            )
        )
