import json

from django.utils import translation

from portal.participation import services
from portal.participation.models import IdeaStatus, QuestionKind
from tests.factories import IdeaBoxFactory, IdeaFactory, QuestionFactory, SurveyFactory, confirmed
from tests.zz_review_tmp.test_x import body, od, page  # noqa: F401


def rows(client, page):
    data = json.loads(body(client.get(od(page.pk, "survey-results"))))["data"]
    return {(r["question"], r["option"]): (r["count"], r["minimum"]) for r in data}


def test_differencing(client, page):
    survey = SurveyFactory(consultation=page)
    QuestionFactory(survey=survey, kind=QuestionKind.SINGLE_CHOICE, choices="Oui\nNon", label="Handicap ?")
    age = QuestionFactory(survey=survey, kind=QuestionKind.NUMBER, label="Âge")
    q = survey.questions.first()
    services.answer_survey(survey=survey, participant=confirmed("a@example.org"), answers={q: ["Non"], age: 30})
    before = rows(client, page)
    services.answer_survey(survey=survey, participant=confirmed("voisin@example.org"), answers={q: ["Oui"], age: 81})
    after = rows(client, page)
    print({k: (before.get(k), v) for k, v in after.items() if before.get(k) != v})


def test_draft_consultation_idea(client, page):
    idea = IdeaFactory(box=IdeaBoxFactory(consultation=page), status=IdeaStatus.PUBLISHED, title="Idée X")
    page.title = "Projet secret de parking"
    page.save_revision()  # draft title only
    page.unpublish()
    with translation.override("fr"):
        r = client.get(idea.get_absolute_url())
    html = r.content.decode()
    print("draft:", r.status_code, "consultation title shown:", "Place du marché" in html or "Projet secret" in html)
