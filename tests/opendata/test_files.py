"""Open data: each file matches the schema the open-data page documents, holds what may be
published and nothing else (no e-mail address, no confidential answer, no unpublished idea,
no name behind a budget project), and costs the same number of queries whatever its size."""

import csv
import io
import json
import re
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from portal.budgets.models import ProjectStatus
from portal.opendata.datasets import DATASETS, SURVEY_MINIMUM_RESPONDENTS
from portal.pages.models import ConsultationPage, District, Theme
from portal.participation import services
from portal.participation.figures import consultation_figures
from portal.participation.models import (
    Answer,
    Idea,
    IdeaSource,
    IdeaStatus,
    Participant,
    QuestionKind,
    SurveyResponse,
)
from tests import factories
from tests.budgets.factories import EnvelopeFactory, ProjectFactory
from tests.factories import (
    IdeaBoxFactory,
    IdeaFactory,
    ParticipantFactory,
    QuestionFactory,
    SurveyFactory,
    confirmed,
)

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
SECRET = "Infirmière de nuit"
FREE_TEXT = "Des bancs sous les platanes"
FORMATS = ("csv", "json")


@pytest.fixture
def site(home):
    """A consultation with ideas at every step (one placed on the map), budget projects (one
    placed, one made of an idea), a survey of every kind of question (one confidential), an
    event, and a second consultation."""
    index = factories.consultation_index(home)
    page = factories.consultation(
        index,
        "Réinventer la place du marché",
        phases=((date.today() - timedelta(days=30), date.today() + timedelta(days=30), None),),
    )
    page.phases.update(allows_supports=True)
    other = factories.consultation(index, "Les berges")
    theme = Theme.objects.create(name="Mobilité", slug="mobilite", locale=home.locale)
    district = District.objects.create(name="Centre", slug="centre", locale=home.locale)
    box = IdeaBoxFactory(consultation=page)
    author = ParticipantFactory(email="nadia.secret@example.org", display_name="Nadia")
    ideas = {
        status: IdeaFactory(
            box=box,
            participant=author,
            title=f"Idée {status}",
            status=status,
            theme=theme,
            district=district,
            published_at=None if status == IdeaStatus.SUBMITTED else timezone.now(),
        )
        for status in IdeaStatus.values
    }
    ideas["anonymous"] = IdeaFactory(
        box=box, author_name="", title="Idée anonyme", status=IdeaStatus.PUBLISHED
    )
    ideas["paper"] = IdeaFactory(
        box=box,
        participant=None,
        author_name="Jean Papier",
        source=IdeaSource.PAPER,
        title="Idée papier",
        status=IdeaStatus.PUBLISHED,
    )
    retained = ideas[IdeaStatus.RETAINED]
    retained.official_answer = "Nous le ferons en 2027."
    retained.answered_at = timezone.now()
    retained.latitude, retained.longitude = Decimal("47.390600"), Decimal("0.689300")
    retained.save()
    envelope = EnvelopeFactory(consultation=page, title="Toute la ville")
    kiosk = ProjectFactory(
        envelope=envelope,
        title="Un kiosque",
        cost=5_000,
        district=district,
        place="Place du Marché",
        latitude=Decimal("47.390300"),
        longitude=Decimal("-0.688900"),
    )
    kiosk.source_ideas.add(retained)
    ProjectFactory(
        envelope=envelope,
        title="Un abri",
        status=ProjectStatus.NOT_FEASIBLE,
        public_reason="Le terrain est inondable.",
    )
    ideas[IdeaStatus.NOT_RETAINED].public_reason = "Hors budget."
    ideas[IdeaStatus.NOT_RETAINED].save()
    services.support_idea(participant=confirmed("soutien@example.org"), idea=retained)
    survey = SurveyFactory(title="Vos habitudes", consultation=page)
    questions = {
        "mode": QuestionFactory(
            survey=survey, kind=QuestionKind.SINGLE_CHOICE, choices="Vélo\nBus", allow_other=True
        ),
        "free": QuestionFactory(survey=survey, kind=QuestionKind.LONG_TEXT),
        "job": QuestionFactory(survey=survey, label="Votre métier", confidential=True),
        "trips": QuestionFactory(survey=survey, kind=QuestionKind.NUMBER),
        "district": QuestionFactory(survey=survey, kind=QuestionKind.DISTRICT),
        "scale": QuestionFactory(survey=survey, kind=QuestionKind.SCALE),
        "when": QuestionFactory(survey=survey, kind=QuestionKind.DATE, required=False),
    }
    modes = ["Vélo", "Bus", services.Other("Trottinette bleue")]
    for number in range(SURVEY_MINIMUM_RESPONDENTS):
        mode = modes[number % 3]
        services.answer_survey(
            survey=survey,
            participant=confirmed(f"repondant{number}@example.org"),
            answers={
                questions["mode"]: [mode],
                questions["free"]: FREE_TEXT,
                questions["job"]: SECRET,
                questions["trips"]: number * 4,
                questions["district"]: "Centre",
                questions["scale"]: 4,
            },
        )
    survey.closes_at = timezone.now()  # published once closed
    survey.save()
    agenda = factories.agenda(home)
    event = factories.event(
        agenda,
        "Atelier sur la place",
        factories.paris(date(2026, 6, 3), 18),
        consultation=page,
        place_name="Salle des fêtes",
        latitude="47.218400",
        longitude="-1.553600",
    )
    event.themes.add(theme)
    event.save_revision().publish()
    factories.event(agenda, "Fête des berges", factories.paris(date(2026, 7, 1), 10))
    return {
        "page": page,
        "other": other,
        "ideas": ideas,
        "kiosk": kiosk,
        "survey": survey,
        "event": event,
    }


