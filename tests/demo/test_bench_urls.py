"""`manage.py bench_urls`: what `make bench` loads, one page per page type and a search."""

import json
from io import StringIO

from django.core.management import call_command
from wagtail.models import Page, PageViewRestriction

from portal.pages.models import StandardPage
from tests.conftest import make_standard_page


def bench_urls():
    out = StringIO()
    call_command("bench_urls", stdout=out)
    return json.loads(out.getvalue())


def test_one_french_url_per_page_type_of_the_demo_and_a_search(demo):
    entries = bench_urls()
    names = [entry["name"] for entry in entries]
    published = Page.objects.live().public().filter(locale__language_code="fr", depth__gt=1)
    page_types = {page.specific_class._meta.model_name for page in published}

    assert {"homepage", "standardpage"} <= page_types
    assert sorted(names) == sorted([*page_types, "search"])
    assert {"name": "search", "url": "/fr/recherche/?q=participation"} in entries
    assert all(entry["url"].startswith("/fr/") for entry in entries)


def test_every_url_answers_an_anonymous_visitor(demo, client):
    for entry in bench_urls():
        assert client.get(entry["url"]).status_code == 200, entry


def test_the_first_live_public_page_of_a_type_in_tree_order(home):
    home.add_child(instance=StandardPage(title="Brouillon", slug="brouillon", live=False))
    make_standard_page(home, "Projets", slug="projets").unpublish()
    private = make_standard_page(home, "Réservé", slug="reserve")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    make_standard_page(home, "Agenda", slug="agenda")
    make_standard_page(home, "Zoo", slug="zoo")

    urls = {entry["name"]: entry["url"] for entry in bench_urls()}

    assert urls == {
        "homepage": "/fr/",
        "standardpage": "/fr/agenda/",
        "search": "/fr/recherche/?q=participation",
    }
