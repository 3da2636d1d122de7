"""Redis down (settings.REDIS_CACHE_OPTIONS): pages are served fresh and contributions go on,
instead of every request answering 500."""

import contextlib
import logging
import socket
import threading
import time
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings
from django_redis.cache import RedisCache

from portal.budgets.models import Ballot
from portal.core import page_cache
from portal.core.redis_pool import CircuitBreaker
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


@pytest.fixture
def silent_redis():
    """Servers that accept connections and never answer, as a paused Redis: each call makes
    one, with its address, its cache (settings.REDIS_CACHE_OPTIONS) and the connections it was
    asked for."""
    servers = []

    def make():
        server = socket.create_server(("127.0.0.1", 0), backlog=50)
        accepted = []

        def accept():
            with contextlib.suppress(OSError):  # closed at the end of the test
                while True:
                    accepted.append(server.accept()[0])

        threading.Thread(target=accept, daemon=True).start()
        servers.append((server, accepted))
        location = f"redis://127.0.0.1:{server.getsockname()[1]}/0"
        backend = RedisCache(location, {"OPTIONS": settings.REDIS_CACHE_OPTIONS})
        return SimpleNamespace(location=location, cache=backend, asked=accepted)

    yield make
    CircuitBreaker.retry_at.clear()
    for server, accepted in servers:
        server.close()
        for connection in accepted:
            connection.close()


def test_once_redis_has_failed_a_process_waits_on_it_no_more_for_a_while(silent_redis, settings):
    """A paused Redis costs one wait (REDIS_TIMEOUT), not one per cache call: a page makes
    many."""
    settings.REDIS_RETRY_SECONDS = 60
    redis = silent_redis()
    assert [redis.cache.get(f"key-{n}") for n in range(5)] == [None] * 5
    assert redis.cache.set("key", 1) is None and len(redis.asked) == 1
    other = silent_redis()  # another Redis: not held for this one's failure
    other.cache.get("key")
    assert len(other.asked) == 1


def test_redis_is_tried_again_after_a_while(silent_redis, settings):
    settings.REDIS_RETRY_SECONDS = 0.2
    redis = silent_redis()
    redis.cache.get("key")
    redis.cache.get("key")
    assert len(redis.asked) == 1
    time.sleep(0.3)
    redis.cache.get("key")
    assert len(redis.asked) == 2


def test_a_version_moved_is_tried_whatever_failed_before(
    silent_redis, settings, db, django_capture_on_commit_callbacks
):
    """A publish must reach a Redis that answers again, or every server would go on serving
    the pages it made stale."""
    settings.REDIS_RETRY_SECONDS = 60
    redis = silent_redis()
    with override_settings(CACHES={"default": {**UNREACHABLE, "LOCATION": redis.location}}):
        cache.get("key")
        cache.get("key")
        assert len(redis.asked) == 1  # held
        with django_capture_on_commit_callbacks(execute=True):
            page_cache.invalidate()  # moves the version at once and once committed
        assert len(redis.asked) == 3  # tried both times
