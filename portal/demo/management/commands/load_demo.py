from django.core.management.base import BaseCommand

from portal.demo.loader import DemoLoader


class Command(BaseCommand):
    help = "Load the demo town (idempotent: a second run creates nothing)."

    def handle(self, *args, **options):
        created = DemoLoader(log=self.stdout.write).run()
        if created:
            self.stdout.write(self.style.SUCCESS(f"Demo content loaded ({created} objects)."))
        else:
            self.stdout.write("Demo content already present: nothing to do.")
