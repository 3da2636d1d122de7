from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate
from django.utils.translation import gettext_lazy as _

from portal.core.roles import StaffRole, grant

# Moderators read and decide proposals; nobody adds one in the admin (they come from the
# public form) and editors do not moderate.
ROLES = {StaffRole.MODERATORS: {"eventproposal": ("view", "change")}}


def grant_roles(sender, **kwargs):
    """Give the moderators their permissions on proposals, at every migrate."""
    grant(sender, roles=ROLES, **kwargs)


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
