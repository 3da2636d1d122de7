"""Wagtail's page privacy read in one query, for the views that serve a page's content
without Wagtail's routing (the participation address, an idea's page)."""

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction

from . import page_cache


def view_restrictions(page):
    """The view restrictions that apply to `page`: its own and its ancestors' (read from its
    path), and those of the pages that ancestors which are aliases mirror, as Wagtail counts
    them (`Page.get_view_restrictions`), in one query instead of two."""
    paths = [page.path[:end] for end in range(Page.steplen, len(page.path) + 1, Page.steplen)]
    return PageViewRestriction.objects.filter(
        Q(page__path__in=paths) | Q(page__aliases__path__in=paths)
    ).distinct()


def refused(page, request):
    """Whether a view restriction of `page` (password, sign-in, groups) refuses `request`.
    The restrictions are kept until the next change (a restriction, a page moved or
    published: `page_cache.decisive`), under the page's path they were read for."""
    rules = page_cache.decisive(
        f"view-restrictions:{page.pk}:{page.path}", lambda: list(view_restrictions(page))
    )
    return any(not rule.accept_request(request) for rule in rules)
