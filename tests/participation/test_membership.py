"""What a consultation page embeds belongs to it: its surveys' answers and its petitions'
supports count in its figures and restitution without another field to set, in every
language once; the admin refuses what belongs to another consultation, clearly."""

import importlib
from datetime import date

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from portal.pages.models import ConsultationPage, RestitutionPage
from portal.participation import services
from portal.participation.figures import consultation_figures
from portal.participation.models import Petition, QuestionKind, Survey
from tests import factories
from tests.conftest import make_standard_page


@pytest.fixture
def index(home):
    return factories.consultation_index(home)


def consultation(index, title, slug):
    page = factories.consultation(
        index, title, slug=slug, phases=((date(2026, 1, 5), date(2030, 12, 31), None),)
    )
    page.phases.update(allows_supports=True)
    return page


@pytest.fixture
def park(index):
    return consultation(index, "Le parc des Tilleuls", "parc")


@pytest.fixture
def market(index):
    return consultation(index, "La place du Marché", "marche")


def survey(title="Quel parc voulez-vous ?", **fields):
    """An anonymous survey (its answers count at once) with one choice question."""
    made = factories.SurveyFactory(title=title, anonymous=True, **fields)
    factories.QuestionFactory(
        survey=made,
        kind=QuestionKind.SINGLE_CHOICE,
        label="Votre priorité ?",
        choices="Les jeux\nL’ombre",
    )
    return made


def answer(survey, times, option="L’ombre"):
    question = survey.questions.get()
    for _ in range(times):
        services.answer_survey(survey=survey, participant=None, answers={question: option})


def embed(page, *blocks, publish=True):
    """Give `page` a body of `(type, value)` blocks; publish it, or keep it as a draft."""
    page.body = [{"type": kind, "value": value} for kind, value in blocks]
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page


def survey_block(survey):
    return ("survey", {"survey": survey.pk, "heading": ""})


def test_an_embedded_survey_counts_in_the_figures_without_its_field(client, park):
    held = survey()
    embed(park, survey_block(held))
    held.refresh_from_db()
    assert held.consultation_id == park.pk
    answer(held, 3)
    assert consultation_figures(park).contributions == 3
    assert client.get(park.url).context["figures"].participants == 3


def test_the_restitution_counts_and_shows_the_embedded_survey(client, park):
    held = survey()
    embed(park, survey_block(held))
    answer(held, 2)
    answer(held, 1, option="Les jeux")
    page = factories.restitution(
        park,
        body=[
            {"type": "participation_figures", "value": {"heading": "Qui a participé"}},
            {"type": "survey_results", "value": {"survey": held.pk, "questions": []}},
        ],
    )
    page = RestitutionPage.objects.get(pk=page.pk)
    assert page.results["figures"]["contributions"] == 3
    assert page.results["surveys"][str(held.pk)]["respondents"] == 3
    html = client.get(page.url).content.decode()
    assert "3 personnes ont répondu à l’enquête." in html
    assert "apparaîtront" not in html


def test_a_draft_ties_nothing_until_it_is_published(park):
    held = survey()
    embed(park, survey_block(held), publish=False)
    held.refresh_from_db()
    assert held.consultation is None
    ConsultationPage.objects.get(pk=park.pk).get_latest_revision().publish()
    held.refresh_from_db()
    assert held.consultation_id == park.pk


def test_a_survey_on_another_page_belongs_to_no_consultation(home, park):
    held = survey()
    make_standard_page(
        home, "Enquête mobilité", body=[{"type": "survey", "value": {"survey": held.pk}}]
    )
    held.refresh_from_db()
    assert held.consultation is None
    answer(held, 2)
    assert consultation_figures(park).contributions == 0


def test_an_embedded_petition_counts_its_supports(park):
    petition = Petition.objects.create(title="Des fontaines", text="Nous demandons…")
    embed(park, ("support", {"petition": petition.pk, "heading": ""}))
    petition.refresh_from_db()
    assert petition.consultation_id == park.pk
    services.support(participant=factories.ParticipantFactory(), petition=petition)
    assert consultation_figures(park).supports == 1


def translate(page, locale):
    """The page's translation, published, with its ancestors translated first."""
    for ancestor in page.get_ancestors()[1:]:
        if ancestor.get_translation_or_none(locale) is None:
            ancestor.specific.copy_for_translation(locale).save_revision().publish()
    translated = page.specific.copy_for_translation(locale)
    translated.save_revision().publish()
    return type(page.specific).objects.get(pk=translated.pk)


