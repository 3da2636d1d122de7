"""The pages around a participant's identity: the confirmation link, a new link, signing out."""

from django.conf import settings
from django.contrib import messages
from django.db.models import F
from django.http import (
    Http404,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
)
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.core.http import client_ip, safe_next, see_other

from . import services
from .forms import NewLinkForm, ParticipantForm
from .models import Idea, Participant
from .models.ideas import PUBLIC_STATUSES


def identify(request, form, *, next_url):
    """The participant a valid ParticipantForm names, not proven: the link will prove it.

    Every address typed in a form gets a link, confirmed or not, which comes back to
    `next_url`: until it is opened, what this browser contributes in that name waits.
    None, with the reason on the form, if the person tried too often.
    """
    email = services.normalise_email(form.cleaned_data["email"])
    try:
        services.limit_rate(action="participate", ip=client_ip(request), email=email)
    except services.RateLimited as error:
        form.add_error(None, str(error))
        return None
    participant = services.register(
        email=email,
        display_name=form.cleaned_data["display_name"],
        wants_results=form.cleaned_data["wants_results"],
    )
    participant.proven = False
    services.send_confirmation(participant=participant, next_url=next_url, request=request)
    services.remember_pending(request, participant)
    return participant


def thank(request, participant, url, *, counted, waiting):
    """The 303 after a contribution, saying it counts or what is left for it to count.

    `waiting` names the address the link went to (%(email)s): the person just typed it.
    """
    if participant is None or participant.counts_now:
        messages.success(request, counted)
    else:
        messages.success(request, waiting % {"email": participant.email})
    return see_other(url)


def invalid_link(request, error):
    """A clear page for a broken or expired link, with a way to get a new one."""
    return render(
        request,
        "participation/link_invalid.html",
        {"expired": error.expired, "form": NewLinkForm()},
        status=400,
    )


def confirm(request, token):
    try:
        participant, next_url = services.read_confirmation_token(token)
    except services.InvalidLink as error:
        return invalid_link(request, error)
    services.confirm(participant=participant)
    services.remember(request, participant)
    messages.success(request, _("Your e-mail address is confirmed: your contribution counts."))
    return HttpResponseRedirect(safe_next(request, next_url))


def new_link(request):
    """Ask for a new confirmation link; the answer never says whether the address is known."""
    form = NewLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = services.normalise_email(form.cleaned_data["email"])
        try:
            services.limit_rate(action="new-link", ip=client_ip(request), email=email)
        except services.RateLimited as error:
            form.add_error(None, str(error))
        else:
            participant = Participant.objects.filter(email=email).first()
            if participant is not None:
                services.send_confirmation(participant=participant, next_url="/", request=request)
            return see_other(request.path + "?sent=1")
    return render(
        request,
        "participation/new_link.html",
        {"form": form, "sent": request.GET.get("sent") == "1"},
        status=400 if form.errors else 200,
    )


def my_data(request, token):
    """What we hold about the participant the link was sent to, and a way to delete it."""
    try:
        participant = services.read_data_token(token)
    except services.InvalidLink as error:
        return invalid_link(request, error)
    if request.method == "POST":
        services.erase(participant=participant)
        services.forget(request)
        messages.success(request, _("Your data has been deleted."))
        return see_other("/")
    supports = participant.supports.select_related("petition").order_by("-created_at")
    responses = participant.survey_responses.select_related("survey").order_by("-created_at")
    ideas = participant.ideas.order_by("-created_at")
    idea_supports = participant.idea_supports.select_related("idea").order_by("-created_at")
    return render(
        request,
        "participation/my_data.html",
        {
            "participant": participant,
            "supports": supports,
            "responses": responses,
            "ideas": ideas,
            "idea_supports": idea_supports,
            "event_proposals": participant.event_proposals.order_by("-created_at"),
        },
    )


@require_POST
def sign_out(request):
    services.forget(request)
    messages.success(request, _("You are signed out on this device."))
    return see_other(safe_next(request, request.POST.get("next")))


def idea_detail(request, pk, slug):
    """An idea's own page: anyone can share it; residents support it from here.

    Ideas not yet public are shown only to the staff who moderate them.
    """
    participant = services.participant_in_session(request)
    form = None
    if request.method == "POST":
        # A support needs the idea's status and consultation only: the page rows that the
        # page view joins would cost more than the support itself.
        idea = get_object_or_404(
            Idea.objects.public()
            .select_related("box")
            .only("title", "status", "box__consultation"),
            pk=pk,
        )
        outcome = support_idea(request, idea, participant)
        if isinstance(outcome, HttpResponse):
            return outcome
        form = outcome
    idea = get_object_or_404(
        Idea.objects.select_related("box__consultation", "theme", "district", "collected_at"),
        pk=pk,
    )
    moderator = request.user.has_perm("participation.change_idea")
    if not (idea.is_public or moderator):
        raise Http404
    if slug != idea.slug and form is None:
        return HttpResponsePermanentRedirect(idea.get_absolute_url())
    if form is None and participant is None:
        form = ParticipantForm()
    someone = participant or services.pending_in_session(request)
    support = someone and idea.supports.filter(participant=someone).first()
    consultation = idea.box.consultation.localized
    return render(
        request,
        "participation/ideas/detail.html",
        {
            "idea": idea,
            "consultation": consultation,
            "ancestors": [*consultation.get_ancestors().filter(depth__gte=2), consultation],
            "participant": participant,
            "support": support,
            "supports_open": services.idea_accepts_supports(idea),
            "form": form,
            "history": idea.transitions.filter(to_status__in=PUBLIC_STATUSES).exclude(
                from_status=F("to_status")
            ),
            "retention_months": settings.PARTICIPATION_RETENTION_MONTHS,
        },
        status=400 if form is not None and form.errors else 200,
    )


def support_idea(request, idea, participant):
    """Support or withdraw: a 303 back to the idea, or the identity form with its errors."""
    back = idea.get_absolute_url() + "#support"
    try:
        if request.POST.get("action") == "withdraw":
            if participant is not None:
                services.withdraw_idea_support(participant=participant, idea=idea)
                messages.success(request, _("Your support has been withdrawn."))
            return see_other(back)
        if participant is None:
            # Nobody types an address for nothing: closed supports are said first.
            if not services.idea_accepts_supports(idea):
                raise services.ParticipationClosed(_("Supports are not open for this idea."))
            form = ParticipantForm(request.POST)
            if not form.is_valid():
                return form
            participant = identify(request, form, next_url=back)
            if participant is None:
                return form
        services.support_idea(participant=participant, idea=idea)
    except services.ParticipationError as error:
        messages.error(request, str(error))
        return see_other(back)
    return thank(
        request,
        participant,
        back,
        counted=_("Thank you: your support is counted."),
        waiting=_("Almost done: open the link we sent to %(email)s to confirm your support."),
    )
