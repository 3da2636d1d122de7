"""The ballot of a participatory budget, on its consultation's page: each envelope's rules in
plain language, its projects, and the form residents vote with.

Without JavaScript, "Update my basket" posts the form and the page comes back with the running
total computed on the server, the choices kept and any rule broken said; nothing is stored.
"Vote" casts the ballot through the participation protocol (`budgets.contributions`).
js/ballot.js only keeps the total up to date as boxes are ticked: the server stays the judge.
"""

import pickle
from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.db.models import F
from django.utils import timezone
from django.utils.formats import get_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from portal.budgets import rules
from portal.budgets.contributions import CastingBallot
from portal.budgets.forms import BallotForm, Tally
from portal.budgets.models import (
    BALLOT_STATUSES,
    Ballot,
    BudgetProject,
    Envelope,
    ProjectStatus,
    VotingMethod,
)
from portal.core import page_cache
from portal.core.http import see_other
from portal.participation import eligibility, identity

from .participation import ParticipationBlock, opening_state


def envelope_choices():
    """Every envelope, named with its consultation, for the editor to pick one."""
    envelopes = Envelope.objects.order_by("consultation__title", "title").values_list(
        "pk", "consultation__title", "title"
    )
    return [(str(pk), f"{consultation} – {title}") for pk, consultation, title in envelopes]


class EnvelopeChoiceBlock(blocks.ChoiceBlock):
    """An envelope's id as stored: read without listing every envelope, a query that only
    the editor's form needs (each ballot posted reads the block)."""

    def to_python(self, value):
        return value


@dataclass
class EnvelopeBallot:
    """One envelope as the block shows it."""

    envelope: Envelope
    anchor: str
    state: str  # upcoming, open or closed
    projects: list
    ballot: Ballot = None  # this browser's, counted or waiting on its link
    form: BallotForm = None
    tally: Tally = None
    fold: str = None  # as ParticipationBlock.fold, for this envelope's form

    @property
    def rules(self):
        return rules.describe(self.envelope)

    @property
    def opens(self):
        return rules.moment(self.envelope.opens_at)

    @property
    def closes(self):
        return rules.moment(self.envelope.closes_at, closing=True)

    @property
    def by_basket(self):
        return self.envelope.method == VotingMethod.BASKET

    def chosen(self):
        """The projects of this browser's ballot, with their points."""
        if self.ballot is None:
            return []
        points = {choice.project_id: choice.points for choice in self.ballot.choices.all()}
        return [(project, points[project.pk]) for project in self.projects if project.pk in points]


