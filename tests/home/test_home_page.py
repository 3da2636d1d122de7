"""The home page as a resident sees it, and what it costs."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from home.models import HomePage
from tests import factories
from tests.conftest import make_standard_page


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_root_redirects_to_the_french_home(client, home):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="")
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


def test_home_shows_the_hero_and_the_page_skeleton(client, home):
    soup = soup_of(client.get("/fr/"))
    assert soup.html["lang"] == "fr"
    assert soup.find("h1").get_text(strip=True) == "Faisons la ville ensemble"
    skip_targets = [a["href"] for a in soup.select(".skip-links a")]
    assert skip_targets == ["#main", "#main-menu", "#search-field", "#footer"]
    for target in skip_targets:
        assert soup.find(id=target[1:]) is not None
    assert soup.find("main", id="main") and soup.find("footer", id="footer")


def test_home_describes_itself_to_search_engines(client, home):
    home.hero_text = "Donnez votre avis sur les projets de la Ville."
    home.save_revision().publish()
    description = soup_of(client.get("/fr/")).find("meta", attrs={"name": "description"})
    assert description["content"] == "Donnez votre avis sur les projets de la Ville."
    home.search_description = "Le portail de la participation de Bellecombe."
    home.save_revision().publish()
    description = soup_of(client.get("/fr/")).find("meta", attrs={"name": "description"})
    assert description["content"] == "Le portail de la participation de Bellecombe."


def test_footer_states_the_accessibility_status_in_french(client, home):
    soup = soup_of(client.get("/fr/"))
    assert "Accessibilité : non conforme" in " ".join(soup.find("footer").get_text().split())


def test_menu_lists_pages_shown_in_menus_and_marks_the_current_one(client, home):
    about = make_standard_page(home, "La participation", show_in_menus=True)
    make_standard_page(home, "Mentions légales", show_in_menus=False)
    soup = soup_of(client.get(about.url))
    links = {a.get_text(strip=True): a for a in soup.select(".main-menu__list a")}
    assert set(links) == {"Accueil", "La participation"}
    assert links["La participation"]["aria-current"] == "page"


def test_highlights_show_cards_in_the_chosen_order(client, home):
    first = make_standard_page(home, "Comment participer", summary="Mode d’emploi.")
    second = make_standard_page(home, "La participation", summary="Nos engagements.")
    home.highlights = [
        {
            "type": "highlight",
            "value": {"page": second.pk, "title": "", "text": "", "badge": "Nouveau"},
        },
        {"type": "highlight", "value": {"page": first.pk, "title": "Le guide", "text": ""}},
    ]
    home.save_revision().publish()
    soup = soup_of(client.get("/fr/"))
    titles = [h.get_text(strip=True) for h in soup.select(".card__title")]
    assert titles == ["La participation", "Le guide"]
    assert [p.get_text(strip=True) for p in soup.select(".card__text")] == [
        "Nos engagements.",
        "Mode d’emploi.",
    ]
    assert soup.select_one(".badge").get_text(strip=True) == "Nouveau"


def test_unpublished_highlight_is_left_out(client, home):
    page = make_standard_page(home, "Brouillon")
    home.highlights = [{"type": "highlight", "value": {"page": page.pk}}]
    home.save_revision().publish()
    page.unpublish()
    soup = soup_of(client.get("/fr/"))
    assert soup.select(".card") == []


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


HOME_QUERY_BUDGET = 25  # one checks the page is in the visitor’s language, one counts participants


@pytest.mark.parametrize("size", [1, 6])
def test_home_page_costs_a_constant_number_of_queries(client, home, size, settings):
    """Every section filled, with few or many items: the same number of queries.

    Shared fragments are off, so every section is built as on the first visit after a publish.
    """
    settings.PAGE_CACHE_SECONDS = 0
    today = timezone.localdate()
    index = factories.consultation_index(home)
    consultations = [
        factories.consultation(
            index,
            f"Concertation {i}",
            phases=((today - timedelta(days=3), today + timedelta(days=3), None),),
        )
        for i in range(size)
    ]
    closed = factories.consultation(
        index, "Parc", phases=((today - timedelta(days=30), today - timedelta(days=10), None),)
    )
    factories.restitution(closed)
    assert consultations
    agenda = factories.agenda(home)
    for i in range(size):
        factories.event(agenda, f"Atelier {i}", timezone.now() + timedelta(days=i + 1))
    pages = [make_standard_page(home, f"Page {i}", show_in_menus=True) for i in range(size)]
    home = HomePage.objects.get(pk=home.pk)
    home.highlights = [{"type": "highlight", "value": {"page": page.pk}} for page in pages]
    home.save_revision().publish()
    client.get("/fr/")  # warm the site root cache, as on a running server
    assert count_queries(client, "/fr/") == HOME_QUERY_BUDGET


def test_sections_appear_only_with_content(client, home):
    index = factories.consultation_index(home)
    factories.agenda(home)
    soup = soup_of(client.get("/fr/"))
    assert soup.select(".section__title") == []
    today = timezone.localdate()
    factories.consultation(
        index, "Place du Marché", phases=((today, today + timedelta(days=10), None),)
    )
    soup = soup_of(client.get("/fr/"))
    assert [h.get_text(strip=True) for h in soup.select(".section__title")] == [
        "Concertations ouvertes"
    ]
    assert soup.select_one(".section__more")["href"] == index.url


def test_preview_shows_the_drafts_highlights_not_the_shared_ones(admin_client, client, home):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    published = make_standard_page(home, "Page publiée")
    draft_choice = make_standard_page(home, "Choix du brouillon")
    home.highlights = [{"type": "highlight", "value": {"page": published.pk}}]
    home.save_revision().publish()
    client.get("/fr/")  # creates the settings row, which refreshes shared fragments
    client.get("/fr/")  # the published highlights are now shared
    data = nested_form_data(
        {
            "title": home.title,
            "slug": home.slug,
            "hero_title": home.hero_title,
            "hero_text": "",
            "hero_link_label": "",
            "body": streamfield([]),
            "highlights": streamfield(
                [
                    (
                        "highlight",
                        {
                            "page": draft_choice.pk,
                            "title": "",
                            "text": "",
                            "image": "",
                            "badge": "",
                        },
                    )
                ]
            ),
        }
    )
    url = f"/admin/pages/{home.pk}/edit/preview/"
    assert admin_client.post(url, data).json()["is_valid"]
    soup = BeautifulSoup(admin_client.get(url).content, "html.parser")
    assert [h.get_text(strip=True) for h in soup.select(".card__title")] == ["Choix du brouillon"]
