"""Eligibility per consultation: who may take part, asked and checked on every write of an
idea, a support or a survey answer; the register officers upload; the rule in plain words."""

from datetime import date

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from wagtail.models import Locale

from portal.blocks.ideas import ProposingIdea
from portal.pages.models import District, Theme
from portal.participation import eligibility, identity, services
from portal.participation.errors import InvalidRegister, NotEligible
from portal.participation.forms import ParticipantForm
from portal.participation.models import (
    EligibilityRule,
    Idea,
    IdeaBox,
    IdeaStatus,
    IdeaSupport,
    Petition,
    QuestionKind,
    RegisterEntry,
    Support,
    SurveyResponse,
)
from tests import factories
from tests.factories import QuestionFactory, SurveyFactory, confirmed, paris

TODAY = date(2026, 6, 10)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(paris(TODAY, 12), tick=False):
        yield


@pytest.fixture
def districts(locales):
    fr, en = locales
    made = {}
    for name, slug, english in (
        ("Nord", "nord", "North"),
        ("Centre", "centre", "Centre"),
        ("Sud", "sud", "South"),
    ):
        district = District.objects.create(locale=fr, name=name, slug=slug)
        District.objects.create(
            locale=en, name=english, slug=slug, translation_key=district.translation_key
        )
        made[slug] = district
    return made


@pytest.fixture
def consultation(home):
    page = factories.consultation(
        factories.consultation_index(home),
        "Budget participatif",
        phases=((date(2026, 5, 18), date(2026, 8, 1), None),),
    )
    page.phases.update(allows_supports=True)
    return page


@pytest.fixture
def rule(consultation, districts):
    rule = EligibilityRule.objects.create(
        consultation=consultation, minimum_age=16, postcodes="59000, 59160"
    )
    rule.districts.set([districts["nord"], districts["centre"]])
    return rule


@pytest.fixture
def register(rule):
    rule.register_required = True
    rule.save()
    services.import_register(rule=rule, content=b"reference\nAB-001\nAB-002\n")
    return rule


def eligible(districts, **overrides):
    data = {
        "residence": str(districts["nord"].pk),
        "postcode": "59000",
        "age_declared": "on",
    }
    data.update(overrides)
    return data


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


# The check, alone


def test_no_rule_lets_everyone_in_and_keeps_nothing():
    assert eligibility.check(None, {}) == eligibility.NOTHING
    assert eligibility.NOTHING.fields() == {"resident_district": None, "age_declared": False}


def test_each_condition_refuses_with_its_reason(rule, districts):
    with translation.override("en"), pytest.raises(NotEligible) as refused:
        eligibility.check(rule, {"residence": str(districts["sud"].pk), "postcode": "75001"})
    assert refused.value.errors == {
        "residence": "Only residents of Centre and North may take part.",
        "postcode": "Only residents of postal codes 59000 and 59160 may take part.",
        "age_declared": "You must be 16 or older to take part.",
    }


def test_someone_living_elsewhere_or_saying_nothing_is_told_why(rule):
    with translation.override("fr"):
        with pytest.raises(NotEligible) as refused:
            eligibility.check(rule, {"residence": eligibility.ELSEWHERE, "age_declared": True})
        assert refused.value.errors == {
            "residence": "Seuls les habitants de Centre et Nord peuvent participer.",
            "postcode": "Saisissez le code postal de votre adresse.",
        }
        with pytest.raises(NotEligible) as refused:
            eligibility.check(rule, {"postcode": "59000", "age_declared": True})
        assert refused.value.errors == {
            "residence": "Choisissez le quartier ou la commune où vous habitez."
        }


def test_a_forged_residence_is_refused_not_crashed(rule, districts, locales):
    elsewhere = District.objects.create(locale=locales[1], name="Abroad", slug="abroad")
    for forged in ("99999", "-1", "1e9", "<b>", str(elsewhere.pk), "0" * 500):
        with pytest.raises(NotEligible) as refused:
            eligibility.check(rule, eligible(districts, residence=forged))
        assert set(refused.value.errors) == {"residence"}


def test_an_eligible_resident_passes_and_keeps_the_district_and_the_declaration(rule, districts):
    declaration = eligibility.check(rule, eligible(districts, postcode=" 59 160 "))
    assert declaration.fields() == {"resident_district": districts["nord"], "age_declared": True}
    assert declaration.register_entry is None


