"""The public pages of proposals: the form, and the page that follows one through its link."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from wagtail.models import Locale

from portal.core.http import client_ip, see_other
from portal.participation import identity
from portal.participation.contributions import Contribution, limit
from portal.participation.errors import InvalidLink

from . import services
from .forms import EventProposalForm
from .models import ProposalStatus


def propose(request):
    """The form (GET), a 303 to its thank-you state (POST), or the form with its errors."""
    known = identity.participant_in_session(request)
    locale = Locale.get_active()
    if request.method == "POST":
        outcome = ProposingEvent(
            request, locale, back_url=reverse("proposals:propose") + "?sent=1"
        ).handle()
        if isinstance(outcome, HttpResponse):
            return outcome
        form = outcome
    else:
        form = EventProposalForm(None, None, locale=locale, ask_identity=known is None)
    agenda = services.agenda_for(locale.language_code)
    return render(
        request,
        "proposals/propose.html",
        {
            "form": form,
            "sent": request.method == "GET" and request.GET.get("sent") == "1",
            "participant": known,
            "proposals": [
                (proposal, services.follow_url(proposal))
                for proposal in (
                    known.event_proposals.order_by("-created_at")[:10] if known else []
                )
            ],
            "agenda_url": agenda.get_url(request) if agenda else "",
            "ancestors": [*agenda.get_ancestors().filter(depth__gte=2), agenda] if agenda else [],
            "crumb": {"title": _("Propose an event")},
            "retention_months": settings.PARTICIPATION_RETENTION_MONTHS,
        },
        status=400 if form.errors else 200,
    )


class ProposingEvent(Contribution):
    """An event proposed for the agenda, in the `subject` locale. A typed address gets its
    link once the proposal is stored, and the link comes back to the proposal's follow page;
    a browser that proved its address already skips the link."""

    action = "proposal"

    @property
    def next_url(self):
        return ""  # the follow page, known once the proposal is stored: see `thank`

    def form(self, participant):
        return EventProposalForm(
            self.request.POST or None,
            self.request.FILES or None,
            locale=self.subject,
            ask_identity=participant is None,
        )

    def write(self, participant, form):
        self.proposal = services.submit_proposal(contact=participant, **form.proposal_fields())

    def thank(self, contact):
        request, proposal = self.request, self.proposal
        if not contact.counts_now:
            confirmation = contact.confirmation
            confirmation.next_url = services.follow_url(proposal)
            confirmation.save(update_fields=["next_url"])
            if identity.send_confirmation(confirmation=confirmation, client=client_ip(request)):
                messages.success(
                    request,
                    _(
                        "Almost done: open the link we sent to %(email)s to confirm your address. "
                        "Your proposal then goes to the moderators."
                    )
                    % {"email": contact.email},
                )
            else:
                messages.warning(
                    request,
                    _(
                        "Your proposal is kept and waits for confirmation. To protect %(email)s, "
                        "we send it a few links an hour at most: ask for a new link in a little "
                        "while with “Get a new confirmation link” under the form."
                    )
                    % {"email": contact.email},
                )
        elif proposal.status == ProposalStatus.PUBLISHED_DIRECTLY:
            messages.success(request, _("Thank you: your event is published in the agenda."))
        else:
            messages.success(
                request,
                _(
                    "Thank you: your proposal is received. A moderator will read it; "
                    "we will tell you by e-mail."
                ),
            )
        return see_other(self.back_url)


@never_cache
def follow(request, token):
    """Where a proposal stands, the moderators' message, its history, and while it may still
    change, the form to update it. The signed link in every e-mail is the key."""
    try:
        proposal = services.read_follow_token(token)
    except InvalidLink as error:
        return render(
            request,
            "proposals/link_invalid.html",
            {"expired": error.expired, "days": services.FOLLOW_MAX_AGE.days},
            status=400,
        )
    form = None
    if proposal.is_editable:
        locale = Locale.objects.filter(language_code=proposal.language).first()
        form = EventProposalForm(
            request.POST or None,
            request.FILES or None,
            locale=locale or Locale.get_default(),
            ask_identity=False,
            proposal=proposal,
        )
    if request.method == "POST":
        if form is None:
            messages.error(request, _("This proposal can no longer be changed."))
            return see_other(request.path)
        refused = limit(request, form, action="proposal", participant=proposal.contact)
        if refused is None and form.is_valid():
            return updated(request, proposal, form)
    with translation.override(proposal.language):
        event_url = proposal.event.get_url(request) if proposal.is_published else ""
    return render(
        request,
        "proposals/follow.html",
        {
            "proposal": proposal,
            "form": form,
            "event_url": event_url,
            "steps": proposal.steps.all(),
        },
        status=400 if form is not None and form.errors else 200,
    )


def updated(request, proposal, form):
    """Store the association's changes; a decision taken meanwhile wins, and says so."""
    try:
        services.update_proposal(proposal=proposal, **form.proposal_fields())
    except services.ProposalError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your proposal is updated: it is back with the moderators."))
    return see_other(request.path)
