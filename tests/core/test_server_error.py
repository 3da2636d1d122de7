"""Django's error handler: a database away (the request's connection never opened, or broke)
is a 503 that is retried; any other error a 500, an error on a connection that works
included."""

from types import SimpleNamespace

import pytest
from django.db import InterfaceError, OperationalError, ProgrammingError, connection, connections

from portal.core.views import server_error


@pytest.fixture(params=["never opened", "broken", "closed"])
def database_away(request, monkeypatch):
    raw = {
        "never opened": None,
        "broken": SimpleNamespace(broken=True, closed=False),
        "closed": SimpleNamespace(closed=True),
    }[request.param]
    monkeypatch.setattr(connections["default"], "connection", raw)


def answer(rf, error):
    try:
        raise error
    except Exception:
        return server_error(rf.get("/"))


def test_a_database_unreachable_is_a_503_to_retry(rf, database_away):
    for error in (OperationalError("connection refused"), InterfaceError("connection closed")):
        response = answer(rf, error)
        assert response.status_code == 503
        assert response["Retry-After"] == "30"
        assert "no-store" in response["Cache-Control"]
        assert "momentanément indisponible" in response.content.decode()


def test_any_other_error_is_a_500(rf):
    for error in (ProgrammingError("no such column"), ValueError("a bug")):
        response = answer(rf, error)
        assert response.status_code == 500
        assert "Retry-After" not in response


@pytest.mark.django_db
def test_an_operational_error_on_a_connection_that_works_is_a_500(rf):
    """A missing table or a statement timed out is a fault, not an outage to wait out."""
    connection.ensure_connection()
    for error in (OperationalError("no such table: x"), OperationalError("statement timeout")):
        assert answer(rf, error).status_code == 500
