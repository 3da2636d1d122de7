"""Consultation cards: status, days left and participants, on the home page and the index."""

from datetime import date, timedelta

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.pages.consultation import with_participant_counts
from portal.pages.models import ConsultationPage
from portal.participation.figures import consultation_figures, participants_by_consultation
from portal.participation.models import (
    IdeaBox,
    IdeaSource,
    IdeaStatus,
    IdeaSupport,
    Petition,
    Support,
    SurveyResponse,
)
from tests import factories
from tests.factories import IdeaFactory, ParticipantFactory, SurveyFactory, paris

TODAY = date(2026, 6, 10)


@pytest.fixture(autouse=True)
def frozen(settings):
    settings.PAGE_CACHE_SECONDS = 0  # each request renders its cards
    with time_machine.travel(paris(TODAY, 12), tick=False):
        yield


@pytest.fixture
def index(home):
    return factories.consultation_index(home)


def consultation(index, title, start, end):
    """A consultation of one phase from `start` to `end` days after today."""
    return factories.consultation(
        index, title, phases=((TODAY + timedelta(days=start), TODAY + timedelta(days=end), None),)
    )


def take_part(page, people):
    """`people` participants who each propose an idea and support it."""
    box = IdeaBox.objects.create(title=f"Idées {page.pk}", consultation=page)
    for _ in range(people):
        idea = IdeaFactory(box=box, status=IdeaStatus.PUBLISHED)
        IdeaSupport.objects.create(participant=idea.participant, idea=idea, confirmed=True)
    return box


def cards(response):
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        card.select_one(".card__title").get_text(strip=True): card
        for card in soup.select(".card--consultation")
    }


def text(element):
    return " ".join(element.get_text(" ", strip=True).split()) if element else None


def test_participants_are_counted_as_the_consultation_page_counts_them(index, home):
    square = consultation(index, "La place du Marché", -5, 20)
    park = consultation(index, "Le parc", -5, 20)
    quiet = consultation(index, "Les rues", -5, 20)
    agenda = factories.agenda(home)
    event = factories.event(agenda, "Atelier", paris(TODAY - timedelta(days=2), 18))
    box = IdeaBox.objects.create(title="Vos idées", consultation=square)
    nadia, karim, lea, will = (ParticipantFactory() for _ in range(4))
    IdeaFactory(box=box, participant=nadia)  # awaits moderation: counted
    theirs = IdeaFactory(box=box, participant=karim, status=IdeaStatus.PUBLISHED)
    hers = IdeaFactory(box=box, participant=lea, status=IdeaStatus.PUBLISHED)
    paper = IdeaFactory(
        box=box,
        participant=None,
        source=IdeaSource.PAPER,
        collected_at=event,
        status=IdeaStatus.PUBLISHED,
    )
    IdeaFactory(box=box, status=IdeaStatus.REJECTED)  # not counted
    IdeaFactory(box=box, confirmed=False)  # not counted
    survey = SurveyFactory(consultation=square)
    SurveyResponse.objects.create(survey=survey, participant=nadia, confirmed=True)
    SurveyResponse.objects.create(survey=survey, participant=None, confirmed=True)  # anonymous
    SurveyResponse.objects.create(survey=survey, participant=ParticipantFactory())  # unconfirmed
    for idea in (theirs, hers, paper):
        IdeaSupport.objects.create(participant=nadia, idea=idea, confirmed=True)
    IdeaSupport.objects.create(participant=ParticipantFactory(), idea=hers)  # unconfirmed
    petition = Petition.objects.create(title="Une fontaine", text="…", consultation=square)
    Support.objects.create(participant=will, petition=petition, confirmed=True)
    # Nadia also takes part in the park's consultation: she counts there too.
    park_box = take_part(park, 2)
    IdeaSupport.objects.create(participant=nadia, idea=park_box.ideas.first(), confirmed=True)

    pages = list(ConsultationPage.objects.filter(pk__in=[square.pk, park.pk, quiet.pk]))
    with CaptureQueriesContext(connection) as queries:
        counts = participants_by_consultation(pages)
    assert len(queries) == 1
    # Nadia, Karim, Léa, Will, the idea written on paper and the anonymous answer.
    assert counts == {square.pk: 6, park.pk: 3, quiet.pk: 0}
    for page in pages:
        assert counts[page.pk] == consultation_figures(page).participants
    assert participants_by_consultation([]) == {}


