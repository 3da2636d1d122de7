"""Redis down (settings.REDIS_CACHE_OPTIONS): pages are served fresh and contributions go on,
instead of every request answering 500."""

import logging

import pytest
from django.conf import settings
from django.test import override_settings

from portal.budgets.models import Ballot
from portal.participation import identity
from portal.participation.errors import RateLimited
from portal.participation.limits import check_rate
from tests import factories
from tests.budgets.factories import EnvelopeFactory, ProjectFactory
from tests.factories import confirmed

# Nothing listens on the discard port: every connection is refused at once.
UNREACHABLE = {
    "BACKEND": "django_redis.cache.RedisCache",
    "LOCATION": "redis://127.0.0.1:9/0",
    "OPTIONS": settings.REDIS_CACHE_OPTIONS,
}
redis_down = override_settings(CACHES={"default": UNREACHABLE, "renditions": UNREACHABLE})


@pytest.fixture
def page(home):
    return factories.consultation(
        factories.consultation_index(home),
        "Budget participatif 2027",
        body=[{"type": "ballot", "value": {"heading": "", "envelope": ""}, "id": "vote"}],
    )


@redis_down
def test_pages_are_rendered_fresh(client, home, page):
    for url in (home.url, page.url, home.url):
        assert client.get(url).status_code == 200


@redis_down
def test_a_ballot_counts_all_the_same(client, page):
    envelope = EnvelopeFactory(consultation=page, amount=100_000)
    project = ProjectFactory(envelope=envelope, cost=40_000)
    session = client.session  # kept in the database: signed in without the cache
    session[identity.SESSION_KEY] = confirmed("k@example.org").pk
    session.save()
    response = client.post(
        page.participation_url,
        {
            "block_id": "vote",
            "envelope": str(envelope.pk),
            "action": "vote",
            f"vote-{envelope.pk}-projects": [str(project.pk)],
        },
    )
    assert response.status_code == 303
    assert Ballot.objects.filter(confirmed=True).count() == 1


def test_a_rate_limit_is_not_counted_but_said_in_the_log(caplog):
    with pytest.raises(RateLimited):
        check_rate(scope="test", key="k", limit=0, period=60)
    with redis_down, caplog.at_level(logging.WARNING):
        check_rate(scope="test", key="k", limit=0, period=60)
    assert "not counted" in caplog.text


@redis_down
def test_the_admin_signs_in_and_works(client, home, django_user_model):
    django_user_model.objects.create_superuser("redac", "redac@mairie.example", "un-bon-mot-de-p")
    assert client.get("/admin/login/").status_code == 200
    response = client.post(
        "/admin/login/", {"username": "redac", "password": "un-bon-mot-de-p", "next": "/admin/"}
    )
    assert response.status_code == 302 and "_auth_user_id" in client.session
    assert client.get("/admin/").status_code == 200
    assert client.get(f"/admin/pages/{home.pk}/").status_code == 200
