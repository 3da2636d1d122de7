"""Site search: pages, events, ideas, petitions and budget projects in the visitor's
language, ranked together and paginated (search/results.py)."""

import re

from django.template.response import TemplateResponse

from portal.core.listing import paginate

from .results import Search

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
        search = Search(request, terms)
        results = paginate(request, search.ranked(), RESULTS_PER_PAGE, messages)
        results.object_list = search.results(results.object_list)
    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query, "results": results, "listing_messages": messages},
    )
