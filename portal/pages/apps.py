from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from portal.core.roles import StaffRole, grant

# Editors manage the records pages are built from; moderators may revoke an organiser's trust
# (they grant it when approving an event), the only organiser field editors do not see.
ROLES = {
    StaffRole.EDITORS: dict.fromkeys(
        ("theme", "district", "organiser"), ("view", "add", "change", "delete")
    ),
    StaffRole.MODERATORS: {"organiser": ("view", "change")},
}


# Editors translate pages and the records and forms they embed with wagtail-localize, whose
# own migration gives the permission to groups named in English only.
TRANSLATING = {StaffRole.EDITORS: {"translation": ("submit_translation",)}}


def grant_roles(sender, **kwargs):
    """Give the roles their permissions on themes, districts and organisers, and editors the
    right to translate, at every migrate."""
    from django.apps import apps

    grant(sender, roles=ROLES, **kwargs)
    grant(apps.get_app_config("wagtail_localize"), roles=TRANSLATING, **kwargs)


class PagesConfig(AppConfig):
    """Wagtail page models, one module per page family; `models.py` imports them all."""

    name = "portal.pages"
    label = "pages"
    verbose_name = _("Pages")

    def ready(self):
        from django.db.models.signals import pre_save
        from wagtail.signals import page_published

        from portal.core import page_cache
        from portal.participation.accountability import freeze_on_publish
        from portal.participation.membership import attach_on_publish

        from .consultation import ConsultationPage
        from .languages import keep_foreign_aliases_draft
        from .restitution import RestitutionPage
        from .taxonomy import District, Organiser, Theme

        post_migrate.connect(grant_roles, sender=self)
        # Cards, menus and filters show them on many pages.
        for model in (Theme, District, Organiser):
            page_cache.invalidate_on_change(model)

        # What a published consultation page embeds belongs to that consultation.
        page_published.connect(
            attach_on_publish, sender=ConsultationPage, dispatch_uid="attach-embedded-items"
        )
        # A restitution's participation data is frozen with the revision that publishes it.
        page_published.connect(
            freeze_on_publish, sender=RestitutionPage, dispatch_uid="freeze-restitution-data"
        )
        # Every page model sends its own pre_save: the receiver filters pages itself.
        pre_save.connect(keep_foreign_aliases_draft, dispatch_uid="keep-foreign-aliases-draft")
