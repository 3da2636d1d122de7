"""A box's ideas exported to a spreadsheet, and statuses and official answers imported back,
on the admin's spreadsheet kit (`portal.core.sheets`: preview, then apply)."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from portal.core.sheets import SheetExportView, SheetView

from .. import spreadsheets
from ..models import Idea, IdeaBox


def original_boxes():
    """Ideas belong to original boxes (a translation only words one)."""
    return IdeaBox.objects.filter(translation_of__isnull=True).order_by("-opens_at", "title")


class BoxChoiceForm(forms.Form):
    box = forms.ModelChoiceField(label=gettext_lazy("Idea box"), queryset=original_boxes())


class IdeaSheetView(SheetView):
    """The box to work on, its export, the upload, the preview and applying."""

    model = Idea
    page_title = gettext_lazy("Ideas in a spreadsheet")
    index_label = gettext_lazy("Ideas")
    scope_form_class = BoxChoiceForm
    scope_name = "box"
    signing_salt = "participation.idea-sheet"
    preview_columns = spreadsheets.IdeaSheet.preview_columns

    def import_sheet(self, scope, content, file_format, *, user, apply):
        return spreadsheets.import_sheet(scope, content, file_format, user=user, apply=apply)

    def texts(self, scope):
        return {
            "choose": _("Choose the idea box whose ideas you export or update."),
            "scope": scope and _("Idea box “%(box)s”.") % {"box": scope.title},
            "another": _("Choose another box"),
            "export": _(
                "Each idea with its id, title, status, official answer, public reason, "
                "supports, district and theme: no e-mail address, no internal note."
            ),
            "import": _("Import statuses and official answers"),
            "upload": _(
                "A sheet exported here, with the status, official answer and public reason "
                "changed: other columns are ignored. 1 MB at most. A file with any wrong row "
                "changes nothing."
            ),
            "item": _("Idea"),
            "apply": _(
                "Applying records each change in the ideas' history and e-mails their "
                "authors, as a review does."
            ),
        }

    def changed(self, count):
        return ngettext(
            "%(count)s idea changed from the sheet.",
            "%(count)s ideas changed from the sheet.",
            count,
        ) % {"count": count}


class IdeaSheetExportView(SheetExportView):
    """A box's ideas as a CSV or XLSX file."""

    model = Idea
    default_name = "ideas"

    def scopes(self):
        return original_boxes()

    def export_sheet(self, scope, file_format):
        return spreadsheets.export(scope, file_format)
