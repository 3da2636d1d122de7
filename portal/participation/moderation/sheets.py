"""A box's ideas exported to a spreadsheet, and statuses and official answers imported back:
the upload shows a preview of the changes (or the rows at fault), and a second step applies
them (`spreadsheets.import_sheet`). The previewed file travels signed in the form, so what is
applied is what was previewed, and no file is kept on the server."""

import base64

from django import forms
from django.core import signing
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView, View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from portal.core.http import see_other

from .. import spreadsheets
from ..models import Idea, IdeaBox

SIGNING_SALT = "participation.idea-sheet"
PREVIEW_MAX_AGE = 3600


def original_boxes():
    """Ideas belong to original boxes (a translation only words one)."""
    return IdeaBox.objects.filter(translation_of__isnull=True).order_by("-opens_at", "title")


class BoxChoiceForm(forms.Form):
    box = forms.ModelChoiceField(label=gettext_lazy("Idea box"), queryset=original_boxes())


class SheetUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Sheet (CSV or XLSX)"),
        help_text=gettext_lazy(
            "A sheet exported here, with the status, official answer and public reason "
            "changed: other columns are ignored. 1 MB at most. A file with any wrong row "
            "changes nothing."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

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


class IdeaSheetView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """The box to work on (a GET form), its export, the upload, the preview and applying."""

    model = Idea
    permission_required = "change"
    template_name = "participation/admin/idea_sheet.html"
    page_title = gettext_lazy("Ideas in a spreadsheet")
    header_icon = "table"
    index_url_name = None
    export_url_name = None

    @cached_property
    def box(self):
        chooser = BoxChoiceForm(self.request.GET if "box" in self.request.GET else None)
        return chooser.cleaned_data["box"] if chooser.is_valid() else None

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": _("Ideas")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["box"] = self.box
        if self.box is None:
            context["chooser"] = BoxChoiceForm(self.request.GET or None)
        else:
            context["exports"] = [
                (extension.upper(), reverse(self.export_url_name, args=[self.box.pk, extension]))
                for extension in spreadsheets.FORMATS
            ]
            context.setdefault("form", SheetUploadForm())
        return context

    def post(self, request, *args, **kwargs):
        if self.box is None:
            return see_other(request.path)
        if "preview" in request.POST:
            return self.apply(request.POST["preview"])
        form = SheetUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        content = form.cleaned_data["file"].read()
        return self.run(form, content, form.file_format, apply=False)

    def run(self, form, content, file_format, *, apply):
        try:
            outcome = spreadsheets.import_sheet(
                self.box, content, file_format, user=self.request.user, apply=apply
            )
        except spreadsheets.InvalidSheet as error:
            if not form.is_bound:  # a previewed sheet: the problem is said above the form
                return self.render_to_response(self.get_context_data(problem=str(error)))
            form.add_error("file", str(error))
            return self.render_to_response(self.get_context_data(form=form))
        if apply and not outcome.errors:
            messages.success(
                self.request,
                ngettext(
                    "%(count)s idea changed from the sheet.",
                    "%(count)s ideas changed from the sheet.",
                    len(outcome.changes),
                )
                % {"count": len(outcome.changes)},
            )
            return see_other(f"{reverse(self.index_url_name)}?status=all")
        preview = signing.dumps(
            {
                "box": self.box.pk,
                "user": self.request.user.pk,
                "format": file_format,
                "content": base64.b64encode(content).decode(),
            },
            salt=SIGNING_SALT,
            compress=True,
        )
        return self.render_to_response(
            self.get_context_data(
                form=form, outcome=outcome, preview=None if outcome.errors else preview
            )
        )

    def apply(self, token):
        try:
            data = signing.loads(token, salt=SIGNING_SALT, max_age=PREVIEW_MAX_AGE)
        except signing.BadSignature:
            problem = _("This preview has expired: upload the sheet again.")
            return self.render_to_response(self.get_context_data(problem=problem))
        if (data["box"], data["user"]) != (self.box.pk, self.request.user.pk):
            return see_other(self.request.path)
        return self.run(
            SheetUploadForm(), base64.b64decode(data["content"]), data["format"], apply=True
        )


class IdeaSheetExportView(PermissionCheckedMixin, View):
    """A box's ideas as a CSV or XLSX file."""

    model = Idea
    permission_required = "change"

    def get(self, request, pk, file_format):
        if file_format not in spreadsheets.FORMATS:
            raise Http404
        box = get_object_or_404(original_boxes(), pk=pk)
        sheet_format = spreadsheets.FORMATS[file_format]
        response = HttpResponse(
            spreadsheets.export(box, file_format), content_type=sheet_format.get_content_type()
        )
        name = slugify(box.title)[:60] or "ideas"
        response["Content-Disposition"] = f'attachment; filename="{name}.{file_format}"'
        return response
