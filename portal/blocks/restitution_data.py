"""Blocks of a restitution built from participation data: figures, survey results, ideas,
the participatory budget's results.

They read the data the restitution froze when it was published
(`RestitutionPage.participation_data()`), never the live tables, so what residents read does
not shift when late data arrives, and rendering costs no query. Charts are SVG drawn here,
each with a table that gives the same figures.
"""

from datetime import datetime

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

from portal.budgets import rules
from portal.budgets.accountability import VoteState
from portal.budgets.models import BallotChannel, Envelope, VotingMethod
from portal.budgets.models import euros as plain_euros
from portal.core import page_cache
from portal.participation.models import IdeaStatus, Question, QuestionKind, Survey
from portal.participation.models.ideas import PUBLIC_STATUSES
from portal.participation.survey_results import COUNTED_KINDS

# Labels longer than this are cut in a chart; the table under it gives them whole.
CHART_LABEL = 48
BAR_HEIGHT = 18
ROW_HEIGHT = 46


def participation_data(context):
    """The frozen data of the restitution being rendered (empty outside a restitution)."""
    page = (context or {}).get("page")
    data = getattr(page, "participation_data", None)
    return data() if data else {}


def bar_chart(rows):
    """Geometry of a horizontal bar chart: one bar per (label, count, percent).

    Bars are drawn on the whole scale (100 % is the full track), so that a share looks as
    large as it is; 80 % of the width is the track, the rest holds the figure.
    """
    bars = []
    for number, row in enumerate(rows):
        label = row["label"]
        short = label if len(label) <= CHART_LABEL else label[: CHART_LABEL - 1].rstrip() + "…"
        width = round(0.8 * min(row["percent"], 100), 2)
        bars.append(
            {
                **row,
                "short": short,
                "bar_y": number * ROW_HEIGHT + 20,
                "text_y": number * ROW_HEIGHT + 14,
                "width": width,
                "value_x": round(width + 1.5, 2),
            }
        )
    return {"bars": bars, "height": len(rows) * ROW_HEIGHT, "bar_height": BAR_HEIGHT}


