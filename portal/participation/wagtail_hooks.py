"""Petitions in the admin, with their thresholds and their number of supports."""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Petition


class PetitionViewSet(SnippetViewSet):
    model = Petition
    icon = "pick"
    menu_label = _("Petitions")
    add_to_admin_menu = True
    menu_order = 300
    search_fields = ["title"]
    list_display = [
        "title",
        "opens_at",
        "closes_at",
        Column("support_count", label=_("Confirmed supports")),
    ]

    def get_queryset(self, request):
        return Petition.objects.annotate(
            support_count=Count("supports", filter=Q(supports__confirmed=True))
        ).order_by("-opens_at")


register_snippet(PetitionViewSet)