def test_an_empty_list_of_districts_accepts_the_whole_list(rule, districts):
    rule.districts.clear()
    rule.postcodes = ""
    rule.minimum_age = None
    rule.save()
    declaration = eligibility.check(rule, {"residence": str(districts["sud"].pk)})
    assert declaration.fields() == {"resident_district": districts["sud"], "age_declared": False}
    with pytest.raises(NotEligible) as refused, translation.override("en"):
        eligibility.check(rule, {"residence": eligibility.ELSEWHERE})
    assert refused.value.errors == {
        "residence": "Only residents of the districts and communes listed may take part."
    }


def test_the_register_is_checked(register, districts):
    entry = eligibility.check(register, eligible(districts, register_reference=" ab-001 "))
    assert entry.register_entry == RegisterEntry.objects.get(reference="AB-001")
    with translation.override("en"):
        for reference, reason in (
            ("", "Enter the reference the authority gave you."),
            ("AB-003", "This reference is not on the register: check it against your letter."),
            ("x" * 10_000, "This reference is not on the register: check it against your letter."),
        ):
            with pytest.raises(NotEligible) as refused:
                eligibility.check(register, eligible(districts, register_reference=reference))
            assert refused.value.errors == {"register_reference": reason}


def test_the_rule_of_a_consultation_is_found_from_any_of_its_translations(rule, consultation):
    english = consultation.copy_for_translation(
        Locale.objects.get(language_code="en"), copy_parents=True
    )
    assert eligibility.rule_for(english) == rule
    assert eligibility.rule_for(consultation.pk) == rule
    assert eligibility.rule_for(None) is None
    other = EligibilityRule(consultation=english)
    with pytest.raises(ValidationError, match="a déjà une règle d’éligibilité"):
        other.full_clean()


# The rule in plain words


def test_the_rule_is_described_in_french_and_in_english(register):
    with translation.override("fr"):
        assert eligibility.describe(register) == [
            "Ouvert aux habitants de Centre et Nord.",
            "Codes postaux acceptés : 59000, 59160.",
            "Vous devez avoir 16 ans ou plus : vous le déclarez, aucun justificatif n’est demandé.",
            "Il vous faut la référence que la collectivité vous a remise (elle figure sur la "
            "liste des participants) ; chaque référence vote une fois.",
        ]
    with translation.override("en"):
        assert eligibility.describe(register) == [
            "Open to residents of Centre and North.",
            "Postal codes accepted: 59000, 59160.",
            "You must be 16 or older: you declare it, no proof is asked.",
            "You need the reference the authority gave you (it is on the register of "
            "participants); each reference votes once.",
        ]
    assert eligibility.describe(None) == []


def test_the_consultation_page_shows_the_rule_above_its_forms(client, rule, consultation):
    soup = soup_of(client.get(consultation.url))
    box = soup.select_one(".eligibility-rule")
    assert box.h2.get_text() == "Qui peut participer"
    assert [li.get_text() for li in box.select("li")][
        0
    ] == "Ouvert aux habitants de Centre et Nord."


def test_a_consultation_without_a_rule_says_nothing_of_it(client, consultation):
    assert not soup_of(client.get(consultation.url)).select(".eligibility-rule")


# The idea form


@pytest.fixture
def box(consultation, locales):
    box = IdeaBox(
        title="Vos idées",
        consultation=consultation,
        opens_at=paris(date(2026, 5, 18)),
        closes_at=paris(date(2026, 8, 1)),
    )
    box.themes = [Theme.objects.create(locale=locales[0], name="Cadre de vie", slug="cadre")]
    box.save()
    return box


@pytest.fixture
def page(consultation, box):
    consultation.body = [
        {"type": "idea_form", "value": {"idea_box": box.pk, "heading": ""}, "id": "idees"}
    ]
    consultation.save_revision().publish()
    return consultation


def idea(box, **overrides):
    data = {
        "title": "Des arbres côté mairie",
        "description": "De l’ombre pour les terrasses.",
        "theme": str(box.themes.get().pk),
        "email": "nadia@example.org",
        "display_name": "Nadia",
    }
    data.update(overrides)
    return data


def post(client, page, data, block_id="idees", **extra):
    fields = {f"{block_id}-{name}": value for name, value in data.items()}
    return client.post(page.url, {"block_id": block_id, **fields, **extra})


