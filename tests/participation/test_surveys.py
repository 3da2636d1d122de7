"""Surveys: the service that stores answers, the form, the block in a page, results and export."""

import csv
import re
from datetime import datetime, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from portal.blocks.streams import BodyStreamBlock
from portal.pages.models import District
from portal.participation import identity, services
from portal.participation.forms import OTHER, SurveyForm
from portal.participation.models import Answer, QuestionKind, SurveyResponse
from portal.participation.services import Other, surveys
from portal.participation.survey_results import safe_cell, survey_results
from tests.conftest import confirm_by_link, make_standard_page
from tests.factories import QuestionFactory, SurveyFactory, confirmed, named

UTC = ZoneInfo("UTC")


@pytest.fixture
def districts(locales):
    fr, en = locales
    north = District.objects.create(name="Côte Nord", slug="nord", locale=fr)
    south = District.objects.create(name="Quartier Sud", slug="sud", locale=fr)
    District.objects.create(
        name="North Coast", slug="nord", locale=en, translation_key=north.translation_key
    )
    return SimpleNamespace(north=north, south=south)


@pytest.fixture
def s(districts):
    """A survey asking every kind of question, and its districts."""
    survey = SurveyFactory(title="Se déplacer à Villeneuve")
    kind = QuestionKind
    return SimpleNamespace(
        survey=survey,
        districts=districts,
        name=QuestionFactory(survey=survey, label="Votre prénom", required=False),
        ideas=QuestionFactory(survey=survey, kind=kind.LONG_TEXT, label="Vos idées"),
        mode=QuestionFactory(
            survey=survey,
            kind=kind.SINGLE_CHOICE,
            label="Mode principal",
            help_text="Celui que vous utilisez le plus.",
            choices="Vélo\nBus\nVoiture",
            allow_other=True,
        ),
        wishes=QuestionFactory(
            survey=survey,
            kind=kind.MULTIPLE_CHOICE,
            label="Aménagements souhaités",
            choices="Pistes\nParkings\nBancs",
            allow_other=True,
            required=False,
        ),
        satisfaction=QuestionFactory(survey=survey, kind=kind.SCALE, label="Satisfaction"),
        trips=QuestionFactory(
            survey=survey, kind=kind.NUMBER, label="Trajets", min_value=0, max_value=50
        ),
        moved_in=QuestionFactory(survey=survey, kind=kind.DATE, label="Arrivée", required=False),
        district=QuestionFactory(survey=survey, kind=kind.DISTRICT, label="Votre quartier"),
    )


def valid_data(s, prefix=""):
    data = {
        s.ideas: "Plus de pistes cyclables.",
        s.mode: "Vélo",
        s.satisfaction: "4",
        s.trips: "10",
        s.district: str(s.districts.north.pk),
    }
    return {f"{prefix}q{question.pk}": value for question, value in data.items()}


def form_with(s, ask_identity=False, **changes):
    """A bound survey form: valid data, with `q<pk>` (or `q<pk>-other`) entries changed."""
    data = {**valid_data(s), **changes}
    return SurveyForm(
        {k: v for k, v in data.items() if v is not None}, survey=s.survey, ask_identity=ask_identity
    )


def confirmation_link():
    return re.search(r"https?://\S+", mail.outbox[-1].body).group(0)


def key(question, suffix=""):
    return f"q{question.pk}{suffix}"


# The service


def test_an_answer_is_held_until_the_address_is_confirmed(s):
    participant = named("a@example.org")
    response = services.answer_survey(
        survey=s.survey,
        participant=participant,
        answers={s.ideas: "Des bancs", s.wishes: ["Pistes", Other("Des arbres")], s.trips: 3},
    )
    assert response.confirmed is False and response.once_key is None
    services.confirm(confirmation=participant.confirmation)
    response.refresh_from_db()
    assert response.confirmed is True and response.once_key == participant.pk
    rows = {(a.question_id, a.value, a.number, a.is_other) for a in response.answers.all()}
    assert rows == {
        (s.ideas.pk, "Des bancs", None, False),
        (s.wishes.pk, "Pistes", None, False),
        (s.wishes.pk, "Des arbres", None, True),
        (s.trips.pk, "3", 3.0, False),
    }


