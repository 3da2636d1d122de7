"""The pages around a participant's identity: the confirmation link, a new link, their data,
signing out; and an idea's own page."""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.db.models import F
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from portal.core.http import client_ip, safe_next, see_other
from portal.core.restrictions import view_restrictions

from . import eligibility, identity, services
from .contributions import Contribution, limit
from .errors import InvalidLink, LinkUsed
from .forms import NewLinkForm, ParticipantForm
from .idea_map import idea_points
from .models import Idea, IdeaBox, Participant
from .models.ideas import PUBLIC_STATUSES
from .portability import export, personal_data


def private(view):
    """Pages opened through a personal link: never stored by a cache, and the link in the
    address bar never sent to another site."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Referrer-Policy"] = "same-origin"
        return response

    return never_cache(wrapped)


def invalid_link(request, error, token=""):
    """A clear page for a broken or expired link, with a way to get a new one: for an expired
    confirmation link, the same confirmation again (`token`), so nothing waiting is lost."""
    return render(
        request,
        "participation/link_invalid.html",
        {"expired": error.expired, "form": NewLinkForm(), "token": token if error.expired else ""},
        status=400,
    )


def used_link(request):
    """A confirmation link opened again: links work once."""
    return render(
        request,
        "participation/link_used.html",
        {"participant": identity.participant_in_session(request), "form": NewLinkForm()},
        status=410,
    )


@private
def confirm(request, token):
    """The page a confirmation link opens: what it will confirm, and one button (a POST, so
    that a mail scanner following the link confirms nothing)."""
    try:
        confirmation = identity.read_confirmation_token(token)
    except InvalidLink as error:
        return invalid_link(request, error, token)
    except LinkUsed:
        return used_link(request)
    if request.method == "POST":
        try:
            shown_at, name = identity.read_shown_token(request.POST.get("shown", ""), confirmation)
        except InvalidLink:
            messages.error(request, _("Please check what you confirm, then press the button."))
            return see_other(request.path)
        try:
            outcome = services.confirm(
                confirmation=confirmation, shown_at=shown_at, display_name=name
            )
        except InvalidLink as error:
            return invalid_link(request, error, token)
        except LinkUsed:
            return used_link(request)
        identity.remember(request, outcome.participant)
        messages.success(request, _("Thank you: your e-mail address is confirmed."))
        for note in outcome.dropped:
            messages.info(request, note)
        return see_other(safe_next(request, confirmation.next_url))
    return render(
        request,
        "participation/confirm.html",
        {
            "confirmation": confirmation,
            "items": identity.waiting_items(confirmation),
            "shown": identity.shown_token(confirmation),
        },
    )


def new_link(request):
    """Ask for a new confirmation link; the answer never says whether the address is known.

    This browser's waiting contributions for that address go with the new link; with none,
    the link only signs the browser in.
    """
    form = NewLinkForm(request.POST or None)
    if request.method == "POST":
        refused = limit(request, form, action="new-link")
        if refused is None and form.is_valid():
            email = identity.normalise_email(form.cleaned_data["email"])
            confirmation = identity.reissuable(request.POST.get("token", ""))
            if confirmation is not None and confirmation.participant.email == email:
                request.session[identity.PENDING_KEY] = confirmation.pk
            else:
                participant = Participant.objects.filter(email=email).first()
                confirmation = (
                    participant
                    and identity.await_confirmation(
                        participant=participant, session=request.session, next_url="/"
                    ).confirmation
                )
            if confirmation:
                identity.send_confirmation(confirmation=confirmation, client=client_ip(request))
            return see_other(request.path + "?sent=1")
    return render(
        request,
        "participation/new_link.html",
        {"form": form, "sent": request.GET.get("sent") == "1"},
        status=400 if form.errors else 200,
    )


@require_safe
@private
def my_data(request, token):
    """What we hold about the participant the link was sent to; deleting it is one step away."""
    try:
        participant = identity.read_data_token(token)
    except InvalidLink as error:
        return invalid_link(request, error)
    return render(
        request,
        "participation/my_data.html",
        {
            "participant": participant,
            "token": token,
            "may_download": proven_as(request, participant),
            **personal_data(participant),
        },
    )


def proven_as(request, participant):
    """Whether this browser proved to be `participant` by using a link sent to them."""
    proven = identity.participant_in_session(request)
    return proven is not None and proven.pk == participant.pk


@require_safe
@private
def download_my_data(request, token):
    """The "my data" page as a JSON file, for the browser proven to be its participant only:
    the link alone is not enough, since it may have been forwarded or read over a shoulder."""
    try:
        participant = identity.read_data_token(token)
    except InvalidLink as error:
        return invalid_link(request, error)
    if not proven_as(request, participant):
        messages.error(
            request,
            _(
                "Your data can only be downloaded on a device where you have confirmed your "
                "e-mail address."
            ),
        )
        return see_other(reverse("participation:my_data", args=[token]))
    response = JsonResponse(
        export(participant), json_dumps_params={"ensure_ascii": False, "indent": 2}
    )
    response["Content-Disposition"] = f'attachment; filename="{_("my-data")}.json"'
    return response


@private
def erase_my_data(request, token):
    """Ask first (GET), then delete (POST): a click by mistake must not erase anything."""
    try:
        participant = identity.read_data_token(token)
    except InvalidLink as error:
        return invalid_link(request, error)
    if request.method == "POST":
        services.erase(participant=participant)
        identity.forget(request)
        messages.success(request, _("Your data has been deleted."))
        return see_other("/")
    return render(
        request,
        "participation/erase_my_data.html",
        {"participant": participant, "token": token, **personal_data(participant)},
    )


@require_POST
def sign_out(request):
    identity.forget(request)
    messages.success(request, _("You are signed out on this device."))
    return see_other(safe_next(request, request.POST.get("next")))


def consultation_shown(consultation):
    """Whether the public sees the consultation an idea belongs to (or it has none): an
    idea is not shown apart from an unpublished or private consultation."""
    return consultation is None or (
        consultation.live and not view_restrictions(consultation).exists()
    )


@require_safe
def idea_map(request, box_id):
    """The points of a box's public ideas, as JSON, for the map next to their list (same
    filters); a box of a consultation the public does not see has none to show."""
    box = get_object_or_404(
        IdeaBox.objects.select_related("consultation").only(
            "translation_of", "consultation__live", "consultation__path"
        ),
        pk=box_id,
    )
    if not consultation_shown(box.consultation):
        raise Http404
    return JsonResponse({"points": idea_points(box.original_id, request.GET)})


def idea_detail(request, pk, slug):
    """An idea's own page: anyone can share it; residents support it from here.

    Ideas not yet public, or of a consultation the public does not see, are shown only to
    the staff who moderate them. Read in another
    language than its own, a public idea shows its machine translation once there is one
    (services.machine_translation), labelled, and its own words at `?original=1`.
    """
    participant = identity.participant_in_session(request)
    form = None
    if request.method == "POST":
        # A support needs the idea's status and consultation only: the page rows that the
        # page view joins would cost more than the support itself.
        idea = get_object_or_404(
            Idea.objects.public()
            .select_related("box__consultation")
            .only("title", "status", "box__consultation__live", "box__consultation__path"),
            pk=pk,
        )
        if not consultation_shown(idea.box.consultation):
            raise Http404
        # Support or withdraw: a 303 back to the idea, or the identity form with its errors.
        outcome = SupportingIdea(
            request, idea, back_url=idea.get_absolute_url() + "#support"
        ).handle()
        if isinstance(outcome, HttpResponse):
            return outcome
        form = outcome
    idea = get_object_or_404(
        Idea.objects.select_related("box__consultation", "theme", "district", "collected_at"),
        pk=pk,
    )
    moderator = request.user.has_perm("participation.change_idea")
    if not moderator and not (idea.is_public and consultation_shown(idea.box.consultation)):
        raise Http404
    if slug != idea.slug and form is None:
        return HttpResponsePermanentRedirect(idea.get_absolute_url())
    if form is None:
        form = ParticipantForm(
            ask_identity=participant is None,
            eligibility=eligibility.rule_for(idea.box.consultation_id),
        )
    mine = identity.own_contributions(request)
    support = mine is not None and idea.supports.filter(mine).first()
    consultation = idea.box.consultation.localized
    language = translation.get_language()
    machine = services.machine_translation(idea, language)
    original = machine is not None and request.GET.get("original") == "1"
    shown = machine if machine is not None and not original else idea
    return render(
        request,
        "participation/ideas/detail.html",
        {
            "idea": idea,
            "shown": shown,
            "machine_translation": machine,
            "original": original,
            "written_in": machine and name_in_sentence(idea.language),
            # Its own words in another language than the page's are marked as such.
            "text_language": "" if shown is machine or idea.language == language else idea.language,
            "consultation": consultation,
            # Its extra fields as the box's version in the page's language words them.
            "extra": idea.public_extra(idea.box.in_language(consultation.locale_id)),
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


def name_in_sentence(code):
    """Language `code` named in the visitor's language as a sentence names it: in lowercase
    where that language writes its own name so ("un texte en anglais", "del inglés"),
    capitalised where it does not ("from French", "aus dem Französischen")."""
    name = str(translation.get_language_info(code)["name_translated"])
    own = translation.get_language_info(translation.get_language())["name_local"]
    return name.lower() if own.islower() else name


class SupportingIdea(Contribution):
    """Support an idea from its page, or withdraw the support: the form asks only who."""

    action = "support"
    counted = gettext_lazy("Thank you: your support is counted.")
    waiting = gettext_lazy(
        "Almost done: open the link we sent to %(email)s to confirm your support."
    )
    asks_only_identity = True
    offers_follow = True

    def consultation(self):
        return self.subject.box.consultation_id

    def form(self, participant):
        return ParticipantForm(
            self.request.POST,
            ask_identity=participant is None,
            eligibility=self.eligibility_rule(),
        )

    def withdraw(self, participant):
        if self.request.POST.get("action") != "withdraw":
            return None
        if participant is not None:
            services.withdraw_idea_support(participant=participant, idea=self.subject)
            messages.success(self.request, _("Your support has been withdrawn."))
        return see_other(self.back_url)

    def check_before_asking(self):
        # Nobody types an address for nothing: closed supports are said first.
        if not services.idea_accepts_supports(self.subject):
            raise services.ParticipationClosed(_("Supports are not open for this idea."))

    def write(self, participant, form):
        services.support_idea(
            participant=participant, idea=self.subject, declaration=form.declaration
        )
