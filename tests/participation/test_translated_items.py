"""Surveys, idea boxes and petitions translated with wagtail-localize, like pages: residents
read them in their language, and what they give in any language pools into one set of results
(participation/models/translated.py)."""

from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from portal.core import roles
from portal.core.roles import StaffRole
from portal.participation import accountability, services
from portal.participation.figures import consultation_figures
from portal.participation.models import (
    Idea,
    IdeaBox,
    IdeaField,
    IdeaStatus,
    Petition,
    QuestionKind,
    Support,
    SurveyResponse,
    Threshold,
)
from portal.participation.models.ideas import IdeaFieldKind
from portal.participation.survey_results import survey_results
from tests import factories
from tests.participation.test_membership import embed, translate

SURVEY_WORDS = {
    "Le parc de demain": "Tomorrow's park",
    "Votre priorité ?": "Your priority?",
    "Les jeux": "Games",
    "L’ombre": "Shade",
    "Les deux": "Both",
    "Merci pour vos réponses.": "Thank you for your answers.",
    "Votre note": "Your mark",
}


def localize(item, locale, words):
    """Translate `item` into `locale` as an editor does in wagtail-localize: each string of
    its source translated (those `words` names), then the translation made."""
    source, _created = TranslationSource.get_or_create_from_instance(item)
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        if segment.string.data in words:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": words[segment.string.data]},
            )
    translated, _created = source.create_or_update_translation(locale, fallback=True)
    return type(item).objects.get(pk=translated.pk)


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def park(home):
    index = factories.consultation_index(home)
    page = factories.consultation(
        index, "Le parc", slug="parc", phases=((date(2026, 1, 5), date(2030, 12, 31), None),)
    )
    page.phases.update(allows_supports=True)
    return page


@pytest.fixture
def french_survey(park):
    survey = factories.SurveyFactory(title="Le parc de demain", anonymous=True, consultation=park)
    factories.QuestionFactory(
        survey=survey,
        kind=QuestionKind.SINGLE_CHOICE,
        label="Votre priorité ?",
        choices="Les jeux\nL’ombre\nLes deux",
    )
    factories.QuestionFactory(survey=survey, kind=QuestionKind.SCALE, label="Votre note")
    return survey


def pages_with(park, locales, block):
    """The consultation in French and in English, each embedding `block` (type, field, item)
    in its own language's version; the English page is a copy, as wagtail-localize makes."""
    kind, field, french, english = block
    embed(park, (kind, {field: french.pk, "heading": ""}))
    park.refresh_from_db()
    english_page = translate(park, locales[1])
    english_page.body = [{"type": kind, "value": {field: english.pk, "heading": ""}}]
    english_page.save_revision().publish()
    english_page.refresh_from_db()
    return park, english_page


def block_id(page):
    return page.body.raw_data[0]["id"]


def test_wagtail_localize_asks_for_each_option_alone_and_keeps_their_order(french_survey, locales):
    source, _created = TranslationSource.get_or_create_from_instance(french_survey)
    strings = set(
        StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
    )
    assert {"Les jeux", "L’ombre", "Les deux", "Votre priorité ?", "Le parc de demain"} <= strings
    english = localize(french_survey, locales[1], SURVEY_WORDS)
    assert english.locale == locales[1] and english.original == french_survey
    assert english.title == "Tomorrow's park"
    question = english.questions.get(kind=QuestionKind.SINGLE_CHOICE)
    assert question.options == ["Games", "Shade", "Both"]
    assert (
        question.translation_key
        == french_survey.questions.get(kind="single_choice").translation_key
    )
    # What is not text follows the original: dates, rules, the consultation.
    # (wagtail-localize copies them from its JSON snapshot of the source: to the millisecond)
    assert abs((english.opens_at - french_survey.opens_at).total_seconds()) < 0.001
    assert english.anonymous
    assert english.consultation_id == french_survey.consultation_id


