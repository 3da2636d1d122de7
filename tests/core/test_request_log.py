"""One JSON line per request for the operators (LOG_FORMAT=json, core/request_log.py): method,
route, status and duration; never a link's secret or a query string."""

import io
import json
import logging
from types import SimpleNamespace

import pytest
from django.http import HttpResponse
from django.urls import resolve, reverse
from django.utils.log import log_response

from portal.core.request_log import JsonFormatter, RoutesOnly


@pytest.fixture
def lines(caplog):
    caplog.set_level(logging.INFO, logger="portal.requests")
    return lambda: [r for r in caplog.records if r.name == "portal.requests"]


def test_a_page_is_logged_by_its_path_with_status_and_duration(client, home, lines):
    client.get(home.url + "?q=nadia@example.org")
    [line] = lines()
    assert (line.method, line.route, line.status) == ("GET", home.url, 200)
    assert line.duration_ms > 0
    assert "nadia" not in json.dumps(vars(line), default=str)


def test_a_link_with_a_secret_is_logged_by_its_route(client, home, lines):
    token = "s3cr3t-token-of-a-resident"
    client.get(reverse("participation:confirm", args=[token]))
    [line] = lines()
    assert "<str:token>" in line.route and token not in line.route
    assert line.status < 500


def test_each_record_is_one_json_line_with_its_extras():
    record = logging.makeLogRecord(
        {"name": "portal.requests", "levelname": "INFO", "msg": "GET %s", "args": ("/fr/",)}
    )
    record.status, record.duration_ms = 200, 12.5
    line = JsonFormatter().format(record)
    assert "\n" not in line
    data = json.loads(line)
    assert data["message"] == "GET /fr/" and data["status"] == 200
    assert data["duration_ms"] == 12.5 and data["time"].endswith("+00:00")


def test_a_failed_request_is_logged_by_its_route_in_either_format(rf):
    """Django's own line for an error ("Internal Server Error: <path>") and the request it
    carries lose the link's secret and the query string."""
    token = "s3cr3t-token-of-a-resident"
    request = rf.get(reverse("participation:confirm", args=[token]) + "?email=nadia@example.org")
    request.resolver_match = resolve(request.path)
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RoutesOnly())
    django_request = logging.getLogger("django.request")
    django_request.addHandler(handler)
    try:
        for formatter in (logging.Formatter(), JsonFormatter()):
            handler.setFormatter(formatter)
            log_response(
                "%s: %s",
                "Internal Server Error",
                request.path,
                response=HttpResponse(status=500),
                request=request,
            )
    finally:
        django_request.removeHandler(handler)
    route = "/" + request.resolver_match.route  # /fr/participation/confirmer/<str:token>/
    assert "<str:token>" in route
    plain, as_json = stream.getvalue().splitlines()
    assert plain == f"Internal Server Error: {route}"
    data = json.loads(as_json)
    assert data["message"] == plain and data["request"] == f"GET {route}"
    assert token not in stream.getvalue() and "nadia" not in stream.getvalue()


def test_other_arguments_of_a_failed_request_s_line_are_left_as_they_are():
    request = SimpleNamespace(path="/x/secret/", method="POST", resolver_match=None)
    record = logging.makeLogRecord(
        {"msg": "%s %s %s", "args": (["a list"], {"a": 1}, "/x/secret/"), "request": request}
    )
    assert RoutesOnly().filter(record)
    assert record.getMessage() == "['a list'] {'a': 1} (unresolved)"
