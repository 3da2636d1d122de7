"""Following something (a page with the form, or one click for a known participant), and
the unsubscribe link of every e-mail (RFC 8058: its POST needs neither sign-in nor CSRF)."""

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from portal.core.http import page_url, safe_next, see_other
from portal.participation import identity
from portal.participation.contributions import Contribution

from . import services, targets
from .forms import FollowForm
from .models import Follower, Topic


class Following(Contribution):
    """A follow, through the participation protocol: limited, identified like a support
    (an address not proven waits on its link), written by the services."""

    action = "follow"
    counted = gettext_lazy("You follow %(name)s: we will tell you by e-mail what happens.")
    waiting = gettext_lazy(
        "Almost done: open the link we sent to %(email)s to start following. Nothing is sent "
        "to you before."
    )

    def __init__(self, request, target, *, topic, back_url):
        super().__init__(request, target, back_url=back_url)
        self.topic = topic

    def consultation(self):
        return None  # following is no contribution: no eligibility rule applies

    def form(self, participant):
        return FollowForm(self.request.POST, ask_identity=participant is None)

    def write(self, participant, form):
        services.follow(
            participant=participant,
            topic=self.topic,
            key=self.subject.translation_key,
            frequency=form.cleaned_data.get("frequency") or None,
        )

    def thank(self, participant):
        self.counted = str(self.counted) % {"name": targets.name(self.subject)}
        return super().thank(participant)


def _target(topic, key):
    if topic not in Topic.values:
        raise Http404
    target = targets.find(topic, key)
    if target is None:
        raise Http404
    return target


@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def follow(request, topic, key):
    """The follow page of a consultation, theme or district: the form (or one button for a
    participant this browser proved to be), and its POST."""
    target = _target(topic, key)
    here = request.path
    participant = identity.participant_in_session(request)
    known = participant is not None and participant.counts_now
    form = FollowForm(ask_identity=not known)
    if request.method == "POST":
        back = safe_next(request, request.POST.get("next")) if request.POST.get("next") else here
        outcome = Following(request, target, topic=topic, back_url=back).handle()
        if not isinstance(outcome, FollowForm):
            return outcome
        form = outcome
    follows = (
        known
        and Follower.objects.filter(
            participant=participant,
            follows__topic=topic,
            follows__key=target.translation_key,
            follows__confirmed=True,
        ).exists()
    )
    return render(
        request,
        "follows/follow.html",
        {
            "target": target,
            "name": targets.name(target),
            "topic": Topic(topic),
            "link": page_url(target) if topic == Topic.CONSULTATION else "",
            "form": form,
            "participant": participant if known else None,
            "follows": follows,
            "next": here,
        },
        status=400 if form.errors else 200,
    )


@csrf_exempt  # RFC 8058: mail clients POST here without a form of ours; the token is the proof
@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def unsubscribe(request, token):
    """GET: a page with one button (a mail scanner opening links unsubscribes nobody);
    POST, from that button or a mail client's one-click: every follow stops."""
    if not Follower.objects.filter(token=token).exists():
        response = render(request, "follows/unsubscribe_invalid.html", status=404)
    elif request.method == "POST":
        services.unsubscribe(token=token)
        response = see_other(reverse("follows:unsubscribed"))
    else:
        response = render(request, "follows/unsubscribe.html", {"token": token})
    response["Referrer-Policy"] = "same-origin"
    return response


@never_cache
def unsubscribed(request):
    return render(request, "follows/unsubscribed.html")
