"""Whole-page cache for anonymous visitors, shared by every app server through the cache.

Pages without per-visitor content opt in with `cache_for_anonymous = True`; a Wagtail hook
marks the request when such a page is served (routable pages included), unless the page or
an ancestor is private (Wagtail's page privacy) or the query string holds a parameter the page
does not declare. Two middlewares do the rest:

- `AnonymousPageCacheMiddleware`, the innermost, answers a hit, so that every other
  middleware treats it as a fresh response (security headers, Content-Security-Policy,
  language, X-Frame-Options…). On a miss it keeps a copy of the response as the view made it,
  unless the page holds a CSRF token or a message added meanwhile (shown at once, it leaves
  no cookie), or said it must not be stored (`never_store`).
- `PageCacheStoreMiddleware`, the outermost, stores that copy only once every middleware has
  run: a response that sets a cookie, varies on something the key does not hold, or forbids
  caching is never stored.

A publish, unpublish, move or delete of any page, a change of privacy, settings or taxonomy
bumps a content version that is part of every key, so the whole site is fresh at once (menus
and listings cross pages). Entries also expire after PAGE_CACHE_SECONDS, so that "upcoming"
listings follow the clock. A page keeps at most PAGE_CACHE_VARIANTS query strings (filters,
page numbers) per content version and period, so that no visitor can fill the cache.

Pages holding forms (`cache_for_newcomers`) are cached too, for newcomers only: visitors
without a session, whom the site knows nothing of (no participant, nothing waiting on a
link, no message), and who therefore all see the same page but for their CSRF token. The
page is rendered with a hole in place of each token (`csrf_holes`, a context processor) and
every answer fills the hole with the visitor's own. Such a page shows live figures, so its
entry also holds the live-data version, which every contribution bumps (`refresh_live_on_change`):
a newcomer never gets a page older than the last contribution, and anyone with a session
(a participant, someone whose contribution waits on its link) gets a fresh page.

A request reads each version once (`VersionsReadOnceMiddleware`), before it reads anything kept
under it, and sees its own changes at once. Each process also keeps copies of the shared values
it read (`shared`, `decisive`, `shared_many`) under their versioned keys, until they expire when
the cache's entries do: the version, read from the cache (Redis), still decides what is
current, and a request costs one round trip for the version instead of one per value.
"""

import contextvars
import hashlib
import pickle
import secrets
import threading
import time
from collections import OrderedDict
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import cc_delim_re

from . import redis_pool

VERSION_KEY = "page-cache:version"
LIVE_KEY = "page-cache:live"
VERSION_KEYS = (VERSION_KEY, LIVE_KEY)
# Where a newcomer's page holds its CSRF token while stored; never a token's characters.
CSRF_HOLE = "--page-cache-csrf-hole--"
# The one Vary a stored page may carry: every page reads the session to know whether the
# visitor is signed in, and the cache itself only serves visitors who are not.
ALLOWED_VARY = {"cookie"}
NOT_CACHEABLE = {"private", "no-store", "no-cache"}
# Each process's copies of shared values: at most this many bytes of pickles (the least
# recently read go first), none bigger than a tenth of it (a large poster is read from Redis).
LOCAL_COPIES_BYTES = 16 * 1024 * 1024

# The versions this request has read ({key: version}, None where the cache is unreachable
# or where the request's own change is not committed yet); None outside a request.
_read_versions = contextvars.ContextVar("page_cache_read_versions", default=None)


def _new_version():
    """A version to start from: random, so that a cache emptied by a restart never gives again
    a version that a process's copies were kept under."""
    return secrets.randbits(48)


def _version(key):
    """The version under `key`, read once per request (with the other, in the same round trip:
    a page cached for newcomers needs both); None when the cache is unreachable."""
    read = _read_versions.get()
    if read is None:
        return cache.get(key) or _start(key)
    if key not in read:
        missing = tuple(name for name in VERSION_KEYS if name not in read)
        found = cache.get_many(missing)
        read.update({name: found.get(name) or _start(name) for name in missing})
    return read[key]


def _start(key):
    """A version missing from the cache (first use, restart, eviction), or None when the cache
    is unreachable (django-redis's `add` then answers None, not a boolean)."""
    if cache.add(key, _new_version(), timeout=None) is None:
        return None
    return cache.get(key)


def content_version():
    return _version(VERSION_KEY)


