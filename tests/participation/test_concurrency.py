"""Supports stay exact under concurrency: the unique constraint, not Python, decides."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from portal.participation import services
from portal.participation.models import Petition, Threshold

PARTICIPANTS = 200

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs a database with real concurrency"
)


@pytest.mark.django_db(transaction=True)
def test_concurrent_supports_and_duplicates_count_each_participant_once():
    petition = Petition.objects.create(title="Une piste cyclable", text="…")
    Threshold.objects.create(petition=petition, count=150, label="Médiation", consequence="…")
    participants = [
        services.confirm(participant=services.register(email=f"p{i}@example.org"))
        for i in range(PARTICIPANTS)
    ]

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
