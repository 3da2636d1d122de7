"""Envelopes in the admin, and what officers do with each envelope's vote: paper ballots and
in-person votes typed in, the vote's dashboard, the declaration of the results, the exports.

Editors set envelopes up; moderators (the participation officers) enter ballots, follow the
vote and export it (`BALLOT_PERMISSIONS`). Every write goes through `services`.
"""

from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.db.models.functions import TruncDate
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import get_language, gettext_lazy, override
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View
from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import BaseButton, Button
from wagtail.models import Locale
from wagtail.snippets.views import snippets

from portal.core.http import see_other
from portal.pages.taxonomy import District
from portal.participation.forms import SingleLineTextField
from portal.participation.survey_results import spreadsheet_lines

from . import services
from .errors import BudgetError
from .exports import ballot_rows, district_name, results_rows
from .models import (
    LOCKED_FIELDS,
    BallotChannel,
    BudgetProject,
    Envelope,
    ProjectStatus,
    VotingMethod,
    euros,
)
from .moderation import MAX_EUROS, ServicesFormMixin

# Who may do what with an envelope's vote (moderators have them all, editors none).
ENTER_BALLOTS = "budgets.add_ballot"
FOLLOW_VOTE = "budgets.view_ballot"
DECLARE_RESULTS = "budgets.change_budgetproject"

OFFICER_CHANNELS = [BallotChannel.PAPER, BallotChannel.IN_PERSON]


# The envelope itself


