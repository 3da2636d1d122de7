"""A consultation's register of participants, imported from a CSV file officers upload:
every row checked, and all of it imported or nothing (`InvalidRegister` names the rows)."""

import csv
import re
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..eligibility import normalise_reference
from ..errors import InvalidRegister
from ..models import RegisterEntry
from ..models.eligibility import REFERENCE_MAX_LENGTH

# The names a register file may give its column of references (compared in lower case).
REFERENCE_HEADERS = {"reference", "référence", "ref", "réf", "numéro", "numero", "number"}
REFERENCE_PATTERN = re.compile(rf"[A-Z0-9][A-Z0-9._/-]{{0,{REFERENCE_MAX_LENGTH - 1}}}")
ERRORS_SHOWN = 20


@dataclass(frozen=True)
class Imported:
    added: int
    already: int


def parse_register(content):
    """The references of a register file (bytes of a CSV: one reference a line, or a column
    headed "reference"), normalised, in order; `InvalidRegister` naming the rows at fault."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        row = content[: error.start].count(b"\n") + 1
        raise InvalidRegister(
            [
                _(
                    "Row %(row)s: the file is not UTF-8 text. Save it as “CSV UTF-8” and "
                    "upload it again."
                )
                % {"row": row}
            ]
        ) from None
    if "\x00" in text:
        raise InvalidRegister([_("This is not a CSV file: save it as “CSV UTF-8”.")])
    lines = text.splitlines()
    column, delimiter, start = _column(lines)
    errors, references, seen = [], [], {}
    rows = (
        csv.reader(lines[start:], delimiter=delimiter)
        if delimiter
        else ([line] for line in lines[start:])
    )
    for number, cells in enumerate(rows, start=start + 1):
        raw = cells[column] if column < len(cells) else ""
        if not "".join(cells).strip():
            continue  # a blank line
        reference = normalise_reference(raw)
        if not delimiter and re.search(r"[;,\t]", raw):
            errors.append(
                _("Row %(row)s: one reference per row, or a column headed “reference”.")
                % {"row": number}
            )
        elif not REFERENCE_PATTERN.fullmatch(reference):
            errors.append(
                _(
                    "Row %(row)s: “%(value)s” is not a reference (letters, digits, . _ / - "
                    "only, %(max)s characters at most)."
                )
                % {
                    "row": number,
                    "value": Truncator(raw.strip()).chars(30),
                    "max": REFERENCE_MAX_LENGTH,
                }
            )
        elif reference in seen:
            errors.append(
                _("Row %(row)s: “%(value)s” is already on row %(first)s.")
                % {"row": number, "value": reference, "first": seen[reference]}
            )
        else:
            seen[reference] = number
            references.append(reference)
    if not errors and not references:
        errors.append(_("The file holds no reference."))
    if errors:
        shown = errors[:ERRORS_SHOWN]
        if len(errors) > ERRORS_SHOWN:
            more = len(errors) - ERRORS_SHOWN
            shown.append(
                ngettext(
                    "And %(count)s more row to correct.",
                    "And %(count)s more rows to correct.",
                    more,
                )
                % {"count": more}
            )
        raise InvalidRegister(shown)
    return references


def _column(lines):
    """(column, delimiter, first data row) from the first line: a header naming the column
    of references, or none (one reference per line)."""
    first = next((line for line in lines if line.strip()), "")
    for delimiter in (";", ",", "\t"):
        cells = next(csv.reader([first], delimiter=delimiter))
        names = [cell.strip().lower() for cell in cells]
        found = next((i for i, name in enumerate(names) if name in REFERENCE_HEADERS), None)
        if found is not None:
            return found, delimiter if len(cells) > 1 else None, lines.index(first) + 1
    return 0, None, 0


@transaction.atomic
def import_register(*, rule, content, now=None):
    """Add the references of a register file to the rule's register: all of them, or none
    when any row is wrong (`InvalidRegister` names them). References already there stay."""
    references = parse_register(content)
    existing = set(rule.register.values_list("reference", flat=True))
    new = [reference for reference in references if reference not in existing]
    now = now or timezone.now()
    RegisterEntry.objects.bulk_create(
        (RegisterEntry(rule=rule, reference=reference, imported_at=now) for reference in new),
        batch_size=1000,
        ignore_conflicts=True,
    )
    return Imported(added=len(new), already=len(references) - len(new))
