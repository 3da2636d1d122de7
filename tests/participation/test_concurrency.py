"""Supports stay exact under concurrency: the unique constraint, not Python, decides."""

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from django.db import connection, connections
from django.utils import timezone

from portal.participation import services
from portal.participation.models import Petition, Threshold
from tests import factories
from tests.factories import confirmed

PARTICIPANTS = 200

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs a database with real concurrency"
)


@pytest.mark.django_db(transaction=True)
def test_concurrent_supports_and_duplicates_count_each_participant_once(locales):
    # `locales`: a transactional test starts from an emptied database; a petition has a language.
    petition = Petition.objects.create(title="Une piste cyclable", text="…")
    Threshold.objects.create(petition=petition, count=150, label="Médiation", consequence="…")
    participants = [confirmed(f"p{i}@example.org") for i in range(PARTICIPANTS)]

    def support(participant):
        try:
            return services.support(participant=participant, petition=petition)
        finally:
            connections.close_all()

    attempts = participants + participants[: PARTICIPANTS // 2]  # half of them try twice
    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(support, attempts))
    assert results.count(True) == PARTICIPANTS
    assert services.support_count(petition) == PARTICIPANTS
    assert petition.thresholds.get().crossed_at is not None


@pytest.mark.django_db(transaction=True)
def test_concurrent_idea_supports_keep_the_counter_exact(home):
    """The counter moves by atomic updates with each row: supports, duplicates, withdrawals."""
    today = timezone.localdate()
    consultation = factories.consultation(
        factories.consultation_index(home),
        "Le parc",
        phases=((today - timedelta(days=1), today + timedelta(days=1), None),),
    )
    consultation.phases.update(allows_supports=True)
    box = factories.IdeaBoxFactory(consultation=consultation)
    idea = factories.IdeaFactory(box=box, status="published")
    participants = [confirmed(f"i{i}@example.org") for i in range(PARTICIPANTS)]

    def act(job):
        action, participant = job
        try:
            if action == "withdraw":
                services.withdraw_idea_support(participant=participant, idea=idea)
            else:
                services.support_idea(participant=participant, idea=idea)
        finally:
            connections.close_all()

    jobs = [("support", participant) for participant in participants]
    jobs += [("support", participant) for participant in participants[:50]]
    with ThreadPoolExecutor(max_workers=16) as pool:
        list(pool.map(act, jobs))
    with ThreadPoolExecutor(max_workers=16) as pool:
        list(pool.map(act, [("withdraw", participant) for participant in participants[:30]]))
    idea.refresh_from_db()
    assert idea.support_count == idea.supports.filter(confirmed=True).count() == PARTICIPANTS - 30
