from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class CoreConfig(AppConfig):
    """Site-wide concerns: the authority's settings, template tags, checks."""

    default = True
    name = "portal.core"
    label = "core"
    verbose_name = _("Portal")

    def ready(self):
        """Any change seen on many pages, or to a page's privacy, makes every page stale (the
        apps above connect their own such models: `page_cache.invalidate_on_change`); every
        migrate points Wagtail's default Site at PUBLIC_BASE_URL."""
        from django.db.models.signals import post_delete, post_migrate, post_save
        from wagtail.models import Locale, Page, PageViewRestriction, Site
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from . import checks, page_cache  # noqa: F401 (checks register themselves)
        from .models import PortalSettings
        from .sites import sync_default_site

        post_migrate.connect(sync_default_site, sender=self, dispatch_uid="sync-default-site")

        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(page_cache.invalidate, dispatch_uid=f"page-cache-{id(signal)}")
        post_delete.connect(page_cache.invalidate, sender=Page, dispatch_uid="page-cache-delete")
        # A page made private must leave the cache at once: its cached copy would stay public.
        page_cache.invalidate_on_change(PageViewRestriction)
        # Every page shows its site's name and is looked up through its site and locale
        # (core.lookups keeps both until the next change).
        page_cache.invalidate_on_change(Site)
        page_cache.invalidate_on_change(Locale)
        post_save.connect(
            page_cache.invalidate_unless_created,
            sender=PortalSettings,
            dispatch_uid="page-cache-PortalSettings-save",
        )
        post_delete.connect(
            page_cache.invalidate, sender=PortalSettings, dispatch_uid="page-cache-PortalSettings"
        )


class StaffUsersConfig(WagtailUsersAppConfig):
    """Wagtail's users and groups, showing what each staff role allows (staff.py)."""

    default = False
    group_viewset = "portal.core.staff.GroupViewSet"
    user_viewset = "portal.core.staff.UserViewSet"
