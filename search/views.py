"""Site search: live public pages of the visitor's language, paginated."""

import re

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


# Full-text engines give meaning to quotes, brackets and stars (and SQLite fails on an
# unclosed quote): residents search with words, so only words reach the engine.
SEARCH_SYNTAX = re.compile(r"[^\w'’-]+")


def search_terms(query):
    return " ".join(SEARCH_SYNTAX.sub(" ", query).split())


def search(request):
    # What the person typed is shown back as typed, without control characters (NUL bytes...).
    query = "".join(ch for ch in request.GET.get("q", "") if ch.isprintable()).strip()
    query = query[:MAX_QUERY_LENGTH]
    terms = search_terms(query)
    message = ""
    results = None
    if terms:
        pages = (
            Page.objects.live()
            .public()
            .filter(locale=Locale.get_active())
            .exclude(depth__lte=1)
            .specific(defer=True)
            .search(terms)
        )
        paginator = Paginator(pages, RESULTS_PER_PAGE)
        try:
            results = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            results = paginator.page(1)
            message = _("That page number is not valid; here is the first page of results.")
        except EmptyPage:
            results = paginator.page(paginator.num_pages)
            message = _("There are fewer pages of results; here is the last one.")
    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query, "results": results, "message": message},
    )