class BallotBlock(ParticipationBlock):
    """The ballot of the page's consultation: all its envelopes, or one."""

    contribution = CastingBallot
    heading = blocks.CharBlock(
        label=_("Heading"),
        required=False,
        max_length=160,
        help_text=_("Leave empty for “Vote for the projects”."),
    )
    envelope = EnvelopeChoiceBlock(
        label=_("Envelope"),
        choices=envelope_choices,
        required=False,
        help_text=_(
            "Leave empty to show every envelope of this consultation; an envelope of another "
            "consultation is not shown."
        ),
    )

    class Meta:
        icon = "tasks"
        label = _("Participatory budget ballot")
        template = "blocks/ballot.html"
        description = _(
            "The envelopes of this consultation's participatory budget: their rules, their "
            "projects and the form residents vote with."
        )

    @staticmethod
    def envelopes(page, value, only=None):
        """The envelopes the block shows, with the projects of each: those of the page's
        consultation in any of its languages, restricted to the one chosen if any, and to
        envelope `only` (an id as posted) if given. Kept until the next change to an
        envelope, a project or the page (`page_cache.decisive`): every ballot reads them.
        Where nothing is kept (each process's own memory), a ballot reads its envelope alone.
        A forged id reads nothing and adds no entry."""
        if page is None:
            return []
        if only is not None and (not (only.isascii() and only.isdigit()) or int(only) >= 2**63):
            return []
        chosen = value.get("envelope")
        if only is not None and not page_cache.keeps_decisive():
            # Read at every ballot: the posted envelope's projects, not every envelope's.
            return BallotBlock._read_envelopes(page, chosen, only=int(only))
        # Each envelope pickled on its own: a ballot unpickles its own envelope's projects.
        kept = page_cache.decisive(
            f"ballot-envelopes:{page.pk}:{getattr(chosen, 'pk', chosen) or ''}",
            lambda: {
                envelope.pk: pickle.dumps(envelope, protocol=pickle.HIGHEST_PROTOCOL)
                for envelope in BallotBlock._read_envelopes(page, chosen)
            },
        )
        if only is not None:
            kept = {int(only): kept[int(only)]} if int(only) in kept else {}
        return [pickle.loads(envelope) for envelope in kept.values()]

    @staticmethod
    def _read_envelopes(page, chosen, only=None):
        envelopes = (
            Envelope.objects.of_consultation(page)
            .select_related("district")
            .order_by(
                F("district").asc(nulls_first=True),
                "title",  # the whole territory's first
            )
        )
        if chosen:
            envelopes = envelopes.filter(pk=getattr(chosen, "pk", chosen))
        if only is not None:
            envelopes = envelopes.filter(pk=only)
        envelopes = {envelope.pk: envelope for envelope in envelopes}
        for envelope in envelopes.values():
            envelope.ballot_projects = []
        if envelopes:  # grouped here: Django's prefetching costs a ballot more than its query
            projects = (
                BudgetProject.objects.filter(envelope__in=envelopes, status__in=BALLOT_STATUSES)
                .select_related("theme", "district")
                .order_by("title", "pk")
            )
            for project in projects:
                project.envelope = envelopes[project.envelope_id]
                project.envelope.ballot_projects.append(project)
        return list(envelopes.values())

    def invitation(self, value, page):
        now = timezone.now()
        if not any(opening_state(e, now) == "open" for e in self.envelopes(page, value)):
            return None
        return gettext("Vote for the projects"), value["heading"] or page.title

    @staticmethod
    def anchor(block_id, envelope):
        return f"block-{block_id}-{envelope.pk}"

    @staticmethod
    def on_ballot(envelope):
        return [p for p in envelope.ballot_projects if p.status == ProjectStatus.ON_BALLOT]

    def handle_post(self, request, page, value, block_id):
        """ "Update my basket" shows the page again with the total; "Vote" casts the ballot."""
        chosen = self.envelopes(page, value, only=request.POST.get("envelope", "").strip())
        envelope = chosen[0] if chosen else None
        if envelope is None:
            messages.error(request, gettext("This ballot no longer exists; please try again."))
            return see_other(f"{page.url}#block-{block_id}")
        prefix = f"{block_id}-{envelope.pk}"
        if request.POST.get("action") == "update":
            return BallotForm(
                request.POST,
                envelope=envelope,
                ask_identity=identity.participant_in_session(request) is None,
                prefix=prefix,
                projects=self.on_ballot(envelope),
                eligibility=eligibility.rule_for(envelope.consultation_id),
            ).recount()
        return self.contribution(
            request,
            envelope,
            back_url=f"{page.url}#{self.anchor(block_id, envelope)}",
            prefix=prefix,
            projects=self.on_ballot(envelope),
        ).handle()

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        request = context.get("request")
        block_id = context.get("block_id", "")
        envelopes = self.envelopes(context.get("page"), value)
        participant = identity.participant_in_session(request) if request else None
        # This browser's ballots: counted for the participant it proved to be, or waiting on
        # its link.
        mine = identity.own_contributions(request) if request and envelopes else None
        ballots = {}
        if mine is not None:
            ballots = {
                ballot.envelope_id: ballot
                for ballot in Ballot.objects.filter(mine, envelope__in=envelopes).prefetch_related(
                    "choices"
                )
            }
        posted = (context.get("block_forms") or {}).get(block_id)
        fold = self.fold(context, block_id)
        now = timezone.now()
        shown = []
        for envelope in envelopes:
            item = EnvelopeBallot(
                envelope=envelope,
                anchor=self.anchor(block_id, envelope),
                state=opening_state(envelope, now),
                projects=envelope.ballot_projects,
                ballot=ballots.get(envelope.pk),
            )
            if item.state == "open":
                item.fold = "closed" if fold and posted is not None else fold
                if posted is not None and posted.envelope.pk == envelope.pk:
                    item.form = posted
                    item.fold = fold
                else:
                    item.form = BallotForm(
                        envelope=envelope,
                        ask_identity=participant is None,
                        prefix=f"{block_id}-{envelope.pk}",
                        projects=self.on_ballot(envelope),
                        ballot=item.ballot,
                        eligibility=eligibility.rule_for(envelope.consultation_id),
                    )
                item.tally = item.form.tally()
            shown.append(item)
        context.update(
            block_id=block_id,
            anchor=f"block-{block_id}",
            envelopes=shown,
            participant=participant,
            retention_months=settings.PARTICIPATION_RETENTION_MONTHS,
            thousands=get_format("THOUSAND_SEPARATOR"),
        )
        return context
