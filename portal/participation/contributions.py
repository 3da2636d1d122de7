"""How a contribution is made through a public form (docs/architecture.md, "Embedded forms").

The request-level side of identity: `limit` counts an attempt before any costly work,
`identify` names the participant an address stands for (unproven, waiting on its link), and
`thank` answers the 303 that says whether the contribution counts or waits.
"""

from django.contrib import messages
from django.utils.translation import gettext as _

from portal.core.http import client_ip, see_other

from . import identity
from .errors import RateLimited
from .forms import refuse
from .limits import limit_confirmation, limit_rate


def identify(request, form, *, next_url, action):
    """The participant a valid ParticipantForm names, not proven: what this browser
    contributes in that name waits on its confirmation link, which comes back to `next_url`.
    None, with the reason on the form, when a new confirmation is past its `action`'s limit.

    Every address typed gets a link, confirmed or not; `thank` sends it once the
    contribution is stored, so that the e-mail says what it confirms.
    """
    waiting = request.session.get(identity.PENDING_KEY)
    participant = identity.await_confirmation(
        participant=identity.register(email=form.cleaned_data["email"]),
        session=request.session,
        display_name=form.cleaned_data.get("display_name", ""),
        wants_results=form.cleaned_data.get("wants_results", False),
        next_url=next_url,
    )
    if participant.confirmation.pk != waiting:  # not counted by `limit` yet
        try:
            limit_confirmation(action=action, confirmation=participant.confirmation)
        except RateLimited as error:
            refuse(form, str(error))
            return None
    return participant


def limit(request, form, *, action, participant=None):
    """Count the action against the client's and the participant's (or this browser's
    waiting confirmation's) limits before any costly work; the form, bound and not
    validated, with the reason at its top when refused."""
    pending = identity.pending_in_session(request) if participant is None else None
    try:
        limit_rate(
            action=action, ip=client_ip(request), participant=participant, confirmation=pending
        )
    except RateLimited as error:
        return refuse(form, str(error))
    return None


def thank(request, participant, url, *, counted, waiting):
    """The 303 after a contribution, saying it counts or what is left for it to count.

    A contribution in a name this browser has not proven gets its link now (its e-mail lists
    it); `waiting` names the address the link went to (%(email)s): the person just typed it.
    """
    if participant is None or participant.counts_now:
        messages.success(request, counted)
    elif identity.send_confirmation(
        confirmation=participant.confirmation, client=client_ip(request)
    ):
        messages.success(request, waiting % {"email": participant.email})
    else:
        messages.warning(
            request,
            _(
                "Your contribution is kept and waits for confirmation. To protect %(email)s, "
                "we send it a few links an hour at most: ask for a new link in a little while "
                "with “Get a new confirmation link” under the form."
            )
            % {"email": participant.email},
        )
    return see_other(url)
