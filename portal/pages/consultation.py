"""Consultations (concertations): their phases, their status, and the index that lists them."""

from dataclasses import dataclass
from datetime import date
from functools import partial

from django import forms
from django.db import models
from django.db.models import (
    Case,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from portal.blocks.links import ContactCardBlock
from portal.blocks.text import RICH_TEXT_FEATURES
from portal.core import page_cache
from portal.core.listing import LINK_FIELDS, paginate, valid_filters
from portal.participation import eligibility, membership
from portal.participation.figures import consultation_figures, participants_by_consultation

from .base import CARD_IMAGE, BasePage, block_errors
from .phases import STATUS_BADGES, ConsultationStatus, Phase, check_phase_forms, steps, today
from .restitution import RestitutionPage
from .sections import body_sections, invitations
from .taxonomy import District, Theme


class ParticipationDegree(models.TextChoices):
    """How much say residents have, from being told to deciding together.

    The labels have their own context: elsewhere "Consultation" names this page type, which
    French calls "Concertation", while here the two are distinct degrees.
    """

    INFORMATION = "information", pgettext_lazy("degree of participation", "Information")
    CONSULTATION = "consultation", pgettext_lazy("degree of participation", "Consultation")
    CONCERTATION = "concertation", pgettext_lazy("degree of participation", "Concertation")
    CODECISION = "codecision", pgettext_lazy("degree of participation", "Co-decision")


DEGREE_EXPLANATIONS = {
    ParticipationDegree.INFORMATION: _(
        "The town tells you about the project. You can ask questions, but the decision is "
        "already made."
    ),
    ParticipationDegree.CONSULTATION: _(
        "The town asks your opinion before deciding. It takes it into account and explains "
        "what it kept and why."
    ),
    ParticipationDegree.CONCERTATION: _(
        "Residents and the town build the project together, step by step. The town makes "
        "the final decision and justifies it."
    ),
    ParticipationDegree.CODECISION: _(
        "Residents decide with the town, for example by a vote. The town commits to carry "
        "out what is decided."
    ),
}


class ConsultationPageForm(WagtailAdminPageForm):
    """Says what contributions are for; checks what the body embeds (it belongs to this
    consultation) and the phases together: in order, no overlap."""

    def clean(self):
        cleaned = super().clean()
        if not strip_tags(cleaned.get("contribution_use") or "").strip():
            self.add_error(
                "contribution_use",
                _("Say what contributions will be used for: residents need it before taking part."),
            )
        if cleaned.get("body") is not None:
            self.check_body(cleaned["body"])
        self.check_phases()
        return cleaned

    def check_body(self, body):
        """Refuse what belongs to another consultation, and a petition no phase lets residents
        support (once tied to the consultation, it follows the phases)."""
        errors = membership.refusals(self.instance, body)
        formset = self.formsets.get("phases")
        if not any(
            getattr(form, "cleaned_data", {}).get("allows_supports")
            and not form.cleaned_data.get("DELETE")
            for form in (formset.forms if formset is not None else [])
        ):
            message = _(
                "In a consultation, a petition takes supports only during the phases that "
                "accept them: tick “supports accepted” on a phase (Phases tab)."
            )
            for index, child in enumerate(body):
                if child.block_type == "support" and index not in errors:
                    errors[index] = ("petition", message)
        if errors:
            self.add_error("body", block_errors(errors))

    def check_phases(self):
        check_phase_forms(self.formsets.get("phases"))


@dataclass(frozen=True)
class KeyFacts:
    """What a resident needs before anything else: where the consultation stands, how long
    is left to take part, and how many have taken part so far."""

    status: ConsultationStatus
    opens: date | None
    closes: date | None
    # While open: the step in progress (None between two steps), the last day one may take
    # part in it (else the consultation's), and the whole days left after today (0 on that
    # last day), counted as the cards count them (`ConsultationPage.days_left`).
    phase: Phase | None
    until: date | None
    days_left: int | None
    participants: int
    contributions: int


class ConsultationQuerySet(PageQuerySet):
    """Named filters over consultations, computed in the database from phases and restitution."""

    def with_dates(self):
        phases = Phase.objects.filter(page=OuterRef("pk"))
        last_day = Coalesce("extended_end", "end")
        return self.annotate(
            opens_on=Subquery(phases.order_by("start").values("start")[:1]),
            closes_on=Subquery(phases.annotate(last=last_day).order_by("-last").values("last")[:1]),
            has_results=Exists(
                Page.objects.live()
                .type(RestitutionPage)
                .filter(path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1)
            ),
        )

    def upcoming(self, on=None):
        not_started = Q(opens_on__gt=on or today()) | Q(opens_on__isnull=True)
        return self.with_dates().filter(not_started, has_results=False)

    def open(self, on=None):
        on = on or today()
        return self.with_dates().filter(has_results=False, opens_on__lte=on, closes_on__gte=on)

    def closed(self, on=None):
        return self.with_dates().filter(has_results=False, closes_on__lt=on or today())

    def results_published(self):
        return self.with_dates().filter(has_results=True)

    def with_status(self, status, on=None):
        return {
            ConsultationStatus.UPCOMING: self.upcoming,
            ConsultationStatus.OPEN: self.open,
            ConsultationStatus.CLOSED: self.closed,
            ConsultationStatus.RESULTS: lambda on=None: self.results_published(),
        }[status](on=on)

    def open_first(self, on=None):
        """Open consultations first, then upcoming, then those with results, then closed."""
        on = on or today()
        return (
            self.with_dates()
            .annotate(
                status_rank=Case(
                    When(has_results=True, then=Value(2)),
                    When(opens_on__lte=on, closes_on__gte=on, then=Value(0)),
                    When(Q(opens_on__gt=on) | Q(opens_on__isnull=True), then=Value(1)),
                    default=Value(3),
                    output_field=IntegerField(),
                )
            )
            .order_by("status_rank", "-opens_on", "pk")
        )

    def for_cards(self):
        """What a card shows, and nothing more, in a constant number of queries."""
        images = get_image_model().objects.prefetch_renditions(CARD_IMAGE)
        return self.only(*LINK_FIELDS, "translation_key", "summary", "hero_image").prefetch_related(
            Prefetch("hero_image", queryset=images),
            Prefetch("phases", queryset=Phase.objects.order_by("sort_order")),
            Prefetch("districts", queryset=District.objects.only("id", "name")),
        )


ConsultationManager = PageManager.from_queryset(ConsultationQuerySet)


def with_participant_counts(consultations):
    """The consultations as a list, each with its `participant_count` for its card: one
    query for them all."""
    consultations = list(consultations)
    counts = participants_by_consultation(consultations)
    for consultation in consultations:
        consultation.participant_count = counts[consultation.pk]
    return consultations


class ConsultationPage(BasePage):
    """A public project residents are invited to take part in."""

    # How many people took part, given to the pages of a listing by with_participant_counts().
    participant_count = None

    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the top and on cards; decorative, the title carries the meaning."),
    )
    objectives = RichTextField(
        _("objectives"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What the project is about and what the town wants to achieve."),
    )
    contribution_use = RichTextField(
        _("what your contribution will be used for"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_(
            "Say plainly what is open to discussion, what is not, and what the town "
            "will do with the contributions."
        ),
    )
    participation_degree = models.CharField(
        _("degree of participation"),
        max_length=20,
        choices=ParticipationDegree.choices,
        default=ParticipationDegree.CONSULTATION,
    )
    rules = RichTextField(
        _("rules or charter"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Who can take part, how contributions are moderated, the charter."),
    )
    guarantor = models.CharField(
        _("guarantor"),
        max_length=160,
        blank=True,
        help_text=_("Name and role of the independent guarantor (garant), if there is one."),
    )
    guarantor_contact = models.TextField(
        _("how to reach the guarantor"), max_length=400, blank=True
    )
    themes = ParentalManyToManyField(Theme, verbose_name=_("themes"), blank=True)
    districts = ParentalManyToManyField(District, verbose_name=_("districts"), blank=True)
    contact = StreamField(
        [("contact", ContactCardBlock())],
        verbose_name=_("contact"),
        blank=True,
        max_num=1,
        help_text=_("Who residents can ask about this consultation."),
    )

    objects = ConsultationManager()
    # The same for every newcomer but the CSRF tokens, and fresh after every contribution.
    cache_for_newcomers = True
    base_form_class = ConsultationPageForm
    template = "pages/consultation_page.html"
    parent_page_types = ["pages.ConsultationIndexPage"]
    subpage_types = ["pages.RestitutionPage"]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("objectives"),
        index.SearchField("contribution_use"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        FieldPanel("objectives"),
        FieldPanel("contribution_use"),
        FieldPanel("participation_degree"),
        FieldPanel("body"),
    ]
    phase_panels = [InlinePanel("phases", heading=_("Phases"), label=_("Phase"), min_num=1)]
    framework_panels = [
        FieldPanel("rules"),
        MultiFieldPanel(
            [FieldPanel("guarantor"), FieldPanel("guarantor_contact")], heading=_("Guarantor")
        ),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("districts", widget=forms.CheckboxSelectMultiple),
        FieldPanel("contact"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(phase_panels, heading=_("Phases")),
            ObjectList(framework_panels, heading=_("Framework")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    @cached_property
    def ordered_phases(self):
        """Phases in order, from the prefetch when there is one; read once per instance."""
        return sorted(self.phases.all(), key=lambda phase: (phase.sort_order or 0, phase.start))

    def current_phase(self, on=None):
        return next((phase for phase in self.ordered_phases if phase.is_current(on)), None)

    @property
    def opens(self):
        phases = self.ordered_phases
        return min(phase.start for phase in phases) if phases else None

    @property
    def closes(self):
        phases = self.ordered_phases
        return max(phase.last_day for phase in phases) if phases else None

    @property
    def restitution(self):
        """The published restitution, if any (one query, cached on the instance)."""
        if not hasattr(self, "_restitution"):
            self._restitution = RestitutionPage.objects.child_of(self).live().public().first()
        return self._restitution

    def status(self, on=None):
        has_results = getattr(self, "has_results", None)
        if has_results is None:
            has_results = self.restitution is not None
        if has_results:
            return ConsultationStatus.RESULTS
        on = on or today()
        opens, closes = self.opens, self.closes
        if opens is None or on < opens:
            return ConsultationStatus.UPCOMING
        if on <= closes:
            return ConsultationStatus.OPEN
        return ConsultationStatus.CLOSED

    def days_left(self, on=None):
        """Whole days left to take part after `on` while the consultation is open (0 on its
        last day), else None."""
        on = on or today()
        if self.status(on) != ConsultationStatus.OPEN:
            return None
        return (self.closes - on).days

    def status_badge(self):
        status = self.status()
        return {"label": status.label, "tone": STATUS_BADGES[status], "value": status.value}

    def key_facts(self, figures, on=None):
        """The facts shown under the title; the time left is the current step's, since a
        consultation stays open through steps where the town works and residents wait."""
        on = on or today()
        status = self.status(on)
        phase = until = None
        if status == ConsultationStatus.OPEN:
            phase = self.current_phase(on)
            until = phase.last_day if phase else self.closes
        return KeyFacts(
            status=status,
            opens=self.opens,
            closes=self.closes,
            phase=phase,
            until=until,
            days_left=(until - on).days if until else None,
            participants=figures.participants,
            contributions=figures.contributions,
        )

    @property
    def degree_explanation(self):
        return DEGREE_EXPLANATIONS.get(self.participation_degree, "")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        on = today()
        # One set for all its languages, until the next contribution.
        figures = page_cache.live(
            f"figures:{self.translation_key}", partial(consultation_figures, self)
        )
        intro_blocks, sections = body_sections(self.body)
        who_may_take_part = eligibility.describe(eligibility.rule_for(self))
        context.update(
            figures=figures,
            facts=self.key_facts(figures, on),
            badge=self.status_badge(),
            steps=steps(self.ordered_phases, on),
            intro_blocks=intro_blocks,
            has_introduction=bool(
                self.hero_image_id or self.objectives or who_may_take_part or intro_blocks
            ),
            sections=sections,
            invitations=invitations(self.body, self),
            # Forms wait folded behind their button; a call to action asks for one unfolded.
            fold_forms=True,
            unfold=request.GET.get("take_part", ""),
            has_events=self.events.live().public().exists(),
            eligibility=who_may_take_part,
        )
        return context


class ConsultationFilterForm(forms.Form):
    """The index filters: a GET form that works without JavaScript; unknown values are ignored."""

    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All"))] + ConsultationStatus.choices
    )
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    district = forms.ChoiceField(label=_("District"), required=False)

    def __init__(self, *args, themes=(), districts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", _("All themes"))] + [(t.slug, t.name) for t in themes]
        self.fields["district"].choices = [("", _("All districts"))] + [
            (d.slug, d.name) for d in districts
        ]


class ConsultationIndexPage(BasePage):
    """Lists the consultations below it, open ones first, with filters."""

    per_page = 12
    template = "pages/consultation_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["pages.ConsultationPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("consultation index")
        verbose_name_plural = _("consultation indexes")

    def consultations(self):
        return ConsultationPage.objects.child_of(self).live().public()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        themes = list(Theme.objects.in_locale(self.locale))
        districts = list(District.objects.in_locale(self.locale))
        form = ConsultationFilterForm(request.GET or None, themes=themes, districts=districts)
        consultations = self.consultations()
        messages = []
        data = valid_filters(form, messages)
        if data.get("status"):
            consultations = consultations.with_status(data["status"])
        if data.get("theme"):
            consultations = consultations.filter(themes__slug=data["theme"])
        if data.get("district"):
            consultations = consultations.filter(districts__slug=data["district"])
        consultations = consultations.open_first().for_cards().distinct()
        page_obj = paginate(request, consultations, self.per_page, messages)
        context.update(
            filter_form=form,
            filters_active=any(data.values()),
            page_obj=page_obj,
            consultations=with_participant_counts(page_obj.object_list),
            listing_messages=messages,
        )
        return context