def url(dataset, format, page=None):
    with translation.override("fr"):
        if page is None:
            return reverse("opendata:site", args=[dataset, format])
        return reverse("opendata:consultation", args=[page.pk, dataset, format])


def download(client, address):
    response = client.get(address)
    assert response.status_code == 200, address
    return b"".join(response.streaming_content).decode("utf-8")


def read(client, dataset, format, page=None):
    """The file's rows as dictionaries, and its text."""
    text = download(client, url(dataset, format, page))
    if format == "json":
        return json.loads(text)["data"], text
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))
    return rows, text


def schema_of(client, dataset):
    with translation.override("fr"):
        response = client.get(reverse("opendata:schema", args=[dataset]))
    assert response.status_code == 200
    return json.loads(response.content)


# A check of the part of JSON Schema the schemas use (jsonschema is not installed).

TYPES = {
    "object": dict,
    "array": list,
    "string": str,
    "boolean": bool,
    "null": type(None),
}


def type_matches(value, name):
    if name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if name == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    return isinstance(value, TYPES[name])


def format_errors(value, fmt, where):
    if not isinstance(value, str):
        return []
    try:
        if fmt == "date-time":
            assert "T" in value and datetime.fromisoformat(value).tzinfo is not None
        elif fmt == "date":
            date.fromisoformat(value)
        elif fmt == "uri":
            assert re.match(r"https?://[^\s/]+/", value)
    except (AssertionError, ValueError):
        return [f"{where}: {value!r} is not a {fmt}"]
    return []


def validate(value, schema, where="$"):
    """The errors of `value` against `schema`: type, const, enum, format, properties,
    required, additionalProperties and items."""
    errors = []
    if "const" in schema and value != schema["const"]:
        errors.append(f"{where}: {value!r} is not {schema['const']!r}")
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{where}: {value!r} not in {schema['enum']}")
    if "type" in schema:
        names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(type_matches(value, name) for name in names):
            return [*errors, f"{where}: {value!r} is not {names}"]
    if "format" in schema:
        errors += format_errors(value, schema["format"], where)
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        errors += [
            f"{where}: {name} missing" for name in schema.get("required", ()) if name not in value
        ]
        if schema.get("additionalProperties") is False:
            errors += [f"{where}: {name} not allowed" for name in value if name not in properties]
        for name, item in value.items():
            if name in properties:
                errors += validate(item, properties[name], f"{where}.{name}")
    if isinstance(value, list) and "items" in schema:
        for number, item in enumerate(value):
            errors += validate(item, schema["items"], f"{where}[{number}]")
    return errors