def test_one_answer_per_participant_is_enforced_by_the_database(s):
    participant = confirmed("b@example.org")
    services.answer_survey(survey=s.survey, participant=participant, answers={s.ideas: "Un"})
    with pytest.raises(services.AlreadyAnswered):
        services.answer_survey(survey=s.survey, participant=participant, answers={s.ideas: "Deux"})
    s.survey.one_answer_per_participant = False
    s.survey.save()
    services.answer_survey(survey=s.survey, participant=participant, answers={s.ideas: "Deux"})
    assert list(Answer.objects.order_by("pk").values_list("value", flat=True)) == ["Un", "Deux"]


def test_the_database_refuses_a_second_response_even_without_the_check(s, monkeypatch):
    participant = confirmed("c@example.org")
    services.answer_survey(survey=s.survey, participant=participant, answers={s.ideas: "Un"})
    monkeypatch.setattr(surveys, "check_answerable", lambda **kwargs: None)  # a concurrent twin
    with pytest.raises(services.AlreadyAnswered):
        services.answer_survey(survey=s.survey, participant=participant, answers={s.ideas: "2"})
    assert SurveyResponse.objects.count() == 1


def test_closed_and_upcoming_surveys_refuse_answers(s):
    participant = confirmed("d@example.org")
    now = timezone.now()
    for opens, closes in ((now - timedelta(days=2), now), (now + timedelta(days=1), None)):
        s.survey.opens_at, s.survey.closes_at = opens, closes
        s.survey.save()
        with pytest.raises(services.ParticipationClosed):
            services.answer_survey(survey=s.survey, participant=participant, answers={})
    assert not SurveyResponse.objects.exists()


def test_anonymous_surveys_count_at_once_and_take_no_participant(s):
    s.survey.anonymous = True
    s.survey.save()
    for _ in range(2):
        response = services.answer_survey(survey=s.survey, participant=None, answers={})
        assert response.confirmed is True and response.participant is None
    with pytest.raises(ValueError):
        services.answer_survey(survey=s.survey, participant=confirmed("e@example.org"), answers={})


def test_answers_to_another_surveys_questions_are_refused(s):
    stranger = QuestionFactory(label="Ailleurs")
    with pytest.raises(ValueError):
        services.answer_survey(
            survey=s.survey, participant=confirmed("f@example.org"), answers={stranger: "x"}
        )


def test_erasing_a_participant_deletes_their_answers(s):
    participant = confirmed("g@example.org")
    services.answer_survey(survey=s.survey, participant=participant, answers={s.ideas: "Un"})
    services.erase(participant=participant)
    assert not SurveyResponse.objects.exists() and not Answer.objects.exists()


# The form


def test_a_valid_form_gives_the_answers_the_service_takes(s):
    form = form_with(s)
    assert form.is_valid(), form.errors
    assert form.answers() == {
        s.ideas: "Plus de pistes cyclables.",
        s.mode: ["Vélo"],
        s.satisfaction: 4,
        s.trips: 10.0,
        s.district: "Côte Nord",
    }


def test_required_questions_must_be_answered_and_optional_ones_may_not(s):
    form = form_with(s, **{key(q): None for q in (s.ideas, s.mode, s.satisfaction, s.trips)})
    assert not form.is_valid()
    assert set(form.errors) == {key(s.ideas), key(s.mode), key(s.satisfaction), key(s.trips)}
    with translation.override("en"):
        assert form_with(s).fields[key(s.name)].label == "Votre prénom (optional)"


@pytest.mark.parametrize(
    ("question", "value", "valid"),
    [
        ("trips", "50", True),
        ("trips", "0", True),
        ("trips", "12.5", True),
        ("trips", "-1", False),
        ("trips", "51", False),
        ("trips", "abc", False),
        ("trips", "1e400", False),
        ("satisfaction", "5", True),
        ("satisfaction", "6", False),
        ("satisfaction", "0", False),
        ("satisfaction", "quatre", False),
        ("moved_in", "2019-09-01", True),
        ("moved_in", "01/09/2019", True),
        ("moved_in", "1850-01-01", False),
        ("moved_in", "9999-01-01", False),
        ("moved_in", "2019-02-30", False),
        ("moved_in", "hier", False),
        ("mode", "Trottinette", False),
        ("mode", "x" * 10_000, False),
        ("district", "999999", False),
        ("district", "abc", False),
        ("ideas", "x" * 5000, True),
        ("ideas", "x" * 10_000, False),
        ("name", "x" * 301, False),
        ("ideas", "<script>alert(1)</script>", False),
        ("ideas", "Une idée\x00", False),
    ],
)
def test_each_kind_accepts_what_it_should_and_explains_the_rest(s, question, value, valid):
    question = getattr(s, question)
    form = form_with(s, **{key(question): value})
    assert form.is_valid() is valid
    if not valid:
        assert list(form.errors) == [key(question)]
        message = " ".join(form.errors[key(question)])
        assert message and len(message) < 200  # a sentence, never the hostile value echoed


