"""An envelope's rules in plain language, as residents read them on the ballot, the poster
and the paper ballot.

`describe(envelope)` gives each rule as a sentence (`Rules`); a printed sheet picks the ones
it has room for, a page lists them all. The sentences are written in the active language, in
Paris time. Eligibility is told by `who_sentence`.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal.core.templatetags.dates import long_date

from .models import VotingMethod, euros


@dataclass(frozen=True)
class Rules:
    """The sentences of an envelope's rules; iterating gives them in reading order."""

    method: str  # how to vote: the basket, N projects, P points
    winners: str  # how the winners are chosen, within the amount
    when: str  # when the vote opens and closes
    who: str  # who may vote
    change: str  # a ballot may be changed until closing
    paper: str  # voting on paper at the town hall

    def __iter__(self):
        return iter((self.method, self.winners, self.when, self.who, self.change, self.paper))


def describe(envelope):
    """The rules of `envelope` as sentences residents read."""
    return Rules(
        method=method_sentence(
            envelope.method, envelope.amount, envelope.max_choices, envelope.points
        ),
        winners=winners_sentence(envelope.amount),
        when=when_sentence(envelope.opens_at, envelope.closes_at),
        who=who_sentence(envelope),
        change=_("You can change your online ballot until the vote closes."),
        paper=_("You can also vote on paper or in person at the town hall."),
    )


def method_sentence(method, amount, max_choices, points):
    """How to fill the ballot. From plain values, so that a restitution can say it from the
    rules it froze."""
    if method == VotingMethod.CHOICES:
        return ngettext(
            "Choose %(count)s project.", "Choose up to %(count)s projects.", max_choices or 0
        ) % {"count": max_choices}
    if method == VotingMethod.POINTS:
        return _(
            "Spread up to %(points)s points among the projects you prefer, at least 1 point "
            "for each project you choose."
        ) % {"points": number_format(points or 0, force_grouping=True)}
    return _("Choose projects whose total cost stays within %(amount)s.") % {
        "amount": euros(amount)
    }


def winners_sentence(amount):
    """How the votes decide, in a few words (`tie_rule` says it whole)."""
    return _(
        "The projects with the most votes are funded, in that order, as long as they fit "
        "within the envelope of %(amount)s."
    ) % {"amount": euros(amount)}


def tie_rule():
    """How winners are chosen, ties included: what `services.winners` does."""
    return _(
        "Projects are taken from the most voted down, each one while it fits within what "
        "remains of the envelope; a project that no longer fits is skipped and the next one "
        "tried. On equal votes, the cheaper project goes first, then the one proposed first. "
        "A project without any vote is not funded."
    )


def day(value):
    """ "lundi 1er mars 2027" """
    return f"{date_format(value, 'l')} {long_date(value)}"


def moment(value, closing=False):
    """A moment in words, Paris time: "lundi 1er mars 2027 à 9:00". At midnight, an opening
    is the day itself and a closing the end of the day before ("mercredi 31 mars 2027 à
    minuit"), as people read them."""
    local = timezone.localtime(value, timezone.get_default_timezone())
    if local.hour == 0 and local.minute == 0:
        if not closing:
            return day(local)
        return _("%(day)s at midnight") % {"day": day(local - timedelta(days=1))}
    return _("%(day)s at %(time)s") % {
        "day": day(local),
        "time": date_format(local, "TIME_FORMAT"),
    }


def when_sentence(opens_at, closes_at):
    """When the vote opens and when it closes (the closing moment excluded)."""
    return _("Vote from %(opens)s until %(closes)s.") % {
        "opens": moment(opens_at),
        "closes": moment(closes_at, closing=True),
    }


def who_sentence(envelope):
    """Who may vote: the residents of the envelope's district, or of the whole territory."""
    district = envelope.district
    if district is None:
        return _("Open to every resident.")
    return _("Open to residents of %(district)s.") % {"district": district.localized.name}
