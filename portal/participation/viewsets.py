"""Participation's screens in the admin: the figures, the moderation of ideas, idea boxes,
surveys and petitions, with what they gathered, and the consultations' eligibility rules.
The "Participation" menu that shows them, with the event proposals, is assembled by
portal/proposals/wagtail_hooks.py (the app above)."""

from django import forms
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets.button import Button
from wagtail.snippets.views import chooser, snippets
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.core.moderation import (
    QueueViewSet,
    assigned_column,
    status_column,
    submitted_column,
)

from . import eligibility
from .admin_views import (
    RegisterUploadView,
    SurveyEditView,
    SurveyExportView,
    SurveyIndexView,
    SurveyResultsView,
)
from .models import (
    EligibilityRule,
    Idea,
    IdeaBox,
    IdeaStatus,
    Petition,
    Support,
    Survey,
    SurveyResponse,
)
from .moderation import (
    DASHBOARD_PERMISSION,
    IDEA_PANELS,
    PAPER_PANELS,
    SEARCH_FIELDS,
    IdeaEditView,
    IdeaFilterSet,
    IdeaIndexView,
    IdeaSheetExportView,
    IdeaSheetView,
    PaperIdeaCreateView,
    ParticipationDashboardView,
    source_label,
)


def original_count(model, item):
    """The confirmed `model` rows given to an item listed, or to its original when it is a
    translation (what residents give belongs to the original, models/translated.py)."""
    given = model.objects.filter(
        **{f"{item}_id": Coalesce(OuterRef("translation_of_id"), OuterRef("pk"))},
        confirmed=True,
    )
    return Coalesce(Subquery(given.values(item).annotate(count=Count("pk")).values("count")[:1]), 0)


def consultation_title(item):
    return item.consultation.title if item.consultation_id else "—"


class ConsultationColumn:
    """The consultation of each item a chooser offers: titles repeat from one consultation
    to the next ("Your ideas", "Questionnaire")."""

    @property
    def columns(self):
        return [
            *super().columns,
            Column("consultation", label=_("Consultation"), accessor=consultation_title),
        ]


class ChooseView(ConsultationColumn, chooser.ChooseView):
    pass


class ChooseResultsView(ConsultationColumn, chooser.ChooseResultsView):
    pass


class ConsultationChooserViewSet(chooser.SnippetChooserViewSet):
    """The page editor's chooser of surveys, idea boxes or petitions, with their consultation."""

    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView

    def get_object_list(self):
        return self.model.objects.select_related("consultation")


class PetitionViewSet(SnippetViewSet):
    model = Petition
    chooser_viewset_class = ConsultationChooserViewSet
    icon = "pick"
    menu_label = _("Petitions")
    search_fields = ["title"]
    list_display = [
        "title",
        "opens_at",
        "closes_at",
        Column("support_count", label=_("Confirmed supports")),
    ]

    def get_queryset(self, request):
        return Petition.objects.annotate(
            support_count=original_count(Support, "petition")
        ).order_by("-opens_at")


class SurveyViewSet(SnippetViewSet):
    """Surveys, their questions, and for each its results page and CSV export."""

    model = Survey
    chooser_viewset_class = ConsultationChooserViewSet
    icon = "clipboard-list"
    menu_label = _("Surveys")
    search_fields = ["title"]
    list_display = [
        "title",
        "opens_at",
        "closes_at",
        Column("response_count", label=_("Confirmed responses")),
    ]
    index_view_class = SurveyIndexView
    edit_view_class = SurveyEditView

    def get_queryset(self, request):
        return Survey.objects.annotate(
            response_count=original_count(SurveyResponse, "survey")
        ).order_by("-opens_at")

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            results_url_name=self.get_url_name("results"),
            export_url_name=self.get_url_name("export"),
            **kwargs,
        )

    @property
    def results_view(self):
        return self.construct_view(SurveyResultsView)

    @property
    def export_view(self):
        return self.construct_view(SurveyExportView)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("results/<int:pk>/", self.results_view, name="results"),
            path("results/<int:pk>/csv/", self.export_view, name="export"),
        ]


