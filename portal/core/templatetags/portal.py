"""Template tags shared by every page: icons, navigation, breadcrumbs, language switcher."""

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.translation import get_language
from wagtail.models import Page, Site

register = template.Library()


@register.simple_tag
def icon(name, css_class=""):
    """An icon from the vendored Lucide sprite; decorative, so hidden from assistive technology."""
    return format_html(
        '<svg class="icon {}" aria-hidden="true" focusable="false"><use href="{}#{}"></use></svg>',
        css_class,
        static("icons/sprite.svg"),
        name,
    )


def _localized_root(request):
    site = Site.find_for_request(request)
    if site is None:
        return None
    if not hasattr(request, "_portal_localized_root"):
        request._portal_localized_root = site.root_page.localized
    return request._portal_localized_root


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The home page's children marked "show in menus", in the visitor's language."""
    request = context["request"]
    root = _localized_root(request)
    current = context.get("page")
    items = []
    if root is not None:
        items = list(
            root.get_children()
            .live()
            .public()
            .in_menu()
            .only("id", "path", "title", "url_path", "depth")
        )
    current_path = getattr(current, "path", "")
    return {
        "request": request,
        "page": current,
        "root": root,
        "items": [
            {"page": item, "active": bool(current_path) and current_path.startswith(item.path)}
            for item in items
        ],
    }


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """Ancestors of the current page below the site root, the home page first."""
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"ancestors": [], "page": page}
    ancestors = (
        page.get_ancestors()
        .filter(depth__gte=2)
        .live()
        .only("id", "path", "title", "url_path", "depth")
    )
    return {"ancestors": list(ancestors), "page": page, "request": context["request"]}


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """A link per language: to the page's translation if any, else that language's home.

    Views that are not pages (search) keep their path and change only the language prefix.
    """
    request = context["request"]
    page = context.get("page")
    current = get_language()
    translations = {}
    if isinstance(page, Page):
        translations = {
            p.locale.language_code: p
            for p in page.get_translations(inclusive=True).live().select_related("locale")
        }
        root = _localized_root(request)
        homes = {}
        if root is not None and len(translations) < len(settings.LANGUAGES):
            homes = {
                p.locale.language_code: p
                for p in root.get_translations(inclusive=True).live().select_related("locale")
            }
    links = []
    for code, name in settings.LANGUAGES:
        if isinstance(page, Page):
            target = translations.get(code) or homes.get(code)
            url = target.get_url(request) if target else f"/{code}/"
        else:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return {"links": links}


@register.simple_tag(takes_context=True)
def localized_url(context, page):
    """The URL of a page chosen in settings, in the visitor's language when translated."""
    if page is None:
        return ""
    return page.localized.get_url(context["request"]) or ""


@register.filter
def file_extension(document):
    return document.file_extension.upper() if document else ""


@register.simple_tag(takes_context=True)
def page_query(context, number):
    """The current query string with `page` set to number: keeps search terms and filters."""
    query = context["request"].GET.copy()
    query["page"] = number
    return "?" + query.urlencode()


@register.simple_tag
def elided_pages(page_obj):
    """Page numbers around the current one, with ellipses: 1 … 4 5 [6] 7 8 … 20."""
    return list(page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2))