def test_a_survey_answered_in_french_and_in_english_has_one_results_table(
    client, park, french_survey, locales
):
    english = localize(french_survey, locales[1], SURVEY_WORDS)
    french_page, english_page = pages_with(
        park, locales, ("survey", "survey", french_survey, english)
    )
    choice = french_survey.questions.get(kind=QuestionKind.SINGLE_CHOICE)
    scale = french_survey.questions.get(kind=QuestionKind.SCALE)

    form = soup_of(client.get(english_page.url)).select_one(f"#block-{block_id(english_page)}")
    labels = [label.get_text(" ", strip=True) for label in form.select("label")]
    assert {"Games", "Shade", "Both"} <= set(labels)
    assert not {"Les jeux", "L’ombre", "Les deux"} & set(labels)
    assert "Your priority?" in form.get_text() and "Votre priorité" not in form.get_text()

    for page, option, mark in ((french_page, "L’ombre", 4), (english_page, "L’ombre", 5)):
        prefix = block_id(page)
        response = client.post(
            page.url,
            {"block_id": prefix, f"{prefix}-q{choice.pk}": option, f"{prefix}-q{scale.pk}": mark},
        )
        assert response.status_code == 303, response.content.decode()[:2000]
    # The English thank-you message, said on the English page.
    assert "Thank you for your answers." in client.get(english_page.url).content.decode()

    assert SurveyResponse.objects.filter(survey=english).count() == 0
    figures = consultation_figures(french_page)
    assert figures.contributions == 2 and consultation_figures(english_page) == figures
    results = {r.question.pk: r for r in survey_results(french_survey, confidential=False)}
    assert [(o.label, o.count) for o in results[choice.pk].options] == [
        ("Les jeux", 0),
        ("L’ombre", 2),
        ("Les deux", 0),
    ]
    assert results[scale.pk].respondents == 2 and results[scale.pk].mean == 4.5

    # The English restitution reads the same figures, in English words.
    row = accountability.survey_row(french_survey, locales[1])
    assert row["title"] == "Tomorrow's park" and row["respondents"] == 2
    first = row["questions"][0]
    assert first["label"] == "Your priority?"
    assert [(o["label"], o["count"]) for o in first["options"]] == [
        ("Games", 0),
        ("Shade", 2),
        ("Both", 0),
    ]
    assert (
        accountability.survey_row(french_survey, locales[0])["questions"][0]["options"][1]["label"]
        == "L’ombre"
    )


def test_an_english_answer_cannot_be_given_twice_by_changing_language(client, park, locales):
    survey = factories.SurveyFactory(title="Le parc de demain", consultation=park)
    question = factories.QuestionFactory(
        survey=survey,
        kind=QuestionKind.SINGLE_CHOICE,
        label="Votre priorité ?",
        choices="Les jeux\nL’ombre",
    )
    english = localize(survey, locales[1], SURVEY_WORDS)
    someone = factories.confirmed("camille@example.org")
    services.answer_survey(survey=survey, participant=someone, answers={question: "Les jeux"})
    with pytest.raises(services.AlreadyAnswered):
        services.check_answerable(survey=english.original, participant=someone)


