"""A consultation's phases: the calendar residents take part by, in Paris days, and the
status they give it.

Participation reads them (may one support now?) without loading a page: this module imports
nothing of the page types, so that participation can use it (docs/architecture.md, Layers).
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, Page, TranslatableMixin

from portal.core import page_cache


class ConsultationStatus(models.TextChoices):
    """Where a consultation stands, computed from its phases and its restitution."""

    UPCOMING = "upcoming", _("Upcoming")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
    RESULTS = "results", _("Results published")


STATUS_BADGES = {
    ConsultationStatus.UPCOMING: "info",
    ConsultationStatus.OPEN: "success",
    ConsultationStatus.CLOSED: "neutral",
    ConsultationStatus.RESULTS: "warning",
}


def today():
    """The current date in Paris: a phase starts and ends on Paris days, not UTC ones."""
    return timezone.localdate()


class PhaseQuerySet(models.QuerySet):
    def originals(self):
        """The original of each translation group (its lowest id): its dates decide, as in
        `accepts_supports`, whatever a translation not synced yet says."""
        first = Phase.objects.filter(translation_key=OuterRef("translation_key"))
        return self.filter(pk=Subquery(first.order_by("pk").values("pk")[:1]))

    def current(self, on=None):
        """Phases in progress on a Paris day, the extension included (as `Phase.is_current`)."""
        on = on or today()
        return self.filter(start__lte=on).filter(
            Q(extended_end__gte=on) | Q(extended_end__isnull=True, end__gte=on)
        )


def original_page(page_id):
    """The id of the original of a page's translation group (its lowest id: translations are
    created after it), as a subquery."""
    group = Page.objects.filter(pk=page_id).values("translation_key")[:1]
    return Page.objects.filter(translation_key=group).order_by("pk").values("pk")[:1]


def accepts_supports(consultation_id, on=None):
    """Whether the phase in progress lets residents support, in one query with no page loaded.

    Supports arrive by the hundred per second: loading the consultation's page row for each
    would cost more than the support itself. The original page's phases decide, whichever
    language version an idea box or petition is tied to: translations copy its dates, and
    one that is not synced yet must not keep supports open after the original closed them.
    Kept until the next publish (phases change with their page) and for the day.
    """
    on = on or today()
    return page_cache.decisive(
        f"accepts-supports:{consultation_id}:{on.isoformat()}",
        lambda: (
            Phase.objects.current(on)
            .filter(page_id=original_page(consultation_id), allows_supports=True)
            .exists()
        ),
    )


class Phase(TranslatableMixin, Orderable):
    """A step of a consultation, e.g. "1 Consultation", "2 Ranking", "3 Synthesis", "4 Answers".

    Dates are inclusive Paris days: a phase ending on 30 June is open all that day. A phase is
    in its page's language: wagtail-localize translates its title and description with the
    page and copies its dates and `allows_supports` from the original (synchronised fields).
    """

    page = ParentalKey("pages.ConsultationPage", on_delete=models.CASCADE, related_name="phases")
    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(_("description"), blank=True, max_length=600)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    extended_end = models.DateField(
        _("extended to"),
        null=True,
        blank=True,
        help_text=_("If the phase is extended, its new last day. The original end stays shown."),
    )
    allows_supports = models.BooleanField(
        _("supports accepted"),
        default=False,
        help_text=_("Residents can support this consultation's ideas and petitions during it."),
    )

    objects = PhaseQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("start"),
        FieldPanel("end"),
        FieldPanel("extended_end"),
        FieldPanel("allows_supports"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("phase")
        verbose_name_plural = _("phases")

    def __str__(self):
        return self.title

    @property
    def last_day(self):
        return self.extended_end or self.end

    def is_current(self, on=None):
        on = on or today()
        return self.start <= on <= self.last_day

    def is_past(self, on=None):
        return self.last_day < (on or today())

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The phase cannot end before it starts (%(start)s).") % {
                "start": date_format(self.start, "SHORT_DATE_FORMAT")
            }
        if self.end and self.extended_end and self.extended_end <= self.end:
            errors["extended_end"] = _("An extension must end after the original end.")
        if errors:
            raise ValidationError(errors)


@dataclass(frozen=True)
class PhaseStep:
    """A phase as the consultation page's stepper shows it, numbered from 1."""

    number: int
    phase: Phase
    state: str  # "done", "current" or "next"

    @property
    def extended(self):
        return self.phase.extended_end is not None


def steps(phases, on=None):
    """The phases in their order, each done, current or next on a Paris day: what a resident
    reads first, to know where the consultation stands."""
    on = on or today()
    return [
        PhaseStep(
            number=number,
            phase=phase,
            state="done" if phase.is_past(on) else "current" if phase.is_current(on) else "next",
        )
        for number, phase in enumerate(phases, start=1)
    ]


def check_phase_forms(formset):
    """Phases in date order and without overlap, the error on the phase that breaks it; at
    least one phase. Used by the consultation's editor form, whose Phases tab they are."""
    if formset is None or any(form.errors for form in formset.forms):
        return
    phases = [
        form
        for form in formset.ordered_forms or formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]
    if not phases:
        raise ValidationError(_("Add at least one phase, with its dates, in the Phases tab."))
    for previous, current in zip(phases, phases[1:], strict=False):
        before, after = previous.cleaned_data, current.cleaned_data
        last_day = before.get("extended_end") or before.get("end")
        if not (after.get("start") and last_day):
            continue
        if after["start"] < before["start"]:
            current.add_error(
                "start",
                _("Phases must be in date order: this one starts before “%(title)s”.")
                % {"title": before.get("title")},
            )
        elif after["start"] <= last_day:
            current.add_error(
                "start",
                _("This phase overlaps “%(title)s”, which runs until %(end)s.")
                % {
                    "title": before.get("title"),
                    "end": date_format(last_day, "SHORT_DATE_FORMAT"),
                },
            )
    if any(form.errors for form in phases):
        raise ValidationError(_("Some phases have wrong dates: see the Phases tab."))
