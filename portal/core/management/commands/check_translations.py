from django.core.management.base import BaseCommand, CommandError

from portal.core.translations import check_catalogues


class Command(BaseCommand):
    help = "Fail if a UI string is missing or untranslated, or a catalogue does not compile."

    def handle(self, *args, **options):
        problems = check_catalogues()
        if problems:
            raise CommandError("Translation catalogues are incomplete:\n" + "\n".join(problems))
        self.stdout.write(self.style.SUCCESS("Translation catalogues are complete and compile."))
