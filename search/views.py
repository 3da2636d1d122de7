"""Site search: live public pages of the visitor's language, paginated."""

import re

from django.template.response import TemplateResponse
from wagtail.models import Locale, Page

from portal.core.listing import paginate

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
    messages = []
    results = None
    if terms:
        pages = (
            Page.objects.live()
            .public()
            .filter(locale=Locale.get_active())
            .exclude(depth__lte=1)
            .specific()
            .search(terms)
        )
        results = paginate(request, pages, RESULTS_PER_PAGE, messages)
    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query, "results": results, "listing_messages": messages},
    )