def test_the_idea_form_asks_what_the_rule_needs_in_a_fieldset(client, page, rule):
    form = soup_of(client.get(page.url)).select_one("#block-idees form")
    fieldset = form.select_one("fieldset.eligibility")
    assert fieldset.legend.get_text() == "Qui peut participer"
    names = [field["name"] for field in fieldset.select("input, select")]
    assert names == ["idees-residence", "idees-postcode", "idees-age_declared"]
    residence = fieldset.select_one("select")
    options = [option.get_text() for option in residence.select("option")]
    assert options == ["Choisissez votre quartier ou commune", "Centre", "Nord", "Sud", "Ailleurs"]
    assert form.select_one("label[for=id_idees-age_declared]").get_text() == "J’ai 16 ans ou plus"
    # before who proposes: the address comes last
    order = [field["name"] for field in form.select("input[name^=idees-], select, textarea")]
    assert order.index("idees-age_declared") < order.index("idees-email")


def test_an_ineligible_resident_is_refused_with_the_reason_and_loses_nothing(
    client, page, rule, box, districts
):
    data = {**idea(box), **eligible(districts, residence=str(districts["sud"].pk))}
    del data["age_declared"]
    response = post(client, page, data)
    assert response.status_code == 400
    assert not Idea.objects.exists()
    soup = soup_of(response)
    summary = [item.get_text() for item in soup.select(".error-summary li")]
    assert summary == [
        "Où vous habitez : Seuls les habitants de Centre et Nord peuvent participer.",
        "J’ai 16 ans ou plus : Vous devez avoir 16 ans ou plus pour participer.",
    ]
    residence = soup.select_one("#id_idees-residence")
    assert residence["aria-invalid"] == "true"
    assert (
        "Seuls les habitants de Centre et Nord"
        in soup.select_one("#id_idees-residence-error").get_text()
    )
    # nothing typed is lost
    assert residence.select_one("option[selected]")["value"] == str(districts["sud"].pk)
    assert soup.select_one("#id_idees-title")["value"] == "Des arbres côté mairie"
    assert soup.select_one("#id_idees-postcode")["value"] == "59000"
    assert soup.select_one("#id_idees-email")["value"] == "nadia@example.org"


def test_an_eligible_resident_proposes_and_only_the_rule_s_answers_are_kept(
    client, page, rule, box, districts
):
    response = post(client, page, {**idea(box), **eligible(districts)})
    assert response.status_code == 303
    stored = Idea.objects.get()
    assert (stored.resident_district, stored.age_declared) == (districts["nord"], True)
    assert "59000" not in str(Idea.objects.values().get())  # the postal code is not kept


def test_without_a_rule_the_idea_form_is_unchanged(client, page, box):
    form = soup_of(client.get(page.url)).select_one("#block-idees form")
    assert not form.select("fieldset.eligibility, [name$=residence], [name$=age_declared]")
    assert post(client, page, idea(box)).status_code == 303
    assert Idea.objects.get().resident_district is None


def test_a_known_participant_is_asked_too(client, page, rule, box, districts):
    participant = confirmed("nadia@example.org")
    session = client.session
    session[identity.SESSION_KEY] = participant.pk
    session.save()
    data = {key: value for key, value in idea(box).items() if key not in ("email", "display_name")}
    assert post(client, page, {**data, "residence": eligibility.ELSEWHERE}).status_code == 400
    assert post(client, page, {**data, **eligible(districts)}).status_code == 303
    assert Idea.objects.get().participant == participant


def test_a_contribution_whose_form_ignores_the_rule_is_a_programming_error(rf, page, rule, box):
    class Forgetful(ProposingIdea):
        def form(self, participant):
            return ParticipantForm(self.request.POST)

    request = rf.post(page.url, {})
    request.session = {}
    with pytest.raises(ImproperlyConfigured):
        Forgetful(request, box, back_url=page.url).handle()


# Supports and surveys


@pytest.fixture
def petition(consultation):
    return Petition.objects.create(
        title="Des fontaines", text="…", consultation=consultation, opens_at=paris(TODAY)
    )


@pytest.fixture
def survey(consultation):
    survey = SurveyFactory(title="Se déplacer", consultation=consultation)
    QuestionFactory(survey=survey, label="Vos souhaits", kind=QuestionKind.SHORT_TEXT)
    return survey


@pytest.fixture
def participation_page(consultation, petition, survey):
    consultation.body = [
        {"type": "support", "value": {"petition": petition.pk, "heading": ""}, "id": "soutien"},
        {"type": "survey", "value": {"survey": survey.pk, "heading": ""}, "id": "enquete"},
    ]
    consultation.save_revision().publish()
    return consultation


def sign_in(client, email="nadia@example.org"):
    participant = confirmed(email)
    session = client.session
    session[identity.SESSION_KEY] = participant.pk
    session.save()
    return participant


