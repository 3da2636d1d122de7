"""Rate limits of public actions, kept in the shared cache so that every app server counts
the same.

Each action is limited per client address (portal.core.http.client_ip: the visitor's own,
behind trusted proxies) and per participant whose browser is signed in. Never per typed
address: whoever types someone else's address would lock its owner out. E-mails to one
address are capped instead, where links are sent (identity.send_confirmation).
"""

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _

from portal.core.http import rate_key

from .errors import RateLimited

HOUR = 3600


def check_rate(*, scope, key, limit, period):
    """Refuse more than `limit` actions per `period` seconds for this scope and key."""
    cache_key = f"rate:{scope}:{key}"
    cache.add(cache_key, 0, timeout=period)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=period)
        count = 1
    if count > limit:
        raise RateLimited(_("Too many attempts. Please try again in a little while."))


def limit_rate(*, action, ip, participant=None):
    """Count one `action` (a key of PARTICIPATION_RATE_LIMITS) from this address and, when
    the browser is signed in, from this participant; RateLimited past either limit.

    Called before any costly work (reading uploads, rendering), so that refusing is cheap.
    """
    per_ip, per_participant = settings.PARTICIPATION_RATE_LIMITS[action]
    check_rate(scope=f"{action}-ip", key=rate_key(ip), limit=per_ip, period=HOUR)
    if participant is not None and participant.pk and per_participant is not None:
        check_rate(
            scope=f"{action}-participant", key=participant.pk, limit=per_participant, period=HOUR
        )


def allow_email(address):
    """Whether one more link may be e-mailed to `address` this hour
    (PARTICIPATION_EMAILS_PER_ADDRESS): typing someone's address again and again must not
    flood their mailbox."""
    try:
        check_rate(
            scope="email",
            key=address,
            limit=settings.PARTICIPATION_EMAILS_PER_ADDRESS,
            period=HOUR,
        )
    except RateLimited:
        return False
    return True
