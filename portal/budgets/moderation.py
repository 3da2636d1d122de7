"""The feasibility queue in the admin, on the moderation kit: budget projects with their
filters, a project's review (the study's decisions and their history), projects entered by
officers, projects made of ideas, and an envelope's projects in a spreadsheet.

Every write goes through `services`, which checks the workflow and records each step; what
they refuse (`BudgetError`) is shown on the form.
"""

import django_filters
from django import forms
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, ngettext_lazy
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.models import Locale
from wagtail.snippets.views import snippets

from portal.core.http import see_other
from portal.core.moderation import (
    AssignmentFields,
    HistoryPanel,
    QueueFilterSet,
    QueueIndexView,
    QueuePanel,
    QueueViewSet,
    ReadOnlyPanel,
    ReviewEditView,
    assigned_column,
    assigned_filter,
    assignment_panels,
    status_column,
    status_filter,
    submitted_column,
)
from portal.core.sheets import SheetExportView, SheetView
from portal.pages.taxonomy import District, Theme
from portal.participation.forms import PlainTextField, SingleLineTextField
from portal.participation.forms.places import PLACE_FIELDS, PlaceFields
from portal.participation.models import Idea

from . import services, spreadsheets
from .errors import BudgetError
from .models import MAX_EUROS, PROJECT_WORKFLOW, BudgetProject, Envelope, ProjectStatus, euros

# The study's decisions (PROJECT_WORKFLOW.decisions), in the review's words.
DECISION_LABELS = {
    "study": gettext_lazy("Start the feasibility study, by a department"),
    "feasible": gettext_lazy("Feasible, at the estimated cost"),
    "not_feasible": gettext_lazy("Not feasible, for a public reason"),
    "on_ballot": gettext_lazy("Put it on the ballot"),
}

# "feasible", for a project on the ballot before voting starts.
TAKE_OFF_BALLOT = gettext_lazy("Take it off the ballot (it stays feasible)")

DECISION_DONE = {
    "study": gettext_lazy("“%(title)s” is under study."),
    "feasible": gettext_lazy("“%(title)s” is feasible."),
    "not_feasible": gettext_lazy("“%(title)s” is not feasible; the reason is public."),
    "on_ballot": gettext_lazy("“%(title)s” is on the ballot."),
}


def envelope_choices():
    """The envelopes, newest vote first, with their consultation for the labels."""
    return Envelope.objects.select_related("consultation").order_by("-opens_at", "title")


class EnvelopeChoiceField(forms.ModelChoiceField):
    """An envelope named with its consultation: titles repeat from one year to the next."""

    def label_from_instance(self, envelope):
        return f"{envelope.title} — {envelope.consultation.title}"


def cost_label(project):
    return euros(project.cost)


# The list


class ProjectFilterSet(QueueFilterSet):
    """Without a status in the query, the list is the queue: projects waiting for an officer
    (proposed, under study, feasible)."""

    every = gettext_lazy("All projects")
    status = status_filter(ProjectStatus, every=every)
    assigned = assigned_filter()
    envelope = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Envelope"), queryset=envelope_choices()
    )
    district = django_filters.ModelChoiceFilter(
        label=gettext_lazy("District"),
        queryset=District.objects.filter(pk__in=BudgetProject.objects.values("district")).order_by(
            "name"
        ),
    )
    theme = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Theme"),
        queryset=Theme.objects.filter(pk__in=BudgetProject.objects.values("theme")).order_by(
            "name"
        ),
    )

    class Meta:
        model = BudgetProject
        fields = []


class ProjectIndexView(QueueIndexView):
    """Opens on the feasibility queue and says so; one click away from every project, and
    from making a project of ideas."""

    queue_title = gettext_lazy("Feasibility queue")
    add_item_label = gettext_lazy("Enter a project")
    merge_url_name = None
    sheet_url_name = None

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        user, policy = self.request.user, self.permission_policy
        if policy.user_has_permission(user, "add"):
            buttons = [
                *buttons,
                HeaderButton(
                    _("Make a project of ideas"),
                    url=reverse(self.merge_url_name),
                    icon_name="comment",
                ),
            ]
        if policy.user_has_permission(user, "change"):
            sheet = HeaderButton(
                _("Spreadsheet"), url=reverse(self.sheet_url_name), icon_name="table"
            )
            buttons = [*buttons, sheet]
        return buttons


