"""Site search: results, pagination, empty states and hostile input."""

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from tests.conftest import make_standard_page


@pytest.fixture
def pages(home):
    created = [
        make_standard_page(
            home, f"Jardin partagé numéro {i}", summary="Un jardin au cœur du quartier."
        )
        for i in range(23)
    ]
    make_standard_page(home, "Piscine municipale", summary="Horaires d’été.")
    call_command("update_index", verbosity=0)
    return created


def get(client, **params):
    response = client.get("/fr/recherche/", params)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_search_finds_pages_and_keeps_the_query_in_the_field(client, pages):
    soup = get(client, q="piscine")
    assert soup.find("input", id="search-page-field")["value"] == "piscine"
    assert [a.get_text() for a in soup.select(".search-result__title a")] == ["Piscine municipale"]
    assert "1 résultat" in soup.select_one(".search-page__count").get_text()


def test_results_are_paginated_and_pagination_keeps_the_query(client, pages):
    soup = get(client, q="jardin")
    assert len(soup.select(".search-result")) == 10
    assert "23 résultats" in soup.select_one(".search-page__count").get_text()
    next_link = soup.find("a", rel="next")["href"]
    assert "q=jardin" in next_link and "page=2" in next_link
    soup = get(client, q="jardin", page=3)
    assert len(soup.select(".search-result")) == 3
    assert soup.select_one(".search-results")["start"] == "21"


def test_no_result_state_gives_advice(client, pages):
    soup = get(client, q="zzzzzz")
    assert "Aucun résultat pour « zzzzzz »" in soup.select_one(".empty-state").get_text()


def test_empty_query_invites_to_type(client, home):
    soup = get(client)
    assert soup.select_one(".empty-state") is not None
    assert not soup.select(".search-result")


@pytest.mark.parametrize(
    "params",
    [
        {"q": "jardin", "page": "abc"},
        {"q": "jardin", "page": "9999"},
        {"q": "jardin", "page": "-1"},
        {"q": "jardin\x00piscine"},
        {"q": "<script>alert(1)</script>"},
        {"q": "x" * 5000},
        {"q": "' OR 1=1 --"},
        {"q": '"unclosed AND OR NOT ( *'},
    ],
)
def test_hostile_or_malformed_input_gives_a_normal_page(client, pages, params):
    soup = get(client, **params)
    assert soup.find("h1").get_text(strip=True) == "Recherche"
    assert "<script>alert" not in str(soup.find("main"))


def test_page_number_out_of_range_says_so(client, pages):
    soup = get(client, q="jardin", page="9999")
    assert soup.select_one(".notice") is not None
    assert len(soup.select(".search-result")) == 3


def test_search_is_limited_to_the_visitors_language(client, pages):
    response = client.get("/en/search/", {"q": "piscine"})
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "en"
    assert not soup.select(".search-result")


def test_results_cost_a_constant_number_of_queries(client, home):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for total in (2, 12):
        for i in range(total):
            make_standard_page(home, f"Verger {total}-{i}", summary="Un verger partagé.")
        call_command("update_index", verbosity=0)
        client.get("/fr/recherche/", {"q": "verger"})
        with CaptureQueriesContext(connection) as queries:
            client.get("/fr/recherche/", {"q": "verger"})
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_home_page_is_found_like_any_other_page(client, home):
    """It has no summary: its result shows the title alone."""
    call_command("update_index", verbosity=0)
    soup = get(client, q="accueil")
    assert [a.get_text() for a in soup.select(".search-result__title a")] == ["Accueil"]
    assert not soup.select(".search-result__text")
