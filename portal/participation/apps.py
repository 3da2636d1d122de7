from django.apps import AppConfig
from django.db import DEFAULT_DB_ALIAS
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

# What each of Wagtail's groups needs here: moderators moderate ideas (and type in those
# collected on paper); editors build idea boxes, surveys and petitions but do not moderate.
ROLES = {
    "Moderators": {"idea": ("view", "add", "change"), "ideabox": ("view",), "survey": ("view",)},
    "Editors": dict.fromkeys(
        ("ideabox", "survey", "petition"), ("view", "add", "change", "delete")
    ),
}


def grant_roles(sender, using=DEFAULT_DB_ALIAS, roles=ROLES, **kwargs):
    """Give the Moderators and Editors groups their permissions, at every migrate.

    Permissions exist only once migrations have run, hence post_migrate; they are created
    here first because this app's handler may run before django.contrib.auth's. Grants are
    only added, so that an administrator's own changes to the groups are kept. Other apps
    pass their own `roles` for their models.
    """
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    create_permissions(sender, verbosity=0, using=using)
    for group in Group.objects.using(using).filter(name__in=roles):
        codenames = [
            f"{action}_{model}"
            for model, actions in roles[group.name].items()
            for action in actions
        ]
        group.permissions.add(
            *Permission.objects.using(using).filter(
                content_type__app_label=sender.label, codename__in=codenames
            )
        )


class ParticipationConfig(AppConfig):
    """What residents contribute: who they are (without passwords), and their supports.

    Pages and blocks present; this app stores and decides, through services.py.
    """

    name = "portal.participation"
    label = "participation"
    verbose_name = _("Participation")

    def ready(self):
        post_migrate.connect(grant_roles, sender=self)
