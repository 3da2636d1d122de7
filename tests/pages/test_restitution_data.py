"""A restitution's data blocks: figures right against hand-computed fixtures, frozen at
publication, survey charts with their tables, ideas and answers filterable on the page."""

import re
from datetime import date

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from portal.core.http import page_url
from portal.pages.models import District, RestitutionPage, Theme
from portal.participation import services
from portal.participation.models import IdeaBox, IdeaStatus, QuestionKind
from tests import factories
from tests.factories import paris

TODAY = date(2026, 9, 10)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(paris(TODAY, 12), tick=False):
        yield


@pytest.fixture
def terms(locales):
    fr = locales[0]
    return {
        "green": Theme.objects.create(locale=fr, name="Espaces verts", slug="espaces-verts"),
        "life": Theme.objects.create(locale=fr, name="Cadre de vie", slug="cadre-de-vie"),
        "centre": District.objects.create(locale=fr, name="Centre-ville", slug="centre"),
        "port": District.objects.create(locale=fr, name="Le Port", slug="port"),
    }


@pytest.fixture
def park(home, terms):
    index = factories.consultation_index(home)
    page = factories.consultation(
        index, "Le parc des Tilleuls", phases=((date(2026, 5, 18), date(2026, 7, 31), None),)
    )
    page.phases.update(allows_supports=True)
    return page


def idea(box, participant, title, status, theme, district, answer="", reason=""):
    """An idea brought to `status` through the services, as moderators would."""
    if participant is None:
        made = services.enter_paper_idea(
            box=box,
            user=None,
            collected_at=None,
            title=title,
            description="Sur papier.",
            theme=theme,
            district=district,
        )
    else:
        made = services.submit_idea(
            box=box,
            participant=participant,
            title=title,
            description="En ligne.",
            theme=theme,
            district=district,
        )
        services.change_status(idea=made, to_status=IdeaStatus.PUBLISHED, user=None, notify=False)
    if status != IdeaStatus.PUBLISHED:
        services.change_status(idea=made, to_status=status, user=None, note=reason, notify=False)
    if answer:
        services.answer_idea(idea=made, user=None, answer=answer, notify=False)
    return made


@pytest.fixture
def participation(park, terms):
    """Five people and a paper idea, whose figures are counted by hand in the tests:

    - Alice answers the survey, proposes idea A and supports A, B and C: one participant;
    - Bruno proposes idea B (retained) and supports A;
    - Chloé only answers the survey;
    - Driss supports C (not retained);
    - Emma's idea D is rejected at moderation: it does not count, nor does she;
    - idea C comes on paper (no participant): one more person.
    """
    with time_machine.travel(paris(date(2026, 6, 15), 12), tick=False):  # during the phase
        return contributions(park, terms)


def contributions(park, terms):
    people = {
        name: factories.ParticipantFactory(display_name=name)
        for name in ("Alice", "Bruno", "Chloé", "Driss", "Emma")
    }
    box = factories.IdeaBoxFactory(consultation=park, title="Vos idées pour le parc")
    ideas = {
        "A": idea(
            box,
            people["Alice"],
            "Des bancs à l’ombre",
            IdeaStatus.PUBLISHED,
            terms["green"],
            terms["centre"],
        ),
        "B": idea(
            box,
            people["Bruno"],
            "Rouvrir l’aire de jeux",
            IdeaStatus.RETAINED,
            terms["life"],
            terms["centre"],
            answer="Elle rouvrira au printemps 2027.",
        ),
        "C": idea(
            box,
            None,
            "Un parking sous le parc",
            IdeaStatus.NOT_RETAINED,
            terms["life"],
            terms["port"],
            answer="Nous ne le ferons pas.",
            reason="Les racines des tilleuls seraient détruites.",
        ),
    }
    rejected = services.submit_idea(
        box=box,
        participant=people["Emma"],
        title="Hors sujet",
        description="…",
        theme=terms["green"],
        district=terms["port"],
    )
    services.change_status(
        idea=rejected, to_status=IdeaStatus.REJECTED, user=None, note="Hors sujet", notify=False
    )
    for name, supported in (("Alice", "ABC"), ("Bruno", "A"), ("Driss", "C")):
        for letter in supported:
            services.support_idea(participant=people[name], idea=ideas[letter])
    survey = factories.SurveyFactory(consultation=park, title="Quel parc voulez-vous ?")
    choice = factories.QuestionFactory(
        survey=survey,
        kind=QuestionKind.SINGLE_CHOICE,
        label="Votre priorité ?",
        choices="Les jeux\nL’ombre\nL’éclairage",
    )
    secret = factories.QuestionFactory(
        survey=survey,
        kind=QuestionKind.SINGLE_CHOICE,
        label="Question confidentielle",
        choices="Oui\nNon",
        confidential=True,
    )
    text = factories.QuestionFactory(
        survey=survey, kind=QuestionKind.LONG_TEXT, label="Autre chose ?", required=False
    )
    for name, priority in (("Alice", "L’ombre"), ("Chloé", "L’ombre")):
        services.answer_survey(
            survey=survey,
            participant=people[name],
            answers={choice: priority, secret: "Oui", text: "Mon adresse : 3 rue X"},
        )
    return {"people": people, "ideas": ideas, "survey": survey, "box": box}


