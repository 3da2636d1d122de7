"""Residents for `make bench`: confirmed participants whose browsers are signed in, so that
the benchmark can post as that many distinct people (bench_participation, bench_ballots)."""

import secrets
from datetime import timedelta
from importlib import import_module

from django.conf import settings
from django.utils import timezone

from portal.participation import identity
from portal.participation.models import Participant


def signed_in_residents(count, *, prefix):
    """`count` new confirmed participants (prefix0.<run>@example.org…: a run may follow
    another), each with a session that proves who they are; their session keys, in order."""
    now = timezone.now()
    run = secrets.token_hex(4)
    people = Participant.objects.bulk_create(
        Participant(email=f"{prefix}{number}.{run}@example.org", confirmed_at=now)
        for number in range(count)
    )
    store = import_module(settings.SESSION_ENGINE).SessionStore
    expiry = now + timedelta(days=1)
    sessions = store.get_model_class().objects.bulk_create(
        store.get_model_class()(
            session_key=secrets.token_hex(16),
            session_data=store().encode({identity.SESSION_KEY: participant.pk}),
            expire_date=expiry,
        )
        for participant in people
    )
    return [session.session_key for session in sessions]