def test_a_support_is_refused_to_an_ineligible_participant_and_kept_for_an_eligible_one(
    client, participation_page, rule, petition, districts
):
    sign_in(client)
    form = soup_of(client.get(participation_page.url)).select_one("#block-soutien form")
    assert form.select_one("fieldset.eligibility")
    response = post(
        client,
        participation_page,
        {"residence": str(districts["sud"].pk)},
        "soutien",
        action="support",
    )
    assert response.status_code == 400
    assert not Support.objects.exists()
    assert soup_of(response).select("#block-soutien .error-summary li")
    response = post(client, participation_page, eligible(districts), "soutien", action="support")
    assert response.status_code == 303
    support = Support.objects.get()
    assert (support.resident_district, support.age_declared) == (districts["nord"], True)


def test_a_survey_answer_is_refused_to_an_ineligible_resident(
    client, participation_page, rule, survey, districts
):
    question = survey.questions.get()
    answers = {f"q{question.pk}": "Plus de vélos", "email": "nadia@example.org"}
    response = post(client, participation_page, {**answers, "postcode": "75001"}, "enquete")
    assert response.status_code == 400
    assert not SurveyResponse.objects.exists()
    soup = soup_of(response)
    assert soup.select_one(f"#id_enquete-q{question.pk}")["value"] == "Plus de vélos"
    errors = [item.get_text() for item in soup.select("#block-enquete .error-summary li")]
    assert (
        "Votre code postal : Seuls les habitants des codes postaux 59000 et 59160 peuvent "
        "participer." in errors
    )
    response = post(client, participation_page, {**answers, **eligible(districts)}, "enquete")
    assert response.status_code == 303
    assert SurveyResponse.objects.get().resident_district == districts["nord"]


def test_an_idea_s_support_from_its_page_is_checked_too(client, rule, box, districts):
    published = Idea.objects.create(box=box, title="Des bancs", description="…", confirmed=True)
    services.change_status(idea=published, to_status=IdeaStatus.PUBLISHED, user=None)
    sign_in(client)
    url = published.get_absolute_url()
    assert soup_of(client.get(url)).select_one("#support fieldset.eligibility")
    response = client.post(url, {"action": "support", "residence": eligibility.ELSEWHERE})
    assert response.status_code == 400
    assert not IdeaSupport.objects.exists()
    response = client.post(url, {"action": "support", **eligible(districts)})
    assert response.status_code == 303
    assert IdeaSupport.objects.get().resident_district == districts["nord"]


# The register


def test_a_register_is_imported_one_reference_per_line(rule):
    imported = services.import_register(rule=rule, content=b"ab-001\r\n\r\n AB 002 \nAB-003")
    assert (imported.added, imported.already) == (3, 0)
    assert sorted(rule.register.values_list("reference", flat=True)) == [
        "AB-001",
        "AB-003",
        "AB002",  # spaces are not part of a reference
    ]
    again = services.import_register(rule=rule, content=b"AB-003\nAB-004\n")
    assert (again.added, again.already) == (1, 1)


def test_a_register_is_read_from_its_reference_column_as_spreadsheets_save_it(rule):
    content = '\ufeffNom;Référence;Ville\nMartin;AB-1;Lille\n"Durand; Jo";AB-2;Lille\n'
    assert services.import_register(rule=rule, content=content.encode()).added == 2
    assert set(rule.register.values_list("reference", flat=True)) == {"AB-1", "AB-2"}


@pytest.mark.parametrize(
    ("content", "errors"),
    [
        (b"", ["The file holds no reference."]),
        (b"\n \n", ["The file holds no reference."]),
        (b"reference\n", ["The file holds no reference."]),
        (
            b"AB-1\nAB-2\nab-1\n",
            ["Row 3: \u201cAB-1\u201d is already on row 1."],
        ),
        (
            b"AB-1\n<script>\nAB;2\n" + b"x" * 70 + b"\n",
            [
                "Row 2: \u201c<script>\u201d is not a reference (letters, digits, . _ / - only, "
                "64 characters at most).",
                "Row 3: one reference per row, or a column headed \u201creference\u201d.",
                "Row 4: \u201c" + "x" * 29 + "\u2026\u201d is not a reference (letters, digits, "
                ". _ / - only, 64 characters at most).",
            ],
        ),
        (
            b"AB-1\nAB-2\nCaf\xe9\n",
            [
                "Row 3: the file is not UTF-8 text. Save it as \u201cCSV UTF-8\u201d and upload "
                "it again."
            ],
        ),
        (b"%PDF-1.7\x00\x01", ["This is not a CSV file: save it as \u201cCSV UTF-8\u201d."]),
    ],
)
def test_a_wrong_register_names_its_rows_and_imports_nothing(rule, content, errors):
    services.import_register(rule=rule, content=b"AB-0\n")
    with translation.override("en"), pytest.raises(InvalidRegister) as refused:
        services.import_register(rule=rule, content=content)
    assert refused.value.errors == errors
    assert list(rule.register.values_list("reference", flat=True)) == ["AB-0"]


