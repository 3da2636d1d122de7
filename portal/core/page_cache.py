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
"""

import hashlib
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import cc_delim_re

VERSION_KEY = "page-cache:version"
# The one Vary a stored page may carry: every page reads the session to know whether the
# visitor is signed in, and the cache itself only serves visitors who are not.
ALLOWED_VARY = {"cookie"}
NOT_CACHEABLE = {"private", "no-store", "no-cache"}


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def invalidate(**kwargs):
    """Signal receiver: make every cached page stale."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, timeout=None)


def invalidate_on_change(model):
    """Make every cached page stale whenever a `model` row is saved or deleted: for records
    that many pages show (themes, districts…) or that decide who may see a page."""
    for signal in (post_save, post_delete):
        signal.connect(
            invalidate, sender=model, dispatch_uid=f"page-cache-{model.__name__}-{id(signal)}"
        )


def invalidate_unless_created(created=False, **kwargs):
    """Signal receiver for the settings: the first page that reads them creates them with
    their defaults, which changes nothing already shown."""
    if not created:
        invalidate()


def shared(key, build):
    """A value every visitor sees the same, kept until the next publish (or the time limit).

    For fragments of pages that are not cached whole: menus, home page sections.
    """
    key = f"shared:{content_version()}:{key}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout=settings.PAGE_CACHE_SECONDS)
    return value


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


def key_for(request, version=None):
    """The entry for this address: scheme, host, path and the parameters in a fixed order."""
    query = urlencode(sorted(request.GET.lists()), doseq=True)
    address = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"page-cache:{version or content_version()}:{digest}"


def never_store(request):
    """Keep this response out of the cache: it ignored part of the query string, or drew
    something at random (the caller knows why)."""
    request.page_cache_refused = True


def mark_cacheable(page, request, serve_args, serve_kwargs):
    """Wagtail `before_serve_page` hook: note that the page served may be cached.

    Not a private page (nor below one): its content, or its password form with the visitor's
    CSRF token, is for one visitor. Not with a query parameter the page does not read, nor one
    given twice: each would be an entry of its own.
    """
    if not getattr(page, "can_be_cached", False):
        return
    known = page.cache_query_parameters()
    if any(name not in known or len(values) > 1 for name, values in request.GET.lists()):
        return
    if page.get_view_restrictions().exists():
        return
    request.page_cache_allowed = True


class AnonymousPageCacheMiddleware:
    """Innermost middleware: answer hits, and keep a copy of a cacheable page as the view made
    it (the outer middlewares add their headers to a hit as to a fresh response)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable(request):
            return self.get_response(request)
        key = key_for(request)
        hit = cache.get(key)
        if hit is not None:
            content, headers = hit
            response = HttpResponse(content, headers=headers)
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
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
        ):
            request.page_cache_entry = (key, (response.content, dict(response.headers)))
        return response


def storable(response):
    """Nothing per visitor in the finished response: no cookie, no Vary the key does not
    hold, nothing that forbids caching."""
    vary = {name.strip().lower() for name in cc_delim_re.split(response.get("Vary", ""))}
    cache_control = cc_delim_re.split(response.get("Cache-Control", ""))
    directives = {directive.split("=")[0].strip().lower() for directive in cache_control}
    return (
        response.status_code == 200
        and not response.cookies
        and vary - {""} <= ALLOWED_VARY
        and not directives & NOT_CACHEABLE
    )


def within_variants(request):
    """A page's address without a query string is always kept; with one, up to
    PAGE_CACHE_VARIANTS per page and period."""
    if not request.GET:
        return True
    path = hashlib.sha256(f"{request.get_host()}{request.path}".encode()).hexdigest()
    counter = f"page-cache:{content_version()}:variants:{path}"
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
        if entry is not None and storable(response) and within_variants(request):
            key, value = entry
            cache.set(key, value, timeout=settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response