def test_control_characters_are_removed_from_text(s):
    form = form_with(s, **{key(s.ideas): "Des\x07 bancs\x1b"})
    assert form.is_valid()
    assert form.answers()[s.ideas] == "Des bancs"


def test_other_needs_its_text_only_when_chosen(s):
    assert not form_with(s, **{key(s.mode): OTHER}).is_valid()
    form = form_with(s, **{key(s.mode): OTHER, key(s.mode, "-other"): "Trottinette"})
    assert form.is_valid()
    assert form.answers()[s.mode] == [Other("Trottinette")]
    form = form_with(s, **{key(s.mode, "-other"): "ignorée"})
    assert form.is_valid() and form.answers()[s.mode] == ["Vélo"]


def test_multiple_choices_keep_every_option_and_refuse_unknown_ones(s):
    form = form_with(
        s, **{key(s.wishes): ["Pistes", "Bancs", OTHER], key(s.wishes, "-other"): "Arbres"}
    )
    assert form.is_valid()
    assert form.answers()[s.wishes] == ["Pistes", "Bancs", Other("Arbres")]
    assert not form_with(s, **{key(s.wishes): ["Pistes", "Piscine"]}).is_valid()


def test_a_district_chosen_in_english_is_stored_under_its_main_name(s):
    with translation.override("en"):
        english = District.objects.get(name="North Coast")
        form = form_with(s, **{key(s.district): str(english.pk)})
        assert [name for _, name in form.fields[key(s.district)].choices][1:] == ["North Coast"]
        assert form.is_valid()
        assert form.answers()[s.district] == "Côte Nord"
        assert not form_with(s, **{key(s.district): str(s.districts.north.pk)}).is_valid()


def test_identity_is_asked_unless_the_person_is_known(s):
    assert "email" not in form_with(s).fields
    form = form_with(s, ask_identity=True)
    assert not form.is_valid() and "email" in form.errors
    names = list(form.fields)
    assert names.index(key(s.district)) < names.index("email") < names.index("website")


# The block in a page


@pytest.fixture
def page(home, s):
    other = SurveyFactory(title="Une autre enquête")
    QuestionFactory(survey=other, label="Un mot ?")
    return make_standard_page(
        home,
        "Enquête mobilité",
        body=[
            {"type": "survey", "value": {"survey": s.survey.pk, "heading": ""}, "id": "mobilite"},
            {"type": "survey", "value": {"survey": other.pk, "heading": ""}, "id": "autre"},
        ],
    )


def post(client, page, data, block_id="mobilite"):
    return client.post(
        page.url, {"block_id": block_id, **{f"{block_id}-{k}": v for k, v in data.items()}}
    )


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def sign_in(client, participant):
    session = client.session
    session[identity.SESSION_KEY] = participant.pk
    session.save()


def test_the_form_groups_choices_in_fieldsets_tied_to_their_hints(client, page, s):
    block = soup_of(client.get(page.url)).select_one("#block-mobilite")
    fieldsets = block.select("fieldset")
    assert [f.legend.get_text(strip=True).split(" (")[0] for f in fieldsets] == [
        "Mode principal",
        "Aménagements souhaités",  # followed by "(optional)" in the visitor's language
        "Satisfaction",
    ]
    mode = fieldsets[0]
    assert mode["aria-describedby"] == f"id_mobilite-{key(s.mode)}-hint"
    assert mode.select_one(f"#id_mobilite-{key(s.mode)}-hint").get_text() == (
        "Celui que vous utilisez le plus."
    )
    assert mode.select_one(f"label[for=id_mobilite-{key(s.mode, '-other')}]")
    assert block.select_one(f"textarea#id_mobilite-{key(s.ideas)}")
    assert block.select_one(f"#id_mobilite-{key(s.moved_in)}")["type"] == "date"
    districts = block.select(f"#id_mobilite-{key(s.district)} option")
    assert [o.get_text() for o in districts][1:] == ["Côte Nord", "Quartier Sud"]
    assert block.select_one("#id_mobilite-email") and block.select_one(".privacy-notice")


