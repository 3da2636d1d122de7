from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from portal.core.translations import SOURCE_DIRS, fill_source_catalogue


class Command(BaseCommand):
    help = (
        "Extract UI strings into the catalogue of each language in LANGUAGES (a new language "
        "gets one); English, the source, is filled in."
    )

    def handle(self, *args, **options):
        ignore = ["node_modules", "tests", "scripts", "static_collected", "media"]
        call_command(
            "makemessages",
            locale=[code for code, _ in settings.LANGUAGES],
            no_obsolete=True,
            ignore_patterns=ignore,
            verbosity=0,
        )
        filled = fill_source_catalogue()
        self.stdout.write(
            f"Catalogues updated from {', '.join(SOURCE_DIRS)}; "
            f"{filled} English entries filled. Now translate the other languages in locale/."
        )
