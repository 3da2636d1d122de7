"""Template tags shared by every page: icons, navigation, breadcrumbs, language switcher."""

import json

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse, translate_url
from django.utils.html import format_html
from django.utils.translation import get_language, override
from wagtail.models import Page, Site
from wagtail_localize.machine_translators import get_machine_translator

from portal.core import lookups, page_cache
from portal.core.listing import LINK_FIELDS

register = template.Library()


@register.simple_tag
def in_main_language():
    """` lang="fr"` on what staff write in the site's main language only (budget projects,
    their stages), on a page in another language: read aloud in its own language (WCAG
    3.1.2, language of parts); nothing on a page in the main language."""
    main = settings.LANGUAGE_CODE
    if get_language() == main:
        return ""
    return format_html(' lang="{}"', main)


@register.simple_tag
def map_tiles():
    """The tile server maps draw from (settings.MAP_TILE_URL), and whom the tiles come from,
    named before a visitor asks for a map."""
    return {"url": settings.MAP_TILE_URL, "provider": settings.MAP_TILE_PROVIDER}


@register.inclusion_tag("includes/points_map.html")
def place_map(latitude, longitude, label):
    """A small map of one point (an idea's, a budget project's), drawn when the visitor asks;
    `label` names the pin. The page writes the place as text beside it."""
    point = {"title": str(label), "lat": float(latitude), "lng": float(longitude)}
    return {"kind": "place", "points": json.dumps([point])}


@register.simple_tag
def icon(name, css_class=""):
    """An icon from the vendored Lucide sprite; decorative, so hidden from assistive technology.

    Arrows and chevrons point the way the text reads: mirrored right to left (portal.css).
    """
    if name.endswith(("-left", "-right")):
        css_class = f"icon--directional {css_class}".strip()
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
    site = Site.find_for_request(request)

    def build():
        root = _localized_root(request)
        if root is None:
            return None
        children = root.get_children().live().public().in_menu().only(*LINK_FIELDS)
        return {
            "root": {"pk": root.pk, "url": root.get_url(request)},
            "items": [
                {
                    "pk": child.pk,
                    "path": child.path,
                    "title": child.title,
                    "url": child.get_url(request),
                }
                for child in children
            ],
        }

    menu = page_cache.shared(f"main-menu:{site.pk if site else 0}:{get_language()}", build)
    current = context.get("page")
    current_path = getattr(current, "path", "")
    return {
        "page": current,
        "root": menu and menu["root"],
        "items": [
            {**item, "active": bool(current_path) and current_path.startswith(item["path"])}
            for item in (menu["items"] if menu else [])
        ],
    }


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """Ancestors of the current page below the site root, the home page first (kept until
    the next publish)."""
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"ancestors": [], "page": page}

    def read():
        return list(page.get_ancestors().filter(depth__gte=2).live().only(*LINK_FIELDS))

    # Under the path they are read for (a page moved meanwhile is read anew); a page being
    # created (a preview) has no id yet.
    ancestors = page_cache.shared(f"breadcrumbs:{page.path}", read) if page.pk else read()
    return {"ancestors": ancestors, "page": page, "request": context["request"]}


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """A link per language: to the page's live translation, else to the page saying, in that
    language, that it is not translated (`untranslated_page`).

    The links are the same for every visitor (they change only when a page is published, which
    refreshes the page cache). Views that are not pages (search) keep their path and change
    only the language prefix.
    """
    request = context["request"]
    page = context.get("page")
    if isinstance(page, Page) and page.pk:
        urls = page_cache.shared(
            f"language-links:{page.pk}", lambda: _translation_urls(request, page)
        )
    else:
        urls = {
            code: translate_url(request.get_full_path(), code) for code, _ in settings.LANGUAGES
        }
    current = get_language()
    return {
        "links": [
            {
                "code": code,
                "name": name,
                "url": urls.get(code, f"/{code}/"),
                "current": code == current,
            }
            for code, name in settings.LANGUAGES
        ]
    }


def _translation_urls(request, page):
    """{language code: URL} of the page's live translations, else of `untranslated_page`."""
    translations = {
        p.locale.language_code: p.get_url(request)
        for p in page.get_translations(inclusive=True)
        .live()
        .select_related("locale")
        .only(*LINK_FIELDS, "locale__language_code")
    }
    for code, _ in settings.LANGUAGES:
        if code not in translations:
            with override(code):
                translations[code] = reverse("untranslated_page", args=[page.pk])
    return translations


def active_locale(request):
    """The visitor's Locale, looked up once per request (and kept in the cache)."""
    if not hasattr(request, "_portal_locale"):
        request._portal_locale = lookups.locale_for(get_language())
    return request._portal_locale


@register.simple_tag(takes_context=True)
def localized_url(context, page):
    """The URL of a page chosen in settings, in the visitor's language when translated."""
    if page is None:
        return ""
    request = context["request"]
    locale = active_locale(request)
    if page.locale_id != locale.pk:
        page = page.get_translation_or_none(locale) or page
    return page.get_url(request) or ""


@register.filter
def file_extension(document):
    return document.file_extension.upper() if document else ""


@register.simple_tag(takes_context=True)
def page_query(context, number):
    """The current query string with `page` set to number: keeps search terms and filters.

    A listing may give the query its links must keep instead (`page_query_base`), and the
    name of its page number (`page_parameter`, see `listing.paginate`).
    """
    query = context.get("page_query_base", context["request"].GET).copy()
    query[context.get("page_parameter", "page")] = number
    return "?" + query.urlencode()


@register.simple_tag
def elided_pages(page_obj):
    """Page numbers around the current one, with ellipses: 1 … 4 5 [6] 7 8 … 20."""
    return list(page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2))


@register.filter
def described_by(field):
    """The ids of the field's hint and error (includes/field.html, includes/fieldset.html)."""
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}-hint")
    if field.errors:
        ids.append(f"{field.auto_id}-error")
    return " ".join(ids)


@register.simple_tag
def field_widget(field):
    """The field's input, tied to its hint and error for screen readers."""
    attrs = {"aria-describedby": ids} if (ids := described_by(field)) else {}
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


@register.filter
def field_anchor(field):
    """Where the error summary leads: the input, or the first option of a group of them."""
    return field.id_for_label or f"{field.auto_id}_0"


@register.simple_tag
def machine_translator_name():
    """The machine translation service the authority configured ("DeepL"), or "": what the
    privacy notice of the idea form names, as ideas' text is sent to it."""
    translator = get_machine_translator()
    return translator.display_name if translator else ""
