"""Participation in the admin: bulk actions on ideas, the confidential answers' permission,
the moderation queue on the home page. Its screens are in viewsets.py."""

from django.contrib.auth.models import Permission
from wagtail import hooks

from .moderation import ChangeIdeaStatus, ModerationQueuePanel, PublishIdeas, RejectIdeas
from .permissions import VIEW_CONFIDENTIAL

for bulk_action in (PublishIdeas, RejectIdeas, ChangeIdeaStatus):
    hooks.register("register_bulk_action", bulk_action)


@hooks.register("register_permissions")
def register_confidential_permission():
    """Offered in the group editor, under "Participant"."""
    app_label, codename = VIEW_CONFIDENTIAL.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename)


@hooks.register("construct_homepage_panels")
def add_moderation_queue_panel(request, panels):
    if request.user.has_perm("participation.change_idea"):
        panels.append(ModerationQueuePanel())