@pytest.mark.parametrize("dataset", DATASETS)
def test_json_files_validate_against_their_schema(client, site, dataset):
    schema = schema_of(client, dataset)
    for page in (None, site["page"]):
        text = download(client, url(dataset, "json", page))
        document = json.loads(text)
        assert validate(document, schema) == []
        assert document["licence"]["id"] == "etalab-2.0"
        assert document["data"], dataset
    document["data"][0]["surprise"] = 1
    assert validate(document, schema) != []


@pytest.mark.parametrize("dataset", DATASETS)
def test_csv_files_have_the_schema_fields_and_types(client, site, dataset):
    items = schema_of(client, dataset)["properties"]["data"]["items"]
    for page in (None, site["page"]):
        rows, text = read(client, dataset, "csv", page)
        assert text.splitlines()[0].lstrip("\ufeff").split(";") == list(items["properties"])
        json_rows, _text = read(client, dataset, "json", page)
        assert len(rows) == len(json_rows) > 0
        for row, json_row in zip(rows, json_rows, strict=True):
            for name, cell in row.items():
                expected = json_row[name]
                if expected is None:
                    assert cell == ""
                elif isinstance(expected, bool):
                    assert cell == str(expected).lower()
                elif isinstance(expected, list):
                    assert cell == " | ".join(expected)
                else:
                    assert cell.lstrip("'") == str(expected)


def test_the_schema_documents_the_fields_shown_on_the_open_data_page(client, site):
    with translation.override("fr"):
        page = client.get(reverse("opendata:index"))
    assert page.status_code == 200
    text = page.content.decode()
    for dataset in DATASETS.values():
        for field in dataset.fields:
            assert f"<code>{field.name}</code>" in text
        assert url(dataset.key, "csv") in text
        assert url(dataset.key, "json", site["page"]) in text
    assert "Licence Ouverte" in text


@pytest.mark.parametrize("format", FORMATS)
@pytest.mark.parametrize("dataset", DATASETS)
def test_no_email_address_nor_confidential_answer_nor_free_text(client, site, dataset, format):
    for page in (None, site["page"]):
        _rows, text = read(client, dataset, format, page)
        assert not EMAIL.search(text), EMAIL.search(text)
        assert SECRET not in text
        assert "Votre métier" not in text
        assert FREE_TEXT not in text
        assert "Trottinette" not in text


@pytest.mark.parametrize("format", FORMATS)
def test_only_published_ideas_with_their_answers(client, site, format):
    rows, _text = read(client, "ideas", format, site["page"])
    titles = {row["title"] for row in rows}
    assert "Idée submitted" not in titles
    assert "Idée rejected" not in titles
    assert {f"Idée {status}" for status in IdeaStatus.values} - titles == {
        "Idée submitted",
        "Idée rejected",
    }
    by_title = {row["title"]: row for row in rows}
    retained = by_title["Idée retained"]
    assert retained["official_answer"] == "Nous le ferons en 2027."
    assert str(retained["supports"]) == "1"
    assert by_title["Idée not_retained"]["reason_not_retained"] == "Hors budget."
    assert by_title["Idée published"]["author"] == "Nadia"
    # Anonymous, or collected on paper: no name, as the idea's page shows it.
    assert by_title["Idée anonyme"]["author"] in (None, "")
    assert by_title["Idée papier"]["author"] in (None, "")
    assert "Jean Papier" not in _text
    assert by_title["Idée published"]["theme"] == "Mobilité"


@pytest.mark.parametrize("format", FORMATS)
def test_ideas_and_projects_give_their_point_or_nothing(client, site, format):
    ideas, _text = read(client, "ideas", format, site["page"])
    projects, text = read(client, "projects", format, site["page"])
    by_title = {row["title"]: row for row in [*ideas, *projects]}
    empty = None if format == "json" else ""
    for title, point in (
        ("Idée retained", (47.3906, 0.6893)),
        ("Un kiosque", (47.3903, -0.6889)),
        ("Idée published", (empty, empty)),
        ("Un abri", (empty, empty)),
    ):
        row = by_title[title]
        if format == "csv" and point[0] != "":
            assert (float(row["latitude"]), float(row["longitude"])) == point
        else:
            assert (row["latitude"], row["longitude"]) == point