class IdeaBoxViewSet(SnippetViewSet):
    model = IdeaBox
    chooser_viewset_class = ConsultationChooserViewSet
    icon = "folder-open-inverse"
    menu_label = _("Idea boxes")
    search_fields = ["title"]
    list_display = [
        "title",
        "consultation",
        "opens_at",
        "closes_at",
        Column("idea_count", label=_("Ideas"), sort_key="idea_count"),
    ]

    def get_queryset(self, request):
        return (
            IdeaBox.objects.select_related("consultation")
            .annotate(idea_count=original_count(Idea, "box"))
            .order_by("-opens_at")
        )


class EligibilityRuleForm(WagtailAdminModelForm):
    """The districts and communes offered are the authority's list (the main language's)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["districts"].queryset = eligibility.authority_districts().order_by("name")
        self.fields["districts"].widget = forms.CheckboxSelectMultiple(
            choices=self.fields["districts"].choices
        )


class EligibilityRuleIndexView(snippets.IndexView):
    register_url_name = None

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if self.request.user.has_perm(RegisterUploadView.permission):
            url = reverse(self.register_url_name, args=[instance.pk])
            buttons.insert(0, Button(_("Register"), url=url, icon_name="upload", priority=1))
        return buttons


class EligibilityRuleViewSet(SnippetViewSet):
    """Who may take part in each consultation; officers upload its register from here."""

    model = EligibilityRule
    icon = "key"
    menu_label = _("Eligibility")
    index_view_class = EligibilityRuleIndexView
    edit_handler = ObjectList(EligibilityRule.panels, base_form_class=EligibilityRuleForm)
    list_display = [
        "consultation",
        "minimum_age",
        Column("register_count", label=_("References on the register")),
    ]

    def get_queryset(self, request):
        return EligibilityRule.objects.select_related("consultation").annotate(
            register_count=Count("register")
        )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            register_url_name=self.get_url_name("register"), **kwargs
        )

    @property
    def register_view(self):
        return RegisterUploadView.as_view(index_url_name=self.get_url_name("list"))

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("register/<int:pk>/", self.register_view, name="register"),
        ]


class IdeaViewSet(QueueViewSet):
    """The moderators' daily tool: the queue, every idea, and ideas collected on paper."""

    model = Idea
    icon = "comment"
    menu_label = _("Ideas")
    index_view_class = IdeaIndexView
    edit_view_class = IdeaEditView
    add_view_class = PaperIdeaCreateView
    filterset_class = IdeaFilterSet
    search_fields = SEARCH_FIELDS
    edit_handler = IDEA_PANELS
    list_display = [
        "title",
        Column("consultation", label=_("Consultation"), accessor="box.consultation"),
        status_column(waiting=IdeaStatus.SUBMITTED),
        "theme",
        "district",
        Column("source", label=_("Source"), accessor=source_label),
        Column("support_count", label=_("Supports"), sort_key="support_count"),
        assigned_column(),
        submitted_column(),
    ]

    def get_queryset(self, request):
        return Idea.objects.select_related(
            "box__consultation", "theme", "district", "collected_at", "assignee"
        )

    def get_add_view_kwargs(self, **kwargs):
        panel = PAPER_PANELS.bind_to_model(Idea)
        return super().get_add_view_kwargs(panel=panel, form_class=panel.get_form_class(), **kwargs)

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(sheet_url_name=self.get_url_name("sheet"), **kwargs)

    @property
    def sheet_view(self):
        return self.construct_view(
            IdeaSheetView,
            index_url_name=self.get_url_name("list"),
            export_url_name=self.get_url_name("sheet_export"),
        )

    @property
    def sheet_export_view(self):
        return self.construct_view(IdeaSheetExportView)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("sheet/", self.sheet_view, name="sheet"),
            path("sheet/<int:pk>/<str:file_format>/", self.sheet_export_view, name="sheet_export"),
        ]


class DashboardMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(DASHBOARD_PERMISSION)


class ParticipationDashboardViewSet(ViewSet):
    name = "participation_dashboard"
    url_prefix = "participation/dashboard"
    icon = "table"
    menu_label = _("Dashboard")
    menu_item_class = DashboardMenuItem

    def get_urlpatterns(self):
        return [path("", ParticipationDashboardView.as_view(), name="index")]