class ParticipationFiguresBlock(blocks.StructBlock):
    """Who took part: contributions, supports and people, by theme and by district."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=160, default=_("Who took part"))
    show_breakdown = blocks.BooleanBlock(
        label=_("Show the figures by theme and by district"), required=False, default=True
    )

    class Meta:
        icon = "order"
        label = _("Participation figures")
        template = "blocks/participation_figures.html"
        description = _(
            "Contributions, supports and participants of the consultation, by theme and "
            "district, frozen when the restitution is published."
        )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        data = participation_data(parent_context)
        figures = data.get("figures", {})
        consultation = data.get("consultation", {})
        block_id = context.get("block_id", "figures")
        context.update(
            figures=figures,
            opens=iso_date(consultation.get("opens")),
            closes=iso_date(consultation.get("closes")),
            taken_at=iso_date(data.get("taken_at")),
            breakdowns=[
                breakdown_chart(figures.get("by_theme", []), _("By theme"), _("Theme")),
                breakdown_chart(figures.get("by_district", []), _("By district"), _("District")),
            ],
        )
        for number, group in enumerate(context["breakdowns"]):
            group["id"] = f"{block_id}-group{number}"
            group["chart_id"] = f"chart-{block_id}-group{number}"
        return context


def iso_date(text):
    """The date of an ISO date or datetime kept in the frozen data (Paris time), or None."""
    if not text:
        return None
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is not None:
        moment = timezone.localtime(moment)
    return moment.date()


def breakdown_chart(rows, title, column):
    """Ideas per theme or district, as a chart of their shares and a table of every figure."""
    total = sum(row["contributions"] for row in rows)
    chart_rows = [
        {
            "label": row["name"],
            "count": row["contributions"],
            "percent": 100 * row["contributions"] / total if total else 0,
        }
        for row in rows
    ]
    return {
        "title": title,
        "column": column,
        "rows": rows,
        "chart": bar_chart(chart_rows),
        "chart_title": gettext("Share of the ideas, %(group)s") % {"group": str(title).lower()},
    }


def question_choices():
    """Every counted question of every survey, for the editor to pick from: the originals'
    (a translation's questions are counted with its original's, models/translated.py)."""
    questions = (
        Question.objects.filter(
            kind__in=COUNTED_KINDS | {QuestionKind.NUMBER},
            confidential=False,
            survey__translation_of__isnull=True,
        )
        .select_related("survey")
        .order_by("survey__title", "sort_order", "pk")
    )
    return [
        (str(question.pk), f"{question.survey.title} — {question.label}") for question in questions
    ]


class SurveyQuestionsWidget(forms.CheckboxSelectMultiple):
    """The questions to show, each marked with the surveys it belongs to (its original and
    the original's translations, which an editor may choose as well): the page editor's
    script (js/admin/survey-questions.js) offers only the chosen survey's. Two queries."""

    class Media:
        js = ["js/admin/survey-questions.js"]

    def optgroups(self, name, value, attrs=None):
        groups = super().optgroups(name, value, attrs)
        options = [option for _group, group_options, _index in groups for option in group_options]
        surveys = surveys_of([option["value"] for option in options])
        for option in options:
            option["attrs"]["data-controller"] = "survey-question"
            option["attrs"]["data-survey-question-surveys-value"] = surveys.get(
                str(option["value"]), ""
            )
        return groups


def surveys_of(question_ids):
    """{question id: its survey's id and its translations', space-separated}."""
    survey_of = dict(
        Question.objects.filter(pk__in=[pk for pk in question_ids if pk]).values_list(
            "pk", "survey_id"
        )
    )
    versions = {}
    originals = set(survey_of.values())
    for pk, original in Survey.objects.filter(
        Q(pk__in=originals) | Q(translation_of__in=originals)
    ).values_list("pk", "translation_of"):
        versions.setdefault(original or pk, []).append(pk)
    return {
        str(question): " ".join(str(pk) for pk in sorted(versions.get(survey, [])))
        for question, survey in survey_of.items()
    }


class SurveyResultsBlock(blocks.StructBlock):
    """A survey's answers, question by question, as bar charts with their tables."""

    survey = SnippetChooserBlock("participation.Survey", label=_("Survey"))
    heading = blocks.CharBlock(
        label=_("Heading"),
        required=False,
        max_length=160,
        help_text=_("Leave empty to use the survey's title."),
    )
    questions = blocks.MultipleChoiceBlock(
        label=_("Questions"),
        choices=question_choices,
        required=False,
        widget=SurveyQuestionsWidget,
        help_text=_(
            "Leave empty to show every question that can be counted. Free-text answers are "
            "never shown: sum them up in a decision."
        ),
    )

    class Meta:
        icon = "table"
        label = _("Survey results")
        template = "blocks/survey_results.html"
        description = _("The answers to a survey as accessible charts, each with its table.")

    def clean(self, value):
        value = super().clean(value)
        survey = value.get("survey")
        chosen = {int(pk) for pk in value.get("questions") or []}
        if survey and chosen:
            own = set(survey.original.questions.values_list("pk", flat=True))
            if chosen - own:
                raise StructBlockValidationError(
                    block_errors={
                        "questions": forms.ValidationError(
                            _("Choose questions of the survey “%(survey)s” only.")
                            % {"survey": survey.title}
                        )
                    }
                )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        survey = value.get("survey")
        data = participation_data(parent_context)
        # Frozen under the original, in the restitution's language (accountability.snapshot).
        results = data.get("surveys", {}).get(str(survey.original_id)) if survey else None
        chosen = {int(pk) for pk in value.get("questions") or []}
        questions = []
        for question in (results or {}).get("questions", []):
            if chosen and question["id"] not in chosen:
                continue
            questions.append(
                {
                    **question,
                    "chart": bar_chart(question["options"]),
                    "chart_id": f"chart-{context.get('block_id', 'survey')}-q{question['id']}",
                }
            )
        context.update(results=results, questions=questions, survey=survey)
        return context


STATUS_LABELS = dict(IdeaStatus.choices)


class IdeasBlock(blocks.StructBlock):
    """Every public idea with its status and the official answer, filterable by status."""

    heading = blocks.CharBlock(
        label=_("Heading"), max_length=160, default=_("Your ideas and our answers")
    )
    statuses = blocks.MultipleChoiceBlock(
        label=_("Statuses shown"),
        choices=[(status.value, status.label) for status in PUBLIC_STATUSES],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave empty to show every public idea."),
    )

    class Meta:
        icon = "list-ul"
        label = _("Ideas and answers")
        template = "blocks/restitution_ideas.html"
        description = _("The ideas by status with their official answers; residents filter them.")

    def query_parameters(self, block_id):
        """Its status filter, named after the block (a page may hold several)."""
        return (f"status-{block_id}",)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        request = context.get("request")
        offered = value.get("statuses") or [status.value for status in PUBLIC_STATUSES]
        ideas = [
            idea
            for idea in participation_data(parent_context).get("ideas", [])
            if idea["status"] in offered
        ]
        counts = dict.fromkeys(offered, 0)
        for idea in ideas:
            counts[idea["status"]] += 1
        block_id = context.get("block_id", "")
        field = f"status-{block_id}" if block_id else "status"
        chosen = request.GET.get(field, "") if request is not None else ""
        if chosen not in counts:
            if chosen:  # an unknown status shows every idea: not stored under its address
                page_cache.never_store(request)
            chosen = ""
        context.update(
            ideas=[
                {**idea, "status_label": STATUS_LABELS.get(idea["status"], "")}
                for idea in ideas
                if not chosen or idea["status"] == chosen
            ],
            filter_field=field,
            chosen=chosen,
            filters=[
                {"value": status, "label": STATUS_LABELS[status], "count": count}
                for status, count in counts.items()
                if count
            ],
            total=len(ideas),
        )
        return context


class RetainedIdeasBlock(blocks.StructBlock):
    """The ideas the authority takes up, each with what will be done."""

    heading = blocks.CharBlock(
        label=_("Heading"), max_length=160, default=_("The ideas we take up")
    )

    class Meta:
        icon = "tick-inverse"
        label = _("Retained ideas")
        template = "blocks/retained_ideas.html"
        description = _("The retained and realised ideas with the official answer.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        taken_up = {IdeaStatus.RETAINED.value, IdeaStatus.REALISED.value}
        context["ideas"] = [
            {**idea, "status_label": STATUS_LABELS[idea["status"]]}
            for idea in participation_data(parent_context).get("ideas", [])
            if idea["status"] in taken_up
        ]
        return context


def envelope_choices():
    """Every envelope, named with its consultation, for the editor to pick from."""
    envelopes = Envelope.objects.select_related("consultation").order_by(
        "consultation__title", "title", "pk"
    )
    return [
        (str(envelope.pk), f"{envelope.consultation.title} — {envelope.title}")
        for envelope in envelopes
    ]


def euros(amount):
    """An amount that never wraps before its "€"."""
    return plain_euros(amount).replace(" €", "\N{NO-BREAK SPACE}€")


def moment(text):
    """An aware datetime from the ISO text kept in the frozen data, in Paris time."""
    return timezone.localtime(datetime.fromisoformat(text), timezone.get_default_timezone())


class BudgetResultsBlock(blocks.StructBlock):
    """The vote of a participatory budget, envelope by envelope: the winners, every project's
    votes, the ballots online, on paper and in person, by district, and the rule that decided.

    Results are shown only if they were public when the data was frozen (the vote closed, or
    the editor chose to show them while it is open); otherwise the block says when they come.
    """

    heading = blocks.CharBlock(label=_("Heading"), max_length=160, default=_("Results of the vote"))
    envelopes = blocks.MultipleChoiceBlock(
        label=_("Envelopes"),
        choices=envelope_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave empty to show every envelope of the consultation."),
    )
    show_districts = blocks.BooleanBlock(
        label=_("Show the ballots by district"), required=False, default=True
    )

    class Meta:
        icon = "tasks"
        label = _("Participatory budget results")
        template = "blocks/budget_results.html"
        description = _(
            "The winning projects and every project's votes, envelope by envelope, with the "
            "ballots online, on paper and by district, frozen when the restitution is published."
        )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        data = participation_data(parent_context)
        chosen = {int(pk) for pk in value.get("envelopes") or []}
        block_id = context.get("block_id", "budget")
        context["envelopes"] = [
            envelope_context(envelope, f"{block_id}-e{envelope['id']}", data.get("taken_at"))
            for envelope in data.get("budgets", {}).get("envelopes", [])
            if not chosen or envelope["id"] in chosen
        ]
        context["vote_state"] = VoteState
        return context


def envelope_context(envelope, prefix, taken_at):
    """What the template shows of one frozen envelope: its dates, and once counted, its
    winners, its charts with their tables and its figures."""
    closes_at = moment(envelope["closes_at"])
    shown = {
        **envelope,
        "id_prefix": prefix,
        # SVG titles need XML names: a block id may start with a digit.
        "chart_ids": {
            "projects": f"chart-{prefix}-projects",
            "districts": f"chart-{prefix}-districts",
        },
        "closes": rules.moment(closes_at, closing=True),
        "paper_until": rules.moment(moment(envelope["paper_until"]), closing=True),
        "closed_now": timezone.now() >= closes_at,
        "taken_on": moment(taken_at).date() if taken_at else None,
    }
    if envelope["state"] not in VoteState.COUNTED:
        return shown
    by_points = envelope["method"] == VotingMethod.POINTS
    projects = envelope["projects"]
    # By points, a project's share of all the points; otherwise of the ballots choosing it.
    total = sum(project["votes"] for project in projects) if by_points else envelope["ballots"]
    ballots = envelope["ballots"]
    rows = [
        {
            **project,
            "label": project["title"],
            "count": project["votes"],
            "cost_text": euros(project["cost"]),
            "percent": 100 * project["votes"] / total if total else 0,
        }
        for project in projects
    ]
    shown.update(
        by_points=by_points,
        method_text=rules.method_sentence(
            envelope["method"], envelope["amount"], envelope["max_choices"], envelope["points"]
        ),
        tie_rule=rules.tie_rule(),
        spent=gettext(
            "%(used)s of the %(amount)s envelope go to the projects funded (%(left)s left)."
        )
        % {
            "used": euros(envelope["used"]),
            "amount": euros(envelope["amount"]),
            "left": euros(envelope["amount"] - envelope["used"]),
        },
        winners=[row for row in rows if row["winner"]],
        projects=rows,
        channels=[
            {"label": channel.label, "count": envelope["by_channel"].get(channel.value, 0)}
            for channel in BallotChannel
        ],
        projects_chart=bar_chart(rows),
        projects_chart_title=(
            gettext("Share of the points given to each project")
            if by_points
            else gettext("Share of the ballots choosing each project")
        ),
        districts_chart=bar_chart(
            [
                {
                    "label": row["name"] or gettext("District not given"),
                    "count": row["ballots"],
                    "percent": 100 * row["ballots"] / ballots if ballots else 0,
                }
                for row in envelope["by_district"]
            ]
        ),
        districts_chart_title=gettext("Share of the ballots by the voter's district"),
    )
    return shown