def test_a_resident_answers_confirms_and_is_counted(client, page, s):
    response = post(client, page, {**valid_data(s), "email": "Nadia@Example.org"})
    assert response.status_code == 303
    assert response["Location"].endswith("#block-mobilite")
    held = SurveyResponse.objects.get()
    assert held.confirmed is False and held.participant.email == "nadia@example.org"
    assert mail.outbox[-1].to == ["nadia@example.org"]
    block = soup_of(client.get(page.url)).select_one("#block-mobilite")
    assert block.select_one("form.survey__form") is None  # answered: no second form
    link = re.search(r"https?://\S+", mail.outbox[-1].body).group(0)
    assert confirm_by_link(client, link).status_code == 303
    held.refresh_from_db()
    assert held.confirmed is True


def test_errors_keep_the_input_and_link_from_the_summary(client, page, s):
    data = {
        **valid_data(s),
        key(s.ideas): "",
        key(s.mode): OTHER,
        key(s.trips): "beaucoup",
        key(s.name): "Nadia",
        "email": "pas-une-adresse",
    }
    response = post(client, page, data)
    assert response.status_code == 400
    soup = soup_of(response)
    block = soup.select_one("#block-mobilite")
    links = [a["href"] for a in block.select(".error-summary a")]
    assert links == [
        f"#id_mobilite-{key(s.ideas)}",
        f"#id_mobilite-{key(s.mode, '-other')}",
        f"#id_mobilite-{key(s.trips)}",
        "#id_mobilite-email",
    ]
    assert all(block.select_one(link) for link in links)  # every link leads somewhere
    assert block.select_one(f"#id_mobilite-{key(s.name)}")["value"] == "Nadia"
    assert block.select_one(f"#id_mobilite-{key(s.trips)}")["aria-invalid"] == "true"
    assert block.select_one(f"#id_mobilite-{key(s.mode)}_3").has_attr("checked")  # Other
    assert block.select_one("#id_mobilite-email")["value"] == "pas-une-adresse"
    assert soup.select_one("#block-autre .error-summary") is None  # the other form is untouched
    assert not SurveyResponse.objects.exists() and not mail.outbox


def test_a_required_choice_left_empty_is_linked_to_its_first_option(client, page, s):
    response = post(client, page, {**valid_data(s), key(s.mode): "", "email": "x@example.org"})
    assert response.status_code == 400
    block = soup_of(response).select_one("#block-mobilite")
    assert [a["href"] for a in block.select(".error-summary a")] == [
        f"#id_mobilite-{key(s.mode)}_0"
    ]
    fieldset = block.select_one(".field--error")
    assert fieldset.name == "fieldset"
    assert f"id_mobilite-{key(s.mode)}-error" in fieldset["aria-describedby"]


@pytest.mark.parametrize(
    "changes",
    [
        {"ideas": "<script>alert(1)</script>"},
        {"ideas": "x" * 10_000},
        {"name": "<b>Nadia</b>" * 1000},
        {"ideas": "Une idée\x00"},
        {"trips": "abc"},
        {"trips": ["1", "2", "<script>alert(1)</script>"]},
        {"mode": "<script>alert(1)</script>"},
        {"wishes": ["Pistes", "inexistant"]},
        {"district": "' OR 1=1 --"},
        {"moved_in": "0000-00-00"},
        {"satisfaction": "99"},
        {"ideas": None},
        {"website": "http://spam.example"},  # the honeypot
    ],
)
def test_hostile_input_gets_a_clear_error_and_stores_nothing(client, page, s, changes):
    data = {**valid_data(s), "email": "x@example.org"}
    for name, value in changes.items():
        field = name if name == "website" else key(getattr(s, name))
        if value is None:
            data.pop(field)
        else:
            data[field] = value
    response = post(client, page, data)
    assert response.status_code == 400
    assert soup_of(response).select_one("#block-mobilite .error-summary")
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert not SurveyResponse.objects.exists() and not mail.outbox


