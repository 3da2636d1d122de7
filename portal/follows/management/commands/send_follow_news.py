"""Hourly (cron): record the phases and votes that opened, then tell each follower who is
due their news, in one e-mail."""

from django.core.management.base import BaseCommand

from portal.follows import services


class Command(BaseCommand):
    help = "Record openings and e-mail followers their news (run every hour)."

    def handle(self, *args, **options):
        opened = services.record_openings()
        sent = services.send_news()
        purged = services.purge()
        self.stdout.write(f"{opened} openings recorded, {sent} e-mails sent, {purged} purged.")
