"""The ballot of one envelope as a resident fills it in: a box per project (a basket, N
favourite projects) or points per project, and, from a browser not proven yet, who votes.

Its running total is computed here, on the server: "Update my basket" shows it without
JavaScript, and the vote is judged by the same rules (`services.check_rules`).
"""

from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorDict
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.participation.forms import ParticipantForm

from . import services
from .errors import InvalidBallot
from .models import BudgetProject, VotingMethod, euros

IDENTITY_FIELDS = ("email", "display_name", "wants_results")
RULES = "rules"  # the code of an error about the choices as a whole (over the amount…)


@dataclass
class Row:
    """One project on the ballot as the form shows it: its input's id and value."""

    project: BudgetProject
    input_id: str
    checked: bool = False
    field: forms.BoundField = None  # the points field, in a vote by points


@dataclass
class Tally:
    """The running total: what is chosen, out of what the envelope allows."""

    total: int
    limit: int
    text: str

    @property
    def over(self):
        return self.total > self.limit


# The running total, within the envelope's rules and over them.
TALLY_TEXTS = {
    VotingMethod.BASKET: (
        gettext_lazy("Your basket: %(total)s of %(limit)s; %(left)s left."),
        gettext_lazy("Your basket: %(total)s, %(over)s over the %(limit)s."),
    ),
    VotingMethod.CHOICES: (
        gettext_lazy("Projects chosen: %(total)s of %(limit)s at most."),
        gettext_lazy("Projects chosen: %(total)s, more than the %(limit)s allowed."),
    ),
    VotingMethod.POINTS: (
        gettext_lazy("Points spread: %(total)s of %(limit)s; %(left)s left."),
        gettext_lazy("Points spread: %(total)s, %(over)s more than the %(limit)s you have."),
    ),
}


def grouped(number):
    return number_format(number, force_grouping=True)


def whole(value):
    """A number typed in a form, or None when it is not a plain whole number."""
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