def test_forged_block_ids_never_fail(client, page, s):
    for block_id in ("inconnu", "", "' OR 1=1", "x" * 3000):
        response = client.post(page.url, {"block_id": block_id, **valid_data(s, "mobilite-")})
        assert response.status_code == 303
    # The other survey's id with this survey's fields: that form's own errors, nothing stored.
    response = client.post(page.url, {"block_id": "autre", **valid_data(s, "autre-")})
    assert response.status_code == 400
    assert not SurveyResponse.objects.exists()


def test_a_known_participant_answers_once_without_giving_an_address(client, page, s):
    participant = confirmed("k@example.org")
    sign_in(client, participant)
    block = soup_of(client.get(page.url)).select_one("#block-mobilite")
    assert block.select_one("#id_mobilite-email") is None
    assert block.select_one(".participation__signout")
    assert post(client, page, valid_data(s)).status_code == 303
    assert SurveyResponse.objects.get().confirmed is True
    block = soup_of(client.get(page.url)).select_one("#block-mobilite")
    assert block.select_one("form.survey__form") is None
    assert block.select_one(".callout--results")
    response = post(client, page, valid_data(s))  # a stale form sent again
    assert response.status_code == 303
    assert SurveyResponse.objects.count() == 1


def test_an_address_that_already_answered_is_told_so_when_it_confirms(client, page, s):
    """Typing an address never says whether it answered (anyone can type it): its owner is
    told when using the link, and the second answer does not count."""
    participant = confirmed("l@example.org")
    services.answer_survey(survey=s.survey, participant=participant, answers={})
    response = post(client, page, {**valid_data(s), "email": "l@example.org"})
    assert response.status_code == 303
    assert SurveyResponse.objects.filter(confirmed=True).count() == 1
    landed = client.get(confirm_by_link(client, confirmation_link())["Location"])
    assert "Vous aviez déjà répondu" in soup_of(landed).select_one(".messages").get_text()
    assert SurveyResponse.objects.count() == 1


def test_closed_and_upcoming_surveys_say_when_and_take_nothing(client, page, s):
    s.survey.opens_at = datetime(2020, 1, 5, tzinfo=UTC)
    s.survey.closes_at = datetime(2020, 2, 1, 12, tzinfo=UTC)
    s.survey.save()
    block = soup_of(client.get(page.url)).select_one("#block-mobilite")
    assert block.select_one("form") is None
    assert "1er février 2020" in block.select_one(".callout").get_text()
    assert post(client, page, {**valid_data(s), "email": "m@example.org"}).status_code == 303
    s.survey.opens_at, s.survey.closes_at = datetime(2099, 3, 1, 12, tzinfo=UTC), None
    s.survey.save()
    block = soup_of(client.get(page.url)).select_one("#block-mobilite")
    assert block.select_one("form") is None
    assert "1er mars 2099" in block.select_one(".callout").get_text()
    assert not SurveyResponse.objects.exists() and not mail.outbox


def test_an_anonymous_survey_asks_no_address_and_counts_at_once(client, page, s):
    s.survey.anonymous = True
    s.survey.save()
    sign_in(client, confirmed("n@example.org"))  # even a known participant stays unlinked
    block = soup_of(client.get(page.url)).select_one("#block-mobilite")
    assert block.select_one("#id_mobilite-email") is None
    assert block.select_one(".privacy-notice") is None
    for _ in range(2):
        assert post(client, page, valid_data(s)).status_code == 303
    assert list(SurveyResponse.objects.values_list("participant", "confirmed")) == [
        (None, True),
        (None, True),
    ]


def test_anonymous_answers_are_rate_limited_per_ip_and_keep_the_input(client, page, s, settings):
    s.survey.anonymous = True
    s.survey.save()
    settings.PARTICIPATION_RATE_LIMITS = {
        **settings.PARTICIPATION_RATE_LIMITS,
        "survey": (2, 10),
    }
    for _ in range(2):
        assert post(client, page, valid_data(s)).status_code == 303
    response = post(client, page, {**valid_data(s), key(s.name): "Rémi"})
    assert response.status_code == 400
    block = soup_of(response).select_one("#block-mobilite")
    assert block.select_one(".error-summary")
    assert block.select_one(f"#id_mobilite-{key(s.name)}")["value"] == "Rémi"
    assert SurveyResponse.objects.count() == 2


