"""The open-data page, its files and their schemas."""

from django.conf import settings
from django.http import Http404, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.text import slugify
from django.views.decorators.http import require_safe
from wagtail.models import Locale

from . import files
from .datasets import DATASETS, Scope

CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json; charset=utf-8"}


@require_safe
def index(request):
    """Every file, for the whole site and per consultation, with its fields described."""
    scope = Scope(Locale.get_active())
    return render(
        request,
        "opendata/index.html",
        {
            "datasets": [
                (dataset, [(field, files.type_label(field)) for field in dataset.fields])
                for dataset in DATASETS.values()
            ],
            "consultations": scope.pages,
            "licence": files.LICENCE,
            "separator": files.LIST_SEPARATOR,
        },
    )


@require_safe
def site_file(request, dataset, format):
    return file_response(DATASETS[dataset], Scope(Locale.get_active()), format)


@require_safe
def consultation_file(request, page_id, dataset, format):
    if page_id >= 2**63:  # no row has it, and SQLite cannot even compare it
        raise Http404
    scope = Scope(Locale.get_active(), consultation_id=page_id)
    if scope.consultation is None:
        raise Http404
    return file_response(DATASETS[dataset], scope, format)


@require_safe
def schema(request, dataset):
    response = JsonResponse(
        files.json_schema(DATASETS[dataset]),
        content_type="application/schema+json",
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
    return reusable(response)


def in_language(lines, language):
    """The lines written in the request's language, however late the server reads them."""
    with translation.override(language):
        yield from lines


def file_response(dataset, scope, format):
    """The file, streamed as its rows are read: its size costs no memory and no query."""
    if format == "csv":
        lines = files.csv_lines(dataset, scope)
    else:
        page = scope.consultation
        lines = files.json_lines(dataset, scope, scope.urls[page.pk] if page else "")
    response = StreamingHttpResponse(
        in_language(lines, translation.get_language()), content_type=CONTENT_TYPES[format]
    )
    prefix = f"{slugify(scope.consultation.slug)}-" if scope.consultation else ""
    # A spreadsheet opens a CSV file saved; a JSON file reads in the browser.
    disposition = "attachment" if format == "csv" else "inline"
    name = f"{prefix}{dataset.file_name}.{format}"
    response["Content-Disposition"] = f'{disposition}; filename="{name}"'
    return reusable(response)


def reusable(response):
    """Open to any site's scripts, kept a few minutes by caches, its licence linked."""
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = f"public, max-age={settings.PAGE_CACHE_SECONDS}"
    response["Link"] = f'<{files.LICENCE["url"]}>; rel="license"'
    return response
