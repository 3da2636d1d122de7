"""A participatory budget's projects on a page: the list residents filter, and the winners'
realisation. They present; `budgets.services` writes."""

from urllib.parse import urlencode

from django import forms
from django.db.models import Case, OuterRef, Prefetch, Subquery, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images import get_image_model

from portal.budgets.models import BudgetProject, Envelope, ProjectStatus, RealisationStage
from portal.core import page_cache
from portal.core.listing import paginate, seed_field, shuffle, valid_filters
from portal.participation.forms import localized_choices

CARD_IMAGE = "fill-640x360"
# A cost filter above what any project may cost is no filter: the field refuses it.
MAX_COST = 2_147_483_647
# The list's query parameters carry this prefix: a consultation's page may list its ideas
# too, whose filters and pages are named without one.
PREFIX = "projects"


def consultation_envelopes(page):
    """The envelopes of the consultation a page belongs to: the consultation's own page (in
    any language), its restitution, an event of it. None for another page."""
    consultation = getattr(page, "consultation", page)
    if consultation is None or not hasattr(consultation, "envelopes"):
        return Envelope.objects.none()
    return Envelope.objects.of_consultation(consultation)


def card_projects(projects):
    """What a project's card shows, in a constant number of queries."""
    images = get_image_model().objects.prefetch_renditions(CARD_IMAGE)
    return projects.select_related("district", "theme", "envelope").prefetch_related(
        Prefetch("image", queryset=images)
    )


def name_in_language(projects, field):
    """Each project's district or theme named in the visitor's language (`<field>_name`)."""
    taxonomy = [getattr(project, field) for project in projects if getattr(project, field)]
    names = dict(localized_choices(taxonomy))
    for project in projects:
        item = getattr(project, field)
        setattr(project, f"{field}_name", names.get(str(item.pk), "") if item else "")


class ProjectSort:
    RANDOM = "random"
    CHEAPEST = "cheapest"
    DEAREST = "dearest"
    CHOICES = [
        (RANDOM, _("Random order")),
        (CHEAPEST, _("Cheapest first")),
        (DEAREST, _("Most expensive first")),
    ]


def cost_field(label):
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=0,
        max_value=MAX_COST,
        widget=forms.NumberInput(attrs={"step": 1}),
    )


class ProjectFilterForm(forms.Form):
    """The list's filters and order, read from the query string, never fatal; each offers what
    the consultation's projects hold."""

    prefix = PREFIX
    envelope = forms.TypedChoiceField(
        label=_("Envelope"), coerce=int, required=False, empty_value=None
    )
    district = forms.TypedChoiceField(
        label=_("District"), coerce=int, required=False, empty_value=None
    )
    theme = forms.TypedChoiceField(label=_("Theme"), coerce=int, required=False, empty_value=None)
    cost_min = cost_field(_("Minimum cost (€)"))
    cost_max = cost_field(_("Maximum cost (€)"))
    status = forms.ChoiceField(label=_("Status"), required=False)
    sort = forms.ChoiceField(label=_("Order"), required=False, choices=ProjectSort.CHOICES)
    seed = seed_field()

    def __init__(self, *args, envelopes, projects, statuses, **kwargs):
        super().__init__(*args, **kwargs)
        used = projects.order_by().values("district_id", "theme_id").distinct()
        # The taxonomy is the pages' (a layer above): named by the projects' foreign keys.
        District = BudgetProject._meta.get_field("district").related_model
        Theme = BudgetProject._meta.get_field("theme").related_model
        self.fields["envelope"].choices = [
            ("", _("All envelopes")),
            *((str(envelope.pk), envelope.title) for envelope in envelopes),
        ]
        self.fields["district"].choices = [
            ("", _("All districts")),
            *localized_choices(District.objects.filter(pk__in=used.values("district_id"))),
        ]
        self.fields["theme"].choices = [
            ("", _("All themes")),
            *localized_choices(Theme.objects.filter(pk__in=used.values("theme_id"))),
        ]
        self.fields["status"].choices = [
            ("", _("All statuses")),
            *((status.value, status.label) for status in statuses),
        ]
        for name in ("envelope", "district", "theme", "status"):
            if len(self.fields[name].choices) <= 2:  # nothing to choose between
                del self.fields[name]


def map_url(envelopes, statuses, filters):
    """Where the map next to the list reads its points: the list's envelopes, statuses and
    filters, in its address."""
    chosen = filters.get("envelope")
    query = [("envelope", e.pk) for e in envelopes if not chosen or e.pk == chosen]
    query += [("status", status) for status in [filters.get("status")] if status] or [
        ("status", status.value) for status in statuses
    ]
    for name in ("district", "theme", "cost_min", "cost_max"):
        if filters.get(name) is not None:
            query.append((name, filters[name]))
    return f"{reverse('budgets:project_map')}?{urlencode(query)}"