def test_the_data_page_lists_survey_answers_and_erasing_deletes_them(client, s):
    participant = confirmed("o@example.org")
    services.answer_survey(survey=s.survey, participant=participant, answers={s.ideas: "Un"})
    token = identity.data_token(participant)
    facts = soup_of(client.get(reverse("participation:my_data", args=[token])))
    assert "Se déplacer à Villeneuve" in facts.select_one(".facts").get_text()
    assert client.post(reverse("participation:erase_my_data", args=[token])).status_code == 303
    assert not SurveyResponse.objects.exists() and not Answer.objects.exists()


# Results and export


@pytest.fixture
def answered(s):
    """Three confirmed responses and one held, whose results are computed by hand below."""
    start = timezone.now() - timedelta(hours=1)
    given = [
        (
            "r1@example.org",
            {
                s.mode: ["Vélo"],
                s.wishes: ["Pistes", "Bancs"],
                s.satisfaction: 4,
                s.trips: 10,
                s.ideas: "Plus de pistes",
                s.district: "Côte Nord",
            },
        ),
        (
            "r2@example.org",
            {
                s.mode: ["Vélo"],
                s.wishes: ["Pistes"],
                s.satisfaction: 5,
                s.trips: 2,
                s.ideas: "<script>alert(1)</script>",
                s.district: "Quartier Sud",
            },
        ),
        (
            "r3@example.org",
            {
                s.mode: [Other('=HYPERLINK("http://evil.example")')],
                s.satisfaction: 3,
                s.district: "Côte Nord",
            },
        ),
    ]
    for minutes, (email, answers) in enumerate(given):
        services.answer_survey(
            survey=s.survey,
            participant=confirmed(email),
            answers=answers,
            now=start + timedelta(minutes=minutes),
        )
    services.answer_survey(  # held: never counted
        survey=s.survey,
        participant=named("held@example.org"),
        answers={s.mode: ["Bus"], s.satisfaction: 1, s.ideas: "En attente"},
    )
    return s


def test_results_count_confirmed_respondents_per_question(answered):
    s = answered
    with translation.override("en"):
        results = {r.question: r for r in survey_results(s.survey, confidential=True)}

    def shares(question):
        return [(o.label, o.count, round(o.percent, 1)) for o in results[question].options]

    assert results[s.mode].respondents == 3
    assert shares(s.mode) == [
        ("Vélo", 2, 66.7),
        ("Bus", 0, 0),
        ("Voiture", 0, 0),
        ("Other", 1, 33.3),
    ]
    assert results[s.mode].texts == ['=HYPERLINK("http://evil.example")']
    assert results[s.wishes].respondents == 2
    assert shares(s.wishes) == [
        ("Pistes", 2, 100.0),
        ("Parkings", 0, 0),
        ("Bancs", 1, 50.0),
        ("Other", 0, 0),
    ]
    assert shares(s.satisfaction) == [
        ("1", 0, 0),
        ("2", 0, 0),
        ("3", 1, 33.3),
        ("4", 1, 33.3),
        ("5", 1, 33.3),
    ]
    satisfaction = results[s.satisfaction]
    assert (satisfaction.mean, satisfaction.minimum, satisfaction.maximum) == (4, 3, 5)
    trips = results[s.trips]
    assert (trips.respondents, trips.mean, trips.minimum, trips.maximum) == (2, 6, 2, 10)
    assert shares(s.district) == [("Côte Nord", 2, 66.7), ("Quartier Sud", 1, 33.3)]
    assert results[s.ideas].texts == ["<script>alert(1)</script>", "Plus de pistes"]
    assert results[s.ideas].text_count == 2
    assert results[s.name].respondents == 0


@pytest.fixture
def results_url(answered):
    return f"/admin/snippets/participation/survey/results/{answered.survey.pk}/"


