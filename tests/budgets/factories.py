"""Builders for budget tests: envelopes open now, projects on the ballot."""

from datetime import timedelta

import factory
from django.utils import timezone

from portal.budgets.models import BudgetProject, Envelope, ProjectStatus, VotingMethod


class EnvelopeFactory(factory.django.DjangoModelFactory):
    """A basket envelope open since yesterday until tomorrow; pass its `consultation`."""

    class Meta:
        model = Envelope

    title = factory.Sequence(lambda n: f"Enveloppe {n}")
    amount = 100_000
    method = VotingMethod.BASKET
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=1))


class ProjectFactory(factory.django.DjangoModelFactory):
    """A project on the ballot; pass its `envelope` and `cost`."""

    class Meta:
        model = BudgetProject

    title = factory.Sequence(lambda n: f"Projet {n}")
    summary = "Des arbres dans la cour de l’école."
    cost = 10_000
    status = ProjectStatus.ON_BALLOT