def live_version():
    """Bumped by every contribution: the version of what pages show live (figures, counts)."""
    return _version(LIVE_KEY)


def _bump(key):
    """A new version under `key`: up by a random step, so that a Redis restored from a
    snapshot, counting from an older version, never meets again one that copies were kept
    under."""
    with redis_pool.insisting():  # even just after Redis failed: it may answer again
        try:
            version = cache.incr(key, secrets.randbelow(2**32) + 1)
        except ValueError:  # not there (a restart, an eviction): a new start
            version = _new_version()
            cache.set(key, version, timeout=None)
    read = _read_versions.get()
    if read is not None:
        read[key] = version  # None if the cache is unreachable: nothing kept is read
    return version


def _bump_content():
    _bump(VERSION_KEY)


def invalidate(**kwargs):
    """Signal receiver: make every cached page stale, at once and again once committed (a
    page or a record kept meanwhile, read from the database before the commit, is stale)."""
    _bump_content()
    transaction.on_commit(_bump_content)


class VersionsReadOnceMiddleware:
    """Outermost: the request reads each version once (`_version`), not once per value kept
    under it. Read before any value kept under it, a version is never newer than what is built
    under it; the request's own changes bump it (`_bump`) and it reads them at once."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _read_versions.set({})
        try:
            return self.get_response(request)
        finally:
            _read_versions.reset(token)


def invalidate_on_change(model):
    """Make every cached page stale whenever a `model` row is saved or deleted, or one of its
    many-to-many relations changes: for records that many pages show (themes, districts…),
    that decide who may see a page or take part, or that pages and forms keep (`shared`)."""
    for signal in (post_save, post_delete):
        signal.connect(
            invalidate, sender=model, dispatch_uid=f"page-cache-{model.__name__}-{id(signal)}"
        )
    for field in model._meta.local_many_to_many:
        m2m_changed.connect(
            invalidate,
            sender=field.remote_field.through,
            dispatch_uid=f"page-cache-{model.__name__}-{field.name}",
        )


def _bump_live():
    _bump(LIVE_KEY)


def live_data_changed(**kwargs):
    """Signal receiver: what pages show live has changed. The live-data version moves once
    the change is committed: what any request rendered until then, from the data before it,
    is stale. Until then the changing request reads nothing kept under that version and keeps
    nothing (it shows its own change, which nobody else sees yet). Outside a request (a
    command, the task worker), with no version read to set aside, it also moves at once."""
    read = _read_versions.get()
    if read is None:
        _bump_live()
    else:
        read[LIVE_KEY] = None
    transaction.on_commit(_bump_live)


def refresh_live_on_change(model):
    """Bump the live-data version whenever a `model` row is saved or deleted: for the
    contributions that figures, counts and lists shown live are made of."""
    for signal in (post_save, post_delete):
        signal.connect(
            live_data_changed,
            sender=model,
            dispatch_uid=f"page-cache-live-{model._meta.label}-{id(signal)}",
        )


def invalidate_unless_created(created=False, **kwargs):
    """Signal receiver for the settings: the first page that reads them creates them with
    their defaults, which changes nothing already shown."""
    if not created:
        invalidate()


def _kept(key, build):
    """The value stored under `key`, built and stored (for the time limit) when missing; None
    is never stored (it reads as missing: a probe for what does not exist stores nothing)."""
    value = cache.get(key)
    if value is None:
        value = build()
        if value is not None:
            cache.set(key, value, timeout=settings.PAGE_CACHE_SECONDS)
    return value


class LocalCopies:
    """This process's copies of shared values as Redis holds them ({key: (expires_at,
    pickled value)}), for one content version, the least recently read dropped first past
    `limit` bytes. Each read unpickles a new copy, as a read from Redis does: a request may
    annotate what it gets."""

    def __init__(self, limit):
        self.limit = limit
        self.entries = OrderedDict()
        self.size = 0
        self.version = None
        self.lock = threading.Lock()

    def follow(self, version):
        """Keep copies for `version` from now on: those of another are never read again."""
        if version != self.version:
            self.clear()
            self.version = version

    def get(self, key, now):
        with self.lock:
            entry = self.entries.get(key)
            if entry is None:
                return None
            if entry[0] <= now:
                self._drop(key)
                return None
            self.entries.move_to_end(key)
        return pickle.loads(entry[1])

    def put(self, key, entry):
        if len(entry[1]) > self.limit // 10:
            return
        with self.lock:
            if key in self.entries:
                self._drop(key)
            self.entries[key] = entry
            self.size += len(entry[1])
            while self.size > self.limit:
                self._drop(next(iter(self.entries)))

    def clear(self):
        with self.lock:
            self.entries.clear()
            self.size = 0

    def _drop(self, key):
        self.size -= len(self.entries.pop(key)[1])


local_copies = LocalCopies(LOCAL_COPIES_BYTES)


def _shared_entries(version, keys, build):
    """{key: value} for `keys` (under `version`), from this process's copies, else from the
    cache in one round trip, else built and stored in both (None: not stored). Stored with
    their expiry, so that a copy expires when the cache's entry does."""
    local_copies.follow(version)
    now = time.time()
    values = {key: local_copies.get(key, now) for key in keys}
    wanted = [key for key, value in values.items() if value is None]
    found = cache.get_many(wanted) if wanted else {}
    built = {}
    for key in wanted:
        entry = found.get(key)
        if entry is not None and entry[0] > now:
            local_copies.put(key, entry)
            values[key] = pickle.loads(entry[1])
            continue
        value = values[key] = build(key)
        if value is not None:
            built[key] = (now + settings.PAGE_CACHE_SECONDS, pickle.dumps(value, protocol=-1))
            local_copies.put(key, built[key])
    if built:
        cache.set_many(built, timeout=settings.PAGE_CACHE_SECONDS)
    return values