# One project


class ProjectDetailsPanel(ReadOnlyPanel):
    """What the project is, where it comes from (the ideas and their authors' public names)
    and what the study found."""

    template_name = "budgets/admin/project_details.html"

    def get_context(self, project, user):
        return {
            "project": project,
            "cost": euros(project.cost),
            "ideas": project.source_ideas.order_by("pk"),
            "authors": project.credited_authors(),
        }


class ProjectHistoryPanel(HistoryPanel):
    """Every step of the study and of the vote: when, who, from and to, and the note."""

    workflow = PROJECT_WORKFLOW
    caption = gettext_lazy("What happened to this project, oldest first")
    nobody = gettext_lazy("The site")


class DecisionForm(AssignmentFields, PlaceFields, WagtailAdminModelForm):
    """A decision the workflow allows now, with what it needs: the department that studies
    the project, the estimated cost, the public reason; where the project is; the internal
    assignment and a new internal note. The view hands them to the services."""

    decision = forms.ChoiceField(
        label=gettext_lazy("What happens to this project"), widget=forms.RadioSelect
    )
    department = SingleLineTextField(
        label=gettext_lazy("Department that studies it"),
        required=False,
        max_length=200,
        help_text=gettext_lazy("Required to start the study."),
    )
    estimated_cost = forms.IntegerField(
        label=gettext_lazy("Estimated cost (euros)"),
        required=False,
        min_value=0,
        max_value=MAX_EUROS,
        help_text=gettext_lazy("Required to mark it feasible: the officers' estimate."),
    )
    note = PlainTextField(
        label=gettext_lazy("Note"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy(
            "Required to mark it not feasible: the note is published as the reason. "
            "Otherwise kept in the project's history."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        taxonomy_of_default_locale(self.fields["district"])
        on_ballot = self.instance.status == ProjectStatus.ON_BALLOT
        choices = [
            (name, TAKE_OFF_BALLOT if on_ballot and name == "feasible" else DECISION_LABELS[name])
            for name in PROJECT_WORKFLOW.decisions_from(self.instance.status)
        ]
        if not choices:  # on the ballot since voting started, or decided by the vote
            for name in ("decision", "department", "estimated_cost", "note"):
                del self.fields[name]
            return
        self.fields["decision"].choices = choices
        # Optional when the officer only assigns the project or adds an internal note.
        self.fields["decision"].required = False
        self.fields["department"].initial = self.instance.department
        self.fields["estimated_cost"].initial = self.instance.cost or None

    def clean(self):
        cleaned = super().clean()
        decision = cleaned.get("decision")
        moved = {"district", *PLACE_FIELDS} & set(self.changed_data)
        if (
            "decision" in self.fields
            and not decision
            and not self.assignment_changed()
            and not moved
        ):
            self.add_error("decision", _("Choose what happens to this project."))
        if decision == "study" and not cleaned.get("department"):
            self.add_error("department", _("Say which department studies this project."))
        if decision == "feasible" and cleaned.get("estimated_cost") is None:
            self.add_error("estimated_cost", _("Give the estimated cost, in euros."))
        if decision == "not_feasible" and not cleaned.get("note"):
            self.add_error("note", _("Say publicly why this project is not feasible."))
        return cleaned


class ServicesFormMixin:
    """What the services refuse is a form error, never a server error; success is a 303."""

    def form_valid(self, form):
        try:
            response = super().form_valid(form)
        except BudgetError as error:
            form.add_error(None, str(error))
            self.produced_error_message = str(error)
            return self.form_invalid(form)
        return see_other(response.url) if response.status_code == 302 else response


class ProjectEditView(ServicesFormMixin, ReviewEditView):
    """The review: the project, the decision, the history. The project's words are the
    officers' or its ideas' authors': the study decides, it does not rewrite."""

    decision = None  # taken by this request

    def get_success_buttons(self):
        return []

    def get_success_url(self):
        return self.get_edit_url()

    def get_success_message(self):
        if self.decision is None:
            return _("“%(title)s” saved.") % {"title": self.object.title}
        return DECISION_DONE[self.decision] % {"title": self.object.title}

    def save_instance(self):
        project, data, user = self.form.instance, self.form.cleaned_data, self.request.user
        services.assign_project(
            project=project, department=data["assigned_department"], assignee=data["assignee"]
        )
        services.note_project(project=project, user=user, text=data["new_note"])
        services.locate_project(
            project=project,
            user=user,
            district=data["district"],
            **{name: data[name] for name in PLACE_FIELDS},
        )
        self.decision = decision = data.get("decision") or None
        if decision == "study":
            return services.study_project(
                project=project, user=user, department=data["department"], note=data["note"]
            )
        if decision == "feasible":
            return services.mark_feasible(
                project=project, user=user, cost=data["estimated_cost"], note=data["note"]
            )
        if decision == "not_feasible":
            return services.mark_not_feasible(project=project, user=user, reason=data["note"])
        if decision == "on_ballot":
            return services.put_on_ballot(project=project, user=user)
        return project


PROJECT_PANELS = ObjectList(
    [
        ProjectDetailsPanel(heading=gettext_lazy("The project")),
        MultiFieldPanel(
            [
                FieldPanel("decision"),
                FieldRowPanel([FieldPanel("department"), FieldPanel("estimated_cost")]),
                FieldPanel("note"),
            ],
            heading=gettext_lazy("Decision"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("district", widget=forms.Select),
                FieldPanel("place"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=gettext_lazy("Where"),
        ),
        assignment_panels(),
        ProjectHistoryPanel(heading=gettext_lazy("History")),
    ],
    base_form_class=DecisionForm,
)


# A new project


def taxonomy_of_default_locale(field):
    """Themes or districts in the site's main language: a project is counted once."""
    field.queryset = field.queryset.filter(locale=Locale.get_default()).order_by("name")


class ProjectForm(PlaceFields, WagtailAdminModelForm):
    """A project officers enter themselves: its envelope, words, estimate and place."""

    envelope = EnvelopeChoiceField(label=gettext_lazy("Envelope"), queryset=envelope_choices())
    title = SingleLineTextField(label=gettext_lazy("Title"), max_length=140)
    summary = PlainTextField(
        label=gettext_lazy("Summary"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    cost = forms.IntegerField(
        label=gettext_lazy("Estimated cost (euros)"),
        min_value=0,
        max_value=MAX_EUROS,
        initial=0,
        help_text=gettext_lazy("The officers' estimate; 0 until it is studied."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("theme", "district"):
            taxonomy_of_default_locale(self.fields[name])


PROJECT_FIELDS = ("title", "summary", "cost", "theme", "district", *PLACE_FIELDS)

NEW_PROJECT_PANELS = ObjectList(
    [
        FieldPanel("envelope", widget=forms.Select),
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldPanel("cost"),
        FieldRowPanel(
            [FieldPanel("theme", widget=forms.Select), FieldPanel("district", widget=forms.Select)]
        ),
        FieldPanel("place"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
    ],
    base_form_class=ProjectForm,
)


class ProjectCreateView(ServicesFormMixin, snippets.CreateView):
    """A project entered by officers: it starts as proposed, in the queue."""

    page_subtitle = gettext_lazy("Project entered by officers")
    success_message = gettext_lazy("Project “%(object)s” entered: it waits for its study.")

    def save_instance(self):
        data = self.form.cleaned_data
        return services.create_project(
            envelope=data["envelope"],
            user=self.request.user,
            **{name: data[name] for name in PROJECT_FIELDS},
        )


# A project made of ideas


class MergeForm(PlaceFields, forms.Form):
    """Ideas of the envelope's consultation made into one project, and where it is; their
    authors stay credited."""

    ideas = forms.TypedMultipleChoiceField(
        label=gettext_lazy("Ideas it is made of"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": gettext_lazy("Choose at least one idea.")},
    )
    title = SingleLineTextField(label=gettext_lazy("Title of the project"), max_length=140)
    summary = PlainTextField(
        label=gettext_lazy("Summary"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    theme = forms.ModelChoiceField(
        label=gettext_lazy("Theme"), queryset=Theme.objects.all(), required=False
    )
    district = forms.ModelChoiceField(
        label=gettext_lazy("District"), queryset=District.objects.all(), required=False
    )

    def __init__(self, *args, envelope, **kwargs):
        super().__init__(*args, **kwargs)
        # Offered, then checked, in memory: a hostile id never reaches the database.
        self.offered = {
            idea.pk: idea
            for idea in Idea.objects.public()
            .filter(box__consultation=envelope.consultation_id)
            .order_by("-support_count", "pk")
        }
        self.fields["ideas"].choices = [(pk, idea_label(idea)) for pk, idea in self.offered.items()]
        for name in ("theme", "district"):
            taxonomy_of_default_locale(self.fields[name])

    def clean_ideas(self):
        return [self.offered[pk] for pk in self.cleaned_data["ideas"]]


def idea_label(idea):
    """An idea as officers pick it: its title, its author's public name, its supports."""
    supports = ngettext("%(count)s support", "%(count)s supports", idea.support_count) % {
        "count": idea.support_count
    }
    return _("%(title)s — by %(author)s, %(supports)s") % {
        "title": idea.title,
        "author": idea.author_name or _("anonymous"),
        "supports": supports,
    }


class EnvelopeChoiceForm(forms.Form):
    """Which envelope the project goes to: its consultation's ideas are offered next."""

    envelope = EnvelopeChoiceField(label=gettext_lazy("Envelope"), queryset=envelope_choices())


class MergeIdeasView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """Ideas made into a project: the envelope first (a GET form, so it works without
    JavaScript), then its consultation's public ideas to choose from, a title and summary."""

    model = BudgetProject
    permission_required = "add"
    template_name = "budgets/admin/merge.html"
    page_title = gettext_lazy("Make a project of ideas")
    header_icon = "comment"
    form_class = MergeForm
    index_url_name = None
    edit_url_name = None

    @cached_property
    def envelope(self):
        chooser = EnvelopeChoiceForm(self.request.GET if "envelope" in self.request.GET else None)
        if not chooser.is_valid():
            return None
        return chooser.cleaned_data["envelope"]

    def get(self, request, *args, **kwargs):
        if self.envelope is None:
            return self.render_to_response(
                self.get_context_data(form=None, chooser=EnvelopeChoiceForm(request.GET or None))
            )
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.envelope is None:
            return see_other(request.path)
        return super().post(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": _("Budget projects")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "envelope": self.envelope}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            project = services.merge_ideas(
                envelope=self.envelope,
                ideas=data["ideas"],
                user=self.request.user,
                title=data["title"],
                summary=data["summary"],
                theme=data["theme"],
                district=data["district"],
                **{name: data[name] for name in PLACE_FIELDS},
            )
        except BudgetError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Project “%(title)s” made of %(count)s ideas: it waits for its study.")
            % {"title": project.title, "count": len(data["ideas"])},
        )
        return see_other(reverse(self.edit_url_name, args=[project.pk]))

    def get_context_data(self, **kwargs):
        return super().get_context_data(envelope=self.envelope, **kwargs)


# An envelope's projects in a spreadsheet


class ProjectSheetView(SheetView):
    """The envelope to work on, its projects' export, the upload, the preview and applying."""

    model = BudgetProject
    page_title = gettext_lazy("Budget projects in a spreadsheet")
    index_label = gettext_lazy("Budget projects")
    scope_form_class = EnvelopeChoiceForm
    scope_name = "envelope"
    signing_salt = "budgets.project-sheet"
    preview_columns = spreadsheets.ProjectSheet.preview_columns

    def import_sheet(self, scope, content, file_format, *, user, apply):
        return spreadsheets.import_sheet(scope, content, file_format, user=user, apply=apply)

    def texts(self, scope):
        return {
            "choose": _("Choose the envelope whose projects you export or update."),
            "scope": scope
            and _("Envelope “%(envelope)s” of “%(consultation)s”.")
            % {"envelope": scope.title, "consultation": scope.consultation.title},
            "another": _("Choose another envelope"),
            "export": _(
                "Each project with its id, title, status, cost, the department that studies "
                "it, the public reason it is not feasible, its votes once the results are "
                "public, district and theme: no assignment, no internal note."
            ),
            "import": _("Import the study's decisions"),
            "upload": _(
                "A sheet exported here, with statuses changed: “Under study” with the "
                "department, “Feasible” with the cost, “Not feasible” with the public reason. "
                "Other columns are ignored. 1 MB at most. A file with any wrong row changes "
                "nothing."
            ),
            "item": _("Project"),
            "apply": _(
                "Applying records each decision in the projects' history, as a review does."
            ),
        }

    def changed(self, count):
        return ngettext(
            "%(count)s project changed from the sheet.",
            "%(count)s projects changed from the sheet.",
            count,
        ) % {"count": count}


class ProjectSheetExportView(SheetExportView):
    """An envelope's projects as a CSV or XLSX file."""

    model = BudgetProject
    default_name = "projects"

    def scopes(self):
        return envelope_choices()

    def export_sheet(self, scope, file_format):
        return spreadsheets.export(scope, file_format)


class BudgetProjectViewSet(QueueViewSet):
    """The officers' feasibility queue, every project, and projects entered or merged."""

    model = BudgetProject
    icon = "doc-full"
    menu_label = gettext_lazy("Budget projects")
    index_view_class = ProjectIndexView
    edit_view_class = ProjectEditView
    add_view_class = ProjectCreateView
    filterset_class = ProjectFilterSet
    search_fields = ["title", "summary"]
    edit_handler = PROJECT_PANELS
    list_display = [
        "title",
        Column("envelope", label=gettext_lazy("Envelope"), accessor="envelope"),
        status_column(waiting=ProjectStatus.PROPOSED),
        "district",
        "theme",
        Column("cost", label=gettext_lazy("Cost"), accessor=cost_label, sort_key="cost"),
        assigned_column(),
        submitted_column(),
    ]

    def get_queryset(self, request):
        return BudgetProject.objects.select_related("envelope", "district", "theme", "assignee")

    def get_add_view_kwargs(self, **kwargs):
        panel = NEW_PROJECT_PANELS.bind_to_model(BudgetProject)
        return super().get_add_view_kwargs(panel=panel, form_class=panel.get_form_class(), **kwargs)

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            merge_url_name=self.get_url_name("merge"),
            sheet_url_name=self.get_url_name("sheet"),
            **kwargs,
        )

    @property
    def merge_view(self):
        return self.construct_view(
            MergeIdeasView,
            index_url_name=self.get_url_name("list"),
            edit_url_name=self.get_url_name("edit"),
        )

    @property
    def sheet_view(self):
        return self.construct_view(
            ProjectSheetView,
            index_url_name=self.get_url_name("list"),
            export_url_name=self.get_url_name("sheet_export"),
        )

    @property
    def sheet_export_view(self):
        return self.construct_view(ProjectSheetExportView)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("merge/", self.merge_view, name="merge"),
            path("sheet/", self.sheet_view, name="sheet"),
            path("sheet/<int:pk>/<str:file_format>/", self.sheet_export_view, name="sheet_export"),
        ]


class FeasibilityQueuePanel(QueuePanel):
    """On the admin's home page: how many budget projects wait for an officer."""

    name = "budgets_feasibility_queue"
    order = 52
    model = BudgetProject
    heading = gettext_lazy("Budget projects awaiting their study")
    waiting = ngettext_lazy(
        "%(counter)s budget project awaits an officer.",
        "%(counter)s budget projects await an officer.",
        "counter",
    )
