"""A box's ideas as a spreadsheet (CSV or XLSX, with django-import-export), and officers'
statuses and official answers read back from it.

The sheet holds what the public may read of each idea (id, title, status, official answer,
the reason it was not retained, supports, district, theme): never an e-mail address, an
internal note or an assignment. Cells that a spreadsheet would run as a formula (= + - @,
tab, carriage return first) are neutralised with a leading apostrophe.

An import changes only the status, the official answer and, with "not retained", the public
reason, by id, for ideas of that box. It runs through the services, as a review does (history
steps, e-mails), in one transaction: a preview is the same run rolled back, and the import
is applied only if no row fails.
"""

import io
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets
from import_export.formats.base_formats import CSV, XLSX

from . import services
from .errors import ParticipationError
from .models import Idea, IdeaStatus
from .models.ideas import IDEA_WORKFLOW

FORMATS = {"csv": CSV(), "xlsx": XLSX()}
MAX_BYTES = 1024 * 1024
MAX_ROWS = 5000
MAX_XLSX_UNPACKED = 20 * MAX_BYTES  # a small zip may unpack into gigabytes
ANSWER_MAX_LENGTH = 5000
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class InvalidSheet(ParticipationError):
    """A file that is not a sheet this import reads."""


@dataclass
class Change:
    """What an imported row changes: shown in the preview, then applied."""

    line: int
    idea: Idea
    old_status: str
    new_status: str
    old_answer: str
    new_answer: str

    @property
    def old_status_label(self):
        return IdeaStatus(self.old_status).label

    @property
    def new_status_label(self):
        return IdeaStatus(self.new_status).label


class StatusWidget(widgets.Widget):
    """A status written as its label in the officer's language, or as its code."""

    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip()
        for status in IdeaStatus:
            if text.casefold() in (status.value, str(status.label).casefold()):
                return status.value
        raise ValueError(_("“%(value)s” is not a status.") % {"value": text[:60]})

    def render(self, value, obj=None, **kwargs):
        return str(IdeaStatus(value).label) if value else ""


class TextWidget(widgets.CharWidget):
    """Text read back as written, empty cells as empty text."""

    def clean(self, value, row=None, **kwargs):
        return "" if value is None else str(value).strip()


class IdeaSheet(resources.ModelResource):
    """The columns of a box's sheet; importing writes through the services as `user`."""

    id = fields.Field(attribute="id", column_name="id", widget=widgets.IntegerWidget())
    title = fields.Field(attribute="title", column_name="title", readonly=True)
    status = fields.Field(attribute="status", column_name="status", widget=StatusWidget())
    official_answer = fields.Field(
        attribute="official_answer", column_name="official_answer", widget=TextWidget()
    )
    public_reason = fields.Field(
        attribute="public_reason", column_name="public_reason", widget=TextWidget()
    )
    supports = fields.Field(attribute="support_count", column_name="supports", readonly=True)
    district = fields.Field(attribute="district__name", column_name="district", readonly=True)
    theme = fields.Field(attribute="theme__name", column_name="theme", readonly=True)

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
        import_id_fields = ("id",)
        skip_unchanged = True
        skip_html_diff = True

    def __init__(self, *, box, user=None):
        super().__init__()
        self.box, self.user, self.changes = box, user, []

    def get_queryset(self):
        return Idea.objects.filter(box=self.box).select_related("district", "theme")

    def init_instance(self, row=None):
        """An id that is no idea of this box is the row's error, never a new idea."""
        raise ValidationError(
            _("No idea of this box has the id “%(id)s”.") % {"id": str(row.get("id"))[:20]}
        )

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        stored = Idea.objects.get(pk=instance.pk)
        for name in ("official_answer", "public_reason"):
            if len(getattr(instance, name)) > ANSWER_MAX_LENGTH:
                errors[name] = _("At most %(max)s characters.") % {"max": ANSWER_MAX_LENGTH}
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

    def import_row(self, row, instance_loader, **kwargs):
        self.line = kwargs["row_number"] + 1  # the header is line 1
        return super().import_row(row, instance_loader, **kwargs)

    def do_instance_save(self, instance, is_create):
        """Through the services, as a review: the answer, then the status."""
        idea = Idea.objects.get(pk=instance.pk)
        change = Change(
            self.line,
            idea,
            idea.status,
            instance.status,
            idea.official_answer,
            instance.official_answer,
        )
        if (change.old_status, change.old_answer) == (change.new_status, change.new_answer):
            return
        services.answer_idea(idea=idea, user=self.user, answer=instance.official_answer)
        if instance.status != idea.status:
            note = instance.public_reason if instance.status == IdeaStatus.NOT_RETAINED else ""
            services.change_status(idea=idea, to_status=instance.status, user=self.user, note=note)
        self.changes.append(change)


