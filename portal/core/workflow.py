"""Workflows of statuses, and the history of the steps taken through them.

Whatever is moderated (ideas, event proposals, and the next) declares one `Workflow` next to
its statuses: which status may follow which, the decisions moderators take and the status
each leads to, the statuses that need a message, and how a refusal is said. Its services check
every step against it and record it; the recorded steps are rows of a concrete `Step` model,
the history moderators read (portal.core.moderation).
"""

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import page_cache


class Workflow:
    """Which status may follow which, which need a message, and how a refusal is said.

    - `statuses`: the subject's `TextChoices`, in the order forms offer them;
    - `table`: each status and the statuses that may follow it;
    - `message_required`: the statuses a step may reach only with a message;
    - `decisions`: what a moderator may decide, by name, and the status each leads to;
    - `steps`: the related name of the subject's recorded steps (a `Step` model);
    - `refused`: the exception a refused step raises, with `cannot_go` (formatted with the
      labels `from` and `to`) or `message_missing` (formatted with `to`);
    - `refreshes_pages`: the site shows the subjects, so each recorded step makes the cached
      pages stale once committed.
    """

    def __init__(
        self,
        statuses,
        table,
        *,
        steps,
        refused,
        cannot_go,
        message_missing,
        message_required=(),
        decisions=None,
        refreshes_pages=False,
    ):
        self.statuses = statuses
        self.table = table
        self.steps = steps
        self.refused = refused
        self.cannot_go = cannot_go
        self.message_missing = message_missing
        self.message_required = set(message_required)
        self.decisions = decisions or {}
        self.refreshes_pages = refreshes_pages

    def allows(self, from_status, to_status):
        return to_status in self.table[self.statuses(from_status)]

    def following(self, status):
        """The statuses that may follow `status`, in their declared order."""
        return [choice for choice in self.statuses if self.allows(status, choice)]

    @property
    def targets(self):
        """The statuses some step leads to, in their declared order."""
        return [
            choice
            for choice in self.statuses
            if any(choice in following for following in self.table.values())
        ]

    def needs_message(self, status):
        return status in self.message_required

    def decisions_from(self, status):
        """The names of the decisions the workflow allows on a subject in `status`."""
        return [name for name, target in self.decisions.items() if self.allows(status, target)]

    def check(self, subject, to_status):
        """The subject's status, if the workflow lets it go to `to_status`; else `refused`."""
        from_status = self.statuses(subject.status)
        if to_status not in self.table[from_status]:
            raise self.refused(
                self.cannot_go % {"from": from_status.label, "to": self.statuses(to_status).label}
            )
        return from_status

    def check_message(self, to_status, message):
        """The message, stripped; `refused` if `to_status` needs one and it is empty."""
        message = message.strip()
        if to_status in self.message_required and not message:
            raise self.refused(self.message_missing % {"to": self.statuses(to_status).label})
        return message

    def record(self, subject, *, to_status, user, at, from_status="", note=""):
        """Keep a step in the subject's history."""
        step = getattr(subject, self.steps).create(
            from_status=from_status, to_status=to_status, user=user, at=at, note=note
        )
        if self.refreshes_pages:
            transaction.on_commit(page_cache.invalidate)
        return step

    def note(self, subject, note, *, user, at):
        """Keep in the subject's history a change that leaves its status where it is."""
        return self.record(
            subject,
            from_status=subject.status,
            to_status=subject.status,
            user=user,
            at=at,
            note=note,
        )

    def move(self, subject, to_status, *, user, at, note="", **changes):
        """Take one step: check it, save the new status with `changes`, and record it."""
        from_status = self.check(subject, to_status)
        to_status = self.statuses(to_status)
        subject.status = to_status
        for name, value in changes.items():
            setattr(subject, name, value)
        subject.save(update_fields=sorted({"status", *changes}))
        self.record(
            subject, from_status=from_status, to_status=to_status, user=user, at=at, note=note
        )
        return from_status

    def correct(self, subject, stored, fields, *, user, at):
        """Set `fields` on `subject`, save those that differ from `stored` (its row as it
        was) and record them in its history, so nothing is rewritten silently; nothing when
        none differs. The status stays."""
        for name, value in fields.items():
            setattr(subject, name, value)
        changed = [
            field
            for field in (subject._meta.get_field(name) for name in fields)
            if field.value_from_object(subject) != field.value_from_object(stored)
        ]
        if not changed:
            return subject
        subject.save(update_fields=[field.name for field in changed])
        self.note(
            subject,
            _("Corrected: %(fields)s.")
            % {"fields": ", ".join(str(field.verbose_name) for field in changed)},
            user=user,
            at=at,
        )
        return subject

    def step_fields(self, *, max_length):
        """`from_status` and `to_status` for this workflow's Step model, with its choices."""
        choices = self.statuses.choices
        return (
            models.CharField(max_length=max_length, choices=choices, blank=True),
            models.CharField(max_length=max_length, choices=choices),
        )


class Step(models.Model):
    """A recorded step: from which status to which, who took it (nobody: the subject's author
    or the site itself), when, and the note that went with it.

    A concrete step adds the foreign key to its subject, named by `subject_field`, whose
    related name is its workflow's `steps`, and takes its workflow's statuses:
    `from_status, to_status = WORKFLOW.step_fields(max_length=…)`.
    """

    subject_field = None

    from_status = models.CharField(max_length=30, blank=True)
    to_status = models.CharField(max_length=30)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    note = models.TextField(blank=True)

    class Meta:
        abstract = True
        ordering = ["at", "pk"]

    def __str__(self):
        subject = self.serializable_value(self.subject_field)
        return f"{subject}: {self.from_status} → {self.to_status}"
