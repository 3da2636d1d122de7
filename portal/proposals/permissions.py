"""Who may do what with proposals in the admin."""

from wagtail.permission_policies import ModelPermissionPolicy


class ProposalPermissionPolicy(ModelPermissionPolicy):
    """Proposals come from the public form only: nobody adds one in the admin, not even a
    superuser (the form would have no contact to write to)."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)
