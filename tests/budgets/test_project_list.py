"""The projects of a consultation on its page (filters, a random order stable while a visitor
browses, pages) and the winners' realisation on its restitution."""

from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from portal.budgets import services
from portal.budgets.models import ProjectStatus
from portal.pages.models import Theme
from tests import factories

from .factories import EnvelopeFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def listing(per_page=4, statuses=()):
    return {
        "type": "budget_projects",
        "value": {"heading": "", "statuses": list(statuses), "per_page": per_page},
        "id": "projets",
    }


def place_blocks(page, *blocks):
    page.body = list(blocks)
    page.save_revision().publish()
    return page


@pytest.fixture
def themes(locales):
    return [
        Theme.objects.create(locale=locales[0], name=name, slug=slug)
        for name, slug in (("Nature en ville", "nature"), ("Mobilités", "mobilites"))
    ]


@pytest.fixture
def page(consultation_page):
    return place_blocks(consultation_page, listing())


# The pages are French: the filters and notices are read as residents read them.


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def titles(response):
    return [h.get_text(strip=True) for h in soup_of(response).select("#block-projets h3")]


def get(client, on, **filters):
    return client.get(on.url, {f"projects-{name}": value for name, value in filters.items()})


@pytest.fixture
def town(page, envelope, districts, themes):
    """Five projects, in two envelopes, two districts and two themes."""
    quarter = EnvelopeFactory(
        consultation=envelope.consultation, title="Les Hauts", district=districts[1]
    )
    rows = (
        ("Bancs", envelope, 5_000, districts[0], themes[0], ProjectStatus.ON_BALLOT),
        ("Arbres", envelope, 20_000, districts[0], themes[0], ProjectStatus.ON_BALLOT),
        ("Pistes", envelope, 80_000, districts[1], themes[1], ProjectStatus.ON_BALLOT),
        ("Abris", quarter, 12_000, districts[1], themes[1], ProjectStatus.WINNER),
        ("Fontaine", quarter, 9_000, None, None, ProjectStatus.NOT_FEASIBLE),
    )
    return {
        title: ProjectFactory(
            title=title, envelope=env, cost=cost, district=district, theme=theme, status=status
        )
        for title, env, cost, district, theme, status in rows
    }


def test_filters_work_and_combine(client, page, town, districts, themes):
    everything = titles(get(client, page, sort="cheapest"))
    assert everything == ["Bancs", "Fontaine", "Abris", "Arbres"]  # four per page
    assert titles(get(client, page, sort="dearest", page="2")) == ["Bancs"]
    centre = districts[0].pk
    assert titles(get(client, page, district=centre, sort="cheapest")) == ["Bancs", "Arbres"]
    assert titles(get(client, page, district=centre, cost_min="10000")) == ["Arbres"]
    mobility = get(client, page, theme=themes[1].pk, cost_max="50000", status="winner")
    assert titles(mobility) == ["Abris"]
    envelope = town["Abris"].envelope
    assert titles(get(client, page, envelope=envelope.pk, sort="cheapest")) == [
        "Fontaine",
        "Abris",
    ]
    soup = soup_of(get(client, page, cost_min="1000000"))
    assert "Aucun projet ne correspond à ces filtres." in soup.get_text()
    card = soup_of(get(client, page, sort="cheapest")).select_one("#block-projets .card")
    assert "5\xa0000 €" in card.get_text() and "Centre-ville" in card.get_text()
    assert card.select_one("a")["href"] == town["Bancs"].get_absolute_url()


def test_the_filters_offer_what_the_projects_hold(client, page, town):
    soup = soup_of(client.get(page.url))
    form = soup.select_one("#block-projets form.filters")
    assert form["method"] == "get"
    district = [o.get_text() for o in form.select("[name=projects-district] option")]
    assert district == ["Tous les quartiers", "Centre-ville", "Les Hauts"]
    envelope = [o.get_text() for o in form.select("[name=projects-envelope] option")]
    assert len(envelope) == 3
    assert [label.get_text() for label in form.select("label")] == [
        "Enveloppe",
        "Quartier",
        "Thème",
        "Coût minimal (€)",
        "Coût maximal (€)",
        "État",
        "Ordre",
    ]


