"""What every page looks up before it shows anything, kept in the cache until the next change.

Wagtail asks the database, on every request, for the Site of the request's host, its root page,
the Locale of its language and the site's settings, and the cache for the site roots that
pages' addresses are made from: lookups that give the same answer until an administrator
changes a site, a locale or the settings, or publishes a page, all of which make every page
stale (core.apps). Kept with `page_cache.shared`, they cost no query, and no round trip to the
cache once the process holds a copy; with the cache unreachable, they are looked up as before.
"""

from django.http.request import split_domain_port
from wagtail import views as wagtail_views
from wagtail.models import Locale, Site

from . import page_cache


def site_for(request):
    """The Site serving `request` (Wagtail's choice, kept on the request as Wagtail keeps it:
    `request._wagtail_site`), or None."""
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request._get_raw_host())[0]
        request._wagtail_site = page_cache.shared(  # None (no site) is looked up each time
            f"site:{hostname}:{request.get_port()}", lambda: Site._find_for_request(request)
        )
    return request._wagtail_site


def root_page(site):
    """`site`'s root page, with the specific page that routing every request reads."""

    def find():
        page = site.root_page
        page.specific  # noqa: B018 (kept with the page: Page.specific is a cached property)
        return page

    return page_cache.shared(f"root-page:{site.root_page_id}", find)


def site_root_paths():
    """Wagtail's site roots, which every page's address is made from (`Site.get_site_root_paths`
    asks the cache itself, once per request or page that makes an address; core.apps clears
    its copy once a change to them is committed)."""
    return page_cache.shared("site-root-paths", Site.get_site_root_paths)


def remember_site_root_paths(holder):
    """Give `holder` (a request, a page) the site roots where Wagtail looks for them first."""
    holder._wagtail_cached_site_root_paths = site_root_paths()


def locale_for(language_code):
    """The Locale of `language_code`, as `Locale.get_active()` finds it while it is active."""
    return page_cache.shared(f"locale:{language_code}", Locale.get_active)


def portal_settings(settings_model, site):
    """`settings_model`'s row for `site`, created with its defaults by the first to ask."""
    return page_cache.shared(
        f"settings:{settings_model._meta.label_lower}:{site.pk}",
        lambda: settings_model.base_queryset().get_or_create(site=site)[0],
    )


class KnownSiteMiddleware:
    """Gives Wagtail's page view the request's Site, root page and site roots from the cache,
    before its routing asks the database (and the pages' addresses the cache) for them. Other
    views look them up when they need them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is wagtail_views.serve:
            site = site_for(request)
            if site is not None:
                site.root_page = root_page(site)
            remember_site_root_paths(request)
