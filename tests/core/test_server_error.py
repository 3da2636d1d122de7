"""Django's error handler: a database away is a 503 that is retried, any other error a 500."""

from django.db import InterfaceError, OperationalError, ProgrammingError

from portal.core.views import server_error


def answer(rf, error):
    try:
        raise error
    except Exception:
        return server_error(rf.get("/"))


def test_a_database_unreachable_is_a_503_to_retry(rf):
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