class BudgetProjectListBlock(blocks.StructBlock):
    """The projects of the page's consultation: filters, a random order stable while the
    visitor browses (so that no project is favoured by its place), pages, each linking to its
    own page."""

    heading = blocks.CharBlock(
        label=_("Heading"),
        required=False,
        max_length=160,
        help_text=_("Leave empty for “The projects”."),
    )
    statuses = blocks.MultipleChoiceBlock(
        label=_("Statuses shown"),
        choices=ProjectStatus.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave empty to show every project, whatever its status."),
    )
    per_page = blocks.IntegerBlock(
        label=_("Projects per page"), default=12, min_value=4, max_value=48
    )

    # What it shows depends on the address only; the random order, drawn for each visitor,
    # is never stored, nor its seed declared (listing.shuffle).
    def query_parameters(self, block_id):
        names = ("envelope", "district", "theme", "cost_min", "cost_max", "status", "sort", "page")
        return tuple(f"{PREFIX}-{name}" for name in names)

    class Meta:
        icon = "list-ul"
        label = _("List of budget projects")
        template = "blocks/budget_projects.html"
        description = _(
            "The projects of the consultation's participatory budget, with filters (envelope, "
            "district, theme, cost, status)."
        )
        preview_value = {"per_page": 4}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        request = context.get("request")
        envelopes = list(consultation_envelopes(context.get("page")))
        if not envelopes or request is None:
            return context
        statuses = [ProjectStatus(status) for status in value.get("statuses") or ()] or list(
            ProjectStatus
        )
        projects = BudgetProject.objects.filter(envelope__in=envelopes, status__in=statuses)
        notices = []
        # Bound even to nothing: the random order's seed is written into it (listing.shuffle).
        form = ProjectFilterForm(
            request.GET, envelopes=envelopes, projects=projects, statuses=statuses
        )
        filters = valid_filters(form, notices)
        for name in ("envelope", "district", "theme", "status"):
            if filters.get(name):
                projects = projects.filter(**{name: filters[name]})
        if filters.get("cost_min") is not None:
            projects = projects.filter(cost__gte=filters["cost_min"])
        if filters.get("cost_max") is not None:
            projects = projects.filter(cost__lte=filters["cost_max"])
        projects = card_projects(projects)
        sort = filters.get("sort") or ProjectSort.RANDOM
        if sort == ProjectSort.CHEAPEST:
            projects = projects.order_by("cost", "title", "pk")
        elif sort == ProjectSort.DEAREST:
            projects = projects.order_by("-cost", "title", "pk")
        else:
            projects = shuffle(
                request, projects, form, filters.get("seed"), context, form.add_prefix("seed")
            )
        page_parameter = form.add_prefix("page")
        page_of_projects = paginate(
            request, projects, value["per_page"], notices, parameter=page_parameter
        )
        name_in_language(page_of_projects.object_list, "district")
        name_in_language(page_of_projects.object_list, "theme")
        if notices:  # something in the address was ignored
            page_cache.never_store(request)
        anchor = f"block-{context.get('block_id', '')}"
        context.update(
            map_url=map_url(envelopes, statuses, filters),
            anchor=anchor,
            action=f"{context['page'].url}#{anchor}",
            form=form,
            filters_active=any(key.startswith(f"{PREFIX}-") for key in request.GET),
            notices=notices,
            projects=page_of_projects,
            page_parameter=page_parameter,
            several_envelopes=len(envelopes) > 1,
            sort=sort,
        )
        return context


class RealisationsBlock(blocks.StructBlock):
    """The winning projects of the page's consultation and where their realisation stands: the
    latest stage reached and its date, each linking to the project's page (no map needed)."""

    heading = blocks.CharBlock(
        label=_("Heading"),
        max_length=160,
        default=_("What becomes of the winning projects"),
    )

    class Meta:
        icon = "tick-inverse"
        label = _("Realisation of the winning projects")
        template = "blocks/realisations.html"
        description = _(
            "The winning projects of the participatory budget with their latest realisation "
            "stage; for a consultation's page or its restitution."
        )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        envelopes = consultation_envelopes(context.get("page"))
        reached = RealisationStage.objects.filter(
            project=OuterRef("pk"), date__lte=timezone.localdate()
        ).order_by("-date", "-order", "-pk")
        projects = list(
            card_projects(
                BudgetProject.objects.filter(
                    envelope__in=envelopes,
                    status__in=(ProjectStatus.WINNER, ProjectStatus.REALISED),
                )
            )
            .annotate(
                stage_title=Subquery(reached.values("title")[:1]),
                stage_date=Subquery(reached.values("date")[:1]),
            )
            # Those still being realised first, then those done.
            .order_by(
                Case(When(status=ProjectStatus.WINNER, then=Value(0)), default=Value(1)),
                "title",
                "pk",
            )
        )
        name_in_language(projects, "district")
        context["projects"] = projects
        return context
