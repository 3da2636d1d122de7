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
from django.core.cache import cache
from django.utils.translation import gettext as _

from portal.core.http import rate_key

from .errors import RateLimited

HOUR = 3600
logger = logging.getLogger(__name__)


def check_rate(*, scope, key, limit, period):
    """Refuse more than `limit` actions per `period` seconds for this scope and key."""
    cache_key = f"rate:{scope}:{key}"
    cache.add(cache_key, 0, timeout=period)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=period)
        count = 1
    if count is None:  # the cache is unreachable (settings: IGNORE_EXCEPTIONS): not counted
        logger.warning("Rate limit %s not counted: the cache is unreachable.", scope)
        return
    if count > limit:
        raise RateLimited(_("Too many attempts. Please try again in a little while."))


def limit_rate(*, action, ip, participant=None, confirmation=None):
    """Count one `action` (a key of PARTICIPATION_RATE_LIMITS) from this address and, when
    the browser is signed in, from this participant, or else from the confirmation its
    contributions wait on (the same person typing her address again in the same browser);
    RateLimited past any limit.

    Called before any costly work (reading uploads, rendering), so that refusing is cheap.
    """
    per_ip, per_participant = settings.PARTICIPATION_RATE_LIMITS[action]
    check_rate(scope=f"{action}-ip", key=rate_key(ip), limit=per_ip, period=HOUR)
    if per_participant is None:
        return
    if participant is not None and participant.pk:
        check_rate(
            scope=f"{action}-participant", key=participant.pk, limit=per_participant, period=HOUR
        )
    elif confirmation is not None:
        limit_confirmation(action=action, confirmation=confirmation)


def limit_confirmation(*, action, confirmation):
    """Count one `action` waiting on `confirmation`: typing one's address instead of signing
    in gets no more than the per-participant limit."""
    per_participant = settings.PARTICIPATION_RATE_LIMITS[action][1]
    if per_participant is not None:
        check_rate(
            scope=f"{action}-confirmation",
            key=confirmation.pk,
            limit=per_participant,
            period=HOUR,
        )


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
    try:
        check_rate(
            scope="email-client", key=f"{box}:{rate_key(client)}", limit=per_client, period=HOUR
        )
        check_rate(scope="email", key=box, limit=in_all, period=HOUR)
    except RateLimited:
        return False
    return True
