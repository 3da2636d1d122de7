"""Whole-page cache for anonymous visitors, shared by every app server through the cache.

Pages without per-visitor content opt in with `cache_for_anonymous = True`; a Wagtail hook
marks the request when such a page is served (routable pages included) and the middleware
keeps the response. A hit is answered by the middleware before Wagtail routes the request.
A publish, unpublish, move or delete of any page, or a change of settings or taxonomy, bumps
a content version that is part of every key, so the whole site is fresh at once (menus and
listings cross pages). Entries also expire after PAGE_CACHE_SECONDS, so that "upcoming"
listings follow the clock.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

VERSION_KEY = "page-cache:version"


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
    return (
        request.method in ("GET", "HEAD")
        and not request.user.is_authenticated
        and "messages" not in request.COOKIES
        and not getattr(request, "is_preview", False)
    )


def key_for(request):
    address = hashlib.sha256(f"{request.get_host()}{request.get_full_path()}".encode()).hexdigest()
    return f"page-cache:{content_version()}:{address}"


def mark_cacheable(page, request, serve_args, serve_kwargs):
    """Wagtail `before_serve_page` hook: note that the page served may be cached."""
    request.page_cache_allowed = getattr(page, "can_be_cached", False)


def store(request, response):
    """Keep a rendered page for the next anonymous visitors."""
    if response.status_code != 200 or response.cookies:  # a cookie is per visitor
        return
    cache.set(
        key_for(request),
        (response.content, response["Content-Type"]),
        timeout=settings.PAGE_CACHE_SECONDS,
    )
    response["X-Page-Cache"] = "miss"


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if cacheable(request):
            hit = cache.get(key_for(request))
            if hit is not None:
                content, content_type = hit
                response = HttpResponse(content, content_type=content_type)
                response["X-Page-Cache"] = "hit"
                return response
        response = self.get_response(request)
        if getattr(request, "page_cache_allowed", False) and cacheable(request):
            store(request, response)
        return response
