"""The files of open data: CSV and JSON written row by row, and the JSON Schema of each.

A JSON file is one object: what it holds, its licence, when it was made, its schema's
address, the consultation it covers (or null for the whole site) and `data`, its rows. A CSV
file holds the same rows under the same field names, written as the admin's exports are
(`spreadsheet_lines`: UTF-8 with a byte order mark, semicolons, no cell read as a formula):
empty for null, `true`/`false`, a list joined with " | ".
"""

import json

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.core.http import absolute_url
from portal.participation.survey_results import spreadsheet_lines

# Etalab's Licence Ouverte 2.0, which French public bodies publish their data under.
LICENCE = {
    "id": "etalab-2.0",
    "name": "Licence Ouverte / Open Licence 2.0",
    "url": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
}
SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
LIST_SEPARATOR = " | "


def field_schema(field):
    if field.type == "array":
        schema = {"type": "array", "items": {"type": "string"}}
    else:
        schema = {"type": [field.type, "null"] if field.nullable else field.type}
    if field.format:
        schema["format"] = field.format
    if field.enum:
        schema["enum"] = [*field.enum, *([None] if field.nullable else [])]
    schema["description"] = str(field.description)
    return schema


def row_schema(dataset):
    return {
        "type": "object",
        "properties": {field.name: field_schema(field) for field in dataset.fields},
        "required": [field.name for field in dataset.fields],
        "additionalProperties": False,
    }


def schema_url(dataset):
    return absolute_url(reverse("opendata:schema", args=[dataset.key]))


def json_schema(dataset):
    """The JSON Schema (draft 2020-12) of the dataset's JSON files, its fields described in
    the active language."""
    consultation = {
        "type": ["object", "null"],
        "properties": {
            "id": {"type": "integer"},
            "title": {"type": "string"},
            "url": {"type": "string", "format": "uri"},
        },
        "required": ["id", "title", "url"],
        "additionalProperties": False,
    }
    licence = {
        "type": "object",
        "properties": {name: {"const": value} for name, value in LICENCE.items()},
        "required": list(LICENCE),
        "additionalProperties": False,
    }
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": schema_url(dataset),
        "title": str(dataset.title),
        "description": str(dataset.description),
        "type": "object",
        "properties": {
            "dataset": {"const": dataset.key},
            "title": {"type": "string"},
            "licence": licence,
            "source": {"type": "string", "format": "uri"},
            "schema": {"const": schema_url(dataset)},
            "generated_at": {"type": "string", "format": "date-time"},
            "consultation": consultation,
            "data": {"type": "array", "items": row_schema(dataset)},
        },
        "required": [
            "dataset",
            "title",
            "licence",
            "source",
            "schema",
            "generated_at",
            "consultation",
            "data",
        ],
        "additionalProperties": False,
    }


def json_lines(dataset, scope, consultation_url=""):
    """The JSON file, piece by piece: its header, then each row as it is read."""
    page = scope.consultation
    header = {
        "dataset": dataset.key,
        "title": f"{dataset.title} – {page.title if page else settings.WAGTAIL_SITE_NAME}",
        "licence": LICENCE,
        "source": absolute_url(reverse("opendata:index")),
        "schema": schema_url(dataset),
        "generated_at": timezone.localtime().isoformat(),
        "consultation": (
            {"id": page.pk, "title": page.title, "url": consultation_url} if page else None
        ),
    }
    opening = json.dumps(header, ensure_ascii=False)
    yield opening[:-1] + ', "data": ['
    separator = "\n"
    for row in dataset.rows(scope):
        yield separator + json.dumps(row, ensure_ascii=False)
        separator = ",\n"
    yield "\n]}\n"


def csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return LIST_SEPARATOR.join(value)
    return value


def csv_lines(dataset, scope):
    """The CSV file: the field names, then a line per row, as the admin's exports write them."""
    names = [field.name for field in dataset.fields]

    def rows():
        yield names
        for row in dataset.rows(scope):
            yield [csv_cell(row[name]) for name in names]

    return spreadsheet_lines(rows())


def type_label(field):
    """The field's type in words, for the open-data page."""
    words = {
        "integer": _("whole number"),
        "number": _("number"),
        "boolean": _("true or false"),
        "array": _("list of texts"),
        "date-time": _("date and time (ISO 8601)"),
        "date": _("date (ISO 8601)"),
        "uri": _("address (URL)"),
    }
    label = str(words.get(field.format or field.type, _("text")))
    return _("%(type)s, may be empty") % {"type": label} if field.nullable else label
