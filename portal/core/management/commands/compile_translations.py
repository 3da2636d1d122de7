from django.core.management.base import BaseCommand

from portal.core.translations import compile_catalogues


class Command(BaseCommand):
    help = "Compile the gettext catalogues (pure Python: no system gettext needed)."

    def handle(self, *args, **options):
        for po_path in compile_catalogues():
            self.stdout.write(f"Compiled {po_path}")
