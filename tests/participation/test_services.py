"""Participation services: identity, supports, thresholds, links, rate limits."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from portal.core import roles
from portal.core.roles import StaffRole
from portal.participation import identity, limits, services
from portal.participation.models import Petition, Support, Threshold
from tests.factories import confirmed, named


@pytest.fixture
def petition(db):
    petition = Petition.objects.create(title="Des fontaines en ville", text="Nous demandons…")
    for count, label in ((2, "Médiation"), (3, "Atelier tiré au sort"), (100, "Votation")):
        Threshold.objects.create(
            petition=petition, count=count, label=label, consequence="Ce qui se passe."
        )
    return petition


def test_register_normalises_the_address_and_applies_choices_once_confirmed(db):
    first = named("  Nadia@Example.ORG ", display_name="Nadia")
    again = named("nadia@example.org", wants_results=True)
    assert first.pk == again.pk
    again.refresh_from_db()
    assert (again.email, again.display_name, again.wants_results) == (
        "nadia@example.org",
        "",
        False,
    )
    services.confirm(confirmation=first.confirmation)
    services.confirm(confirmation=again.confirmation)
    again.refresh_from_db()
    assert (again.display_name, again.wants_results) == ("Nadia", True)


def test_a_support_counts_once_per_participant(petition):
    participant = confirmed("a@example.org")
    assert services.support(participant=participant, petition=petition) is True
    assert services.support(participant=participant, petition=petition) is False
    assert services.support_count(petition) == 1
    services.withdraw(participant=participant, petition=petition)
    assert services.support_count(petition) == 0


def test_a_support_before_confirmation_is_held(petition):
    participant = named("b@example.org")
    services.support(participant=participant, petition=petition)
    assert services.support_count(petition) == 0
    services.confirm(confirmation=participant.confirmation)
    assert services.support_count(petition) == 1


def test_closed_petition_refuses_supports_and_withdrawals(petition):
    participant = confirmed("c@example.org")
    services.support(participant=participant, petition=petition)
    petition.closes_at = timezone.now() - timedelta(minutes=1)
    petition.save()
    with pytest.raises(services.ParticipationClosed):
        services.support(participant=confirmed("d@example.org"), petition=petition)
    with pytest.raises(services.ParticipationClosed):
        services.withdraw(participant=participant, petition=petition)
    assert services.support_count(petition) == 1


def test_thresholds_are_dated_once_and_moderators_told_once(
    petition, django_user_model, django_capture_on_commit_callbacks
):
    moderator = django_user_model.objects.create_user("modo", "modo@example.org", "x")
    moderator.groups.add(roles.group(StaffRole.MODERATORS))
    with django_capture_on_commit_callbacks(execute=True):
        for email in ("1@example.org", "2@example.org", "3@example.org"):
            services.support(participant=confirmed(email), petition=petition)
        services.withdraw(participant=confirmed("3@example.org"), petition=petition)
        services.support(participant=confirmed("3@example.org"), petition=petition)
    reached = {t.count: t.crossed_at for t in petition.thresholds.all()}
    assert reached[2] is not None and reached[3] is not None and reached[100] is None
    notices = [m for m in mail.outbox if m.to == ["modo@example.org"]]
    assert len(notices) == 2
    assert "Des fontaines en ville" in notices[0].subject


def test_confirmation_links_expire_and_resist_tampering(petition):
    confirmation = named("e@example.org", display_name="E").confirmation
    token = identity.confirmation_token(confirmation)
    assert identity.read_confirmation_token(token) == confirmation
    with pytest.raises(services.InvalidLink) as error:
        identity.read_confirmation_token(token[:-2] + "xx")
    assert error.value.expired is False
    later = datetime.now(ZoneInfo("Europe/Paris")) + timedelta(days=3)
    with time_machine.travel(later), pytest.raises(services.InvalidLink) as error:
        identity.read_confirmation_token(token)
    assert error.value.expired is True


def test_rate_limits_count_per_key(db):
    for _ in range(3):
        limits.check_rate(scope="test", key="1.2.3.4", limit=3, period=60)
    with pytest.raises(services.RateLimited):
        limits.check_rate(scope="test", key="1.2.3.4", limit=3, period=60)
    limits.check_rate(scope="test", key="5.6.7.8", limit=3, period=60)


def test_the_database_refuses_a_second_support(petition):
    from django.db import IntegrityError, transaction

    participant = confirmed("f@example.org")
    Support.objects.create(participant=participant, petition=petition, confirmed=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        Support.objects.create(participant=participant, petition=petition, confirmed=True)


def test_purge_anonymises_inactive_participants_and_keeps_the_counts(petition, settings):
    settings.PARTICIPATION_RETENTION_MONTHS = 12
    old = confirmed("old@example.org")
    services.support(participant=old, petition=petition)
    recent = confirmed("recent@example.org")
    later = datetime.now(ZoneInfo("Europe/Paris")) + timedelta(days=370)
    with time_machine.travel(later):
        services.support(participant=recent, petition=petition)
        assert services.purge_expired() == 1
    old.refresh_from_db()
    assert old.email.startswith("erased-") and old.erased_at is not None
    assert services.support_count(petition) == 2


def test_erase_removes_the_person_and_their_supports(petition):
    participant = confirmed("g@example.org")
    services.support(participant=participant, petition=petition)
    services.erase(participant=participant)
    assert services.support_count(petition) == 0
    assert not Support.objects.exists()


def test_a_petition_cannot_close_before_it_opens(db):
    from datetime import timedelta

    from django.core.exceptions import ValidationError
    from django.utils import timezone

    from portal.participation.models import Petition

    now = timezone.now()
    petition = Petition(title="Un banc", text="…", opens_at=now, closes_at=now - timedelta(days=1))
    with pytest.raises(ValidationError) as error:
        petition.full_clean()
    assert "closes_at" in error.value.message_dict