def shared_many(keys, build):
    """{key: value} for `keys`, each a value every visitor sees the same, kept until the next
    publish (or the time limit), in at most one round trip to the cache: `build(key)` makes
    the missing ones, stored together."""
    version = content_version()
    if version is None:  # the cache is unreachable
        return {key: build(key) for key in keys}
    prefix = f"kept:{version}:"
    values = _shared_entries(
        version, [prefix + key for key in keys], lambda full: build(full[len(prefix) :])
    )
    return {key: values[prefix + key] for key in keys}


def shared(key, build):
    """A value every visitor sees the same, kept until the next publish (or the time limit).

    For fragments of pages that are not cached whole: menus, home page sections.
    """
    return shared_many([key], lambda _key: build())[key]


def keeps_decisive():
    """Whether `decisive` keeps values (in a cache every process sees) rather than building
    them at each call."""
    return settings.CACHE_SHARED_BY_PROCESSES


def decisive(key, build):
    """As `shared`, for what decides whether a request is allowed (a page's privacy, whether
    it is live, an eligibility rule, a vote's envelope): kept only in a cache every process
    sees (CACHE_SHARED_BY_PROCESSES: Redis), where a change reaches every process at once;
    read from the database otherwise. `key` must name what `build` reads from the request's
    own objects (a page's path, say), so that a value built from an object read before a
    change is never stored where fresh readers look."""
    if not keeps_decisive():
        return build()
    return shared(key, build)


def live(key, build):
    """A value every visitor sees the same until the next contribution (or publish): a
    consultation's figures, the latest ideas."""
    versions = (content_version(), live_version())
    if None in versions:  # the cache is unreachable
        return build()
    return _kept(f"live:{versions[0]}:{versions[1]}:{key}", build)


def csrf_holes(request):
    """Context processor: a newcomer's page being stored gets a hole in place of each CSRF
    token, filled with the visitor's own token in every answer (its own included)."""
    if getattr(request, "page_cache_holes", False):
        return {"csrf_token": CSRF_HOLE}
    return {}


def newcomer(request):
    """A visitor the site knows nothing of: no session, hence no participant, nothing waiting
    on a link and no message kept for them."""
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


def fill_holes(request, content):
    """The stored page with this visitor's CSRF token in its holes (which sets their cookie)."""
    return content.replace(CSRF_HOLE.encode(), get_token(request).encode())


def cacheable(request):
    """May this visitor be given a stored page (and this request's page be stored)?"""
    return (
        request.method in ("GET", "HEAD")
        and not request.user.is_authenticated
        and "messages" not in request.COOKIES
        # Previews: Wagtail's stand-in request, marked as a preview once past the middlewares.
        and not getattr(request, "is_dummy", False)
        and not getattr(request, "is_preview", False)
    )


def key_for(request, version):
    """The entry for this address under the content `version`: scheme, host, path and the
    parameters in a fixed order."""
    query = urlencode(sorted(request.GET.lists()), doseq=True)
    address = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"page-cache:{version}:{digest}"