def test_a_consultation_counts_its_participants_in_every_language(index, locales):
    from tests.participation.test_membership import translate

    square = consultation(index, "La place du Marché", -5, 20)
    take_part(square, 2)
    english = translate(square, locales[1])
    take_part(english, 1)
    counts = participants_by_consultation(
        ConsultationPage.objects.filter(pk__in=[square.pk, english.pk])
    )
    assert counts == {square.pk: 3, english.pk: 3}


@pytest.mark.parametrize(
    ("start", "end", "results", "expected"),
    [
        (-5, 3, False, 3),  # open, closes in three days
        (-5, 1, False, 1),
        (-5, 0, False, 0),  # open, today is the last day
        (2, 9, False, None),  # upcoming
        (-20, -1, False, None),  # closed yesterday
        (-5, 3, True, None),  # results published
    ],
)
def test_days_left_only_while_open(index, start, end, results, expected):
    page = consultation(index, "La place", start, end)
    if results:
        factories.restitution(page)
    page = ConsultationPage.objects.get(pk=page.pk)
    assert page.days_left() == expected


def test_the_index_cards_say_status_days_left_and_participants(client, index):
    closing = consultation(index, "La place du Marché", -5, 3)
    consultation(index, "Le plan vélo", -10, 0)
    consultation(index, "Les rues aux écoles", 5, 30)
    closed = consultation(index, "Le parc", -60, -10)
    take_part(closing, 2)
    take_part(closed, 1)

    found = cards(client.get(index.url))
    square = found["La place du Marché"]
    assert text(square.select_one(".card__status")) == "Ouverte 3 jours restants"
    assert text(square.select_one(".card__people")) == "2 participants"
    assert text(found["Le plan vélo"].select_one(".card__status")) == "Ouverte Dernier jour"
    assert text(found["Le plan vélo"].select_one(".card__people")) == "0 participant"
    assert text(found["Le parc"].select_one(".card__status")) == "Terminée"
    assert text(found["Le parc"].select_one(".card__people")) == "1 participant"
    # Before it opens, nobody can have taken part: no count, no countdown.
    upcoming = found["Les rues aux écoles"]
    assert text(upcoming.select_one(".card__status")) == "À venir"
    assert upcoming.select_one(".card__people") is None


def test_the_home_page_cards_count_participants(client, home, index):
    square = consultation(index, "La place du Marché", -5, 3)
    take_part(square, 4)
    found = cards(client.get("/fr/"))
    assert text(found["La place du Marché"].select_one(".card__people")) == "4 participants"
    assert "3 jours restants" in text(found["La place du Marché"])


def queries(client, url):
    client.get(url)  # warm the per-process caches, as on a running server
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", ["/fr/", "/fr/concertations/"])
def test_participant_counts_cost_no_query_per_card(client, index, url):
    for number in range(2):
        take_part(consultation(index, f"Concertation {number}", -5, 20 + number), 1)
    few = queries(client, url)
    for number in range(2, 12):
        take_part(consultation(index, f"Concertation {number}", -5, 20 + number), number)
    assert queries(client, url) == few


def test_with_participant_counts_gives_each_page_its_count(index):
    page = consultation(index, "La place", -5, 20)
    take_part(page, 3)
    (counted,) = with_participant_counts(ConsultationPage.objects.filter(pk=page.pk))
    assert counted.participant_count == 3
