"""Site search beyond pages: ideas, petitions, budget projects and events, each said for what
it is and linked to where it is shown, in the visitor's language, at a constant cost."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from portal.pages.models import AgendaPage
from portal.participation import services
from portal.participation.models import IdeaStatus, Petition
from tests import factories
from tests.budgets.factories import EnvelopeFactory, ProjectFactory
from tests.conftest import make_standard_page

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def consultation(home):
    return factories.consultation(factories.consultation_index(home), "Place du marché")


@pytest.fixture
def box(consultation):
    return factories.IdeaBoxFactory(consultation=consultation)


def idea(box, status=IdeaStatus.PUBLISHED, **fields):
    return factories.IdeaFactory(box=box, status=status, **fields)


def embed_petition(page, **fields):
    petition = Petition.objects.create(**fields)
    page.body = [
        {"type": "support", "value": {"petition": petition.pk, "heading": ""}, "id": "appel"}
    ]
    page.save_revision().publish()  # publishing ties the petition to the consultation
    petition.refresh_from_db()
    return petition


def search(client, q, language="fr", **params):
    path = "/fr/recherche/" if language == "fr" else "/en/search/"
    response = client.get(path, {"q": q, **params})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def found(soup):
    """(what it is, title, link) of each result."""
    return [
        (
            result.select_one(".search-result__type").get_text(" ", strip=True).split(" · ")[0],
            result.select_one(".search-result__title a").get_text(strip=True),
            result.select_one(".search-result__title a")["href"],
        )
        for result in soup.select(".search-result")
    ]


def test_a_published_idea_is_found_by_a_word_of_its_description(client, box):
    shown = idea(box, title="Une halte fraîcheur", description="Une fontaine près du kiosque.")
    soup = search(client, "fontaine")
    assert found(soup) == [("Idée", "Une halte fraîcheur", shown.get_absolute_url())]
    assert soup.select_one(".search-result__text").get_text() == "Une fontaine près du kiosque."
    assert "1 résultat" in soup.select_one(".search-page__count").get_text()


def test_an_idea_is_found_once_moderators_publish_it(client, box, django_user_model):
    """Indexed by the save that publishes it (the signal), not by a later update_index."""
    waiting = idea(box, status=IdeaStatus.SUBMITTED, description="Une fontaine à eau.")
    assert found(search(client, "fontaine")) == []
    moderator = django_user_model.objects.create_user("moderatrice")
    services.change_status(
        idea=waiting, to_status=IdeaStatus.PUBLISHED, user=moderator, notify=False
    )
    assert [title for _kind, title, _url in found(search(client, "fontaine"))] == [waiting.title]


@pytest.mark.parametrize("status", [IdeaStatus.SUBMITTED, IdeaStatus.REJECTED])
def test_pending_and_rejected_ideas_are_never_found(client, box, status):
    from wagtail.search.models import IndexEntry

    hidden = idea(box, status=status, description="Une fontaine cachée.")
    idea(box, status=IdeaStatus.RETAINED, title="Retenue", description="Une fontaine retenue.")
    assert [title for _k, title, _u in found(search(client, "fontaine"))] == ["Retenue"]
    assert not IndexEntry.objects.filter(object_id=str(hidden.pk), body__contains="cachée")


def test_ideas_of_a_consultation_not_shown_are_not_found(client, consultation, box):
    idea(box, description="Une fontaine.")
    consultation.unpublish()
    assert found(search(client, "fontaine")) == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="French stemming is PostgreSQL's")
def test_an_inflected_french_form_finds_the_idea_on_postgresql(client, box):
    idea(box, title="Rafraîchir la place", description="Installer une fontaine.")
    assert [title for _k, title, _u in found(search(client, "fontaines"))] == [
        "Rafraîchir la place"
    ]


def test_a_petition_is_found_and_links_to_its_block(client, consultation):
    petition = embed_petition(
        consultation, title="Sauvons les platanes", text="Nous demandons l’arrêt des abattages."
    )
    soup = search(client, "abattages")
    assert found(soup) == [("Interpellation", petition.title, f"{consultation.url}#block-appel")]


def test_a_petition_is_not_found_before_it_opens(client, consultation):
    """An editor may prepare one long before residents see it."""
    petition = embed_petition(consultation, title="Sauvons les platanes", text="Les abattages.")
    petition.opens_at = timezone.now() + timedelta(days=30)
    petition.save()
    assert found(search(client, "abattages")) == []


def test_a_budget_project_is_found_and_links_to_its_page(client, consultation):
    envelope = EnvelopeFactory(consultation=consultation)
    project = ProjectFactory(envelope=envelope, title="Cour oasis", summary="Des arbres fruitiers.")
    assert found(search(client, "fruitiers")) == [
        ("Projet du budget participatif", "Cour oasis", project.get_absolute_url())
    ]


def test_an_event_is_found_with_its_date(client, home):
    agenda = factories.agenda(home)
    start = datetime(2026, 6, 4, 18, tzinfo=PARIS)
    event = factories.event(agenda, "Balade des jardins", start, summary="Rendez-vous au parc.")
    soup = search(client, "balade")
    assert found(soup) == [("Événement", "Balade des jardins", event.url)]
    assert "4 juin 2026" in soup.select_one(".search-result__type").get_text()


def test_every_kind_is_found_in_one_list_with_its_count(client, home, consultation, box):
    idea(box, title="Potager", description="Un potager partagé.")
    embed_petition(consultation, title="Un potager", text="Pour un potager partagé.")
    ProjectFactory(envelope=EnvelopeFactory(consultation=consultation), title="Potager au parc")
    make_standard_page(home, "Le potager des Lilas", summary="Un jardin partagé.")
    soup = search(client, "potager")
    kinds = sorted(kind for kind, _title, _url in found(soup))
    assert kinds == sorted(["Idée", "Interpellation", "Projet du budget participatif", "Page"])
    assert "4 résultats" in soup.select_one(".search-page__count").get_text()


@pytest.fixture
def english_home(home):
    english = home.copy_for_translation(Locale.objects.get(language_code="en"))
    english.save_revision().publish()
    return english


def test_english_visitors_get_english_content_only(client, home, english_home, box):
    make_standard_page(home, "Fontaine Wallace", summary="Une fontaine.")
    make_standard_page(english_home, "Wallace fountain", summary="A fountain.")
    idea(box, description="Une fontaine Wallace.")
    assert [title for _k, title, _u in found(search(client, "Wallace", "en"))] == [
        "Wallace fountain"
    ]


def test_english_visitors_find_the_ideas_of_a_consultation_shown_in_english(
    client, english_home, consultation, box
):
    """The consultation's English page lists its ideas: they are found there, linked in
    English."""
    index = consultation.get_parent()
    english = Locale.objects.get(language_code="en")
    index.copy_for_translation(english).save_revision().publish()
    consultation.copy_for_translation(english).save_revision().publish()
    shown = idea(box, title="Fontaine", description="Une fontaine Wallace.")
    with_english = found(search(client, "Wallace", "en"))
    assert with_english == [("Idea", "Fontaine", f"/en/participation/ideas/{shown.pk}/fontaine/")]


@pytest.mark.parametrize(
    "q",
    [
        '"fontaine',
        "fontaine\x00kiosque",
        "fon\x00taine" * 1000,
        "x" * 10_000,
        "' OR 1=1 --",
        '"unclosed AND OR NOT ( * NEAR(',
        "-fontaine",
        "fontaine*",
        "^fontaine:title",
    ],
)
def test_hostile_queries_give_a_normal_page(client, box, q):
    idea(box, description="Une fontaine.")
    soup = search(client, q)
    assert soup.find("h1").get_text(strip=True) == "Recherche"


def make_ideas(home, consultation, count):
    box = factories.IdeaBoxFactory(consultation=consultation)
    for i in range(count):
        idea(box, title=f"Verger {i}", description="Un verger partagé.")


def make_petitions(home, consultation, count):
    petitions = [
        Petition.objects.create(title=f"Verger {i}", text="Un verger.", consultation=consultation)
        for i in range(count)
    ]
    consultation.body = [
        {"type": "support", "value": {"petition": p.pk, "heading": ""}, "id": f"p{p.pk}"}
        for p in petitions
    ]
    consultation.save_revision().publish()


def make_projects(home, consultation, count):
    envelope = EnvelopeFactory(consultation=consultation)
    for i in range(count):
        ProjectFactory(envelope=envelope, title=f"Verger {i}")


def make_events(home, consultation, count):
    agenda = AgendaPage.objects.first() or factories.agenda(home)
    for i in range(count):
        start = datetime(2026, 6, 4, 18, tzinfo=PARIS) + timedelta(days=i)
        factories.event(agenda, f"Verger {i}", start, slug=f"verger-{count}-{i}")


def make_pages(home, consultation, count):
    for i in range(count):
        make_standard_page(home, f"Verger {count}-{i}", summary="Un verger.")


@pytest.mark.parametrize(
    "make", [make_ideas, make_petitions, make_projects, make_events, make_pages]
)
def test_results_cost_a_constant_number_of_queries(client, home, consultation, make):
    """A page of results costs the same with 2 or 12 of a kind (one query per kind shown,
    and per page type shown)."""
    counts = []
    for count in (2, 12):
        make(home, consultation, count)
        search(client, "verger")
        with CaptureQueriesContext(connection) as queries:
            soup = search(client, "verger")
        assert len(soup.select(".search-result")) == min(count, 10)
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_a_translated_petition_is_found_once_in_each_language(client, consultation, locales):
    """Its English version in English, its original in French; the page's other blocks (a
    paragraph before it) never trouble the link to its block."""
    petition = Petition.objects.create(title="Des fontaines", text="Deux fontaines à eau.")
    consultation.body = [
        {"type": "paragraph", "value": "<p>Le projet.</p>", "id": "texte"},
        {"type": "support", "value": {"petition": petition.pk, "heading": ""}, "id": "appel"},
    ]
    consultation.save_revision().publish()
    petition = Petition.objects.get(pk=petition.pk)
    english = petition.copy_for_translation(locales[1])
    english.title, english.text = "Fountains", "Two drinking-water fountains."
    english.save()
    english_page = consultation.copy_for_translation(locales[1], copy_parents=True)
    english_page.save_revision().publish()
    french_results = found(search(client, "fontaines"))
    assert french_results == [
        ("Interpellation", "Des fontaines", f"{consultation.url}#block-appel")
    ]
    english_results = found(search(client, "fountains", language="en"))
    assert english_results == [("Petition", "Fountains", f"{english_page.url}#block-appel")]
    assert found(search(client, "fontaines", language="en")) == []
