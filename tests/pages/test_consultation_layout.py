"""The consultation page's layout: the phase stepper, the key facts, the calls to action and
the sections of the body, with forms folded behind their button."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.utils import timezone

from portal.pages.consultation import ConsultationPage, ConsultationStatus
from portal.pages.phases import Phase, steps
from portal.pages.sections import body_sections
from portal.participation.figures import Figures
from tests import factories
from tests.conftest import make_standard_page

PARIS = ZoneInfo("Europe/Paris")
PHASES = (
    (date(2026, 3, 2), date(2026, 3, 28), None),
    (date(2026, 3, 29), date(2026, 5, 17), date(2026, 5, 31)),  # extended by two weeks
    (date(2026, 6, 1), date(2026, 6, 30), None),
    (date(2026, 9, 1), date(2026, 10, 25), None),
)
FIGURES = Figures(contributions=42, supports=7, participants=31)


def at(year, month, day, hour=12):
    return time_machine.travel(datetime(year, month, day, hour, tzinfo=PARIS), tick=False)


def phases():
    return [
        Phase(title=f"Phase {n}", start=s, end=e, extended_end=x)
        for n, (s, e, x) in enumerate(PHASES, start=1)
    ]


@pytest.mark.parametrize(
    ("on", "states"),
    [
        (date(2026, 3, 1), ["next", "next", "next", "next"]),
        (date(2026, 3, 2), ["current", "next", "next", "next"]),
        (date(2026, 3, 28), ["current", "next", "next", "next"]),
        (date(2026, 3, 29), ["done", "current", "next", "next"]),
        (date(2026, 5, 31), ["done", "current", "next", "next"]),  # last day of the extension
        (date(2026, 6, 1), ["done", "done", "current", "next"]),
        (date(2026, 7, 15), ["done", "done", "done", "next"]),  # between two steps
        (date(2026, 10, 26), ["done", "done", "done", "done"]),
    ],
)
def test_each_step_is_done_current_or_next(on, states):
    shown = steps(phases(), on)
    assert [step.state for step in shown] == states
    assert [step.number for step in shown] == [1, 2, 3, 4]
    assert [step.extended for step in shown] == [False, True, False, False]


@pytest.fixture
def page(home):
    index = factories.consultation_index(home)
    return factories.consultation(index, "Place du Marché", phases=PHASES)


@pytest.mark.parametrize(
    ("moment", "status", "phase", "until", "days_left"),
    [
        ((2026, 3, 1), ConsultationStatus.UPCOMING, None, None, None),
        ((2026, 3, 2), ConsultationStatus.OPEN, "Phase 1", date(2026, 3, 28), 26),
        # Late in the evening of the last day in Paris (already the next day in UTC).
        ((2026, 3, 28, 23), ConsultationStatus.OPEN, "Phase 1", date(2026, 3, 28), 0),
        ((2026, 5, 20), ConsultationStatus.OPEN, "Phase 2", date(2026, 5, 31), 11),  # extended
        # Between two steps: the time left is the consultation's.
        ((2026, 7, 15), ConsultationStatus.OPEN, None, date(2026, 10, 25), 102),
        ((2026, 10, 26), ConsultationStatus.CLOSED, None, None, None),
    ],
)
def test_key_facts_say_the_status_and_the_time_left(page, moment, status, phase, until, days_left):
    with at(*moment):
        fresh = ConsultationPage.objects.get(pk=page.pk)
        facts = fresh.key_facts(FIGURES)
        if facts.until == fresh.closes:  # the same end: the same count as the cards'
            assert facts.days_left == fresh.days_left()
    assert facts.status == status
    assert (facts.phase.title if facts.phase else None) == phase
    assert facts.until == until
    assert facts.days_left == days_left
    assert (facts.opens, facts.closes) == (date(2026, 3, 2), date(2026, 10, 25))
    assert (facts.participants, facts.contributions) == (31, 42)


def text_of(element):
    return " ".join(element.get_text(" ").split())


def test_the_page_shows_the_stepper_and_the_key_facts_under_the_title(client, page):
    with at(2026, 5, 20):
        soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    stepper = soup.select_one(".stepper")
    assert soup.select_one("h1").find_next("section") is stepper
    states = [li["class"][1] for li in stepper.select("li.phase")]
    assert states == ["phase--done", "phase--current", "phase--next", "phase--next"]
    current = stepper.select_one('[aria-current="step"]')
    assert "Phase 2" in text_of(current)
    assert "En cours" in text_of(current)
    assert "prolongée jusqu’au 31 mai 2026" in text_of(current)
    facts = text_of(soup.select_one(".key-facts"))
    assert "Ouverte" in facts
    assert "11 jours jusqu’au 31 mai 2026, fin de l’étape « Phase 2 »" in facts
    assert "Participants 0" in facts
    assert "Vos avis guideront le projet." in facts


def test_the_last_day_says_so(client, page):
    with at(2026, 3, 28):
        soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    assert "Dernier jour aujourd’hui" in text_of(soup.select_one(".key-facts"))


def survey_block(survey, block_id, heading=""):
    return {"type": "survey", "value": {"survey": survey.pk, "heading": heading}, "id": block_id}


@pytest.fixture
def survey():
    survey = factories.SurveyFactory(title="La place et vous")
    factories.QuestionFactory(survey=survey, label="Que changeriez-vous ?")
    return survey


@pytest.fixture
def closed_box(page):
    return factories.IdeaBoxFactory(
        consultation=page, title="Vos idées", closes_at=timezone.now() - timedelta(hours=1)
    )


@pytest.fixture
def page_with_forms(page, survey, closed_box):
    page.body = [
        {"type": "heading", "value": {"text": "La place", "level": "h2", "anchor": ""}, "id": "h"},
        {"type": "paragraph", "value": "<p>Six mille mètres carrés.</p>", "id": "p1"},
        {"type": "heading", "value": {"text": "Détail", "level": "h3", "anchor": ""}, "id": "h3"},
        survey_block(survey, "enquete"),
        {"type": "paragraph", "value": "<p>Merci !</p>", "id": "p2"},
        {"type": "idea_form", "value": {"idea_box": closed_box.pk, "heading": ""}, "id": "idees"},
    ]
    page.save_revision().publish()
    return ConsultationPage.objects.get(pk=page.pk)


def test_the_body_is_cut_at_level_2_headings_and_around_each_form(page_with_forms):
    intro, sections = body_sections(page_with_forms.body)
    assert intro == []
    shown = [(s.anchor, s.label, [b.id for b in s.blocks]) for s in sections]
    assert shown == [
        ("section-h", "La place", ["h", "p1", "h3"]),
        ("section-enquete", "Questionnaire", ["enquete"]),
        ("section-p2", "", ["p2"]),  # after a form until a heading: not in the menu
        ("section-idees", "Proposer une idée", ["idees"]),
    ]


def test_blocks_before_the_first_heading_go_with_the_introduction(page, survey):
    page.body = [
        {"type": "paragraph", "value": "<p>D’abord.</p>", "id": "first"},
        survey_block(survey, "enquete", heading="Votre avis"),
    ]
    intro, sections = body_sections(page.body)
    assert [block.id for block in intro] == ["first"]
    assert [(s.anchor, s.label) for s in sections] == [("section-enquete", "Votre avis")]


def test_one_call_to_action_per_open_way_to_take_part_and_the_menu(client, page_with_forms):
    soup = BeautifulSoup(client.get(page_with_forms.url).content, "html.parser")
    actions = soup.select(".take-part a")
    # The survey is open; the idea box closed an hour ago: no call to action for it.
    assert [text_of(a) for a in actions] == ["Répondre à l’enquête La place et vous"]
    assert actions[0]["href"] == f"{page_with_forms.url}?take_part=enquete#block-enquete"
    menu = [(a["href"], text_of(a)) for a in soup.select(".page-nav a")]
    assert menu == [
        ("#section-h", "La place"),
        ("#section-enquete", "Questionnaire"),
        ("#section-idees", "Proposer une idée"),
        ("#practical", "Informations pratiques"),
    ]
    for href, _label in menu:
        assert soup.select_one(href) is not None, href


def test_a_form_waits_folded_until_its_call_to_action_asks_for_it(client, page_with_forms):
    folded = BeautifulSoup(client.get(page_with_forms.url).content, "html.parser")
    details = folded.select_one("#block-enquete details.take-part-form")
    assert details is not None and not details.has_attr("open")
    assert details.select_one("form input[name=block_id]")["value"] == "enquete"
    asked = client.get(page_with_forms.url, {"take_part": "enquete"})
    assert (
        BeautifulSoup(asked.content, "html.parser")
        .select_one("#block-enquete details.take-part-form")
        .has_attr("open")
    )


def test_a_form_sent_back_with_errors_comes_back_unfolded(client, page_with_forms):
    response = client.post(page_with_forms.url, {"block_id": "enquete"})
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("#block-enquete details.take-part-form").has_attr("open")
    assert soup.select_one("#block-enquete [data-error-summary]") is not None


def test_forms_on_other_pages_are_not_folded(client, home, survey):
    standard = make_standard_page(home, "Enquête", body=[survey_block(survey, "enquete")])
    soup = BeautifulSoup(client.get(standard.url).content, "html.parser")
    assert soup.select_one("#block-enquete form") is not None
    assert soup.select_one("details.take-part-form") is None


def test_a_consultation_with_nothing_to_introduce_has_no_empty_section(client, page):
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    assert soup.select_one("#project") is None
    assert [a["href"] for a in soup.select(".page-nav a")] == ["#practical"]
    page.objectives = "<p>Une place plus ombragée.</p>"
    page.save_revision().publish()
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    assert "Une place plus ombragée." in text_of(soup.select_one("#project"))
    assert [a["href"] for a in soup.select(".page-nav a")] == ["#project", "#practical"]