def test_the_editor_may_show_some_statuses_only(client, consultation_page, town):
    place_blocks(consultation_page, listing(statuses=["on_ballot"]))
    assert sorted(titles(client.get(consultation_page.url))) == ["Arbres", "Bancs", "Pistes"]
    soup = soup_of(client.get(consultation_page.url))
    assert not soup.select("[name=projects-status]")  # one status: nothing to choose


@pytest.mark.parametrize(
    "filters",
    [
        {"cost_min": "abc"},
        {"cost_min": "-5"},
        {"cost_max": "9" * 40},
        {"cost_max": "1e9999"},
        {"cost_min": "NaN"},
        {"district": "999999"},
        {"district": "x"},
        {"theme": "-1"},
        {"envelope": "99999999999999999999999"},
        {"status": "rejected"},
        {"sort": "votes"},
        {"seed": "0"},
        {"page": "x"},
        {"page": "99999"},
        {"cost_min": "1\x00"},
    ],
)
def test_hostile_filters_are_ignored_with_a_notice_never_an_error(client, page, town, filters):
    soup = soup_of(get(client, page, **filters))
    notice = soup.select_one("#block-projets .notice").get_text()
    assert any(
        words in notice for words in ("filtre a été ignoré", "moins de pages", "page n’est pas")
    )
    assert soup.select("#block-projets .card")


def test_the_random_order_is_stable_from_page_to_page(client, page, envelope):
    for number in range(12):
        ProjectFactory(envelope=envelope, title=f"Projet {number:02}")
    soup = soup_of(client.get(page.url))
    assert "dans un ordre aléatoire" in soup.select_one("#block-projets [role=status]").get_text()
    seed = soup.select_one("#block-projets input[name=projects-seed]")["value"]
    first = [h.get_text(strip=True) for h in soup.select("#block-projets h3")]
    assert titles(get(client, page, seed=seed)) == first
    next_page = soup.select_one("#block-projets .pagination a[rel=next]")["href"]
    assert f"projects-seed={seed}" in next_page and "projects-page=2" in next_page
    second = titles(client.get(page.url + next_page))
    assert len(second) == 4 and not set(first) & set(second)
    orders = {
        tuple(titles(get(client, page, seed=seed)))
        for seed in ("1000003", "123456789", "987654321", "55555555", "2000000011")
    }
    assert len(orders) > 1  # another seed, another order


def test_the_list_costs_the_same_queries_whatever_its_length(
    client, page, envelope, districts, themes
):
    images = [
        get_image_model().objects.create(title=f"Photo {n}", file=get_test_image_file())
        for n in range(2)
    ]

    def add(count):
        for number in range(count):
            ProjectFactory(
                envelope=envelope,
                district=districts[number % 2],
                theme=themes[number % 2],
                image=images[number % 2],
                image_alt="Une photo",
            )

    add(5)
    client.cookies["sessionid"] = "a-visitor-with-a-session"  # rendered, not the stored page
    client.get(page.url, {"projects-sort": "cheapest"})  # the images' renditions are made
    with CaptureQueriesContext(connection) as small:
        client.get(page.url, {"projects-sort": "cheapest"})
    add(45)
    client.get(page.url, {"projects-sort": "dearest", "projects-page": "3"})
    with CaptureQueriesContext(connection) as large:
        client.get(page.url, {"projects-sort": "cheapest", "projects-page": "3"})
    assert len(large) == len(small)
    with CaptureQueriesContext(connection) as shuffled:
        client.get(page.url, {"projects-seed": "1000003", "projects-page": "2"})
    assert len(shuffled) == len(small)


def test_an_ideas_list_and_a_projects_list_share_a_page_without_mixing(
    client, consultation_page, town
):
    box = factories.IdeaBoxFactory(consultation=consultation_page)
    place_blocks(
        consultation_page,
        listing(),
        {"type": "idea_list", "value": {"idea_box": box.pk, "per_page": 4}, "id": "idees"},
    )
    soup = soup_of(client.get(consultation_page.url, {"page": "2", "district": "x"}))
    assert not soup.select("#block-projets .notice")  # the ideas' parameters are theirs
    ids = [tag["id"] for tag in soup.select("[id]")]
    assert len(ids) == len(set(ids))


