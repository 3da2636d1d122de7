"""The moderation of event proposals in the admin: the queue, filters, the review, the history.

Wagtail's generic snippet views, specialised like those of ideas. Every decision goes through
`services`, which publishes the event, records the step and e-mails the association. The
contact's e-mail address is never shown: moderators see the organiser's name.
"""

from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext_lazy
from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import HeaderButton

from portal.core.moderation import (
    HistoryPanel,
    QueueFilterSet,
    QueueIndexView,
    QueuePanel,
    QueueViewSet,
    ReadOnlyPanel,
    ReviewEditView,
    status_column,
    status_filter,
    submitted_between,
    submitted_column,
    view_on_site,
)
from portal.pages.models import Organiser
from portal.participation.forms import PlainTextField

from . import services
from .models import PROPOSAL_WORKFLOW, EventProposal, ProposalStatus

# What a moderator may decide (PROPOSAL_WORKFLOW.decisions), in the review's words.
DECISION_LABELS = {
    "approve": gettext_lazy("Approve: publish the event in the agenda"),
    "request_changes": gettext_lazy("Ask the association for changes"),
    "reject": gettext_lazy("Reject"),
}

DECISION_DONE = {
    "approve": gettext_lazy("“%(title)s” is published in the agenda."),
    "request_changes": gettext_lazy("The association is asked for changes to “%(title)s”."),
    "reject": gettext_lazy("“%(title)s” is rejected; the association is told why."),
}


def event_date(proposal):
    """When the event starts, in Paris time."""
    return date_format(timezone.localtime(proposal.start), "SHORT_DATETIME_FORMAT")


# The list


class ProposalFilterSet(QueueFilterSet):
    """Without a status in the query, the list is the queue: proposals awaiting moderation."""

    every = gettext_lazy("All proposals")
    status = status_filter(ProposalStatus, every=every)
    created_at = submitted_between()

    class Meta:
        model = EventProposal
        fields = []


class ProposalIndexView(QueueIndexView):
    """Opens on the queue and says so; one click away from every proposal."""

    queue_title = gettext_lazy("Event proposals to moderate")


# One proposal


def organiser_situation(proposal):
    """What approving does to the organiser: found in the agenda (trusted or not), or created."""
    organiser = (
        proposal.organiser
        or Organiser.objects.named(proposal.organiser_name)
        .in_default_locale()
        .order_by("pk")
        .first()
    )
    if organiser is None:
        return _("New: created as an association when the event is approved.")
    kind = organiser.get_kind_display()
    trust = organiser.original  # the row that holds trust
    if trust.trusted and trust.contact_id != proposal.contact_id:
        return _(
            "In the agenda as “%(name)s” (%(kind)s), trusted for another contact: this "
            "proposal comes from a different address. Approving it with “trust” would take "
            "the trust from that contact."
        ) % {"name": organiser.name, "kind": kind}
    if trust.trusted:
        return _("In the agenda as “%(name)s” (%(kind)s), trusted.") % {
            "name": organiser.name,
            "kind": kind,
        }
    return _("In the agenda as “%(name)s” (%(kind)s).") % {"name": organiser.name, "kind": kind}


class ProposalDetailsPanel(ReadOnlyPanel):
    """Everything the association sent, without its address, and what approval would do."""

    template_name = "proposals/admin/details.html"

    def get_context(self, proposal, user):
        return {
            "proposal": proposal,
            "language": dict(settings.LANGUAGES).get(proposal.language, proposal.language),
            "organiser_situation": organiser_situation(proposal),
            "themes": proposal.themes.all(),
            "districts": proposal.districts.all(),
        }


class ProposalHistoryPanel(HistoryPanel):
    """Every step: when, who (a moderator, or the association), from and to, and the message."""

    workflow = PROPOSAL_WORKFLOW
    caption = gettext_lazy("What happened to this proposal, oldest first")
    nobody = gettext_lazy("The association")


