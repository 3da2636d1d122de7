"""The spreadsheet screens of the admin, for ideas and budget projects alike: the records to
work on (an idea box, an envelope: a GET form), their export, the upload, the preview of the
changes (or the rows at fault) and a second step that applies them (`spreadsheets`). The
previewed file travels signed in the form, so what is applied is what was previewed, and no
file is kept on the server.

A subclass names its scope (`scope_form_class`, whose only field is `scope_name`), its sheet
(`import_sheet` and `preview_columns`; `export_sheet` for the export) and its words (`texts`,
`changed`)."""

import base64

from django import forms
from django.core import signing
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from . import spreadsheets
from .http import see_other

PREVIEW_MAX_AGE = 3600


class SheetUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Sheet (CSV or XLSX)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def __init__(self, *args, help_text="", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = help_text

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > spreadsheets.MAX_BYTES:  # judged before a byte is read
            raise forms.ValidationError(_("This file weighs more than 1 MB."))
        name = upload.name.lower()
        self.file_format = next(
            (extension for extension in spreadsheets.FORMATS if name.endswith(f".{extension}")),
            None,
        )
        if self.file_format is None:
            raise forms.ValidationError(_("Upload a CSV or XLSX file."))
        return upload


class SheetView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """The scope to work on, its export, the upload, the preview and applying."""

    permission_required = "change"
    template_name = "core/admin/sheet.html"
    header_icon = "table"
    index_url_name = None
    export_url_name = None
    index_label = None
    scope_form_class = None
    scope_name = None
    signing_salt = None
    preview_columns = ()

    def import_sheet(self, scope, content, file_format, *, user, apply):
        raise NotImplementedError

    def texts(self, scope):
        """The screen's words: `choose`, `scope`, `another`, `export`, `import`, `upload`,
        `item`, `apply`."""
        raise NotImplementedError

    def changed(self, count):
        """The message once `count` records changed."""
        raise NotImplementedError

    @cached_property
    def scope(self):
        data = self.request.GET if self.scope_name in self.request.GET else None
        chooser = self.scope_form_class(data)
        return chooser.cleaned_data[self.scope_name] if chooser.is_valid() else None

    def upload_form(self, *args):
        return SheetUploadForm(*args, help_text=self.texts(self.scope)["upload"])

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": self.index_label},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(scope=self.scope, texts=self.texts(self.scope))
        if self.scope is None:
            context["chooser"] = self.scope_form_class(self.request.GET or None)[self.scope_name]
        else:
            context["exports"] = [
                (extension.upper(), reverse(self.export_url_name, args=[self.scope.pk, extension]))
                for extension in spreadsheets.FORMATS
            ]
            context["preview_columns"] = self.preview_columns
            context.setdefault("form", self.upload_form())
        return context

    def post(self, request, *args, **kwargs):
        if self.scope is None:
            return see_other(request.path)
        if "preview" in request.POST:
            return self.apply(request.POST["preview"])
        form = self.upload_form(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        content = form.cleaned_data["file"].read()
        return self.run(form, content, form.file_format, apply=False)

    def run(self, form, content, file_format, *, apply):
        try:
            outcome = self.import_sheet(
                self.scope, content, file_format, user=self.request.user, apply=apply
            )
        except spreadsheets.InvalidSheet as error:
            if not form.is_bound:  # a previewed sheet: the problem is said above the form
                return self.render_to_response(self.get_context_data(problem=str(error)))
            form.add_error("file", str(error))
            return self.render_to_response(self.get_context_data(form=form))
        if apply and not outcome.errors:
            messages.success(self.request, self.changed(len(outcome.changes)))
            return see_other(f"{reverse(self.index_url_name)}?status=all")
        preview = signing.dumps(
            {
                "scope": self.scope.pk,
                "user": self.request.user.pk,
                "format": file_format,
                "content": base64.b64encode(content).decode(),
            },
            salt=self.signing_salt,
            compress=True,
        )
        return self.render_to_response(
            self.get_context_data(
                form=form, outcome=outcome, preview=None if outcome.errors else preview
            )
        )

    def apply(self, token):
        try:
            data = signing.loads(token, salt=self.signing_salt, max_age=PREVIEW_MAX_AGE)
        except signing.BadSignature:
            problem = _("This preview has expired: upload the sheet again.")
            return self.render_to_response(self.get_context_data(problem=problem))
        if (data["scope"], data["user"]) != (self.scope.pk, self.request.user.pk):
            return see_other(self.request.path)
        return self.run(
            self.upload_form(), base64.b64decode(data["content"]), data["format"], apply=True
        )


class SheetExportView(PermissionCheckedMixin, View):
    """A scope's records as a CSV or XLSX file, named after it."""

    permission_required = "change"
    default_name = None

    def scopes(self):
        raise NotImplementedError

    def export_sheet(self, scope, file_format):
        raise NotImplementedError

    def get(self, request, pk, file_format):
        if file_format not in spreadsheets.FORMATS:
            raise Http404
        scope = get_object_or_404(self.scopes(), pk=pk)
        sheet_format = spreadsheets.FORMATS[file_format]
        response = HttpResponse(
            self.export_sheet(scope, file_format), content_type=sheet_format.get_content_type()
        )
        name = slugify(scope.title)[:60] or self.default_name
        response["Content-Disposition"] = f'attachment; filename="{name}.{file_format}"'
        return response
