"""Restitutions: the public account of a consultation, what was heard and what was decided."""

from datetime import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from portal.blocks.streams import RestitutionStreamBlock
from portal.budgets import accountability as budgets
from portal.budgets.models import Envelope
from portal.participation import accountability as participation
from portal.participation.membership import belongs_to, language_versions

from .base import BasePage, block_errors
from .phases import today


class RestitutionPageForm(WagtailAdminPageForm):
    """Refuses the results of a survey, or of an envelope, that is not the consultation's:
    its answers are not in the data the restitution keeps, so the block could only say so."""

    def clean(self):
        cleaned = super().clean()
        body = cleaned.get("body")
        parent = self.instance.get_parent() if self.instance.pk else self.parent_page
        if body is None or parent is None:
            return cleaned
        consultation = parent.specific
        errors = {
            index: (
                "survey",
                gettext(
                    "The survey “%(survey)s” is not one of this consultation's. Embed it in "
                    "the consultation's page and publish that page (its answers then count "
                    "here), or choose one of the consultation's surveys."
                )
                % {"survey": child.value["survey"]},
            )
            for index, child in enumerate(body)
            if child.block_type == "survey_results"
            and child.value.get("survey")
            and not belongs_to(child.value["survey"], consultation)
        }
        errors.update(foreign_envelopes(body, consultation))
        if errors:
            self.add_error("body", block_errors(errors))
        return cleaned


def foreign_envelopes(body, consultation):
    """{block index: (field, message)} for budget results blocks that pick envelopes of
    another consultation: their results are not in the data the restitution keeps."""
    chosen = {
        index: {int(pk) for pk in child.value.get("envelopes") or []}
        for index, child in enumerate(body)
        if child.block_type == "budget_results"
    }
    wanted = set().union(*chosen.values())
    if not wanted:
        return {}
    own = set(
        Envelope.objects.filter(
            pk__in=wanted, consultation__in=language_versions(consultation)
        ).values_list("pk", flat=True)
    )
    message = gettext(
        "Choose envelopes of this consultation only: the results of another consultation's "
        "envelopes belong on its own restitution."
    )
    return {index: ("envelopes", message) for index, pks in chosen.items() if pks - own}


def open_until(consultation, on=None):
    """The consultation's last day while it is not over, else None.

    A restitution published before then keeps the figures and answers of its publication day,
    while contributions still come in: the editor is warned and the page says so.
    """
    closes = consultation.closes
    return closes if closes is not None and (on or today()) <= closes else None


class OpenConsultationPanel(HelpPanel):
    """A warning in the editor, before publishing, when the consultation is still open."""

    class BoundPanel(HelpPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            parent = getattr(self.form, "parent_page", None)  # set in the create and edit views
            self.consultation = parent.specific if parent is not None else None
            self.open_until = open_until(self.consultation) if self.consultation else None
            self.template_name = "pages/admin/open_consultation.html"

        def is_shown(self):
            return self.open_until is not None


class RestitutionPage(BasePage):
    """The synthesis of one consultation; once published, the consultation has its results.

    Its data blocks (figures, survey results, ideas) read `results`: the participation data
    frozen when the page is first published and kept in each revision after that, so the
    published account does not shift when late contributions or supports arrive.
    """

    body = StreamField(RestitutionStreamBlock(), verbose_name=_("body"), blank=True)
    results = models.JSONField(_("participation data"), default=dict, blank=True, editable=False)
    refresh_results = models.BooleanField(
        _("update the participation data when publishing"),
        default=False,
        help_text=_(
            "The figures, survey results and ideas shown are frozen when the page is first "
            "published. Tick this to take them again from today's data at the next "
            "publication (for example after late paper contributions were typed in)."
        ),
    )

    cache_for_anonymous = True
    template = "pages/restitution_page.html"
    parent_page_types = ["pages.ConsultationPage"]
    subpage_types = []
    max_count_per_parent = 1
    base_form_class = RestitutionPageForm
    content_panels = [
        OpenConsultationPanel(),
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("refresh_results")], heading=_("Participation data")),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("restitution")
        verbose_name_plural = _("restitutions")

    @property
    def consultation(self):
        return self.get_parent().specific

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["open_until"] = open_until(self.consultation)
        if context["open_until"]:
            taken_at = self.participation_data().get("taken_at")
            context["results_taken_on"] = (
                timezone.localdate(datetime.fromisoformat(taken_at)) if taken_at else None
            )
        return context

    def participation_data(self):
        """The frozen data once published; today's data in previews of a first draft."""
        if not hasattr(self, "_participation_data"):
            if self.results and not self.refresh_results:
                self._participation_data = self.results
            else:
                self._participation_data = self.snapshot()
        return self._participation_data

    def snapshot(self, now=None):
        """What the restitution keeps when published: participation's data and the
        participatory budget's results (`participation.accountability.freeze` calls it)."""
        data = participation.snapshot(self.consultation, self.locale, now=now)
        data["budgets"] = budgets.snapshot(self.consultation, self.locale, now=now)
        return data