def test_translations_count_their_surveys_once(park, locales):
    """The English page embeds the same survey or a translated one: every answer counts once,
    on the consultation's pages in both languages."""
    french = survey()
    embed(park, survey_block(french))
    english_page = translate(park, locales[1])
    english = survey("Which park do you want?")
    embed(english_page, survey_block(french), survey_block(english))
    french.refresh_from_db()
    english.refresh_from_db()
    assert french.consultation_id == park.pk  # it stays the French page's
    assert english.consultation_id == english_page.pk
    answer(french, 4)
    answer(english, 1)
    assert consultation_figures(park).contributions == 5
    assert consultation_figures(english_page).contributions == 5
    restitution = factories.restitution(park)
    assert RestitutionPage.objects.get(pk=restitution.pk).results["surveys"].keys() == {
        str(french.pk),
        str(english.pk),
    }


def test_a_survey_moves_from_one_consultation_to_another(park, market):
    held = survey()
    embed(park, survey_block(held))
    answer(held, 2)
    held.refresh_from_db()
    held.consultation = market
    with pytest.raises(ValidationError) as refused:
        held.full_clean()  # what the admin's form runs
    assert "Le parc des Tilleuls" in refused.value.message_dict["consultation"][0]
    embed(park)  # taken off the park's page
    held.consultation = None
    held.full_clean()
    held.save()
    embed(market, survey_block(held))
    held.refresh_from_db()
    assert held.consultation_id == market.pk
    assert consultation_figures(market).contributions == 2
    assert consultation_figures(park).contributions == 0


def test_an_existing_embedded_survey_is_tied_by_the_data_migration(home, park, market):
    untied = survey("Non rattachée")
    elsewhere = survey("À une autre", consultation=market)
    on_a_draft = survey("Dans un brouillon")
    on_a_standard_page = survey("Sur une page simple")
    petition = Petition.objects.create(title="Des fontaines", text="…")
    blocks = [
        survey_block(untied),
        survey_block(elsewhere),
        ("support", {"petition": petition.pk, "heading": ""}),
    ]
    ConsultationPage.objects.filter(pk=park.pk).update(
        body=[{"type": kind, "value": value} for kind, value in blocks]
    )  # as published before the rule existed
    embed(market, survey_block(on_a_draft), publish=False)
    make_standard_page(
        home, "Enquête", body=[{"type": "survey", "value": {"survey": on_a_standard_page.pk}}]
    )
    migration = importlib.import_module(
        "portal.participation.migrations.0005_embedded_items_belong_to_their_consultation"
    )
    migration.tie_embedded(apps, None)
    ties = dict(Survey.objects.values_list("title", "consultation"))
    assert ties == {
        "Non rattachée": park.pk,
        "À une autre": market.pk,
        "Dans un brouillon": None,
        "Sur une page simple": None,
    }
    petition.refresh_from_db()
    assert petition.consultation_id == park.pk


# The admin refuses what belongs to another consultation, next to the block concerned.


def consultation_form(body, supports=True):
    return nested_form_data(
        {
            "title": "Le jardin partagé",
            "slug": "jardin",
            "summary": "",
            "objectives": rich_text("<p>Un jardin.</p>"),
            "contribution_use": rich_text("<p>Vos avis guideront le projet.</p>"),
            "participation_degree": "consultation",
            "body": streamfield(body),
            "rules": rich_text(""),
            "guarantor": "",
            "guarantor_contact": "",
            "contact": streamfield([]),
            "phases": inline_formset(
                [
                    {
                        "title": "Avis",
                        "description": "",
                        "start": "2026-05-18",
                        "end": "2026-07-31",
                        "extended_end": "",
                        **({"allows_supports": "on"} if supports else {}),
                    }
                ]
            ),
        }
    )


def body_errors(response):
    """{block index: {field: message}} of the body's errors in the page editor."""
    assert response.status_code == 200, response.status_code
    error = response.context["form"].errors.as_data()["body"][0]
    return {
        index: {field: " ".join(e.messages) for field, e in block.block_errors.items()}
        for index, block in error.block_errors.items()
    }


def post_consultation(client, index, body, **options):
    url = f"/admin/pages/add/pages/consultationpage/{index.pk}/"
    return client.post(url, consultation_form(body, **options))


def test_the_editor_cannot_embed_what_belongs_to_another_consultation(admin_client, index, park):
    held = survey(consultation=park)
    petition = Petition.objects.create(title="Des fontaines", text="…", consultation=park)
    box = factories.IdeaBoxFactory(consultation=park, title="Vos idées pour le parc")
    response = post_consultation(
        admin_client,
        index,
        [
            ("paragraph", rich_text("<p>Bienvenue.</p>")),
            survey_block(held),
            ("support", {"petition": petition.pk, "heading": ""}),
            ("idea_form", {"idea_box": box.pk, "heading": ""}),
        ],
    )
    errors = body_errors(response)
    assert set(errors) == {1, 2, 3}
    assert errors[1]["survey"].startswith(
        "L’enquête « Quel parc voulez-vous ? » appartient à la concertation "
        "« Le parc des Tilleuls »"
    )
    assert "Le parc des Tilleuls" in errors[2]["petition"]
    assert "Le parc des Tilleuls" in errors[3]["idea_box"]
    assert not ConsultationPage.objects.filter(slug="jardin").exists()
    held.refresh_from_db()
    assert held.consultation_id == park.pk


