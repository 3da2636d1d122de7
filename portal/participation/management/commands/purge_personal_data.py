from django.conf import settings
from django.core.management.base import BaseCommand

from portal.participation.services import purge_expired


class Command(BaseCommand):
    help = "Anonymise participants inactive for longer than PARTICIPATION_RETENTION_MONTHS."

    def handle(self, *args, **options):
        count = purge_expired()
        self.stdout.write(
            f"{count} participant(s) anonymised "
            f"(retention: {settings.PARTICIPATION_RETENTION_MONTHS} months)."
        )