class BallotForm(ParticipantForm):
    """One envelope's ballot. Fields: `projects` (the boxes ticked) for a basket or N
    choices, `p<project id>` (points) for a vote by points; the identity fields only when
    the browser has not proven who votes."""

    def __init__(
        self, data=None, *, envelope, projects, ask_identity, prefix, ballot=None, eligibility=None
    ):
        """`projects`: those on the envelope's ballot, in the order shown; `ballot`: the one
        this browser cast, to fill the form in with; `eligibility`: the consultation's rule,
        whose questions the form asks."""
        super().__init__(data, prefix=prefix, eligibility=eligibility)
        self.envelope = envelope
        self.ballot_projects = list(projects)
        if not ask_identity:
            for name in IDENTITY_FIELDS:
                del self.fields[name]
        chosen = (
            {choice.project_id: choice.points for choice in ballot.choices.all()} if ballot else {}
        )
        if self.by_points:
            for project in self.ballot_projects:
                self.fields[f"p{project.pk}"] = forms.IntegerField(
                    label=_("Points for “%(title)s”") % {"title": project.title},
                    required=False,
                    min_value=0,
                    max_value=envelope.points,
                    initial=chosen.get(project.pk),
                    widget=forms.NumberInput(attrs={"inputmode": "numeric", "step": 1}),
                )
        else:
            self.fields["projects"] = forms.TypedMultipleChoiceField(
                label=gettext_lazy("Projects"),
                choices=[(project.pk, project.title) for project in self.ballot_projects],
                coerce=int,
                required=False,
                initial=list(chosen),
                widget=forms.CheckboxSelectMultiple,
                error_messages={
                    "invalid_choice": _("One of the projects chosen is not on this ballot."),
                    "invalid_list": _("One of the projects chosen is not on this ballot."),
                },
            )
        self.order_fields([*self.choice_names, *IDENTITY_FIELDS])

    @property
    def by_points(self):
        return self.envelope.method == VotingMethod.POINTS

    @property
    def choice_names(self):
        if self.by_points:
            return [f"p{project.pk}" for project in self.ballot_projects]
        return ["projects"]

    # Reading

    def rows(self):
        """The projects with their inputs, as typed (or as the resident's ballot holds)."""
        ticked = set()
        if not self.by_points:
            ticked = {str(value) for value in (self["projects"].value() or [])}
        rows = []
        for index, project in enumerate(self.ballot_projects):
            if self.by_points:
                field = self[f"p{project.pk}"]
                row = Row(project, field.id_for_label, field=field)
            else:
                row = Row(
                    project,
                    f"{self['projects'].auto_id}_{index}",
                    checked=str(project.pk) in ticked,
                )
            rows.append(row)
        return rows

    def typed(self):
        """{project: points} as typed, leniently: what cannot be read counts as nothing, so
        that the total shown always adds up what the resident sees."""
        if self.by_points:
            typed = {}
            for project in self.ballot_projects:
                points = whole(self[f"p{project.pk}"].value())
                if points and 0 < points <= self.envelope.points:
                    typed[project] = points
            return typed
        ticked = {whole(value) for value in (self["projects"].value() or [])}
        return {project: 1 for project in self.ballot_projects if project.pk in ticked}

    def tally(self):
        """The running total of what is typed, said as the envelope counts it."""
        envelope, typed = self.envelope, self.typed()
        if envelope.method == VotingMethod.BASKET:
            total, limit = sum(project.cost for project in typed), envelope.amount
        elif envelope.method == VotingMethod.CHOICES:
            total, limit = len(typed), envelope.max_choices
        else:
            total, limit = sum(typed.values()), envelope.points
        within, over = TALLY_TEXTS[envelope.method]
        amount = euros if envelope.method == VotingMethod.BASKET else grouped
        values = {
            "total": amount(total),
            "limit": amount(limit),
            "left": amount(max(limit - total, 0)),
            "over": amount(max(total - limit, 0)),
        }
        return Tally(total=total, limit=limit, text=(over if total > limit else within) % values)

    def tally_templates(self):
        """The tally's two sentences with {total}, {limit}, {left} and {over} to fill in, for
        js/ballot.js to say the same as the server while boxes are ticked."""
        names = ("total", "limit", "left", "over")
        return [
            text % {name: f"{{{name}}}" for name in names}
            for text in TALLY_TEXTS[self.envelope.method]
        ]

    @property
    def rule_errors(self):
        """What breaks the envelope's rules, said next to the projects and in the summary."""
        return [m for e in self.non_field_errors().as_data() if e.code == RULES for m in e]

    @property
    def other_errors(self):
        """The form's other errors (a refusal, the honeypot), said in the summary only."""
        return [m for e in self.non_field_errors().as_data() if e.code != RULES for m in e]

    def chosen(self):
        """{project: points} of a valid form, for `services.cast_ballot`."""
        if self.by_points:
            return {
                project: self.cleaned_data[f"p{project.pk}"]
                for project in self.ballot_projects
                if self.cleaned_data.get(f"p{project.pk}")
            }
        ticked = set(self.cleaned_data.get("projects") or ())
        return {project: 1 for project in self.ballot_projects if project.pk in ticked}

    # Checking

    def clean(self):
        cleaned = super().clean()
        self.check_choices(voting=True)
        return cleaned

    def check_choices(self, *, voting):
        """Add the error of the first rule the choices break (none chosen, when voting)."""
        if any(name in self._errors for name in self.choice_names):
            return
        chosen = self.chosen()
        try:
            if voting and not chosen:
                raise InvalidBallot(_("Choose at least one project."))
            services.check_rules(self.envelope, chosen)
        except InvalidBallot as error:
            self.add_error(None, ValidationError(str(error), code=RULES))

    def recount(self):
        """Check the choices alone ("Update my basket"): who votes is not asked yet, nothing
        costly runs (no captcha) and nothing is stored. Returns the form."""
        self._errors = ErrorDict()
        self.cleaned_data = {}
        for name in self.choice_names:
            try:
                self.cleaned_data[name] = self.fields[name].clean(self[name].data)
            except ValidationError as error:
                self.add_error(name, error)
        self.check_choices(voting=False)
        return self