def test_the_editor_embeds_a_free_survey_and_it_is_tied_on_publishing(admin_client, index):
    held = survey()
    data = consultation_form([survey_block(held)])
    data["action-publish"] = "publish"
    response = admin_client.post(f"/admin/pages/add/pages/consultationpage/{index.pk}/", data)
    assert response.status_code == 302
    held.refresh_from_db()
    assert held.consultation == ConsultationPage.objects.get(slug="jardin")


def test_a_petition_in_a_consultation_needs_a_phase_that_accepts_supports(admin_client, index):
    petition = Petition.objects.create(title="Des fontaines", text="…")
    response = post_consultation(
        admin_client,
        index,
        [("support", {"petition": petition.pk, "heading": ""})],
        supports=False,
    )
    assert "cochez « soutiens acceptés »" in body_errors(response)[0]["petition"]


def test_the_admin_keeps_an_embedded_petition_with_its_consultation(admin_client, park, market):
    petition = Petition.objects.create(title="Des fontaines", text="…")
    embed(park, ("support", {"petition": petition.pk, "heading": ""}))
    url = f"/admin/snippets/participation/petition/edit/{petition.pk}/"
    response = admin_client.post(
        url,
        nested_form_data(
            {
                "title": "Des fontaines",
                "text": "…",
                "opens_at": timezone.localtime(petition.opens_at).strftime("%Y-%m-%d %H:%M"),
                "closes_at": "",
                "consultation": market.pk,
                "thresholds": inline_formset([]),
            }
        ),
    )
    assert response.status_code == 200
    message = response.context["form"].errors["consultation"][0]
    assert message.startswith("Intégré à la page de la concertation « Le parc des Tilleuls »")
    petition.refresh_from_db()
    assert petition.consultation_id == park.pk


def test_a_restitution_shows_the_results_of_its_consultation_surveys_only(admin_client, park):
    other = survey("Une autre enquête")
    url = f"/admin/pages/add/pages/restitutionpage/{park.pk}/"
    response = admin_client.post(
        url,
        nested_form_data(
            {
                "title": "Ce que nous avons entendu",
                "slug": "restitution",
                "summary": "",
                "body": streamfield(
                    [("survey_results", {"survey": other.pk, "heading": "", "questions": []})]
                ),
            }
        ),
    )
    message = body_errors(response)[0]["survey"]
    assert message.startswith("L’enquête « Une autre enquête » ne fait pas partie")
    assert not RestitutionPage.objects.exists()


# A published restitution shows its data or says plainly why there is none.


def test_a_published_restitution_never_promises_results(client, park, locales):
    """Frozen before its survey was tied (published under the old rule), with a survey
    nobody answered: both say so plainly, in French and in English."""
    late = survey("Arrivée après la publication")
    answer(late, 2)
    silent = survey("Sans réponse")
    embed(park, survey_block(silent))
    page = factories.restitution(
        park,
        body=[
            {"type": "participation_figures", "value": {"heading": "Qui a participé"}},
            {"type": "survey_results", "value": {"survey": late.pk, "questions": []}},
            {"type": "survey_results", "value": {"survey": silent.pk, "questions": []}},
        ],
    )
    english = translate(page, locales[1])  # a translation freezes its data when published
    embed(park, survey_block(silent), survey_block(late))  # tied after the data was frozen
    french_html = client.get(page.url).content.decode()
    english_html = client.get(english.url).content.decode()
    assert english.url.startswith("/en/")
    assert "apparaîtr" not in french_html and "will appear" not in english_html
    assert "Aucun résultat de cette enquête n’a été enregistré pour cette concertation." in (
        french_html
    )
    assert "Personne n’a répondu à cette enquête." in french_html
    assert "No results of this survey were recorded for this consultation." in english_html
    assert "Nobody answered this survey." in english_html


def test_a_deleted_survey_is_said_to_be_deleted(client, park):
    held = survey()
    embed(park, survey_block(held))
    answer(held, 1)
    page = factories.restitution(
        park, body=[{"type": "survey_results", "value": {"survey": held.pk, "questions": []}}]
    )
    held.delete()
    html = client.get(page.url).content.decode()
    assert "Cette enquête a été supprimée" in html