def test_the_staff_results_of_a_translation_are_its_originals(admin_client, french_survey, locales):
    english = localize(french_survey, locales[1], SURVEY_WORDS)
    question = french_survey.questions.get(kind=QuestionKind.SINGLE_CHOICE)
    services.answer_survey(survey=french_survey, participant=None, answers={question: "L’ombre"})
    url = reverse("wagtailsnippets_participation_survey:results", args=[english.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    assert response.context["survey"] == french_survey
    counts = {}
    for language in ("fr", "en"):
        listing = admin_client.get(
            reverse("wagtailsnippets_participation_survey:list"), {"locale": language}
        )
        counts.update((row.pk, row.response_count) for row in listing.context["object_list"])
    assert counts == {french_survey.pk: 1, english.pk: 1}


def test_an_idea_proposed_on_the_english_page_joins_the_original_box(client, park, locales):
    box = factories.IdeaBoxFactory(title="Vos idées pour le parc", consultation=park)
    budget = IdeaField.objects.create(
        box=box, kind=IdeaFieldKind.CHOICE, label="Budget estimé", choices="Petit\nGrand"
    )
    box = IdeaBox.objects.get(pk=box.pk)  # as the editor's next request reads it
    english = localize(
        box,
        locales[1],
        {
            "Vos idées pour le parc": "Your ideas for the park",
            "Budget estimé": "Estimated budget",
            "Petit": "Small",
            "Grand": "Large",
        },
    )
    assert english.original == box
    _french_page, english_page = pages_with(park, locales, ("idea_form", "idea_box", box, english))
    prefix = block_id(english_page)
    form = soup_of(client.get(english_page.url)).select_one(f"#block-{prefix}")
    assert "Your ideas for the park" in form.get_text()
    options = {
        o.get_text(strip=True): o["value"] for o in form.select(f"#id_{prefix}-{budget.key} option")
    }
    assert options["Large"] == "Grand" and "Grand" not in options
    with translation.override("en"):
        response = client.post(
            english_page.url,
            {
                "block_id": prefix,
                f"{prefix}-title": "Des bancs",
                f"{prefix}-description": "Des bancs à l’ombre des tilleuls, près des jeux.",
                f"{prefix}-{budget.key}": "Grand",
                f"{prefix}-email": "lou@example.org",
                f"{prefix}-display_name": "",
            },
        )
    assert response.status_code in (303, 400), response.status_code
    if response.status_code == 400:  # show what the form refused, to fix the test's data
        errors = soup_of(response).select(".error-summary li, .field-error")
        pytest.fail(str([e.get_text(strip=True) for e in errors]))
    idea = Idea.objects.get()
    assert idea.box == box and idea.extra == {budget.key: "Grand"}
    # Its page in English names the field and the option in English.
    assert idea.public_extra(english) == [("Estimated budget", "Large")]
    assert idea.public_extra() == [("Budget estimé", "Grand")]


def test_a_support_on_the_english_page_counts_for_the_original_petition(client, park, locales):
    petition = Petition.objects.create(
        title="Un kiosque", text="Rouvrir le kiosque.", consultation=park
    )
    Threshold.objects.create(
        petition=petition,
        count=2,
        label="Médiation",
        consequence="Les élus reçoivent les pétitionnaires.",
    )
    petition = Petition.objects.get(pk=petition.pk)  # as the editor's next request reads it
    english = localize(
        petition,
        locales[1],
        {
            "Un kiosque": "A bandstand",
            "Médiation": "Mediation",
            "Les élus reçoivent les pétitionnaires.": "The councillors meet the petitioners.",
        },
    )
    _french_page, english_page = pages_with(
        park, locales, ("support", "petition", petition, english)
    )
    page_text = soup_of(client.get(english_page.url)).get_text()
    assert "A bandstand" in page_text and "The councillors meet the petitioners." in page_text
    assert "Médiation" not in page_text
    someone = factories.confirmed("sam@example.org")
    services.support(participant=someone, petition=english.original)
    assert Support.objects.get().petition == petition


def test_an_editor_translates_a_survey_from_its_admin_list(
    client, django_user_model, french_survey
):
    editor = django_user_model.objects.create_user("editrice", "e@mairie.example", "x")
    editor.groups.add(roles.group(StaffRole.EDITORS))
    client.force_login(editor)
    listing = client.get(reverse("wagtailsnippets_participation_survey:list"))
    translate = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["participation", "survey", french_survey.pk],
    )
    assert translate in listing.content.decode()
    assert client.get(translate).status_code == 200


def test_an_english_restitution_links_ideas_in_english_whoever_publishes_it(park, locales):
    box = factories.IdeaBoxFactory(consultation=park)
    factories.IdeaFactory(box=box, status=IdeaStatus.PUBLISHED, title="Des bancs")
    english_page = translate(park, locales[1])
    with translation.override("fr"):  # a French-speaking editor publishes it
        data = accountability.snapshot(english_page, locales[1])
    assert data["ideas"][0]["url"].startswith("/en/")
    assert accountability.snapshot(park, locales[0])["ideas"][0]["url"].startswith("/fr/")
