from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from portal.core import favicon
from portal.core import views as core_views
from portal.core.health import HealthView
from search import views as search_views

# A database away answers 503, not 500 (core.views.server_error).
handler500 = core_views.server_error

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    re_path(
        r"^theme/(?P<colour>[0-9a-f]{6})\.css$",
        core_views.theme_stylesheet,
        name="theme_stylesheet",
    ),
    path("documents/", include(wagtaildocs_urls)),
    # Wagtail's view hands the request to its Sitemap: the site's root paths are then looked up
    # once per request, not once per page.
    path("sitemap.xml", sitemap),
    path("favicon.ico", favicon.favicon_ico, name="favicon"),
    path("favicon.svg", favicon.favicon_svg, name="favicon_svg"),
    path("apple-touch-icon.png", favicon.apple_touch_icon, name="apple_touch_icon"),
    path("health/", HealthView.as_view(), name="health"),
    path("health/services/", HealthView.as_view(every_service=True), name="health-services"),
]

if settings.DEBUG or getattr(settings, "SERVE_MEDIA", False):
    # Development and browser tests only: production serves media from its storage.
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

urlpatterns += i18n_patterns(
    path(_("search/"), search_views.search, name="search"),
    path("", include("portal.participation.urls")),
    path("", include("portal.budgets.urls")),
    path("", include("portal.pages.urls")),
    path("", include("portal.proposals.urls")),
    path("", include("portal.follows.urls")),
    path("", include("portal.calendar.urls")),
    path("", include("portal.reports.urls")),
    path(_("not-translated/<int:pk>/"), core_views.untranslated_page, name="untranslated_page"),
    path("", include("portal.opendata.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
