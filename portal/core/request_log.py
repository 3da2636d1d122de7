"""One line per request for the operators' log collector, when `LOG_FORMAT=json`.

`RequestLogMiddleware` logs each request's method, route, status and duration on the
"portal.requests" logger; `JsonFormatter` writes every log record as one JSON object per line.
A page is logged by its path (pages are public); any other address by its route
(`participation/confirm/<str:token>/`): confirmation links and signed follow links carry
secrets in their path, and a query string may carry anything, so neither is logged.
`RoutesOnly` does the same to what Django logs of a failed request ("Internal Server Error:
<path>", with the request), in either format.
"""

import json
import logging
import time
from datetime import UTC, datetime

logger = logging.getLogger("portal.requests")

# The attributes every LogRecord has: what is not one of them was passed in `extra`.
STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not logger.isEnabledFor(logging.INFO):
            return self.get_response(request)
        start = time.perf_counter()
        response = self.get_response(request)
        where = logged_as(request)
        logger.info(
            "%s %s %s",
            request.method,
            where,
            response.status_code,
            extra={
                "method": request.method,
                "route": where,
                "status": response.status_code,
                "duration_ms": round(1000 * (time.perf_counter() - start), 1),
            },
        )
        return response


def logged_as(request):
    """A page's path, any other address's route: never a link's secret or a query string."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        return "(unresolved)"
    if match.url_name == "wagtail_serve":
        return request.path
    return "/" + match.route


class RoutesOnly(logging.Filter):
    """Django logs a failed request with its path among the message's arguments (escaped) and
    the request itself, whose text holds the query string: both become what `logged_as`
    says."""

    def filter(self, record):
        request = getattr(record, "request", None)
        if not hasattr(request, "path"):
            return True
        where = logged_as(request)
        paths = {request.path, request.path.encode("unicode_escape").decode("ascii")}
        if isinstance(record.args, tuple):
            record.args = tuple(
                where if isinstance(arg, str) and arg in paths else arg for arg in record.args
            )
        record.request = f"{request.method} {where}"
        return True


class JsonFormatter(logging.Formatter):
    """A log record as one line of JSON: time (UTC), level, logger, message, its extras."""

    def format(self, record):
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        line.update((key, value) for key, value in vars(record).items() if key not in STANDARD)
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)