def neutralise(value):
    """A cell a spreadsheet would run as a formula, made text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def export(box, file_format):
    """The box's ideas as the bytes (or text) of a CSV or XLSX file, formulas neutralised."""
    dataset = IdeaSheet(box=box).export(Idea.objects.filter(box=box).order_by("pk"))
    safe = dataset.__class__(headers=dataset.headers)
    for row in dataset:
        safe.append([neutralise(cell) for cell in row])
    return FORMATS[file_format].export_data(safe)


def read(content, file_format):
    """The dataset of an uploaded file, or `InvalidSheet` saying why it cannot be read."""
    if len(content) > MAX_BYTES:
        raise InvalidSheet(_("This file weighs more than 1 MB."))
    if file_format == "xlsx":
        if not zipfile.is_zipfile(io.BytesIO(content)):
            raise InvalidSheet(_("This is not an XLSX file."))
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            if sum(item.file_size for item in archive.infolist()) > MAX_XLSX_UNPACKED:
                raise InvalidSheet(_("This XLSX file is too large once unpacked."))
    else:
        try:
            content = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InvalidSheet(
                _("This is not a CSV file in UTF-8: save it as “CSV UTF-8”.")
            ) from None
        if "\x00" in content:
            raise InvalidSheet(_("This is not a CSV file: save it as “CSV UTF-8”."))
    try:
        dataset = FORMATS[file_format].create_dataset(content)
    except Exception:  # whatever a hostile file makes the readers raise
        raise InvalidSheet(_("This file cannot be read as a sheet.")) from None
    if "id" not in (dataset.headers or []):
        raise InvalidSheet(_("The sheet has no column “id”: export the ideas to start from."))
    if len(dataset) > MAX_ROWS:
        raise InvalidSheet(_("A sheet holds at most %(max)s rows.") % {"max": MAX_ROWS})
    return dataset


@dataclass
class Outcome:
    """An import's changes, or its errors by line (then nothing was applied)."""

    changes: list
    errors: list


def import_sheet(box, content, file_format, *, user, apply):
    """Run the import through the services; kept only if `apply` and no row failed."""
    dataset = read(content, file_format)
    sheet = IdeaSheet(box=box, user=user)
    with transaction.atomic():
        # This transaction, not the library's: a preview is the import rolled back.
        result = sheet.import_data(dataset, use_transactions=False)
        errors = row_errors(result)
        if errors or not apply:
            transaction.set_rollback(True)
    return Outcome(sheet.changes, errors)


def row_errors(result):
    """Each failing row's line and messages."""
    errors = []
    for row in result.invalid_rows:
        messages = [
            message for field_messages in row.error_dict.values() for message in field_messages
        ]
        errors.append((row.number + 1, messages))
    for number, row_errors in result.row_errors():
        errors.append((number + 1, [str(error.error) for error in row_errors]))
    for error in result.base_errors:
        errors.append((None, [str(error.error)]))
    return sorted(errors, key=lambda error: error[0] or 0)