def test_a_register_full_of_errors_lists_the_first_twenty(rule):
    content = b"\n".join(b"<%d>" % row for row in range(1, 1001))
    with translation.override("en"), pytest.raises(InvalidRegister) as refused:
        services.import_register(rule=rule, content=content)
    assert len(refused.value.errors) == 21
    assert refused.value.errors[-1] == "And 980 more rows to correct."
    assert not rule.register.exists()


# The admin: the rule, and the register's upload


REGISTER_URL = "/admin/snippets/participation/eligibilityrule/register/{}/"


@pytest.fixture
def moderator_client(client, django_user_model, db):
    from portal.core import roles

    user = django_user_model.objects.create_user("agent", "agent@mairie.example", "x")
    user.groups.add(roles.group(roles.StaffRole.MODERATORS))
    client.force_login(user)
    return client


def upload(client, rule, content, name="liste.csv"):
    return client.post(
        REGISTER_URL.format(rule.pk), {"file": SimpleUploadedFile(name, content, "text/csv")}
    )


def test_an_officer_uploads_a_register_and_sees_how_many_references_it_holds(
    moderator_client, rule
):
    listing = moderator_client.get("/admin/snippets/participation/eligibilityrule/")
    assert REGISTER_URL.format(rule.pk) in listing.content.decode()
    response = upload(moderator_client, rule, b"reference\nAB-1\nAB-2\n")
    assert response.status_code == 303
    assert rule.register.count() == 2
    page = moderator_client.get(REGISTER_URL.format(rule.pk))
    assert "2 références ajoutées" in page.content.decode()
    assert "La liste contient 2 références." in page.content.decode()


def test_a_wrong_register_is_refused_in_the_admin_with_its_rows_named(moderator_client, rule):
    response = upload(moderator_client, rule, b"AB-1\nAB-1\n")
    assert response.status_code == 200
    assert "Ligne 2 : « AB-1 » figure déjà ligne 1." in response.content.decode()
    assert not rule.register.exists()


def test_a_huge_register_is_refused_before_it_is_read(moderator_client, rule, monkeypatch):
    from portal.participation import admin_views

    class Unread(SimpleUploadedFile):
        def read(self, *args):
            raise AssertionError("read")

    huge = Unread("liste.csv", b"", "text/csv")
    huge.size = 6 * 1024 * 1024
    form = admin_views.RegisterUploadForm(files={"file": huge})
    assert not form.is_valid()
    assert form.errors["file"] == [
        "Ce fichier pèse plus de 5 Mo, le maximum pour une liste de participants."
    ]
    # and in the admin, a file over the limit is refused with nothing imported
    monkeypatch.setattr(admin_views, "REGISTER_MAX_MB", 0.001)  # about 1 kB
    response = upload(moderator_client, rule, b"AB-1\n" * 1000)
    assert response.status_code == 200
    assert "Ce fichier pèse plus de 0,001 Mo" in response.content.decode()
    assert not rule.register.exists()


def test_the_register_upload_is_for_officers_only(client, django_user_model, rule):
    from portal.core import roles

    editor = django_user_model.objects.create_user("redac", "redac@mairie.example", "x")
    editor.groups.add(roles.group(roles.StaffRole.EDITORS))
    client.force_login(editor)
    upload(client, rule, b"AB-1\n")
    assert not rule.register.exists()
    assert client.get(REGISTER_URL.format(rule.pk)).status_code == 302  # Wagtail's refusal
    listing = client.get("/admin/snippets/participation/eligibilityrule/")
    assert (
        listing.status_code == 200 and REGISTER_URL.format(rule.pk) not in listing.content.decode()
    )


def test_the_rule_s_form_offers_the_authority_s_list_of_districts(admin_client, rule):
    response = admin_client.get(f"/admin/snippets/participation/eligibilityrule/edit/{rule.pk}/")
    soup = soup_of(response)
    offered = [label.get_text(strip=True) for label in soup.select("#id_districts label")]
    assert offered == ["Centre", "Nord", "Sud"]  # French only: the list is the main language's
