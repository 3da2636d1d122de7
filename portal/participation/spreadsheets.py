"""A box's ideas as a spreadsheet, and officers' statuses and official answers read back
from it, on the spreadsheet kit (`portal.core.spreadsheets`: formats, neutralised formulas,
previews, all rows or none).

The sheet holds what the public may read of each idea (id, title, status, official answer,
the reason it was not retained, supports, district, theme): never an e-mail address, an
internal note or an assignment. An import changes only the status, the official answer and,
with "not retained", the public reason, by id, for ideas of that box, through the services
(history steps, e-mails).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields, widgets

from portal.core import spreadsheets
from portal.core.spreadsheets import Change, StatusWidget, TextWidget, WorkflowSheet

from . import services
from .models import Idea, IdeaStatus
from .models.ideas import IDEA_WORKFLOW

FORMATS = spreadsheets.FORMATS
InvalidSheet = spreadsheets.InvalidSheet


class IdeaSheet(WorkflowSheet):
    """The columns of a box's sheet; importing writes through the services as `user`."""

    id = fields.Field(attribute="id", column_name="id", widget=widgets.IntegerWidget())
    title = fields.Field(attribute="title", column_name="title", readonly=True)
    status = fields.Field(attribute="status", column_name="status", widget=StatusWidget(IdeaStatus))
    official_answer = fields.Field(
        attribute="official_answer", column_name="official_answer", widget=TextWidget()
    )
    public_reason = fields.Field(
        attribute="public_reason", column_name="public_reason", widget=TextWidget()
    )
    supports = fields.Field(attribute="support_count", column_name="supports", readonly=True)
    district = fields.Field(attribute="district__name", column_name="district", readonly=True)
    theme = fields.Field(attribute="theme__name", column_name="theme", readonly=True)

    # What the preview shows of each change, beside the status.
    preview_columns = [gettext_lazy("Official answer")]

    class Meta:
        model = Idea
        fields = (
            "id",
            "title",
            "status",
            "official_answer",
            "public_reason",
            "supports",
            "district",
            "theme",
        )

    def __init__(self, *, box, user=None):
        super().__init__(user=user)
        self.box = box
        self.unknown = _("No idea of this box has the id “%(id)s”.")
        self.no_id = _("The sheet has no column “id”: export the ideas to start from.")

    def get_queryset(self):
        return Idea.objects.filter(box=self.box).select_related("district", "theme")

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        stored = Idea.objects.get(pk=instance.pk)
        errors.update(self.too_long(instance, ("official_answer", "public_reason")))
        if instance.status != stored.status and "status" not in errors:
            if instance.status == IdeaStatus.REJECTED:
                errors["status"] = _(
                    "Reject an idea on its review: the reason is e-mailed to its author."
                )
            elif not stored.confirmed or not IDEA_WORKFLOW.allows(stored.status, instance.status):
                errors["status"] = _("From “%(from)s”, an idea cannot become “%(to)s”.") % {
                    "from": stored.get_status_display(),
                    "to": IdeaStatus(instance.status).label,
                }
            elif instance.status == IdeaStatus.NOT_RETAINED and not instance.public_reason:
                errors["public_reason"] = _("Give the public reason it is not retained.")
        if errors:
            raise ValidationError(errors)

    def do_instance_save(self, instance, is_create):
        """Through the services, as a review: the answer, then the status."""
        idea = Idea.objects.get(pk=instance.pk)
        answer = instance.official_answer
        if (idea.status, idea.official_answer) == (instance.status, answer):
            return
        change = Change(
            self.line,
            idea,
            idea.get_status_display(),
            IdeaStatus(instance.status).label,
            [answer if answer != idea.official_answer else None],
        )
        services.answer_idea(idea=idea, user=self.user, answer=answer)
        if instance.status != idea.status:
            note = instance.public_reason if instance.status == IdeaStatus.NOT_RETAINED else ""
            services.change_status(idea=idea, to_status=instance.status, user=self.user, note=note)
        self.changes.append(change)


def export(box, file_format):
    """The box's ideas as the bytes (or text) of a CSV or XLSX file, formulas neutralised."""
    return spreadsheets.export(
        IdeaSheet(box=box), Idea.objects.filter(box=box).order_by("pk"), file_format
    )


def import_sheet(box, content, file_format, *, user, apply):
    """Run the import through the services; kept only if `apply` and no row failed."""
    return spreadsheets.import_sheet(
        IdeaSheet(box=box, user=user), content, file_format, apply=apply
    )
