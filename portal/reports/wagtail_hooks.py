"""A "Poster (PDF)" button on events, tours and consultations, in the page header and listings."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from . import admin_views
from .posters import has_poster


@hooks.register("register_admin_urls")
def register_poster_url():
    return [path("posters/<int:page_id>/", admin_views.poster, name="reports_admin_poster")]


def poster_button(page, user, priority):
    """Editors get the latest revision's poster; others the public one once the page is live."""
    if not has_poster(page):
        return None
    if page.permissions_for_user(user).can_edit():
        url = reverse("reports_admin_poster", args=[page.pk])
    elif page.live:
        url = reverse("reports:poster", args=[page.pk])
    else:
        return None
    return Button(_("Poster (PDF)"), url, icon_name="doc-full", priority=priority)


@hooks.register("register_page_header_buttons")
def page_header_poster_button(page, user, view_name, next_url=None):
    button = poster_button(page, user, priority=75)
    if button:
        yield button


@hooks.register("register_page_listing_more_buttons")
def page_listing_poster_button(page, user, next_url=None):
    button = poster_button(page, user, priority=55)
    if button:
        yield button
