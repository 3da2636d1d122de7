"""Rate limits of public actions, kept in the shared cache so that every app server counts
the same.

Each action is limited per client address (portal.core.http.client_ip: the visitor's own,
behind trusted proxies) and per participant whose browser is signed in. Never per typed
address: whoever types someone else's address would lock its owner out. E-mails to one
address are capped instead, where links are sent (identity.send_confirmation).
"""

import contextlib
import logging

from django.conf import settings
from django.core.cache import caches
from django.utils.translation import gettext as _
from django_redis.cache import RedisCache
from redis.exceptions import RedisError

from portal.core.http import rate_key

from .errors import RateLimited

HOUR = 3600
logger = logging.getLogger(__name__)


def _counted(keys, period):
    """Count one more action under each of `keys`, each counter starting for `period` seconds
    at its first action: the counts, in one round trip to Redis (None each where the cache is
    unreachable, as settings' IGNORE_EXCEPTIONS has every other cache call)."""
    backend = caches["default"]
    if not isinstance(backend, RedisCache):
        return [_counted_one(backend, key, period) for key in keys]
    pipe = backend.client.get_client(write=True).pipeline()  # MULTI … EXEC: atomic
    for key in keys:
        full_key = backend.make_key(key)
        pipe.set(full_key, 0, nx=True, ex=period)
        pipe.incr(full_key)
    try:
        return pipe.execute()[1::2]
    except RedisError:
        return [None] * len(keys)


def _counted_one(backend, key, period):
    backend.add(key, 0, timeout=period)
    try:
        return backend.incr(key)
    except ValueError:  # expired between add and incr
        backend.set(key, 1, timeout=period)
        return 1


def check_rates(limits, *, period):
    """Refuse more than `limit` actions per `period` seconds for each (scope, key, limit) of
    `limits`, all counted at once."""
    counts = _counted([f"rate:{scope}:{key}" for scope, key, _limit in limits], period)
    for (scope, _key, limit), count in zip(limits, counts, strict=True):
        if count is None:
            logger.warning("Rate limit %s not counted: the cache is unreachable.", scope)
        elif count > limit:
            raise RateLimited(_("Too many attempts. Please try again in a little while."))


def check_rate(*, scope, key, limit, period):
    """Refuse more than `limit` actions per `period` seconds for this scope and key."""
    check_rates([(scope, key, limit)], period=period)


def limit_rate(*, action, ip, participant=None, confirmation=None):
    """Count one `action` (a key of PARTICIPATION_RATE_LIMITS) from this address and, when
    the browser is signed in, from this participant, or else from the confirmation its
    contributions wait on (the same person typing her address again in the same browser);
    RateLimited past any limit.

    Called before any costly work (reading uploads, rendering), so that refusing is cheap.
    """
    per_ip, per_participant = settings.PARTICIPATION_RATE_LIMITS[action]
    limits = [(f"{action}-ip", rate_key(ip), per_ip)]
    if per_participant is not None:
        if participant is not None and participant.pk:
            limits.append((f"{action}-participant", participant.pk, per_participant))
        elif confirmation is not None:
            limits.append(_waiting_on(action, confirmation, per_participant))
    check_rates(limits, period=HOUR)


def limit_confirmation(*, action, confirmation):
    """Count one `action` waiting on `confirmation`: typing one's address instead of signing
    in gets no more than the per-participant limit."""
    per_participant = settings.PARTICIPATION_RATE_LIMITS[action][1]
    if per_participant is not None:
        check_rates([_waiting_on(action, confirmation, per_participant)], period=HOUR)


def _waiting_on(action, confirmation, per_participant):
    """The (scope, key, limit) of the actions waiting on `confirmation`."""
    return (f"{action}-confirmation", confirmation.pk, per_participant)


def mailbox(address):
    """The mailbox an address reaches: "Nadia+tag@Exemple.fr" and "nadia@exemple.fr" are one,
    so that variants of an address do not multiply its share of e-mails."""
    local, _at, domain = address.strip().lower().rpartition("@")
    local = local.strip('"').split("+", 1)[0]
    with contextlib.suppress(UnicodeError):  # not a domain IDNA can write: kept as typed
        domain = domain.encode("idna").decode("ascii")
    return f"{local}@{domain}"


def allow_email(address, *, client):
    """Whether one more link may be e-mailed to `address` this hour.

    PARTICIPATION_EMAILS_PER_ADDRESS gives two caps: per mailbox and client address (whoever
    types an address again and again floods nobody), and per mailbox in all (many strangers
    neither). The owner, from her own connection, keeps her own share: a stranger cannot
    spend it.
    """
    per_client, in_all = settings.PARTICIPATION_EMAILS_PER_ADDRESS
    box = mailbox(address)
    try:  # one after the other: a client past its cap spends nothing of the mailbox's
        check_rate(
            scope="email-client", key=f"{box}:{rate_key(client)}", limit=per_client, period=HOUR
        )
        check_rate(scope="email", key=box, limit=in_all, period=HOUR)
    except RateLimited:
        return False
    return True
