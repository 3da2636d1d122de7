from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from wagtail.users.models import UserProfile

USERNAME = "admin"
PASSWORD = "admin"  # noqa: S105 - documented demo account, refused outside DEBUG


class Command(BaseCommand):
    help = "Create the demo administrator admin/admin (development only)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("The demo administrator is for development only (DEBUG is off).")
        User = get_user_model()
        if User.objects.filter(username=USERNAME).exists():
            self.stdout.write(f"Demo administrator “{USERNAME}” already exists.")
            return
        user = User.objects.create_superuser(
            USERNAME, "admin@example.org", PASSWORD, first_name="Camille", last_name="Démo"
        )
        # The admin speaks French whatever the browser asks for; each user can change it.
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "fr"
        profile.save()
        self.stdout.write(
            self.style.SUCCESS(f"Demo administrator created: {USERNAME} / {PASSWORD}")
        )
