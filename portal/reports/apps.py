from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "portal.reports"
    label = "reports"
    verbose_name = _("Printed material and reports")

    def ready(self):
        from django.db.models.signals import post_delete
        from wagtail.signals import page_published, page_unpublished

        from portal.core.sites import public_address_changed
        from portal.pages.models import RestitutionPage

        from .models import RestitutionReport
        from .tasks import (
            delete_file,
            delete_on_unpublish,
            render_for_new_address,
            render_on_publish,
        )

        # Connected after portal.pages (earlier in INSTALLED_APPS) connects the receiver that
        # freezes the participation data, so the report is asked for once that is done.
        page_published.connect(
            render_on_publish, sender=RestitutionPage, dispatch_uid="render-restitution-report"
        )
        page_unpublished.connect(
            delete_on_unpublish, sender=RestitutionPage, dispatch_uid="withdraw-restitution-report"
        )
        post_delete.connect(delete_file, sender=RestitutionReport, dispatch_uid="delete-report")
        public_address_changed.connect(
            render_for_new_address, dispatch_uid="render-reports-for-new-address"
        )