class DecisionForm(WagtailAdminModelForm):
    """A decision the workflow allows now, its message, and whether to trust the organiser.

    No model field: the view hands the decision to the services.
    """

    decision = forms.ChoiceField(
        label=gettext_lazy("What happens to this proposal"), widget=forms.RadioSelect
    )
    message = PlainTextField(
        label=gettext_lazy("Message to the association"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy(
            "Required to ask for changes (say which) or to reject (say why); optional to "
            "approve. The association reads it by e-mail and on its follow page."
        ),
    )
    trust = forms.BooleanField(
        label=gettext_lazy(
            "Trust this organiser: the next events its contact proposes are published "
            "without moderation"
        ),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [
            (name, DECISION_LABELS[name])
            for name in PROPOSAL_WORKFLOW.decisions_from(self.instance.status)
        ]
        if not choices:  # decided already, or waiting for the contact's confirmation
            for name in ("decision", "message", "trust"):
                del self.fields[name]
            return
        self.fields["decision"].choices = choices

    def clean(self):
        cleaned = super().clean()
        decision, message = cleaned.get("decision"), cleaned.get("message")
        leads_to = PROPOSAL_WORKFLOW.decisions.get(decision)
        if PROPOSAL_WORKFLOW.needs_message(leads_to) and not message:
            self.add_error("message", _("Write the message the association will read."))
        if cleaned.get("trust") and decision and decision != "approve":
            self.add_error(
                "trust", _("An organiser is trusted when one of its events is approved.")
            )
        return cleaned


class ProposalEditView(ReviewEditView):
    """The review: the proposal, the decision, the history. Nothing of the proposal is edited
    here: moderators ask the association for changes, or edit the event once published."""

    decision = None  # taken by this request

    def get_success_message(self):
        if self.decision is None:
            return None
        return DECISION_DONE[self.decision] % {"title": self.object.title}

    def get_success_buttons(self):
        return []

    def form_valid(self, form):
        """A refusal of the services (a decision taken meanwhile, no agenda) is a form error."""
        try:
            return super().form_valid(form)
        except services.ProposalError as error:
            form.add_error(None, str(error))
            self.produced_error_message = str(error)
            return self.form_invalid(form)

    def save_instance(self):
        proposal, data = self.form.instance, self.form.cleaned_data
        if "decision" not in self.form.fields and self.request.POST.get("decision"):
            messages.warning(self.request, _("This proposal is decided already: nothing changed."))
        self.decision = decision = data.get("decision") or None
        common = {"proposal": proposal, "user": self.request.user}
        if decision == "approve":
            return services.approve(**common, trust=data["trust"], message=data["message"])
        if decision == "request_changes":
            return services.request_changes(**common, message=data["message"])
        if decision == "reject":
            return services.reject(**common, reason=data["message"])
        return proposal

    @cached_property
    def header_buttons(self):
        """Once published: the event on the site, and in the page editor."""
        event = self.object.event
        if event is None:
            return super().header_buttons
        return [
            *super().header_buttons,
            view_on_site(event.get_url(self.request)),
            HeaderButton(
                _("Edit the event"),
                url=reverse("wagtailadmin_pages:edit", args=[event.pk]),
                icon_name="edit",
            ),
        ]


PROPOSAL_PANELS = ObjectList(
    [
        ProposalDetailsPanel(heading=gettext_lazy("The proposal")),
        MultiFieldPanel(
            [FieldPanel("decision"), FieldPanel("message"), FieldPanel("trust")],
            heading=gettext_lazy("Decision"),
        ),
        ProposalHistoryPanel(heading=gettext_lazy("History")),
    ],
    base_form_class=DecisionForm,
)


class EventProposalViewSet(QueueViewSet):
    """Moderators' queue of the events associations propose."""

    model = EventProposal
    icon = "date"
    menu_label = gettext_lazy("Event proposals")
    index_view_class = ProposalIndexView
    edit_view_class = ProposalEditView
    filterset_class = ProposalFilterSet
    search_fields = ["title", "organiser_name", "summary"]
    edit_handler = PROPOSAL_PANELS
    list_display = [
        "title",
        Column("organiser_name", label=gettext_lazy("Organiser"), sort_key="organiser_name"),
        Column("start", label=gettext_lazy("When"), accessor=event_date, sort_key="start"),
        status_column(waiting=ProposalStatus.SUBMITTED),
        submitted_column(),
    ]


class ProposalQueuePanel(QueuePanel):
    """On the admin's home page: how many proposals wait for a moderator, and the way there."""

    name = "proposals_moderation_queue"
    order = 51
    model = EventProposal
    heading = gettext_lazy("Event proposals awaiting moderation")
    waiting = ngettext_lazy(
        "%(counter)s event proposal awaits moderation.",
        "%(counter)s event proposals await moderation.",
        "counter",
    )
