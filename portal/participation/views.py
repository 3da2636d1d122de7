"""The pages around a participant's identity: the confirmation link, a new link, signing out."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import services
from .forms import NewLinkForm
from .models import Participant


def safe_next(request, url):
    if url and url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return "/"


def see_other(url):
    """A 303 redirect: the browser follows with a GET, so reloading never resubmits."""
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


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
            services.limit_rate(
                action="new-link", ip=request.META.get("REMOTE_ADDR", ""), email=email
            )
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
    return render(
        request, "participation/my_data.html", {"participant": participant, "supports": supports}
    )


@require_POST
def sign_out(request):
    services.forget(request)
    messages.success(request, _("You are signed out on this device."))
    return see_other(safe_next(request, request.POST.get("next")))
