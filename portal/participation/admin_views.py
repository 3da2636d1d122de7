"""A survey's answers in the admin: its results page and its CSV export, with links to both.

Both are for staff with the survey snippet's "view" permission (superusers, and the groups
given it); answers to confidential questions are shown there, never on the site, and only to
those who may read confidential answers (`permissions.VIEW_CONFIDENTIAL`).
"""

from django.db.models import Count, Q
from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.snippets.views import snippets

from .models import Survey
from .permissions import reads_confidential
from .survey_results import csv_lines, survey_results


class SurveyLinksMixin:
    """The URLs of a survey's results and export; the viewset names them."""

    results_url_name = None
    export_url_name = None

    def results_url(self, survey):
        return reverse(self.results_url_name, args=[survey.pk])

    def export_url(self, survey):
        return reverse(self.export_url_name, args=[survey.pk])

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
    model = Survey
    permission_required = "view"


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
