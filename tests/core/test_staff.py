"""Signing in to the admin: throttled per account and per address; no third-party avatars.

The test settings turn django-axes off (the test client's login() passes no request); these
tests turn it on, as production has it.
"""

from datetime import timedelta

import pytest
import time_machine
from axes.models import AccessAttempt
from django.utils import timezone

from portal.core import http

LOGIN = "/admin/login/"
PASSWORD = "un-bon-mot-de-passe-de-rédaction"
VISITOR = "203.0.113.7"


@pytest.fixture(autouse=True)
def throttled(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 5
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)
    settings.TRUSTED_PROXIES = []
    http.trusted_proxies.cache_clear()
    yield
    http.trusted_proxies.cache_clear()


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("redac", "redac@mairie.example", PASSWORD)


def sign_in(client, username, password, address=VISITOR, language="en", **meta):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE=language,
        **meta,
    )


def signed_in(client):
    return "_auth_user_id" in client.session


def fail(client, times, username="redac", address=VISITOR, **meta):
    for _ in range(times):
        sign_in(client, username, "mauvais", address, **meta)


def test_a_few_wrong_passwords_lock_the_account_even_against_the_right_one(client, editor):
    assert [sign_in(client, "redac", "mauvais").status_code for _ in range(5)] == [
        *[200] * 4,
        429,  # the fifth failure blocks
    ]
    fail(client, 35)
    response = sign_in(client, "redac", PASSWORD)
    assert response.status_code == 429 and not signed_in(client)
    text = response.content.decode()
    assert "Too many failed sign-in attempts for this account or from this address" in text
    assert "blocked for 15 minutes" in text
    assert 'role="alert"' in text and 'name="password"' in text  # the form, to come back
    assert "Please enter a correct" not in text  # nothing tells whether the password was right


def test_the_block_is_explained_in_french(client, editor):
    fail(client, 5, language="fr")
    response = sign_in(client, "redac", PASSWORD, language="fr")
    assert response.status_code == 429
    text = response.content.decode()
    assert "Trop de tentatives de connexion échouées" in text
    assert "bloquée pendant 15 minutes" in text


def test_an_address_that_tries_many_accounts_is_blocked(client, editor):
    for name in ("admin", "root", "mairie", "webmaster", "contact"):
        fail(client, 1, username=name)
    assert sign_in(client, "redac", PASSWORD).status_code == 429
    assert sign_in(client, "redac", PASSWORD, address="198.51.100.20").status_code == 302


def test_an_account_tried_from_many_addresses_is_blocked(client, editor):
    for number in range(5):
        fail(client, 1, address=f"198.51.100.{number}")
    assert sign_in(client, "redac", PASSWORD, address="192.0.2.50").status_code == 429


def test_behind_the_load_balancer_each_visitor_has_their_own_count(client, editor, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    http.trusted_proxies.cache_clear()
    balancer = "10.0.0.2"
    fail(client, 5, username="admin", address=balancer, HTTP_X_FORWARDED_FOR="198.51.100.66")
    attacker = sign_in(
        client, "autre", PASSWORD, address=balancer, HTTP_X_FORWARDED_FOR="198.51.100.66"
    )
    assert attacker.status_code == 429
    colleague = sign_in(
        client, "redac", PASSWORD, address=balancer, HTTP_X_FORWARDED_FOR="198.51.100.9"
    )
    assert colleague.status_code == 302 and signed_in(client)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.66"}


def test_the_block_ends_after_the_cool_off(client, editor):
    fail(client, 5)
    assert sign_in(client, "redac", PASSWORD).status_code == 429
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        assert sign_in(client, "redac", PASSWORD).status_code == 302
        assert signed_in(client)


def test_signing_in_between_guesses_does_not_wipe_them(client, editor, django_user_model):
    """A colleague with an account of their own cannot guess another's password for ever."""
    django_user_model.objects.create_user("collegue", "c@mairie.example", "son-mot-de-passe")
    fail(client, 4)
    assert sign_in(client, "collegue", "son-mot-de-passe").status_code == 302
    client.logout()
    assert sign_in(client, "redac", "encore-faux").status_code == 429


def test_failures_are_counted_in_the_database_that_every_server_shares(client, editor, settings):
    assert settings.AXES_HANDLER == "axes.handlers.database.AxesDatabaseHandler"
    fail(client, 2)
    assert AccessAttempt.objects.get(username="redac").failures_since_start == 2


def test_the_admin_loads_no_avatar_from_a_third_party(admin_client):
    for url in ("/admin/", "/admin/account/", "/admin/users/"):
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert "gravatar" not in response.content.decode().lower(), url