def never_store(request):
    """Keep this response out of the cache: it ignored part of the query string, or drew
    something at random (the caller knows why)."""
    request.page_cache_refused = True


def mark_cacheable(page, request, serve_args, serve_kwargs):
    """Wagtail `before_serve_page` hook: note that the page served may be cached.

    Not a private page (nor below one): its content, or its password form with the visitor's
    CSRF token, is for one visitor. Not with a query parameter the page does not read, nor one
    given twice: each would be an entry of its own. A page holding forms, only for a newcomer,
    rendered with holes in place of the CSRF tokens.
    """
    if not cacheable(request):
        return
    holes = False
    if not getattr(page, "can_be_cached", False):
        if not (getattr(page, "cache_for_newcomers", False) and newcomer(request)):
            return
        holes = True
    known = page.cache_query_parameters()
    if any(name not in known or len(values) > 1 for name, values in request.GET.lists()):
        return
    if page.get_view_restrictions().exists():
        return
    request.page_cache_allowed = True
    request.page_cache_holes = holes


class AnonymousPageCacheMiddleware:
    """Innermost middleware: answer hits, and keep a copy of a cacheable page as the view made
    it (the outer middlewares add their headers to a hit as to a fresh response)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        version = content_version() if cacheable(request) else None
        if version is None:  # not cacheable, or the cache is unreachable: nothing is kept
            return self.get_response(request)
        key = key_for(request, version)
        hit = cache.get(key)
        if hit is not None:
            content, headers, *live = hit
            if not live:
                response = HttpResponse(content, headers=headers)
                response["X-Page-Cache"] = "hit"
                return response
            # A page with forms: for newcomers, as long as no contribution came since.
            if newcomer(request) and live[0] == live_version():
                response = HttpResponse(fill_holes(request, content), headers=headers)
                response["X-Page-Cache"] = "hit"
                return response
        # Read before the page reads its data: a contribution meanwhile makes the entry stale.
        live = live_version() if newcomer(request) else None
        response = self.get_response(request)
        holes = getattr(request, "page_cache_holes", False)
        if (
            request.method == "GET"
            and getattr(request, "page_cache_allowed", False)
            and not getattr(request, "page_cache_refused", False)
            # A CSRF token or a message is in the page: it is this visitor's.
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not getattr(get_messages(request), "added_new", False)
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not (holes and live is None)  # the live-data version could not be read
        ):
            headers = dict(response.headers)
            entry = (response.content, headers, live) if holes else (response.content, headers)
            request.page_cache_entry = (key, entry)
        if holes and not response.streaming:
            response.content = fill_holes(request, response.content)
        return response


def storable(response, holes=False):
    """Nothing per visitor in the finished response: no cookie (but the CSRF cookie of a
    page whose tokens are holes), no Vary the key does not hold, nothing that forbids
    caching."""
    vary = {name.strip().lower() for name in cc_delim_re.split(response.get("Vary", ""))}
    cache_control = cc_delim_re.split(response.get("Cache-Control", ""))
    directives = {directive.split("=")[0].strip().lower() for directive in cache_control}
    cookies = set(response.cookies) - ({settings.CSRF_COOKIE_NAME} if holes else set())
    return (
        response.status_code == 200
        and not cookies
        and vary - {""} <= ALLOWED_VARY
        and not directives & NOT_CACHEABLE
    )


def within_variants(request):
    """A page's address without a query string is always kept; with one, up to
    PAGE_CACHE_VARIANTS per page and period."""
    if not request.GET:
        return True
    version = content_version()
    if version is None:  # the cache is unreachable: nothing is stored
        return False
    path = hashlib.sha256(f"{request.get_host()}{request.path}".encode()).hexdigest()
    counter = f"page-cache:{version}:variants:{path}"
    cache.add(counter, 0, timeout=settings.PAGE_CACHE_SECONDS)
    try:
        return cache.incr(counter) <= settings.PAGE_CACHE_VARIANTS
    except ValueError:  # expired between the two calls
        return False


class PageCacheStoreMiddleware:
    """Outermost middleware: store the copy kept by AnonymousPageCacheMiddleware once every
    other middleware has finished the response (cookies, Vary, Cache-Control)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        entry = getattr(request, "page_cache_entry", None)
        holes = getattr(request, "page_cache_holes", False)
        if entry is not None and storable(response, holes) and within_variants(request):
            key, value = entry
            cache.set(key, value, timeout=settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response
