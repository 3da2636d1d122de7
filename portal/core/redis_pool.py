"""Redis connections that give up at once for a few seconds after their Redis has failed.

A Redis that stops answering (paused, a network partition) makes each cache call wait
REDIS_TIMEOUT before the site goes on without it, and a page makes many calls: seconds per
page, which with a few workers is an outage. Once a connection of this process has failed
(refused, timed out), every connection of the process to that Redis fails at once for
REDIS_RETRY_SECONDS (the cache then misses, as settings.REDIS_CACHE_OPTIONS has it ignore
failures); the first call after that tries Redis again, and an answer from it clears the
hold. Errors Redis answers (a wrong type, say) change nothing. Calls made `insisting()` are
tried all the same: a version moved by a publish or a contribution must reach a Redis that
answers again, or other servers would serve what it made stale.
"""

import contextlib
import functools
import threading
import time

from django.conf import settings
from redis import Connection, ConnectionPool
from redis.exceptions import ConnectionError, TimeoutError  # noqa: A004 (redis's own)

_insisting = threading.local()


@contextlib.contextmanager
def insisting():
    """Calls in this block try Redis whatever failed before."""
    before = getattr(_insisting, "on", False)
    _insisting.on = True
    try:
        yield
    finally:
        _insisting.on = before


class CircuitBreaker:
    """Mixed into redis-py's connection classes: each way a connection reaches Redis is given
    up at once while its server is held failed, a failure holds it so, and an answer from it
    lets it go."""

    # When this process may try each server again (time.monotonic), by address: one Redis
    # failing says nothing of another.
    retry_at = {}

    def connect(self, *args, **kwargs):
        return self._guarded(super().connect, *args, **kwargs)

    def send_packed_command(self, *args, **kwargs):
        return self._guarded(super().send_packed_command, *args, **kwargs)

    def read_response(self, *args, **kwargs):
        response = self._guarded(super().read_response, *args, **kwargs)
        self.retry_at.pop(self._server(), None)  # Redis answered
        return response

    def _server(self):
        return (
            getattr(self, "host", None),
            getattr(self, "port", None),
            getattr(self, "path", None),
        )

    def _guarded(self, method, *args, **kwargs):
        server = self._server()
        if time.monotonic() < self.retry_at.get(server, 0.0) and not getattr(
            _insisting, "on", False
        ):
            raise ConnectionError("Redis failed a moment ago; not tried again yet.")
        try:
            return method(*args, **kwargs)
        except (ConnectionError, TimeoutError):
            self.retry_at[server] = time.monotonic() + settings.REDIS_RETRY_SECONDS
            raise


@functools.cache
def breaking(connection_class):
    return type(f"Breaking{connection_class.__name__}", (CircuitBreaker, connection_class), {})


class BreakingConnectionPool(ConnectionPool):
    """django-redis's pool (CONNECTION_POOL_CLASS) with breaking connections, plain or TLS."""

    def __init__(self, *args, connection_class=Connection, **kwargs):
        super().__init__(*args, connection_class=breaking(connection_class), **kwargs)
