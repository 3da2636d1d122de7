from django.conf import settings
from django.core.management.base import BaseCommand

from portal.participation.services import purge_expired, purge_unconfirmed


class Command(BaseCommand):
    help = (
        "Anonymise participants inactive for longer than PARTICIPATION_RETENTION_MONTHS, and "
        "delete contributions whose confirmation link was never used."
    )

    def handle(self, *args, **options):
        count = purge_expired()
        links = purge_unconfirmed()
        self.stdout.write(
            f"{count} participant(s) anonymised "
            f"(retention: {settings.PARTICIPATION_RETENTION_MONTHS} months); "
            f"{links} unused confirmation link(s) deleted with what waited on them."
        )