def test_the_results_page_draws_each_share_as_a_bar_in_a_table(admin_client, answered, results_url):
    response = admin_client.get(results_url)
    assert response.status_code == 200
    soup = soup_of(response)
    assert "3" in soup.select_one(".survey-results__summary").get_text()
    mode = soup.select_one(f"#question-{answered.mode.pk}").parent
    rows = [
        [cell.get_text(" ", strip=True) for cell in row.select("th, td")]
        for row in mode.select("tbody tr")
    ]
    assert rows[0][:2] == ["Vélo", "2"] and rows[0][2].startswith("67")
    bars = [bar["style"] for bar in mode.select(".survey-results__bar")]
    assert bars == ["width: 66.7%", "width: 0.0%", "width: 0.0%", "width: 33.3%"]
    assert all(track["aria-hidden"] == "true" for track in mode.select(".survey-results__track"))
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "En attente" not in html  # the held response
    assert "@example.org" not in soup.select_one(".survey-results").get_text()


def test_the_csv_export_has_a_bom_accents_and_no_addresses(admin_client, answered, results_url):
    s = answered
    SurveyResponse.objects.filter(confirmed=True).update(
        created_at=datetime(2026, 6, 15, 10, 0, tzinfo=UTC)
    )
    response = admin_client.get(results_url + "csv/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="se-deplacer-a-villeneuve'
    )
    content = b"".join(response.streaming_content).decode("utf-8")
    assert content.startswith("\ufeff")
    header, *rows = list(csv.reader(content[1:].splitlines(), delimiter=";"))
    assert header[2:] == [question.label for question in s.survey.questions.all()]
    assert len(rows) == 3  # the confirmed responses only
    first = dict(zip(header, rows[0], strict=True))
    assert first[header[1]] == "2026-06-15 12:00"  # Paris time
    assert first["Aménagements souhaités"] == "Pistes | Bancs"
    assert first["Votre quartier"] == "Côte Nord"
    third = dict(zip(header, rows[2], strict=True))
    assert "=HYPERLINK" in third["Mode principal"]
    cells = [cell for row in rows for cell in row]
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)
    assert "@example.org" not in content and "En attente" not in content


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("+33 6 12", "'+33 6 12"),
        ("-2+3", "'-2+3"),
        ("@cmd", "'@cmd"),
        ("-3", "-3"),
        ("-2.5", "-2.5"),
        ("Vélo", "Vélo"),
        (12, "12"),
    ],
)
def test_csv_cells_never_become_formulas(value, cell):
    assert safe_cell(value) == cell


def test_only_staff_allowed_to_view_surveys_see_results(
    client, django_user_model, answered, results_url
):
    for url in (results_url, results_url + "csv/"):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    officer = django_user_model.objects.create_user("officer", "officer@example.org", "x")
    staff = Group.objects.create(name="Staff without surveys")
    staff.permissions.add(Permission.objects.get(codename="access_admin"))
    officer.groups.add(staff)
    client.force_login(officer)
    for url in (results_url, results_url + "csv/"):
        assert client.get(url).status_code in (302, 403)
    listing = client.get("/admin/snippets/participation/survey/")
    assert results_url.encode() not in listing.content
    readers = Group.objects.create(name="Survey readers")
    readers.permissions.add(Permission.objects.get(codename="view_survey"))
    officer.groups.add(readers)
    for url in (results_url, results_url + "csv/"):
        assert client.get(url).status_code == 200


def test_the_survey_listing_counts_responses_and_links_to_results(admin_client, answered):
    soup = soup_of(admin_client.get("/admin/snippets/participation/survey/"))
    row = soup.find(id=f"snippet_{answered.survey.pk}_title").find_parent("tr")
    assert "3" in [cell.get_text(strip=True) for cell in row.select("td")]
    links = [a["href"] for a in row.select("a")]
    results = f"/admin/snippets/participation/survey/results/{answered.survey.pk}/"
    assert results in links and results + "csv/" in links
    edit = admin_client.get(f"/admin/snippets/participation/survey/edit/{answered.survey.pk}/")
    assert results.encode() in edit.content


def test_the_admin_preview_shows_the_latest_survey(admin_client, s):
    block = BodyStreamBlock().child_blocks["survey"]
    response = admin_client.get("/admin/block-preview/", {"id": block.definition_prefix})
    assert response.status_code == 200
    assert "Se déplacer à Villeneuve" in response.content.decode()
