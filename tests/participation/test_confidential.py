"""Answers given as confidential: read by the roles that need them only, and never published.

Confidential survey questions and idea boxes' confidential extra fields are read in the admin
by moderators and administrators (`participation.view_confidential`); editors build the
forms but do not read those answers. A field that has received confidential answers stays
confidential.
"""

import csv
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone, translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data
from wagtail.users.models import UserProfile

from portal.core import roles
from portal.core.roles import StaffRole
from portal.participation import services
from portal.participation.models import Idea, IdeaBox, IdeaField, Question, QuestionKind
from tests import factories
from tests.factories import QuestionFactory, SurveyFactory, confirmed

SECRET = "Infirmière de nuit"
OPEN_ANSWER = "Plus de pistes cyclables"
STAYS_CONFIDENTIAL = "People have answered this as confidential"
STAYS_CONFIDENTIAL_IN_FULL = (
    "People have answered this as confidential: their answers can never be made public. "
    "To collect public answers, add a new field."
)


def in_english(user):
    """The admin in English, the language of the source strings."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def staff(django_user_model, role):
    """A staff account holding the role."""
    user = django_user_model.objects.create_user(role, f"{role}@mairie.example", "x")
    user.groups.add(roles.group(role))
    return in_english(user)


@pytest.fixture
def editor(db, django_user_model):
    return staff(django_user_model, StaffRole.EDITORS)


@pytest.fixture
def moderator(db, django_user_model):
    return staff(django_user_model, StaffRole.MODERATORS)


@pytest.fixture
def administrator(db, django_user_model):
    user = django_user_model.objects.create_superuser("root", "root@mairie.example", "x")
    return in_english(user)


@pytest.fixture
def survey(db):
    survey = SurveyFactory(title="Se déplacer")
    opinion = QuestionFactory(survey=survey, label="Vos souhaits", kind=QuestionKind.LONG_TEXT)
    job = QuestionFactory(survey=survey, label="Votre métier", confidential=True)
    services.answer_survey(
        survey=survey,
        participant=confirmed("r1@example.org"),
        answers={opinion: OPEN_ANSWER, job: SECRET},
    )
    return survey


def results(client, survey):
    response = client.get(f"/admin/snippets/participation/survey/results/{survey.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def export(client, survey):
    response = client.get(f"/admin/snippets/participation/survey/results/{survey.pk}/csv/")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    return list(csv.reader(text[1:].splitlines(), delimiter=";"))


# Reading


def test_editors_read_results_and_export_them_without_confidential_answers(client, editor, survey):
    client.force_login(editor)
    page = results(client, survey)
    assert OPEN_ANSWER in page and SECRET not in page
    assert "Votre métier" in page  # the question is listed, its answers are not
    assert "confidential: your role does not let you read these answers" in page
    header, row = export(client, survey)
    assert header[2:] == ["Vos souhaits"]
    assert OPEN_ANSWER in row and SECRET not in row


@pytest.mark.parametrize("reader", ["moderator", "administrator"])
def test_moderators_and_administrators_read_and_export_confidential_answers(
    client, request, survey, reader
):
    client.force_login(request.getfixturevalue(reader))
    assert SECRET in results(client, survey)
    header, row = export(client, survey)
    assert header[2:] == ["Vos souhaits", "Votre métier"]
    assert row[-1] == SECRET


def test_the_permission_not_the_group_name_opens_confidential_answers(
    client, django_user_model, survey
):
    officer = in_english(django_user_model.objects.create_user("agent", "a@mairie.example", "x"))
    readers = Group.objects.create(name="Lecture des enquêtes")
    readers.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_survey"),
    )
    officer.groups.add(readers)
    client.force_login(officer)
    assert SECRET not in results(client, survey)
    readers.permissions.add(Permission.objects.get(codename="view_confidential"))
    assert SECRET in results(client, survey)


@pytest.fixture
def consultation(home):
    return factories.consultation(factories.consultation_index(home), "La place du Marché")


@pytest.fixture
def box(consultation):
    box = IdeaBox(title="Vos idées pour la place", consultation=consultation)
    box.extra_fields = [
        IdeaField(kind="number", label="Coût estimé", sort_order=0),
        IdeaField(kind="text", label="Votre métier", confidential=True, sort_order=1),
    ]
    box.save()
    return box


@pytest.fixture
def idea(box):
    cost, job = box.extra_fields.all()
    return factories.IdeaFactory(box=box, extra={cost.key: 1200, job.key: SECRET})


def test_idea_moderation_shows_confidential_answers_only_to_those_who_may_read_them(
    client, django_user_model, moderator, idea
):
    url = f"/admin/snippets/participation/idea/edit/{idea.pk}/"
    client.force_login(moderator)
    assert SECRET in client.get(url).content.decode()
    officer = in_english(django_user_model.objects.create_user("agent", "a@mairie.example", "x"))
    moderating = Group.objects.create(name="Modération sans données confidentielles")
    moderating.permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "view_idea", "change_idea"])
    )
    officer.groups.add(moderating)
    client.force_login(officer)
    page = client.get(url).content.decode()
    assert "Coût estimé" in page and SECRET not in page


# Making a field public


def survey_form(survey, **question_changes):
    questions = [
        {
            "id": question.pk,
            "kind": question.kind,
            "required": "on",
            "label": question.label,
            "help_text": "",
            "choices": "",
            "scale_max": "5",
            "min_value": "",
            "max_value": "",
            "ORDER": str(number),
            **({"confidential": "on"} if question.confidential else {}),
            **question_changes.get(question.label, {}),
        }
        for number, question in enumerate(survey.questions.all(), start=1)
    ]
    for question in questions:
        if question.pop("public", False):
            question.pop("confidential", None)
    return nested_form_data(
        {
            "title": survey.title,
            "introduction": "",
            "consultation": "",
            "opens_at": (timezone.now() - timedelta(days=1)).strftime("%Y-%m-%d %H:%M"),
            "closes_at": "",
            "one_answer_per_participant": "on",
            "thank_you": survey.thank_you,
            "questions": inline_formset(questions, initial=len(questions)),
        }
    )


def edit_survey(client, survey, **question_changes):
    return client.post(
        f"/admin/snippets/participation/survey/edit/{survey.pk}/",
        survey_form(survey, **question_changes),
    )


def test_a_question_answered_as_confidential_cannot_be_made_public_in_the_admin(
    client, administrator, survey
):
    client.force_login(administrator)
    response = edit_survey(client, survey, **{"Votre métier": {"public": True}})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    box = soup.select_one('input[name="questions-1-confidential"]')
    field = box.find_parent(attrs={"data-field-wrapper": True}) or box.find_parent("div")
    assert STAYS_CONFIDENTIAL in field.get_text(" ")
    assert Question.objects.get(label="Votre métier").confidential


def test_an_answered_question_keeps_its_type_in_the_admin_and_elsewhere(
    client, administrator, survey
):
    """Free texts turned into "options" would be published with the results."""
    client.force_login(administrator)
    response = edit_survey(
        client, survey, **{"Vos souhaits": {"kind": "single_choice", "choices": "Oui\nNon"}}
    )
    assert response.status_code == 200
    assert "its type cannot change" in response.content.decode() or "son type ne peut" in (
        response.content.decode()
    )
    question = Question.objects.get(label="Vos souhaits")
    assert question.kind == QuestionKind.LONG_TEXT
    question.kind = QuestionKind.SINGLE_CHOICE
    with pytest.raises(ValidationError):
        question.save()
    unanswered = QuestionFactory(survey=survey, label="Nouvelle", kind=QuestionKind.SHORT_TEXT)
    unanswered.kind = QuestionKind.LONG_TEXT
    unanswered.save()  # nobody answered it: it may still change


def test_a_question_nobody_answered_can_still_be_made_public(client, administrator):
    survey = SurveyFactory(title="Pas encore ouverte")
    QuestionFactory(survey=survey, label="Votre métier", confidential=True)
    client.force_login(administrator)
    response = edit_survey(client, survey, **{"Votre métier": {"public": True}})
    assert response.status_code == 302
    assert not Question.objects.get(label="Votre métier").confidential


def box_form(box, **field_changes):
    fields = [
        {
            "id": field.pk,
            "kind": field.kind,
            "label": field.label,
            "help_text": "",
            "choices": "",
            "ORDER": str(number),
            **({"confidential": "on"} if field.confidential else {}),
        }
        for number, field in enumerate(box.extra_fields.all(), start=1)
    ]
    for field in fields:
        if field_changes.get(field["label"]) == "public":
            field.pop("confidential", None)
    return nested_form_data(
        {
            "title": box.title,
            "consultation": box.consultation_id,
            "introduction": "",
            "opens_at": (timezone.now() - timedelta(days=1)).strftime("%Y-%m-%d %H:%M"),
            "closes_at": "",
            "accepts_image": "on",
            "extra_fields": inline_formset(fields, initial=len(fields)),
        }
    )


def test_editors_cannot_publish_idea_answers_given_as_confidential(client, editor, idea):
    client.force_login(editor)
    response = client.post(
        f"/admin/snippets/participation/ideabox/edit/{idea.box.pk}/",
        box_form(idea.box, **{"Votre métier": "public"}),
    )
    assert response.status_code == 200
    assert STAYS_CONFIDENTIAL in response.content.decode()
    assert IdeaField.objects.get(label="Votre métier").confidential
    services.change_status(idea=idea, to_status="published", user=None)
    public_page = Client().get(Idea.objects.get(pk=idea.pk).get_absolute_url())
    assert public_page.status_code == 200 and SECRET not in public_page.content.decode()


def test_an_unanswered_confidential_extra_field_can_still_be_made_public(client, editor, box):
    client.force_login(editor)
    response = client.post(
        f"/admin/snippets/participation/ideabox/edit/{box.pk}/",
        box_form(box, **{"Votre métier": "public"}),
    )
    assert response.status_code == 302
    assert not IdeaField.objects.get(label="Votre métier").confidential


def test_no_code_path_makes_confidential_answers_public(survey, idea):
    question = survey.questions.get(confidential=True)
    question.confidential = False
    with pytest.raises(ValidationError) as refused:
        question.save()
    with translation.override("en"):
        assert refused.value.message_dict == {"confidential": [STAYS_CONFIDENTIAL_IN_FULL]}
    field = idea.box.extra_fields.get(confidential=True)
    field.confidential = False
    with pytest.raises(ValidationError):
        field.save()
    with pytest.raises(ValidationError):
        field.full_clean()
    assert Question.objects.get(pk=question.pk).confidential
    assert IdeaField.objects.get(pk=field.pk).confidential
    assert Idea.objects.get(pk=idea.pk).public_extra() == [("Coût estimé", 1200)]
