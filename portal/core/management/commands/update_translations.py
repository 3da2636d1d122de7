from django.core.management import call_command
from django.core.management.base import BaseCommand

from portal.core.translations import SOURCE_DIRS, catalogue_languages, fill_source_catalogue


class Command(BaseCommand):
    help = (
        "Extract UI strings into each language's catalogue (a language new in LANGUAGES "
        "gets one); English, the source, is filled in."
    )

    def handle(self, *args, **options):
        ignore = ["node_modules", "tests", "scripts", "static_collected", "media"]
        call_command(
            "makemessages",
            locale=catalogue_languages(),
            no_obsolete=True,
            ignore_patterns=ignore,
            verbosity=0,
        )
        filled = fill_source_catalogue()
        self.stdout.write(
            f"Catalogues updated from {', '.join(SOURCE_DIRS)}; "
            f"{filled} English entries filled. Now translate the other languages in locale/."
        )