def restitution(park, body=(), publish=True):
    page = RestitutionPage(title="Ce que nous avons entendu", slug="restitution", body=list(body))
    park.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return RestitutionPage.objects.get(pk=page.pk)


def test_figures_count_each_person_once_whatever_they_did(park, participation):
    page = restitution(park)
    figures = page.results["figures"]
    # Ideas A, B, C + two survey answers; Emma's rejected idea does not count.
    assert figures["contributions"] == 5
    # Idea supports: Alice 3, Bruno 1, Driss 1.
    assert figures["supports"] == 5
    # Alice, Bruno, Chloé, Driss, and the unknown author of the paper idea.
    assert figures["participants"] == 5
    by_theme = {row["name"]: row for row in figures["by_theme"]}
    assert by_theme["Cadre de vie"] == {
        "name": "Cadre de vie",
        "contributions": 2,
        "supports": 3,
        "participants": 4,
    }
    assert by_theme["Espaces verts"] == {
        "name": "Espaces verts",
        "contributions": 1,
        "supports": 2,
        "participants": 2,
    }  # idea A by Alice, supported by Alice and Bruno
    by_district = {row["name"]: row for row in figures["by_district"]}
    assert by_district["Centre-ville"]["contributions"] == 2
    assert by_district["Le Port"] == {
        "name": "Le Port",
        "contributions": 1,
        "supports": 2,
        "participants": 3,
    }  # idea C on paper, supported by Alice and Driss
    assert page.results["consultation"] == {
        "title": "Le parc des Tilleuls",
        "opens": "2026-05-18",
        "closes": "2026-07-31",
    }


def test_survey_results_leave_out_free_text_and_confidential_questions(park, participation):
    page = restitution(park)
    survey = page.results["surveys"][str(participation["survey"].pk)]
    assert survey["respondents"] == 2
    assert [question["label"] for question in survey["questions"]] == ["Votre priorité ?"]
    options = {option["label"]: option for option in survey["questions"][0]["options"]}
    assert options["L’ombre"]["count"] == 2 and options["L’ombre"]["percent"] == 100
    assert options["Les jeux"]["count"] == 0
    assert "3 rue X" not in str(page.results)


def test_ideas_keep_their_answers_and_public_reasons_only(park, participation):
    page = restitution(park)
    ideas = {idea["title"]: idea for idea in page.results["ideas"]}
    assert set(ideas) == {
        "Des bancs à l’ombre",
        "Rouvrir l’aire de jeux",
        "Un parking sous le parc",
    }
    assert ideas["Rouvrir l’aire de jeux"]["answer"] == "Elle rouvrira au printemps 2027."
    assert ideas["Un parking sous le parc"]["reason"].startswith("Les racines")
    assert "Hors sujet" not in str(page.results)  # the private reason of a rejection


