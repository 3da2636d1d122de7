"""Records as a spreadsheet (CSV or XLSX, with django-import-export), and officers' decisions
read back from one: what the sheets of ideas (participation.spreadsheets) and of budget
projects (budgets.spreadsheets) share.

A sheet holds only what the public may read: never an e-mail address, an internal note or an
assignment. Cells that a spreadsheet would run as a formula (= + - @, tab, carriage return
first) are neutralised with a leading apostrophe.

An import reads rows by id among the sheet's records only, and writes through the services
(`WorkflowSheet.do_instance_save`), as a review does, in one transaction: a preview is the
same run rolled back, and the import is applied only if no row fails.
"""

import io
import zipfile
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from import_export import resources, widgets
from import_export.formats.base_formats import CSV, XLSX

FORMATS = {"csv": CSV(), "xlsx": XLSX()}
MAX_BYTES = 1024 * 1024
MAX_ROWS = 5000
MAX_XLSX_UNPACKED = 20 * MAX_BYTES  # a small zip may unpack into gigabytes
TEXT_MAX_LENGTH = 5000
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class InvalidSheet(Exception):
    """A file that is not a sheet this import reads."""


@dataclass
class Change:
    """What an imported row changes: shown in the preview, then applied. `texts`: the new
    value of each text column the preview shows, None where it is unchanged."""

    line: int
    item: object
    old_status_label: str
    new_status_label: str
    texts: list = field(default_factory=list)

    @property
    def status_changed(self):
        return self.old_status_label != self.new_status_label


class StatusWidget(widgets.Widget):
    """A status of `statuses` written as its label in the officer's language, or as its code."""

    def __init__(self, statuses):
        super().__init__()
        self.statuses = statuses

    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip()
        for status in self.statuses:
            if text.casefold() in (status.value, str(status.label).casefold()):
                return status.value
        raise ValueError(_("“%(value)s” is not a status.") % {"value": text[:60]})

    def render(self, value, obj=None, **kwargs):
        return str(self.statuses(value).label) if value else ""


class TextWidget(widgets.CharWidget):
    """Text read back as written, empty cells as empty text."""

    def clean(self, value, row=None, **kwargs):
        return "" if value is None else str(value).strip()


class WorkflowSheet(resources.ModelResource):
    """A sheet of records whose statuses and public texts officers import back, as `user`.

    A subclass gives its columns, `get_queryset()` (the records it may change), `unknown` (the
    error of an id that is none of them, with %(id)s) and `no_id` (a sheet without ids), and
    writes each row through the services in `do_instance_save`, appending a `Change`."""

    unknown = None
    no_id = None

    class Meta:
        import_id_fields = ("id",)
        skip_unchanged = True
        skip_html_diff = True

    def __init__(self, *, user=None):
        super().__init__()
        self.user, self.changes, self.line = user, [], None

    def init_instance(self, row=None):
        """An id that is none of the sheet's records is the row's error, never a new one."""
        raise ValidationError(self.unknown % {"id": str(row.get("id"))[:20]})

    def import_row(self, row, instance_loader, **kwargs):
        self.line = kwargs["row_number"] + 1  # the header is line 1
        return super().import_row(row, instance_loader, **kwargs)

    def too_long(self, instance, names):
        """The errors of the text columns `names` longer than a review takes."""
        return {
            name: _("At most %(max)s characters.") % {"max": TEXT_MAX_LENGTH}
            for name in names
            if len(getattr(instance, name)) > TEXT_MAX_LENGTH
        }


def neutralise(value):
    """A cell a spreadsheet would run as a formula, made text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def export(sheet, queryset, file_format):
    """The rows of `queryset` as the bytes (or text) of a CSV or XLSX file, formulas
    neutralised."""
    dataset = sheet.export(queryset)
    safe = dataset.__class__(headers=dataset.headers)
    for row in dataset:
        safe.append([neutralise(cell) for cell in row])
    return FORMATS[file_format].export_data(safe)


def read(content, file_format, *, no_id):
    """The dataset of an uploaded file, or `InvalidSheet` saying why it cannot be read
    (`no_id`, when it has no column "id")."""
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
        raise InvalidSheet(no_id)
    if len(dataset) > MAX_ROWS:
        raise InvalidSheet(_("A sheet holds at most %(max)s rows.") % {"max": MAX_ROWS})
    return dataset


@dataclass
class Outcome:
    """An import's changes, or its errors by line (then nothing was applied)."""

    changes: list
    errors: list


def import_sheet(sheet, content, file_format, *, apply):
    """Run the import of `sheet` (a `WorkflowSheet`) through the services; kept only if
    `apply` and no row failed."""
    dataset = read(content, file_format, no_id=sheet.no_id)
    with transaction.atomic():
        # This transaction, not the library's: a preview is the import rolled back.
        result = sheet.import_data(dataset, use_transactions=False)
        errors = row_errors(result)
        if errors or not apply:
            transaction.set_rollback(True)
    return Outcome(sheet.changes, errors)


def row_errors(result):
    """Each failing row's line and messages: the columns' errors, then what the services
    refused."""
    errors = []
    for row in result.invalid_rows:
        messages = [
            message for field_messages in row.error_dict.values() for message in field_messages
        ]
        errors.append((row.number + 1, messages))
    for number, failures in result.row_errors():
        errors.append((number + 1, [str(failure.error) for failure in failures]))
    for error in result.base_errors:
        errors.append((None, [str(error.error)]))
    return sorted(errors, key=lambda error: error[0] or 0)
