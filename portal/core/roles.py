"""The staff roles a town needs, and what each may do.

- Editors (the group "Rédaction") write, translate and publish pages, and manage images,
  documents and the records pages and forms are built from (budget envelopes included). They
  do not moderate and do not read confidential answers.
- Moderators (the group "Modération"), the participation officers, moderate ideas and event
  proposals, give official answers, type in ideas collected on paper, study budget projects,
  enter paper ballots and follow the vote, read survey results and confidential answers.
  They have no rights on pages.

Each role is held by one group, tied to it by `Role` so that administrators may rename it.
Core's migration 0003 named Wagtail's two groups in French and set their rights on pages,
collections and the default workflow; each app lists what its own models grant to each role
(`ROLES` in its apps.py) and `grant` adds it at every migrate. Only administrators delete or
unpublish a home page (`home.models.HomePage.permissions_for_user`).

Core imports nothing above it: this module knows roles, not what the apps grant.
"""

from django.db import DEFAULT_DB_ALIAS, models
from django.utils.translation import gettext_lazy as _


class StaffRole(models.TextChoices):
    EDITORS = "editors", _("Editors")
    MODERATORS = "moderators", _("Moderators")


DESCRIPTIONS = {
    StaffRole.EDITORS: _(
        "Write, translate and publish pages; manage images, documents, themes, districts, "
        "organisers, idea boxes, surveys, petitions and budget envelopes. No moderation, no "
        "confidential answers."
    ),
    StaffRole.MODERATORS: _(
        "Moderate ideas and event proposals, give official answers, enter ideas collected on "
        "paper, study budget projects, enter paper ballots, follow and export votes, read "
        "survey results and confidential answers. No rights on pages."
    ),
}


def group(key):
    """The group that holds the role."""
    from django.contrib.auth.models import Group

    return Group.objects.get(role__key=key)


def members(key):
    """The active staff accounts holding the role."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(is_active=True, groups__role__key=key)


def description(group):
    """What the group's role allows, or "" for a group that holds none."""
    role = getattr(group, "role", None)
    return DESCRIPTIONS[role.key] if role else ""


def grant(sender, using=DEFAULT_DB_ALIAS, roles=None, **kwargs):
    """Give each role's group the permissions `roles` lists on the sender app's models.

    Connected to post_migrate by each app with its own `roles`: {role: {model: actions}},
    where an action is one of Django's verbs (view, add, change, delete) or, for a custom
    permission of the model, its whole codename (which holds an underscore).
    Permissions exist only once migrations have run, hence post_migrate; they are created
    here first because the app's handler may run before django.contrib.auth's. Grants are
    only added, so that an administrator's own changes to the groups are kept.
    """
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    create_permissions(sender, verbosity=0, using=using)
    for group in Group.objects.using(using).filter(role__key__in=roles).select_related("role"):
        codenames = [
            action if "_" in action else f"{action}_{model}"
            for model, actions in roles[group.role.key].items()
            for action in actions
        ]
        group.permissions.add(
            *Permission.objects.using(using).filter(
                content_type__app_label=sender.label, codename__in=codenames
            )
        )
