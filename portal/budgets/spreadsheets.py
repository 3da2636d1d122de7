"""An envelope's projects as a spreadsheet, and officers' study decisions read back from it,
on the spreadsheet kit (`portal.core.spreadsheets`: formats, neutralised formulas, previews,
all rows or none).

The sheet holds what the public may read of each project (id, title, status, cost, the
department that studies it, the reason it is not feasible, its votes once the envelope's
results are public, district, theme): never an internal note or an assignment. An import
changes the status by id, for projects of that envelope, through the services as a review
does (history steps, the workflow's checks, the vote's locks), with what each decision needs:
the department to study it, the cost to find it feasible, the public reason not to.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields, widgets

from portal.core import spreadsheets
from portal.core.spreadsheets import Change, StatusWidget, TextWidget, WorkflowSheet

from . import services
from .models import MAX_EUROS, PROJECT_WORKFLOW, BudgetProject, ProjectStatus

# What each status reached from the sheet takes from its row; any other change is refused.
NEEDS = {
    ProjectStatus.UNDER_STUDY: "department",
    ProjectStatus.FEASIBLE: "cost",
    ProjectStatus.NOT_FEASIBLE: "public_reason",
}
DEPARTMENT_MAX_LENGTH = 200


class ProjectSheet(WorkflowSheet):
    """The columns of an envelope's sheet; importing writes through the services as `user`."""

    id = fields.Field(attribute="id", column_name="id", widget=widgets.IntegerWidget())
    title = fields.Field(attribute="title", column_name="title", readonly=True)
    status = fields.Field(
        attribute="status", column_name="status", widget=StatusWidget(ProjectStatus)
    )
    cost = fields.Field(attribute="cost", column_name="cost", widget=widgets.IntegerWidget())
    department = fields.Field(attribute="department", column_name="department", widget=TextWidget())
    public_reason = fields.Field(
        attribute="public_reason", column_name="public_reason", widget=TextWidget()
    )
    votes = fields.Field(column_name="votes", readonly=True)
    district = fields.Field(attribute="district__name", column_name="district", readonly=True)
    theme = fields.Field(attribute="theme__name", column_name="theme", readonly=True)

    # What the preview shows of each change, beside the status: what it takes (NEEDS).
    preview_columns = [
        gettext_lazy("Department that studies it"),
        gettext_lazy("Cost"),
        gettext_lazy("Why it is not feasible (public)"),
    ]

    class Meta:
        model = BudgetProject
        fields = (
            "id",
            "title",
            "status",
            "cost",
            "department",
            "public_reason",
            "votes",
            "district",
            "theme",
        )

    def __init__(self, *, envelope, user=None):
        super().__init__(user=user)
        self.envelope = envelope
        self.unknown = _("No project of this envelope has the id “%(id)s”.")
        self.no_id = _("The sheet has no column “id”: export the projects to start from.")
        self.votes = {}
        if envelope.results_public():
            counted = services.results(envelope)
            self.votes = {result.project.pk: result.votes for result in counted.projects}

    def get_queryset(self):
        return BudgetProject.objects.filter(envelope=self.envelope).select_related(
            "district", "theme"
        )

    def dehydrate_votes(self, project):
        """Its votes once the results are public; empty before, and off the ballot."""
        return self.votes.get(project.pk, "")

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        stored = BudgetProject.objects.get(pk=instance.pk)
        errors.update(self.too_long(instance, ("public_reason",)))
        if len(instance.department) > DEPARTMENT_MAX_LENGTH:
            errors["department"] = _("At most %(max)s characters.") % {"max": DEPARTMENT_MAX_LENGTH}
        if (
            "cost" not in errors
            and instance.cost is not None
            and not (0 <= instance.cost <= MAX_EUROS)
        ):
            errors["cost"] = _("Give the estimated cost, in euros.")
        if instance.status != stored.status and "status" not in errors:
            if not PROJECT_WORKFLOW.allows(stored.status, instance.status):
                errors["status"] = _("From “%(from)s”, a project cannot become “%(to)s”.") % {
                    "from": stored.get_status_display(),
                    "to": ProjectStatus(instance.status).label,
                }
            elif instance.status == ProjectStatus.UNDER_STUDY and not instance.department:
                errors["department"] = _("Say which department studies this project.")
            elif instance.status == ProjectStatus.FEASIBLE and instance.cost is None:
                errors["cost"] = _("Give the estimated cost, in euros.")
            elif instance.status == ProjectStatus.NOT_FEASIBLE and not instance.public_reason:
                errors["public_reason"] = _("Say publicly why this project is not feasible.")
        taken = NEEDS.get(instance.status) if instance.status != stored.status else None
        for name in NEEDS.values():
            if (
                name != taken
                and name not in errors
                and getattr(instance, name) != getattr(stored, name)
            ):
                errors[name] = _(
                    "This column changes only with the status that needs it: change it on the "
                    "project's review."
                )
        if errors:
            raise ValidationError(errors)

    def do_instance_save(self, instance, is_create):
        """Through the services, as a review's decision."""
        project = BudgetProject.objects.get(pk=instance.pk)
        to_status = ProjectStatus(instance.status)
        if to_status == project.status:
            return
        taken = NEEDS.get(to_status)
        change = Change(
            self.line,
            project,
            project.get_status_display(),
            to_status.label,
            [getattr(instance, name) if name == taken else None for name in NEEDS.values()],
        )
        user = self.user
        if to_status == ProjectStatus.UNDER_STUDY:
            services.study_project(project=project, user=user, department=instance.department)
        elif to_status == ProjectStatus.FEASIBLE:
            services.mark_feasible(project=project, user=user, cost=instance.cost)
        elif to_status == ProjectStatus.NOT_FEASIBLE:
            services.mark_not_feasible(project=project, user=user, reason=instance.public_reason)
        else:  # on the ballot; the winners are the declaration's, which refuses them here
            services.change_project_status(project=project, to_status=to_status, user=user)
        self.changes.append(change)


def export(envelope, file_format):
    """The envelope's projects as the bytes (or text) of a CSV or XLSX file."""
    return spreadsheets.export(
        ProjectSheet(envelope=envelope),
        BudgetProject.objects.filter(envelope=envelope).order_by("pk"),
        file_format,
    )


def import_sheet(envelope, content, file_format, *, user, apply):
    """Run the import through the services; kept only if `apply` and no row failed."""
    return spreadsheets.import_sheet(
        ProjectSheet(envelope=envelope, user=user), content, file_format, apply=apply
    )
