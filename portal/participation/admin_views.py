"""A survey's answers in the admin: its results page and its CSV export, with links to both;
and the upload of a consultation's register of participants.

Both survey pages are for staff with the survey snippet's "view" permission (superusers, and
the groups given it); answers to confidential questions are shown there, never on the site,
and only to those who may read confidential answers (`permissions.VIEW_CONFIDENTIAL`). The
register is uploaded by those who may add register entries (moderators).
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.functional import cached_property
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView, View
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.snippets.views import snippets

from portal.core.http import see_other

from . import services
from .models import EligibilityRule, Survey
from .permissions import reads_confidential
from .survey_results import csv_lines, survey_results


class SurveyLinksMixin:
    """The URLs of a survey's results and export; the viewset names them."""

    results_url_name = None
    export_url_name = None

    def results_url(self, survey):
        return reverse(self.results_url_name, args=[survey.original_id])

    def export_url(self, survey):
        return reverse(self.export_url_name, args=[survey.original_id])

    def answer_buttons(self, survey):
        """The "Results" and "Download CSV" buttons, for those who may see them."""
        if not self.user_has_permission("view"):
            return []
        return [
            Button(_("Results"), url=self.results_url(survey), icon_name="table", priority=1),
            Button(
                _("Download CSV"), url=self.export_url(survey), icon_name="download", priority=2
            ),
        ]


class SurveyIndexView(SurveyLinksMixin, snippets.IndexView):
    def get_list_more_buttons(self, instance):
        return [*self.answer_buttons(instance), *super().get_list_more_buttons(instance)]


class SurveyEditView(SurveyLinksMixin, snippets.EditView):
    @cached_property
    def header_more_buttons(self):
        return [*self.answer_buttons(self.object), *super().header_more_buttons]


class SurveyAnswersView(SurveyLinksMixin, PermissionCheckedMixin, BaseObjectMixin):
    """A survey's answers: its original's, whichever version is asked for (the answers given
    in every language belong to the original, models/translated.py)."""

    model = Survey
    permission_required = "view"

    def get_object(self):
        return super().get_object().original


class SurveyResultsView(SurveyAnswersView, WagtailAdminTemplateMixin, TemplateView):
    """Per question: how many answered, the share of each option as bars, the free texts."""

    template_name = "participation/admin/survey_results.html"
    page_title = _("Results")
    header_icon = "table"
    index_url_name = None
    edit_url_name = None

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse(self.index_url_name),
                "label": capfirst(Survey._meta.verbose_name_plural),
            },
            {"url": reverse(self.edit_url_name, args=[self.object.pk]), "label": str(self.object)},
            {"url": "", "label": _("Results"), "sublabel": str(self.object)},
        ]

    @cached_property
    def header_buttons(self):
        return [
            HeaderButton(_("Download CSV"), url=self.export_url(self.object), icon_name="download")
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            survey=self.object,
            results=survey_results(self.object, confidential=reads_confidential(self.request.user)),
            **self.object.responses.aggregate(
                confirmed_count=Count("pk", filter=Q(confirmed=True)),
                held_count=Count("pk", filter=Q(confirmed=False)),
            ),
            **kwargs,
        )


class SurveyExportView(SurveyAnswersView, View):
    """The confirmed responses as a CSV file, streamed: large surveys never sit in memory."""

    def get(self, request, *args, **kwargs):
        response = StreamingHttpResponse(
            csv_lines(self.object, confidential=reads_confidential(request.user)),
            content_type="text/csv; charset=utf-8",
        )
        filename = f"{slugify(self.object.title) or 'survey'}-{timezone.localdate():%Y-%m-%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


# A register of 100,000 references weighs about 1 MB: anything much larger is not one.
REGISTER_MAX_MB = 5


class RegisterUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Register (CSV file)"),
        help_text=_(
            "One reference per row, or a column headed “reference” (other columns are "
            "ignored). UTF-8 text, %(size)s MB at most. References already on the register "
            "stay; a file with any wrong row imports nothing."
        )
        % {"size": REGISTER_MAX_MB},
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,text/csv,text/plain"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > REGISTER_MAX_MB * 1024 * 1024:  # judged before a byte is read
            raise forms.ValidationError(
                _("This file weighs more than %(max)s MB, the most a register may weigh.")
                % {"max": number_format(REGISTER_MAX_MB)}
            )
        return upload


class RegisterUploadView(WagtailAdminTemplateMixin, FormView):
    """Officers upload a consultation's register of participants; every row is checked and
    the file imported whole or not at all (`services.import_register`)."""

    template_name = "participation/admin/register_upload.html"
    form_class = RegisterUploadForm
    page_title = _("Register of participants")
    header_icon = "doc-full"
    permission = "participation.add_registerentry"
    index_url_name = None

    def dispatch(self, request, *args, pk, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        self.rule = get_object_or_404(EligibilityRule.objects.select_related("consultation"), pk=pk)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.rule)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse(self.index_url_name),
                "label": capfirst(EligibilityRule._meta.verbose_name_plural),
            },
            {"url": "", "label": _("Register of participants"), "sublabel": str(self.rule)},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            rule=self.rule,
            entries=self.rule.register.count(),
            used=self.rule.register.filter(ballots__isnull=False).distinct().count(),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            imported = services.import_register(
                rule=self.rule, content=form.cleaned_data["file"].read()
            )
        except services.InvalidRegister as error:
            for message in error.errors:
                form.add_error("file", message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(added)s references added to the register; %(already)s were on it already.")
            % {"added": imported.added, "already": imported.already},
        )
        return see_other(self.request.path)
