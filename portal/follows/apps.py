from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowsConfig(AppConfig):
    """Residents following consultations, themes and districts, told of what happens to
    them in one e-mail a day or a week at most.

    models.py holds follows and news; services.py is the only writer.
    """

    name = "portal.follows"
    label = "follows"
    verbose_name = _("Follows")

    def ready(self):
        from wagtail.signals import page_published

        from portal.pages.restitution import RestitutionPage
        from portal.participation.held import lists_held
        from portal.participation.signals import contributions_confirmed, idea_answered
        from portal.participation.waiting import lists_waiting

        from . import services

        # Follows typed with an address not proven yet wait on its link, as supports do.
        lists_waiting(services.waiting_follows)
        lists_held(_("What you follow"), services.participant_follows)
        contributions_confirmed.connect(
            services.release_confirmed, dispatch_uid="follows-release-confirmed"
        )
        idea_answered.connect(services.idea_answered, dispatch_uid="follows-idea-answered")
        page_published.connect(
            services.results_published,
            sender=RestitutionPage,
            dispatch_uid="follows-results-published",
        )
