"""Results load for `make bench`: a participatory budget's results over many ballots.

Run on a database where the demo town is loaded. Adds to the 2027 budget's consultation an
envelope whose vote is over, with N projects on the ballot and M ballots (online, on paper and
in person, from every demo district) of 1 to 6 projects each, written with bulk_create: the
services would take minutes, and what is measured is the counting, not the casting. Then it
computes `services.results` and `services.winners` in this process `--runs` times, as a
results block or the report does, and prints as JSON each run's time in milliseconds, the
queries of one run, and what was counted.
"""

import json
import random
import time
from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from portal.budgets import services
from portal.budgets.models import (
    Ballot,
    BallotChannel,
    BallotChoice,
    BudgetProject,
    Envelope,
    ProjectStatus,
    VotingMethod,
)
from portal.demo import budgets
from portal.pages.models import ConsultationPage, District

# One ballot in eight is a paper one and one in forty an in-person vote, as in a town that
# holds ballot boxes in its town halls.
CHANNELS = [BallotChannel.PAPER] * 5 + [BallotChannel.IN_PERSON] + [BallotChannel.ONLINE] * 34


class Command(BaseCommand):
    help = "Add an envelope with N projects and M ballots, and time its results and winners."

    def add_arguments(self, parser):
        parser.add_argument("--ballots", type=int, default=35_000)
        parser.add_argument("--projects", type=int, default=400)
        parser.add_argument("--runs", type=int, default=5)

    def handle(self, *args, ballots, projects, runs, **options):
        started = time.perf_counter()
        envelope = self.envelope_with_ballots(ballots, projects)
        setup_s = round(time.perf_counter() - started, 1)
        timings = []
        for _run in range(runs):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                counted = services.results(envelope)
                funded = services.winners(envelope, counted)
                timings.append(round((time.perf_counter() - started) * 1000, 1))
        self.stdout.write(
            json.dumps(
                {
                    "ballots": counted.ballots,
                    "projects": len(counted.projects),
                    "choices": sum(result.ballots for result in counted.projects),
                    "winners": len(funded),
                    "results_ms": timings,
                    "queries": len(queries),
                    "setup_s": setup_s,
                }
            )
        )

    @transaction.atomic
    def envelope_with_ballots(self, ballots, projects):
        """A closed basket envelope of `projects` projects and `ballots` ballots, each of
        1 to 6 projects drawn with a fixed seed, so that every run counts the same votes."""
        draw = random.Random(2027)
        now = timezone.now()
        districts = list(District.objects.filter(locale__language_code="fr"))
        envelope = Envelope.objects.create(
            consultation=ConsultationPage.objects.get(slug=budgets.BUDGET_2027),
            title=f"Banc d’essai : {ballots} bulletins, {projects} projets",
            amount=projects * 20_000,
            method=VotingMethod.BASKET,
            opens_at=now - timedelta(days=30),
            closes_at=now - timedelta(days=2),
            method_locked_at=now - timedelta(days=30),
        )
        on_ballot = BudgetProject.objects.bulk_create(
            BudgetProject(
                envelope=envelope,
                title=f"Projet d’essai numéro {number}",
                cost=draw.randrange(5_000, 250_001, 1_000),
                status=ProjectStatus.ON_BALLOT,
                created_at=now - timedelta(days=40),
            )
            for number in range(projects)
        )
        cast = Ballot.objects.bulk_create(
            (
                Ballot(
                    envelope=envelope,
                    confirmed=True,
                    channel=draw.choice(CHANNELS),
                    district=draw.choice(districts) if districts else None,
                    created_at=now - timedelta(days=3),
                    updated_at=now - timedelta(days=3),
                )
                for _number in range(ballots)
            ),
            batch_size=5_000,
        )
        # A few favourites draw most votes, as in a real vote.
        weights = [1 / (rank + 1) for rank in range(projects)]
        BallotChoice.objects.bulk_create(
            (
                BallotChoice(ballot=ballot, project=project)
                for ballot in cast
                for project in set(draw.choices(on_ballot, weights, k=draw.randint(1, 6)))
            ),
            batch_size=10_000,
        )
        return envelope