@pytest.mark.parametrize("format", FORMATS)
def test_every_project_with_its_study_and_no_name_behind_it(client, site, format):
    rows, text = read(client, "projects", format, site["page"])
    by_title = {row["title"]: row for row in rows}
    assert set(by_title) == {"Un kiosque", "Un abri"}
    assert by_title["Un abri"]["reason_not_feasible"] == "Le terrain est inondable."
    assert by_title["Un kiosque"]["reason_not_feasible"] == ""
    assert by_title["Un kiosque"]["district"] == "Centre"
    assert by_title["Un kiosque"]["envelope"] == "Toute la ville"
    assert str(by_title["Un kiosque"]["cost"]) == "5000"
    assert by_title["Un kiosque"]["url"].endswith(site["kiosk"].get_absolute_url())
    assert "Nadia" not in text  # the author of the idea it is made of
    assert read(client, "projects", format, site["other"])[0] == []


def test_survey_results_count_choices_and_keep_other_answers_as_counts(client, site):
    rows, _text = read(client, "survey-results", "json", site["page"])
    mode = [row for row in rows if row["question_kind"] == "single_choice"]
    assert {row["option"]: row["count"] for row in mode} == {"Vélo": 4, "Bus": 3, "Autre": 3}
    trips = [row for row in rows if row["question_kind"] == "number"]
    assert [(row["mean"], row["minimum"], row["maximum"]) for row in trips] == [(18, 0, 36)]
    kinds = {row["question_kind"] for row in rows}
    assert kinds == {"single_choice", "number", "district", "scale"}
    assert {row["survey_respondents"] for row in rows} == {10}


def test_a_survey_s_results_wait_for_its_closing_and_enough_respondents(client, site):
    """While it is open, two downloads around a neighbour's answer would tell it; with a
    handful of respondents, each could be singled out."""
    survey = site["survey"]
    survey.closes_at = timezone.now() + timedelta(days=1)
    survey.save()
    assert read(client, "survey-results", "json", site["page"])[0] == []
    survey.closes_at = timezone.now()
    survey.save()
    assert read(client, "survey-results", "json", site["page"])[0]
    SurveyResponse.objects.filter(survey=survey).first().delete()
    assert read(client, "survey-results", "json", site["page"])[0] == []


def test_figures_are_the_consultation_page_s_figures(client, site):
    rows, _text = read(client, "figures", "json")
    by_id = {row["consultation_id"]: row for row in rows}
    for page in (site["page"], site["other"]):
        figures = consultation_figures(page)
        row = by_id[page.pk]
        assert (row["contributions"], row["supports"], row["participants"]) == (
            figures.contributions,
            figures.supports,
            figures.participants,
        )
    assert by_id[site["page"].pk]["contributions"] > 0


def test_events_of_a_consultation_and_of_the_agenda(client, site):
    rows, _text = read(client, "events", "json", site["page"])
    assert [row["title"] for row in rows] == ["Atelier sur la place"]
    assert rows[0]["themes"] == ["Mobilité"]
    assert rows[0]["longitude"] == -1.5536
    assert rows[0]["url"].startswith("http")
    everything, _text = read(client, "events", "json")
    assert {row["title"] for row in everything} == {"Atelier sur la place", "Fête des berges"}


def test_a_consultation_not_live_has_no_files(client, site):
    page = site["page"]
    page.unpublish()
    assert client.get(url("ideas", "csv", page)).status_code == 404
    rows, _text = read(client, "ideas", "json")
    assert rows == []
    assert client.get(f"{url('ideas', 'csv')[:-4]}.xlsx").status_code == 404


@pytest.mark.parametrize("number", [0, 2**63, 10**30])
def test_a_number_no_page_has_is_not_found(client, site, number):
    page = site["page"]
    address = url("ideas", "json", page).replace(f"/{page.pk}/", f"/{number}/")
    assert client.get(address).status_code == 404


