"""How a contribution is made through a public form (docs/architecture.md, "Embedded forms").

`Contribution.handle` is the one sequence every participation form follows; a kind of
contribution supplies its form, its write and its messages. Its steps, usable alone:
`limit` counts an attempt before any costly work, `identify` names the participant an
address stands for (unproven, waiting on its link), and `thank` answers the 303 that says
whether the contribution counts or waits.
"""

from django.contrib import messages
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext as _

from portal.core.http import client_ip, see_other

from . import eligibility, identity, services
from .errors import NotEligible, RateLimited
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


def thank(request, participant, url, *, counted, waiting, extra_tags=""):
    """The 303 after a contribution, saying it counts or what is left for it to count.

    A contribution in a name this browser has not proven gets its link now (its e-mail lists
    it); `waiting` names the address the link went to (%(email)s): the person just typed it.
    `extra_tags` go with the thanks ("follow-offer": the page offers to follow its
    consultation next to them).
    """
    if participant is None or participant.counts_now:
        messages.success(request, counted, extra_tags=extra_tags)
    elif identity.send_confirmation(
        confirmation=participant.confirmation, client=client_ip(request)
    ):
        messages.success(request, waiting % {"email": participant.email}, extra_tags=extra_tags)
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


class Contribution:
    """One POST of a participation form, about `subject` (a petition, a survey, an idea box,
    an idea...): `handle()` answers a response, or the bound form with its errors for the
    caller to show again (status 400).

    The sequence: the participant in session; `check` (refusals said before the attempt is
    counted); the bound `form`; `limit` (before any costly work); `withdraw`, for the kinds
    that can take a contribution back; `check_before_asking` when the form asks who
    contributes; validation (not for a known participant when the form asks only who, unless
    the consultation's eligibility rule asks more); `identify` when it asks who; `write`;
    `thank`. A ParticipationError on the way is said in a message with a 303 back to
    `back_url`, but for `NotEligible`, said next to its fields in the form shown again.

    Eligibility is checked on every write: the form of a kind whose subject belongs to a
    consultation with a rule (`eligibility_rule()`) must be built with `eligibility=` that
    rule (ParticipantForm's mixin asks and checks it); `write` stores `form.declaration`.

    `subject` is the original of a translated survey, idea box or petition (what residents
    give belongs to it, models/translated.py) and `shown` its version in the page's language.

    A kind supplies `action` (its rate limits' name), `form()`, `write()` and its two
    messages, `counted` and `waiting` (%(email)s: where the link went); the rest are hooks.
    """

    action = ""
    counted = ""
    waiting = ""
    # A form that asks only who takes part is not read once the participant is known.
    asks_only_identity = False
    # Whether the thanks offer to follow the consultation (its page's "Follow" box).
    offers_follow = False

    def __init__(self, request, subject, *, back_url, prefix=None, shown=None):
        self.request = request
        self.subject = subject
        # The version of a translated subject written in the page's language: its form and
        # messages say what it says; the contribution goes to `subject`, the original.
        self.shown = shown or subject
        self.back_url = back_url
        self.prefix = prefix

    @property
    def next_url(self):
        """Where the confirmation link comes back to."""
        return self.back_url

    def participant(self):
        """Who contributes, if known: the participant this browser proved to be."""
        return identity.participant_in_session(self.request)

    def asks_identity(self, participant):
        """Whether the form asks who contributes (an address to confirm)."""
        return participant is None

    def consultation(self):
        """The consultation the subject belongs to (a page or its id), or None: its
        eligibility rule applies. Most subjects name it in `consultation`."""
        return getattr(self.subject, "consultation_id", None)

    def eligibility_rule(self):
        """The eligibility rule the form must ask and the write must keep, or None (read
        once per contribution)."""
        if not hasattr(self, "_eligibility_rule"):
            self._eligibility_rule = eligibility.rule_for(self.consultation())
        return self._eligibility_rule

    def check(self, participant):
        """Raise a ParticipationError for what is refused whatever the form says."""

    def form(self, participant):
        """The form, bound to the POST."""
        raise NotImplementedError

    def withdraw(self, participant):
        """The response to a withdrawal, or None when the POST is not one."""
        return None

    def check_before_asking(self):
        """Raise a ParticipationError for what nobody should type an address for."""

    def write(self, participant, form):
        """Store the contribution through `services`."""
        raise NotImplementedError

    def thank(self, participant):
        # Messages said in the language of this request, even when a kind declares them lazily.
        return thank(
            self.request,
            participant,
            self.back_url,
            counted=str(self.counted),
            waiting=str(self.waiting),
            extra_tags="follow-offer" if self.offers_follow else "",
        )

    def handle(self):
        request = self.request
        participant = self.participant()
        try:
            self.check(participant)
            rule = self.eligibility_rule()
            form = self.form(participant)
            if getattr(form, "eligibility", None) != rule:
                raise ImproperlyConfigured(
                    f"{type(self).__name__}.form() must be built with eligibility={rule!r}."
                )
            refused = limit(request, form, action=self.action, participant=participant)
            if refused is not None:
                return refused
            withdrawn = self.withdraw(participant)
            if withdrawn is not None:
                return withdrawn
            asking = self.asks_identity(participant)
            if asking:
                self.check_before_asking()
            reads_form = asking or not self.asks_only_identity or rule is not None
            if reads_form and not form.is_valid():
                return form
            if asking:
                participant = identify(request, form, next_url=self.next_url, action=self.action)
                if participant is None:
                    return form
            try:
                self.write(participant, form)
            except NotEligible as error:  # what only the write can tell (a register entry used)
                for name, message in error.errors.items():
                    form.add_error(name, message)
                return form
        except services.ParticipationError as error:
            messages.error(request, str(error))
            return see_other(self.back_url)
        return self.thank(participant)
