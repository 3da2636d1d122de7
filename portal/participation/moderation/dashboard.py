"""The participation dashboard in the admin: each live consultation's figures, participation
per day over the last weeks and ideas by district."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from portal.core.moderation import queue_url

from ..figures import DAYS_SHOWN, consultation_figures, ideas_by_district, participation_per_day
from ..membership import consultation_pages
from ..models import Idea

# Moderators and editors both have it: everyone who works on participation sees the figures.
DASHBOARD_PERMISSION = "participation.view_ideabox"


class ParticipationDashboardView(WagtailAdminTemplateMixin, TemplateView):
    """Each live consultation's figures, newest first; then participation per day and ideas
    by district, across consultations.

    Consultations are listed in the default language: translations share their contributions.
    A few queries per consultation (see figures.py), none per contribution; the days and the
    districts cost five queries in all.
    """

    template_name = "participation/admin/dashboard.html"
    page_title = gettext_lazy("Participation dashboard")
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(DASHBOARD_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        awaiting = (
            Idea.objects.awaiting_moderation()
            .filter(box__consultation=OuterRef("pk"))
            .values("box__consultation")
            .annotate(count=Count("pk"))
            .values("count")
        )
        consultations = (
            consultation_pages()
            .live()
            .filter(locale=Locale.get_default())
            .with_dates()
            .annotate(awaiting=Coalesce(Subquery(awaiting), 0))
            .order_by(F("opens_on").desc(nulls_first=True), "-pk")
            .only("title")
        )
        rows = [
            (consultation, consultation_figures(consultation)) for consultation in consultations
        ]
        days = [
            (date_format(day, "D j M"), contributions, supports)
            for day, contributions, supports in participation_per_day(timezone.localdate())
        ]
        districts = [(name or _("No district"), count) for name, count in ideas_by_district()]
        return super().get_context_data(
            rows=rows,
            queue_url=queue_url(Idea),
            days=bars(days),
            days_shown=DAYS_SHOWN,
            districts=bars(districts),
            **kwargs,
        )


def bars(rows):
    """Each row with the width of its bar, in percent of the largest first count: the bars
    only draw the numbers the table writes."""
    largest = max((row[1] for row in rows), default=0) or 1
    return [(*row, 100 * row[1] / largest) for row in rows]