def test_published_figures_do_not_shift_when_late_data_arrives(park, participation):
    page = restitution(park)
    # An idea collected on paper is typed in after the results were published.
    idea(participation["box"], None, "Un kiosque", IdeaStatus.PUBLISHED, None, None)
    page.title = "Ce que nous avons entendu (corrigé)"
    revision = page.save_revision()
    revision.publish()
    page = RestitutionPage.objects.get(pk=page.pk)
    assert page.results["figures"]["contributions"] == 5
    assert page.results["figures"]["participants"] == 5
    # The data is kept with the revision, so rolling back restores what was published then.
    revision.refresh_from_db()
    assert revision.content["results"]["figures"]["contributions"] == 5

    page.refresh_results = True
    page.save_revision().publish()
    page = RestitutionPage.objects.get(pk=page.pk)
    assert page.results["figures"]["contributions"] == 6
    assert page.results["figures"]["participants"] == 6
    assert page.refresh_results is False


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def page_with_blocks(park, participation):
    survey = participation["survey"]
    return restitution(
        park,
        [
            {
                "type": "participation_figures",
                "value": {"heading": "Qui a participé", "show_breakdown": True},
                "id": "chiffres",
            },
            {
                "type": "survey_results",
                "value": {"survey": survey.pk, "heading": "", "questions": []},
                "id": "enquete",
            },
            {
                "type": "ideas_answers",
                "value": {"heading": "Vos idées, nos réponses", "statuses": []},
                "id": "idees",
            },
            {
                "type": "retained_ideas",
                "value": {"heading": "Ce que nous retenons"},
                "id": "retenues",
            },
        ],
    )


def test_blocks_show_figures_charts_with_tables_and_answers(client, page_with_blocks):
    soup = soup_of(client.get(page_with_blocks.url))
    figures = soup.select_one("#chiffres")
    assert [value.get_text() for value in figures.select(".block-figures__value")] == [
        "5",
        "5",
        "5",
    ]
    assert "du 18 mai au 31 juillet 2026" in figures.get_text()
    for chart in soup.select("svg.bar-chart"):
        assert chart["role"] == "img"
        assert soup.find(id=chart["aria-labelledby"]) is not None  # its title
        # The same figures as a table right after it, behind "Afficher le tableau".
        toggle = chart.find_next_sibling()
        assert toggle.name == "details" and "open" not in toggle.attrs
        assert toggle.summary.get_text(strip=True) == "Afficher le tableau"
        assert toggle.find("table", class_="data-table") is not None
    survey = soup.select_one("#enquete")
    assert survey.select_one("h2").get_text() == "Quel parc voulez-vous ?"
    row = next(tr for tr in survey.select("tbody tr") if tr.th.get_text() == "L’ombre")
    assert [td.get_text() for td in row.select("td")] == ["2", "100 %"]
    ideas = soup.select_one("#idees")
    assert len(ideas.select(".answer")) == 3
    assert "Les racines des tilleuls seraient détruites." in ideas.get_text()
    retained = soup.select_one("#retenues")
    assert [h.get_text(strip=True) for h in retained.select(".answer__title")] == [
        "Rouvrir l’aire de jeux"
    ]
    assert "Elle rouvrira au printemps 2027." in retained.get_text()


def test_ideas_filter_by_status_without_javascript(client, page_with_blocks):
    soup = soup_of(client.get(page_with_blocks.url, {"status-idees": IdeaStatus.NOT_RETAINED}))
    titles = [h.get_text(strip=True) for h in soup.select("#idees .answer__title")]
    assert titles == ["Un parking sous le parc"]
    select = soup.select_one("#idees select")
    assert soup.find("label", attrs={"for": select["id"]}) is not None
    for hostile in ("<script>", "x" * 5000, "\x00", "retained' OR 1=1"):
        soup = soup_of(client.get(page_with_blocks.url, {"status-idees": hostile}))
        assert len(soup.select("#idees .answer")) == 3


