from django.apps import AppConfig
from django.db import DEFAULT_DB_ALIAS
from django.db.models.signals import post_delete, post_migrate
from django.utils.translation import gettext_lazy as _

# Moderators read and decide proposals; nobody adds one in the admin (they come from the
# public form) and editors do not moderate.
ROLES = {"Moderators": {"eventproposal": ("view", "change")}}


def grant_roles(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    """Give the Moderators group its permissions on proposals, at every migrate."""
    from portal.participation.apps import grant_roles as grant

    grant(sender, using=using, roles=ROLES)


class ProposalsConfig(AppConfig):
    """Events associations propose for the agenda, moderated before they are published.

    Views and the admin present; services.py writes.
    """

    name = "portal.proposals"
    label = "proposals"
    verbose_name = _("Event proposals")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from portal.participation.signals import contributions_confirmed

        from . import services
        from .models import EventProposal
        from .permissions import ProposalPermissionPolicy

        post_migrate.connect(grant_roles, sender=self)
        contributions_confirmed.connect(
            services.release_confirmed, dispatch_uid="proposals-release-confirmed"
        )
        post_delete.connect(
            services.delete_image, sender=EventProposal, dispatch_uid="proposals-delete-image"
        )
        register_permission_policy(EventProposal, ProposalPermissionPolicy(EventProposal))
