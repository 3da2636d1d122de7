"""Who handles a moderated item, and the officers' internal notes about it.

Officers share the work: an idea or a budget project is assigned to a department (free text,
as a project's studying department is) and/or to a staff person, and carries dated notes
that only the admin shows. Neither is ever public: no public page, feed, report, open-data
file or export reads these fields (the tests render each of them with a marker). A subject
model inherits `Assigned`; its notes are a concrete `InternalNote` whose foreign key to it,
named by `subject_field`, has the related name `internal_notes`.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.permission_policies import ModelPermissionPolicy

NOTE_MAX_LENGTH = 2000


class Assigned(models.Model):
    """The department and the staff person an item is assigned to: internal, never public."""

    assigned_department = models.CharField(
        _("assigned department"),
        max_length=200,
        blank=True,
        help_text=_("Internal: never shown on the site."),
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Internal: never shown on the site."),
    )

    class Meta:
        abstract = True


class InternalNote(models.Model):
    """A dated note by a staff user about an item, read in the admin only."""

    subject_field = None

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("written on"), default=timezone.now)
    text = models.TextField(_("note"), max_length=NOTE_MAX_LENGTH)

    class Meta:
        abstract = True
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.serializable_value(self.subject_field)}: {self.at:%Y-%m-%d}"


def assignable_users(model):
    """The staff who may handle `model`'s items: active users allowed to change them."""
    return (
        ModelPermissionPolicy(model)
        .users_with_permission("change")
        .filter(is_active=True)
        .order_by(get_user_model().USERNAME_FIELD)
    )


def assign(item, *, department, assignee):
    """Assign `item` to a department and/or a person who may handle it; saved only if it
    differs from the stored assignment (a review's form has already set both on `item`).
    A person who has since lost the right stays assigned until someone else is chosen."""
    stored = type(item).objects.values_list("assigned_department", "assignee").get(pk=item.pk)
    assignee_id = assignee.pk if assignee else None
    changes_person = assignee_id not in (None, stored[1])
    if changes_person and not assignable_users(type(item)).filter(pk=assignee_id).exists():
        raise ValidationError(_("This person may not handle these items."))
    item.assigned_department, item.assignee = " ".join(department.split()), assignee
    if stored != (item.assigned_department, assignee_id):
        item.save(update_fields=["assigned_department", "assignee"])
    return item


def add_note(item, *, user, text, now=None):
    """Add a dated internal note by `user` to `item`; blank text adds nothing."""
    text = text.strip()
    if not text:
        return None
    if len(text) > NOTE_MAX_LENGTH:
        raise ValidationError(
            _("A note holds at most %(max)s characters.") % {"max": NOTE_MAX_LENGTH}
        )
    return item.internal_notes.create(author=user, text=text, at=now or timezone.now())