def test_rendering_the_data_blocks_costs_no_query_per_idea(client, page_with_blocks, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(page_with_blocks.url)
    with CaptureQueriesContext(connection) as few:
        client.get(page_with_blocks.url)
    box = IdeaBox.objects.get()
    for number in range(10):
        made = services.submit_idea(
            box=box,
            participant=factories.ParticipantFactory(),
            title=f"Idée {number}",
            description="…",
        )
        services.change_status(idea=made, to_status=IdeaStatus.PUBLISHED, user=None, notify=False)
    page_with_blocks.refresh_results = True
    page_with_blocks.save_revision().publish()
    with CaptureQueriesContext(connection) as many:
        response = client.get(page_with_blocks.url)
    assert (
        response.content.decode().count('class="answer ')
        + response.content.decode().count('class="answer"')
        >= 13
    )
    assert len(many) == len(few)


def test_a_draft_previews_todays_data(park, participation):
    page = restitution(park, publish=False)
    assert page.results == {}
    assert page.participation_data()["figures"]["participants"] == 5


def test_survey_block_refuses_questions_of_another_survey(park, participation):
    from wagtail.blocks.struct_block import StructBlockValidationError

    from portal.blocks.restitution_data import SurveyResultsBlock

    other = factories.QuestionFactory(kind=QuestionKind.SINGLE_CHOICE, choices="a\nb")
    block = SurveyResultsBlock()
    value = block.to_python(
        {"survey": participation["survey"].pk, "heading": "", "questions": [str(other.pk)]}
    )
    with pytest.raises(StructBlockValidationError):
        block.clean(value)


def test_survey_block_marks_each_question_with_its_surveys_in_constant_queries(
    park, participation, locales, django_assert_num_queries
):
    """What the page editor's script reads to offer the chosen survey's questions only: a
    question's original survey and its translations, which an editor may choose too: the
    questions offered, then their surveys, whatever their number."""
    from portal.blocks.restitution_data import SurveyResultsBlock

    survey = participation["survey"]
    english = survey.copy_for_translation(locales[1])
    english.save()
    other = factories.QuestionFactory(kind=QuestionKind.SINGLE_CHOICE, choices="a\nb")
    widget = SurveyResultsBlock().child_blocks["questions"].field.widget
    with django_assert_num_queries(3):
        html = widget.render("body-0-value-questions", [])
    inputs = BeautifulSoup(html, "html.parser").select("input[type=checkbox]")
    surveys = {int(i["value"]): i["data-survey-question-surveys-value"] for i in inputs}
    assert surveys[other.pk] == str(other.survey_id)
    own = set(survey.questions.values_list("pk", flat=True)) & set(surveys)
    assert own and {surveys[pk] for pk in own} == {f"{survey.pk} {english.pk}"}
    assert all(i["data-controller"] == "survey-question" for i in inputs)


def test_participants_who_asked_are_told_once_in_their_language(
    park, participation, mailoutbox, django_capture_on_commit_callbacks, locales
):
    people = participation["people"]
    for name in ("Alice", "Driss", "Emma"):
        people[name].wants_results = True
        people[name].save()
    people["Driss"].language = "en"
    people["Driss"].save()
    services.erase(participant=people["Emma"])  # erased: nothing is left to write to
    with django_capture_on_commit_callbacks(execute=True):
        page = restitution(park)
    assert sorted(message.to[0] for message in mailoutbox) == sorted(
        [people["Alice"].email, people["Driss"].email]
    )
    french = next(m for m in mailoutbox if m.to == [people["Alice"].email])
    assert french.subject == "Les résultats de « Le parc des Tilleuls » sont publiés"
    assert page_url(page) in french.body
    english = next(m for m in mailoutbox if m.to == [people["Driss"].email])
    assert english.subject == "The results of “Le parc des Tilleuls” are published"
    # Republishing tells nobody twice.
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert len(mailoutbox) == 2


@override_settings(PUBLIC_BASE_URL="https://participation.example.fr")
def test_the_results_email_links_to_the_public_address(
    park, participation, mailoutbox, django_capture_on_commit_callbacks
):
    """Not to the Site record's host (localhost, as Wagtail's first migration leaves it)."""
    participation["people"]["Alice"].wants_results = True
    participation["people"]["Alice"].save()
    with django_capture_on_commit_callbacks(execute=True):
        restitution(park)
    (message,) = mailoutbox
    links = re.findall(r"https?://\S+", message.body)
    assert links[0] == (
        "https://participation.example.fr/fr/concertations/le-parc-des-tilleuls/restitution/"
    )
    assert links[1].startswith("https://participation.example.fr/fr/participation/mes-donnees/")
    assert len(links) == 2
    assert "localhost" not in message.body