class EnvelopeForm(WagtailAdminModelForm):
    """An envelope's rules. Once the first ballot is cast, the voting rules say why they are
    locked; changing one anyway is an error on that field (`Envelope.clean`)."""

    amount = forms.IntegerField(
        label=gettext_lazy("Amount (euros)"), min_value=1, max_value=MAX_EUROS
    )
    max_choices = forms.IntegerField(
        label=gettext_lazy("Number of projects to choose"),
        required=False,
        min_value=1,
        max_value=1000,
        help_text=gettext_lazy(
            "For a vote for favourite projects: how many each resident may choose."
        ),
    )
    points = forms.IntegerField(
        label=gettext_lazy("Points to spread"),
        required=False,
        min_value=1,
        max_value=1_000_000,
        help_text=gettext_lazy("For a vote by points: how many each resident may spread, at most."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        consultation = self.fields["consultation"]
        consultation.queryset = (
            consultation.queryset.filter(locale=Locale.get_default())
            | consultation.queryset.filter(pk=self.instance.consultation_id)
        ).order_by("title")
        district = self.fields["district"]
        district.queryset = district.queryset.filter(locale=Locale.get_default()).order_by("name")
        if reason := self.instance.lock_reason():
            for name in LOCKED_FIELDS:
                self.fields[name].help_text = reason


class EnvelopeCreateView(ServicesFormMixin, snippets.CreateView):
    """A new envelope; a 303 once it is saved."""


class EnvelopeEditView(ServicesFormMixin, snippets.EditView):
    """A voting rule changed while the first ballot came in (`MethodLocked` from `save`) is
    an error on the form, as `Envelope.clean` says it when the ballot came first."""


class VoteLinksMixin:
    """The links from an envelope to its vote's screens, for those who may use them."""

    url_names = None  # {"dashboard": …, "paper": …, "results_csv": …, "ballots_csv": …}

    def vote_buttons(self, envelope):
        """The screens of the envelope's vote this user may open: the dashboard and the
        paper ballots (kept in sight), the downloads."""
        user, buttons = self.request.user, []
        if user.has_perm(FOLLOW_VOTE):
            buttons.append(self.in_sight(_("Vote dashboard"), "dashboard", envelope))
        if user.has_perm(ENTER_BALLOTS):
            buttons.append(self.in_sight(_("Enter paper ballots"), "paper", envelope))
        if user.has_perm(FOLLOW_VOTE):
            buttons += [
                Button(
                    _("Download the results (CSV)"),
                    url=self.vote_url("results_csv", envelope),
                    icon_name="download",
                    priority=3,
                ),
                Button(
                    _("Download the ballots (CSV)"),
                    url=self.vote_url("ballots_csv", envelope),
                    icon_name="download",
                    priority=4,
                ),
            ]
        return buttons

    def in_sight(self, label, name, envelope):
        """A link shown in the list's "Vote" column and at the top of the vote's screens."""
        return BaseButton(label, url=self.vote_url(name, envelope))

    def vote_url(self, name, envelope):
        return reverse(self.url_names[name], args=[envelope.pk])


class VoteColumn(Column):
    """The links to the envelope's vote officers come for, in sight in the list."""

    cell_template_name = "budgets/admin/vote_cell.html"

    def __init__(self, name, *, links, **kwargs):
        super().__init__(name, **kwargs)
        self.links = links

    def get_cell_context_data(self, instance, parent_context):
        return {
            **super().get_cell_context_data(instance, parent_context),
            "links": self.links(instance),
        }


class EnvelopeIndexView(VoteLinksMixin, snippets.IndexView):
    """Envelopes, and from each the screens of its vote: the dashboard and the paper ballots
    in a column of their own, the downloads in the row's menu."""

    @cached_property
    def columns(self):
        columns = super().columns
        if self.request.user.has_perm(FOLLOW_VOTE) or self.request.user.has_perm(ENTER_BALLOTS):
            columns = [*columns, VoteColumn("vote", label=_("The vote"), links=self.links_in_sight)]
        return columns

    def links_in_sight(self, envelope):
        return [button for button in self.vote_buttons(envelope) if not button.allow_in_dropdown]

    def get_list_more_buttons(self, instance):
        downloads = [button for button in self.vote_buttons(instance) if button.allow_in_dropdown]
        return [*downloads, *super().get_list_more_buttons(instance)]


# One envelope's vote


class EnvelopeVoteMixin(VoteLinksMixin, WagtailAdminTemplateMixin):
    """A screen of one envelope's vote, for those with `permission`."""

    permission = None
    index_url_name = None
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        self.envelope = get_object_or_404(
            Envelope.objects.select_related("consultation"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.envelope.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": _("Envelopes")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.envelope.title},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(envelope=self.envelope, **kwargs)


def window_text(envelope):
    """When the envelope takes ballots, in words."""
    return _(
        "Voting from %(opens)s to %(closes)s; paper ballots may be entered until %(grace)s."
    ) % {
        "opens": date_format(timezone.localtime(envelope.opens_at), "DATETIME_FORMAT"),
        "closes": date_format(timezone.localtime(envelope.closes_at), "DATETIME_FORMAT"),
        "grace": date_format(
            timezone.localtime(envelope.closes_at + services.PAPER_GRACE), "DATETIME_FORMAT"
        ),
    }


def project_label(project):
    return f"{project.title} — {euros(project.cost)}"


class PaperBallotForm(forms.Form):
    """One ballot from paper or from a resident who came in person: the projects chosen (or
    their points), and what officers keep from one ballot to the next: the channel, where the
    pile was collected, the voter's district."""

    channel = forms.ChoiceField(
        label=gettext_lazy("How the resident voted"),
        choices=[(channel.value, channel.label) for channel in OFFICER_CHANNELS],
        initial=BallotChannel.PAPER,
        widget=forms.RadioSelect,
    )
    collected_at = SingleLineTextField(
        label=gettext_lazy("Where it was collected"),
        required=False,
        max_length=200,
        help_text=gettext_lazy(
            "Required for a paper ballot: the place or the event of the ballot box."
        ),
    )
    district = forms.ModelChoiceField(
        label=gettext_lazy("Voter's district"),
        queryset=District.objects.none(),
        required=False,
        empty_label=gettext_lazy("Not given"),
    )

    def __init__(self, *args, envelope, projects, **kwargs):
        super().__init__(*args, **kwargs)
        self.envelope, self.ballot_projects = envelope, projects
        self.fields["district"].queryset = District.objects.filter(
            locale=Locale.get_default()
        ).order_by("name")
        if envelope.method == VotingMethod.POINTS:
            for project in projects:
                self.fields[f"points-{project.pk}"] = forms.IntegerField(
                    label=project_label(project),
                    required=False,
                    min_value=0,
                    max_value=envelope.points,
                )
        else:
            self.fields["projects"] = forms.TypedMultipleChoiceField(
                label=self.choice_legend(),
                choices=[(project.pk, project_label(project)) for project in projects],
                coerce=int,
                widget=forms.CheckboxSelectMultiple,
                error_messages={"required": _("Tick the projects the ballot chooses.")},
            )

    def choice_legend(self):
        envelope = self.envelope
        if envelope.method == VotingMethod.POINTS:
            return _("Points given to each project (at most %(points)s in all)") % {
                "points": envelope.points
            }
        if envelope.method == VotingMethod.CHOICES:
            return _("Projects chosen (at most %(count)s)") % {"count": envelope.max_choices}
        return _("Projects chosen (within %(amount)s in all)") % {"amount": euros(envelope.amount)}

    @property
    def points_fields(self):
        return [self[name] for name in self.fields if name.startswith("points-")]

    @property
    def kept_fields(self):
        return [self["channel"], self["collected_at"], self["district"]]

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("channel") == BallotChannel.PAPER
            and not cleaned.get("collected_at")
            and "collected_at" not in self.errors
        ):
            self.add_error("collected_at", _("Say where this paper ballot was collected."))
        return cleaned

    def choices(self):
        """What `services.enter_paper_ballot` takes: {project id: points} or project ids."""
        if self.envelope.method == VotingMethod.POINTS:
            return {
                project.pk: self.cleaned_data[f"points-{project.pk}"] or 0
                for project in self.ballot_projects
            }
        return self.cleaned_data["projects"]


class PaperBallotView(EnvelopeVoteMixin, FormView):
    """Officers type in a pile of paper ballots, or the vote of a resident at the town hall.

    After each ballot the form comes back without its choices but with the channel, the place
    and the district (in the address), for the next sheet of the pile.
    """

    permission = ENTER_BALLOTS
    template_name = "budgets/admin/paper_ballot.html"
    page_title = gettext_lazy("Enter paper ballots")
    header_icon = "form"
    form_class = PaperBallotForm

    @cached_property
    def projects(self):
        return list(
            BudgetProject.objects.filter(
                envelope=self.envelope, status=ProjectStatus.ON_BALLOT
            ).order_by("title", "pk")
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "envelope": self.envelope, "projects": self.projects}

    def get_initial(self):
        """The channel, place and district kept from the ballot before, when they are valid."""
        kept = PaperBallotForm(self.request.GET, envelope=self.envelope, projects=[])
        kept.is_valid()
        return {
            name: kept.cleaned_data[name]
            for name in ("channel", "collected_at", "district")
            if kept.cleaned_data.get(name)
        }

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            ballot = services.enter_paper_ballot(
                envelope=self.envelope,
                user=self.request.user,
                choices=form.choices(),
                collected_at=data["collected_at"],
                district=data["district"],
                channel=data["channel"],
            )
        except BudgetError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(self.request, _("Ballot n°%(number)s entered.") % {"number": ballot.pk})
        kept = {"channel": data["channel"], "collected_at": data["collected_at"]}
        if data["district"]:
            kept["district"] = data["district"].pk
        return see_other(f"{self.request.path}?{urlencode(kept)}")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            window=window_text(self.envelope), projects=self.projects, **kwargs
        )


def ballots_per_day(envelope):
    """(day, ballots) for each day a counted ballot was cast, in Paris time, oldest first."""
    return list(
        envelope.ballots.filter(confirmed=True)
        .annotate(day=TruncDate("created_at", tzinfo=ZoneInfo(settings.TIME_ZONE)))
        .values_list("day")
        .annotate(count=Count("pk"))
        .order_by("day")
    )


def shares(rows):
    """(label, count, percent of the largest): the bars are drawn to the largest count."""
    largest = max((count for _label, count in rows), default=0) or 1
    return [(label, count, 100 * count / largest) for label, count in rows]


class VoteDashboardView(EnvelopeVoteMixin, TemplateView):
    """An envelope's vote: ballots per day, by channel and by district, the ranking now, and
    the declaration of the results once the last paper ballots are in. A few queries, whatever
    the number of ballots (`services.results`)."""

    permission = FOLLOW_VOTE
    template_name = "budgets/admin/dashboard.html"
    page_title = gettext_lazy("Vote dashboard")

    def get_context_data(self, **kwargs):
        envelope, now = self.envelope, timezone.now()
        counted = services.results(envelope)
        funded = {project.pk for project in services.winners(envelope, counted)}
        channels = [
            (label, counted.ballots_by_channel.get(value, 0))
            for value, label in BallotChannel.choices
        ]
        districts = sorted(
            (
                (district_name(counted.districts, pk), count)
                for pk, count in counted.ballots_by_district.items()
            ),
            key=lambda row: (-row[1], row[0]),
        )
        declarable_from = envelope.closes_at + services.PAPER_GRACE
        undeclared = any(
            result.project.status == ProjectStatus.ON_BALLOT for result in counted.projects
        )
        return super().get_context_data(
            results=counted,
            ranking=[
                (result, euros(result.project.cost), result.project.pk in funded)
                for result in counted.projects
            ],
            days=shares(
                [
                    (date_format(day, "DATE_FORMAT"), count)
                    for day, count in ballots_per_day(envelope)
                ]
            ),
            channels=shares(channels),
            districts=shares(districts),
            window=window_text(envelope),
            may_declare=self.request.user.has_perm(DECLARE_RESULTS) and undeclared,
            declarable=now >= declarable_from,
            declarable_from=date_format(timezone.localtime(declarable_from), "DATETIME_FORMAT"),
            declare_url=self.vote_url("declare", envelope),
            buttons=self.vote_buttons(envelope),
            **kwargs,
        )


class DeclareResultsView(EnvelopeVoteMixin, TemplateView):
    """The confirmation (GET), then the declaration (POST, a 303 to the dashboard): the
    winners become "winner", the other projects on the ballot "not selected"."""

    permission = DECLARE_RESULTS
    template_name = "budgets/admin/declare.html"
    page_title = gettext_lazy("Declare the results")

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(FOLLOW_VOTE):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        try:
            declared = services.declare_results(envelope=self.envelope, user=request.user)
        except BudgetError as error:
            return self.render_to_response(self.get_context_data(error=str(error)))
        messages.success(
            request,
            _("Results declared: %(count)s winning projects in “%(envelope)s”.")
            % {"count": len(declared), "envelope": self.envelope.title},
        )
        return see_other(self.vote_url("dashboard", self.envelope))

    def get_context_data(self, **kwargs):
        envelope = self.envelope
        return super().get_context_data(
            winners=[(project, euros(project.cost)) for project in services.winners(envelope)],
            undeclared=envelope.projects.filter(status=ProjectStatus.ON_BALLOT).exists(),
            dashboard_url=self.vote_url("dashboard", envelope),
            **kwargs,
        )


def in_language(lines, language):
    """The lines in the reader's language: a streamed file is written after the view returns,
    once the request's language is no longer active."""
    with override(language):
        yield from lines


class ExportView(EnvelopeVoteMixin, View):
    """An envelope's vote as a CSV file, streamed."""

    permission = FOLLOW_VOTE
    rows = None  # a function of the envelope: the header, then the rows
    name = None

    def get(self, request, *args, **kwargs):
        lines = in_language(spreadsheet_lines(self.rows(self.envelope)), get_language())
        response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
        slug = slugify(self.envelope.title) or "envelope"
        filename = f"{slug}-{self.name}-{timezone.localdate():%Y-%m-%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class ResultsExportView(ExportView):
    rows = staticmethod(results_rows)
    name = "results"


class BallotsExportView(ExportView):
    rows = staticmethod(ballot_rows)
    name = "ballots"
