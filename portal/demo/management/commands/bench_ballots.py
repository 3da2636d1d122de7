"""Ballots for `make bench`: residents ready to vote in the 2027 budget's open envelope.

Run on a database where the demo town is loaded. Writes the session keys of new confirmed
residents to a file, one per line, and prints as JSON the address the ballot block posts to,
the body of a valid ballot (the envelope's cheapest projects that its rule allows, and what
the consultation's eligibility rule asks), a CSRF secret, and the envelope's results so far.
The body is checked with the form the page would read it with, so that the benchmark never
measures refusals.

With `--count`, prints instead what the envelope's results count now and how many ballots
the benchmark's residents have: the benchmark checks that the totals are exact.
"""

import json
import secrets
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.http import QueryDict
from django.utils import timezone, translation

from portal.blocks.ballot import BallotBlock
from portal.budgets import services
from portal.budgets.forms import BallotForm
from portal.budgets.models import Ballot, Envelope, VotingMethod
from portal.demo import budgets
from portal.demo.residents import signed_in_residents
from portal.pages.models import ConsultationPage
from portal.participation import eligibility
from portal.participation.eligibility import AGE, POSTCODE, RESIDENCE
from portal.participation.forms.eligibility import fields_for

PREFIX = "voter"


def participation_url(page):
    """Where the page's ballot form posts (the form's action)."""
    with translation.override(page.locale.language_code):
        return page.participation_url


class Command(BaseCommand):
    help = "Add M signed-in residents and print a valid ballot for the open envelope."

    def add_arguments(self, parser):
        parser.add_argument("--residents", type=int, default=20_000)
        parser.add_argument("--sessions-file", type=Path)
        parser.add_argument("--count", type=int, metavar="ENVELOPE", help="count, not prepare")

    def handle(self, *args, residents, sessions_file, count, **options):
        if count is not None:
            self.stdout.write(json.dumps(self.counted(Envelope.objects.get(pk=count))))
            return
        if sessions_file is None:
            raise CommandError("--sessions-file is required to prepare the ballots.")
        page = ConsultationPage.objects.live().get(slug=budgets.BUDGET_2027)
        block_id, envelope = self.open_envelope(page)
        prefix = f"{block_id}-{envelope.pk}"
        data = QueryDict(mutable=True)
        data.update({"block_id": block_id, "envelope": str(envelope.pk), "action": "vote"})
        rule = eligibility.rule_for(envelope.consultation_id)
        projects = BallotBlock.on_ballot(envelope)
        choices = self.choices(envelope, projects)
        for name, value in [*choices, *self.declaration(rule)]:
            data.appendlist(f"{prefix}-{name}", value)
        form = BallotForm(
            data,
            envelope=envelope,
            projects=projects,
            ask_identity=False,
            prefix=prefix,
            eligibility=rule,
        )
        if not form.is_valid():
            raise CommandError(f"The benchmark's ballot would be refused: {form.errors.as_json()}")
        sessions = signed_in_residents(residents, prefix=PREFIX)
        sessions_file.write_text("".join(f"{key}\n" for key in sessions))
        self.stdout.write(
            json.dumps(
                {
                    "url": participation_url(page),
                    "body": data.urlencode(),
                    "csrf": secrets.token_hex(16),
                    "envelope": envelope.pk,
                    "chosen": [project.pk for project in form.chosen()],
                    "before": self.counted(envelope),
                }
            )
        )

    @staticmethod
    def open_envelope(page):
        """The first envelope open to online votes on the page's ballot block."""
        now = timezone.now()
        for child in page.body:
            if isinstance(child.block, BallotBlock):
                for envelope in child.block.envelopes(page, child.value):
                    if envelope.opens_at <= now < envelope.closes_at:
                        return child.id, envelope
        raise CommandError(f"No envelope of “{page.title}” is open to votes on its page.")

    @staticmethod
    def choices(envelope, projects):
        """Two of the cheapest projects (one where only one may be chosen), or the points
        shared between them: what most ballots hold."""
        chosen = 1 if envelope.method == VotingMethod.CHOICES and envelope.max_choices < 2 else 2
        cheapest = sorted(projects, key=lambda project: (project.cost, project.pk))[:chosen]
        if envelope.method == VotingMethod.POINTS:
            half = envelope.points // 2
            shares = [half, envelope.points - half]
            return [
                (f"p{project.pk}", str(share))
                for project, share in zip(cheapest, shares, strict=False)
            ]
        return [("projects", str(project.pk)) for project in cheapest]

    @staticmethod
    def declaration(rule):
        """What a resident of the first residence listed answers to the rule's questions."""
        if rule is None:
            return []
        if rule.register_required:
            raise CommandError("The benchmark cannot vote where a register is required.")
        fields = fields_for(rule)
        answers = []
        if RESIDENCE in fields:
            answers.append((RESIDENCE, str(fields[RESIDENCE].choices[1][0])))
        if POSTCODE in fields:
            answers.append((POSTCODE, rule.accepted_postcodes()[0]))
        if AGE in fields:
            answers.append((AGE, "on"))
        return answers

    @staticmethod
    def counted(envelope):
        """The envelope's counted ballots, each project's ballots, and the benchmark's own."""
        results = services.results(envelope)
        return {
            "ballots": results.ballots,
            "projects": {str(result.project.pk): result.ballots for result in results.projects},
            "residents_ballots": Ballot.objects.filter(
                envelope=envelope, confirmed=True, participant__email__startswith=PREFIX
            ).count(),
        }
