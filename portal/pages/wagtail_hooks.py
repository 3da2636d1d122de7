"""Admin menus for the records editors reuse across pages (themes, districts, organisers),
what the editor is told when publishing, and which pages a language serves."""

from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.core.templatetags.dates import long_date

from .languages import serve_in_own_language_only
from .restitution import RestitutionPage, open_until
from .taxonomy import District, Organiser, Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]
    ordering = ["name"]


class DistrictViewSet(SnippetViewSet):
    model = District
    icon = "site"
    list_display = ["name", "slug"]
    search_fields = ["name"]
    ordering = ["name"]


class OrganiserViewSet(SnippetViewSet):
    model = Organiser
    icon = "group"
    list_display = ["name", "kind", "website"]
    list_filter = ["kind"]
    search_fields = ["name"]
    ordering = ["name"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    items = (ThemeViewSet, DistrictViewSet, OrganiserViewSet)
    menu_icon = "tag"
    menu_label = _("Themes, districts, organisers")
    menu_name = "taxonomy"


register_snippet(TaxonomyViewSetGroup)


@hooks.register("after_publish_page")
def warn_of_an_early_restitution(request, page):
    """A restitution that goes live while its consultation is open shows the participation of
    that day: the editor is told to publish it again once the consultation is over. One
    scheduled for after the consultation's end gets no warning."""
    if not isinstance(page, RestitutionPage):
        return
    goes_live = page.go_live_at if page.go_live_at and page.go_live_at > timezone.now() else None
    closes = open_until(page.consultation, on=goes_live and timezone.localdate(goes_live))
    if closes is not None:
        messages.warning(
            request,
            gettext(
                "“%(title)s” goes live while its consultation is open until %(date)s: it shows "
                "the figures and answers of that day. Once the consultation is over, publish "
                "it again with “update the participation data when publishing” ticked."
            )
            % {"title": page.title, "date": long_date(closes)},
        )


hooks.register("before_serve_page", serve_in_own_language_only)