@pytest.fixture
def restitution(consultation_page):
    return factories.restitution(consultation_page)


def test_a_restitution_lists_the_winners_with_their_latest_stage(
    client, restitution, envelope, officer, django_capture_on_commit_callbacks
):
    place_blocks(
        restitution,
        {"type": "realisations", "value": {"heading": "Ce que deviennent les projets"}},
    )
    benches = ProjectFactory(envelope=envelope, title="Bancs", status=ProjectStatus.WINNER)
    ProjectFactory(envelope=envelope, title="Piscine", status=ProjectStatus.NOT_SELECTED)
    fountain = ProjectFactory(envelope=envelope, title="Fontaine", status=ProjectStatus.WINNER)
    today = timezone.localdate()
    for title, day in (("Étude", -30), ("Travaux", -3), ("Inauguration", 30)):
        services.add_realisation_stage(
            project=benches, user=officer, title=title, date=today + timedelta(days=day)
        )
    services.add_realisation_stage(
        project=fountain, user=officer, title="Livrée", date=date(2026, 1, 1), realised=True
    )
    response = client.get(restitution.url)
    cards = soup_of(response).select(".realisations .card")
    assert [card.h3.get_text(strip=True) for card in cards] == ["Bancs", "Fontaine"]
    assert "Dernière étape : Travaux" in cards[0].get_text()
    assert "En cours de réalisation" in cards[0].get_text() and "Réalisé" in cards[1].get_text()
    assert cards[0].a["href"] == benches.get_absolute_url()
    assert client.get(restitution.url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        services.add_realisation_stage(
            project=benches, user=officer, title="Bancs posés", date=today
        )
    response = client.get(restitution.url)
    assert response["X-Page-Cache"] == "miss"
    latest = soup_of(response).select_one(".realisations").get_text()
    assert "Dernière étape : Bancs posés" in latest


def test_a_restitution_listing_projects_is_cached_unless_their_order_is_random(
    client, restitution, town
):
    place_blocks(restitution, listing())
    client.get(restitution.url)
    assert "X-Page-Cache" not in client.get(restitution.url)  # each visitor draws an order
    cheapest = {"projects-sort": "cheapest", "projects-page": "2"}
    client.get(restitution.url, cheapest)
    assert client.get(restitution.url, cheapest)["X-Page-Cache"] == "hit"
    seeded = {"projects-seed": "1000003"}
    client.get(restitution.url, seeded)
    assert "X-Page-Cache" not in client.get(restitution.url, seeded)


def test_the_list_follows_the_consultation_into_its_translation(
    client, consultation_page, envelope, locales
):
    ProjectFactory(envelope=envelope, title="Bancs")
    place_blocks(consultation_page, listing())
    index = consultation_page.get_parent()
    home = index.get_parent()
    for source in (home, index):
        source.specific.copy_for_translation(locales[1]).save_revision().publish()
    english = consultation_page.copy_for_translation(locales[1])
    english.save_revision().publish()
    assert titles(client.get(english.url)) == ["Bancs"]


def test_an_officers_change_to_a_project_shows_at_once_on_a_cached_list(
    client, restitution, envelope, officer, django_capture_on_commit_callbacks
):
    project = ProjectFactory(envelope=envelope, title="Bancs", status=ProjectStatus.PROPOSED)
    place_blocks(restitution, listing(statuses=(ProjectStatus.PROPOSED, ProjectStatus.UNDER_STUDY)))
    cheapest = {"projects-sort": "cheapest"}
    client.get(restitution.url, cheapest)
    assert client.get(restitution.url, cheapest)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        services.study_project(project=project, user=officer, department="Voirie")
    response = client.get(restitution.url, cheapest)
    assert response["X-Page-Cache"] == "miss"
    card = soup_of(response).select_one(".card").get_text()
    assert "À l’étude" in card