def test_files_are_licensed_and_reusable(client, site):
    response = client.get(url("ideas", "csv", site["page"]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "etalab.gouv.fr" in response["Link"]
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "attachment" in response["Content-Disposition"]
    assert b"".join(response.streaming_content)


def more_of_everything(site, count):
    """`count` more public ideas, budget projects, survey responses, events and
    consultations."""
    page = site["page"]
    box = page.idea_boxes.first()
    survey = site["survey"]
    questions = {question.kind: question for question in survey.questions.all()}
    agenda = site["event"].get_parent()
    index = page.get_parent()
    survey.closes_at = None  # open again while more people answer
    survey.save()
    envelope = page.envelopes.first()
    for number in range(count):
        IdeaFactory(box=box, status=IdeaStatus.RETAINED, published_at=timezone.now())
        ProjectFactory(envelope=envelope, latitude=Decimal("47.39"), longitude=Decimal("0.69"))
        services.answer_survey(
            survey=survey,
            participant=confirmed(f"encore{number}@example.org"),
            answers={
                questions[QuestionKind.SINGLE_CHOICE]: ["Bus"],
                questions[QuestionKind.LONG_TEXT]: "Texte",
                questions[QuestionKind.SHORT_TEXT]: SECRET,
                questions[QuestionKind.NUMBER]: 3,
                questions[QuestionKind.DISTRICT]: "Centre",
                questions[QuestionKind.SCALE]: 2,
            },
        )
        extra_survey = SurveyFactory(consultation=page)
        QuestionFactory(survey=extra_survey, kind=QuestionKind.SCALE)
        factories.event(
            agenda,
            f"Atelier {number}",
            factories.paris(date(2026, 6, 10), 18) + timedelta(days=number),
            consultation=page,
        )
        factories.consultation(index, f"Concertation {number}")
    survey.closes_at = timezone.now()
    survey.save()


def queries(client, address):
    with CaptureQueriesContext(connection) as context:
        download(client, address)
    return len(context.captured_queries)


@pytest.mark.parametrize("format", FORMATS)
@pytest.mark.parametrize("dataset", DATASETS)
def test_a_file_costs_the_same_queries_whatever_its_size(client, site, dataset, format):
    addresses = [url(dataset, format), url(dataset, format, site["page"])]
    for address in addresses:  # the site's root paths, kept in the cache
        download(client, address)
    before = [queries(client, address) for address in addresses]
    more_of_everything(site, 4)
    after = [queries(client, address) for address in addresses]
    assert after == before
    assert max(before) <= 12


def test_the_demo_s_files_validate_and_hold_no_address_nor_confidential_answer(client, demo):
    """Every file of the demo town, for the site and each consultation, in both languages."""
    response = SurveyResponse.objects.filter(confirmed=True, survey__consultation__isnull=False)
    response = response.first()
    job = QuestionFactory(survey=response.survey, label="Votre métier", confidential=True)
    Answer.objects.create(response=response, question=job, value=SECRET)
    secrets = {
        value
        for value in Answer.objects.filter(question__confidential=True).values_list(
            "value", flat=True
        )
        if len(value) > 3
    }
    secrets |= {
        str(value)
        for idea in Idea.objects.all()
        for key, value in idea.extra.items()
        if key not in idea.public_answers() and len(str(value)) > 3
    }
    emails = set(Participant.objects.values_list("email", flat=True))
    assert emails
    for language in ("fr", "en"):
        with translation.override(language):
            pages = ConsultationPage.objects.live().filter(locale__language_code=language)
            for dataset in DATASETS:
                schema = client.get(reverse("opendata:schema", args=[dataset])).json()
                for page in [None, *pages]:
                    for format in FORMATS:
                        address = url_in(dataset, format, page)
                        text = download(client, address)
                        if format == "json":
                            assert validate(json.loads(text), schema) == [], address
                        assert not EMAIL.search(text), (address, EMAIL.search(text))
                        assert not [secret for secret in secrets if secret in text], address
            index = client.get(reverse("opendata:index")).content.decode()
            assert not [email for email in emails if email in index]
    assert SECRET in secrets


def url_in(dataset, format, page):
    """The file's address in the active language."""
    if page is None:
        return reverse("opendata:site", args=[dataset, format])
    return reverse("opendata:consultation", args=[page.pk, dataset, format])
