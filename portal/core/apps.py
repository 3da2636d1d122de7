from django.apps import AppConfig
from django.db import transaction
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
        from django.db.models.signals import post_delete, post_migrate, post_save, pre_delete
        from wagtail.images import get_image_model
        from wagtail.models import Locale, Page, PageViewRestriction, Site
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from . import checks, page_cache  # noqa: F401 (checks register themselves)
        from .models import PortalSettings
        from .sites import sync_default_site

        post_migrate.connect(sync_default_site, sender=self, dispatch_uid="sync-default-site")
        # A release migrates: nothing kept by the previous one (pickled records) is read again.
        post_migrate.connect(page_cache.invalidate, sender=self, dispatch_uid="page-cache-migrate")

        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(page_cache.invalidate, dispatch_uid=f"page-cache-{id(signal)}")
        post_delete.connect(page_cache.invalidate, sender=Page, dispatch_uid="page-cache-delete")
        # A page made private must leave the cache at once: its cached copy would stay public.
        page_cache.invalidate_on_change(PageViewRestriction)
        # Every page shows its site's name and is looked up through its site and locale
        # (core.lookups keeps both until the next change, with the site roots).
        for signal in (post_save, post_delete):
            signal.connect(
                invalidate_site_roots, sender=Site, dispatch_uid=f"page-cache-Site-{id(signal)}"
            )
        page_cache.invalidate_on_change(Locale)
        post_save.connect(
            page_cache.invalidate_unless_created,
            sender=PortalSettings,
            dispatch_uid="page-cache-PortalSettings-save",
        )
        post_delete.connect(
            page_cache.invalidate, sender=PortalSettings, dispatch_uid="page-cache-PortalSettings"
        )
        # Every page's address is made from the site roots (core.lookups keeps them): a site
        # root saved, or a new translation of one, changes them, as Wagtail's own copy knows.
        post_save.connect(invalidate_if_site_root, dispatch_uid="page-cache-site-root")
        # The settings kept for every page (core.lookups) hold the logo's image row.
        for signal in (post_save, pre_delete):  # before deleting sets the logo to none
            signal.connect(
                invalidate_if_logo,
                sender=get_image_model(),
                dispatch_uid=f"page-cache-logo-{id(signal)}",
            )


# What a page's save may change of the site roots (a draft's save, autosaves included, writes
# its revision fields only).
SITE_ROOT_FIELDS = {"url_path", "slug", "locale", "locale_id", "translation_key"}


def invalidate_if_site_root(sender, instance, created=False, update_fields=None, **kwargs):
    """Signal receiver for every save: a page that is a site's root (or a new translation of
    one), saved new or with what its address is made of, makes every page stale."""
    from wagtail.models import Page

    if not isinstance(instance, Page):
        return
    address_changed = created or update_fields is None or SITE_ROOT_FIELDS & set(update_fields)
    if address_changed and instance.is_site_root():
        invalidate_site_roots()


def invalidate_site_roots(**kwargs):
    """Make every page stale, and Wagtail's own copy of the site roots (which core.lookups
    keeps) once the change is committed, before the version moves again: a copy remade
    during the change, from the rows before it, would otherwise be kept for an hour."""
    from wagtail.models import Site

    from . import page_cache

    transaction.on_commit(Site.clear_site_root_paths_cache)
    page_cache.invalidate()


def invalidate_if_logo(instance, **kwargs):
    """Signal receiver for images: a change to the authority's logo makes every page stale (a
    resident's idea image, also an image, does not)."""
    from . import page_cache
    from .models import PortalSettings

    if PortalSettings.objects.filter(logo_id=instance.pk).exists():
        page_cache.invalidate()


class StaffUsersConfig(WagtailUsersAppConfig):
    """Wagtail's users and groups, showing what each staff role allows (staff.py)."""

    default = False
    group_viewset = "portal.core.staff.GroupViewSet"
    user_viewset = "portal.core.staff.UserViewSet"
