# ruff: noqa: F811 (fixtures shared with test_identity are imported by name)
"""A stranger attacks the identity and confirmation flow (issue 11, items 1, 3, 5, 7, 8).

Each test plays someone who knows a resident's address and nothing else, or a hostile
visitor, and asserts what must hold. Those named `..._holds` held from the start; the others
each failed once and name what was fixed.
"""

import re
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection, connections
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from portal.core import http
from portal.participation import identity, services, survey_results
from portal.participation.models import (
    Confirmation,
    Idea,
    IdeaStatus,
    Participant,
    Petition,
    QuestionKind,
    SurveyResponse,
)
from tests import factories
from tests.conftest import confirm_by_link, shown_on
from tests.factories import QuestionFactory, SurveyFactory, confirmed
from tests.participation.test_identity import (  # noqa: F401 (fixtures)
    VICTIM,
    answer,
    box,
    consultation,
    link_in,
    page,
    petition,
    post,
    soup_of,
    survey,
)


def mailbox(address):
    """The e-mails that reached one mailbox (plus-addressing delivers to the same box)."""
    user, domain = address.split("@")
    pattern = re.compile(rf"^{re.escape(user)}(\+[^@]*)?@{re.escape(domain)}$", re.IGNORECASE)
    return [message for message in mail.outbox if any(pattern.match(to) for to in message.to)]


@pytest.fixture(autouse=True)
def french():
    """Each test starts on the French site, whatever language a request left active."""
    with translation.override("fr"):
        yield


def fresh(number):
    """A browser of its own, from an address of its own."""
    return Client(REMOTE_ADDR=f"198.51.100.{number}")


@pytest.fixture
def in_june():
    import time_machine

    from tests.factories import paris
    from tests.proposals.conftest import TODAY

    with time_machine.travel(paris(TODAY, 12), tick=False):
        yield


# What the button confirms is what the page showed


def test_the_button_confirms_only_what_the_page_showed(page, petition):
    """Between the page (GET) and the button (POST), the browser that typed the address can
    add to the same confirmation and change the public name: the POST confirms whatever the
    confirmation holds then, which the owner never saw."""
    other = Petition.objects.create(title="Fermer la piscine", text="…")
    page.body = [
        {"type": "support", "value": {"petition": petition.pk, "heading": ""}, "id": "soutien"},
        {"type": "support", "value": {"petition": other.pk, "heading": ""}, "id": "soutien2"},
    ]
    page.save_revision().publish()
    stranger = fresh(1)
    post(stranger, page, "soutien", email=VICTIM, display_name="Nadia")
    link = link_in(mail.outbox[-1])
    victim = fresh(2)
    opened = victim.get(link)
    shown = soup_of(opened).select_one("main").get_text()
    assert "Des fontaines en ville" in shown and "Fermer la piscine" not in shown
    assert "Nadia" in shown
    # Meanwhile, in the stranger's browser (past the e-mail cap, no new e-mail needed).
    post(stranger, page, "soutien2", email=VICTIM, display_name="Mot grossier")
    victim.post(link, {"shown": shown_on(opened)})
    owner = Participant.objects.get(email=VICTIM)
    assert services.support_count(other) == 0
    assert owner.display_name == "Nadia"


# Nothing a stranger does locks the owner out


def test_typing_her_address_a_few_times_does_not_lock_the_owner_out_of_her_link(page, settings):
    """The per-address e-mail cap is spent by whoever types the address: five posts by a
    stranger and the owner's own contribution gets no link for the hour (nor does "get a new
    link"), renewable by the stranger every hour."""
    per_client, _in_all = settings.PARTICIPATION_EMAILS_PER_ADDRESS
    for number in range(per_client):  # from as many connections
        post(fresh(number), page, "soutien", email=VICTIM)
    mail.outbox.clear()
    victim = fresh(200)
    post(victim, page, "idees", title="Un banc", description="À l’ombre", email=VICTIM)
    assert len(mail.outbox) == 1, "the owner got no link for her own idea"


def test_plus_addressing_does_not_multiply_the_e_mail_cap(page, settings):
    """victime+1@, victime+2@… are other participants, each with its own cap, but all land in
    one mailbox: the cap meant to stop flooding her is multiplied at will."""
    per_client, in_all = settings.PARTICIPATION_EMAILS_PER_ADDRESS
    user, domain = VICTIM.split("@")
    for number in range(4 * per_client):  # from one connection
        post(fresh(1), page, "soutien", email=f"{user}+{number}@{domain}")
    assert len(mailbox(VICTIM)) == per_client
    for number in range(2 * in_all):  # from many
        post(fresh(number % 250), page, "soutien", email=f"{user}+x{number}@{domain}")
    assert len(mailbox(VICTIM)) == in_all


def test_the_e_mail_cap_ignores_case_and_spaces_holds(page, settings):
    per_client, _in_all = settings.PARTICIPATION_EMAILS_PER_ADDRESS
    for number in range(per_client + 3):
        typed = f"  {VICTIM.upper() if number % 2 else VICTIM}  "
        post(fresh(1), page, "soutien", email=typed)
    assert len(mailbox(VICTIM)) == per_client
    assert Participant.objects.count() == 1


def test_the_per_participant_limit_cannot_be_bypassed_by_typing_the_address(page, box, settings):
    """Item 5: a signed-in participant is limited to N ideas an hour; the same person, in a
    browser that is not signed in (or after signing out), types her address instead: every
    idea joins one confirmation, limited per client address only, and one press counts all."""
    settings.PARTICIPATION_RATE_LIMITS = {**settings.PARTICIPATION_RATE_LIMITS, "idea": (999, 3)}
    confirmed(VICTIM)
    client = fresh(1)
    outcomes = [
        post(client, page, "idees", title=f"Idée {number}", description="…", email=VICTIM)
        for number in range(8)
    ]
    assert [response.status_code for response in outcomes] == [303] * 3 + [400] * 5
    confirm_by_link(client, link_in(mail.outbox[-1]))
    assert Idea.objects.filter(confirmed=True).count() <= 3


# Counts after the link


def test_a_support_confirmed_after_the_petition_closed_does_not_count(page, petition):
    """A waiting support counts when its link is used, up to 48 hours later, even once the
    petition is closed and its count published."""
    post(fresh(1), page, "soutien", email=VICTIM)
    link = link_in(mail.outbox[-1])
    Petition.objects.filter(pk=petition.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    confirm_by_link(fresh(1), link)
    assert services.support_count(petition) == 0


def test_an_answer_confirmed_after_the_survey_closed_does_not_count(page, survey):
    answer(fresh(1), page, survey, email=VICTIM)
    link = link_in(mail.outbox[-1])
    type(survey).objects.filter(pk=survey.pk).update(
        closes_at=timezone.now() - timedelta(minutes=1)
    )
    confirm_by_link(fresh(1), link)
    assert not SurveyResponse.objects.filter(confirmed=True).exists()


def test_an_option_sent_twice_counts_once(home, consultation):
    """A checkbox group posted with the same option fifty times (one request, no link
    needed for an anonymous survey) stores fifty answers: the results say 50 for one person."""
    survey = SurveyFactory(title="Vélo", anonymous=True, one_answer_per_participant=False)
    question = QuestionFactory(
        survey=survey,
        kind=QuestionKind.MULTIPLE_CHOICE,
        label="Ce qui manque",
        choices="Des arceaux\nDes pistes",
    )
    consultation.body = [
        {"type": "survey", "value": {"survey": survey.pk, "heading": ""}, "id": "velo"}
    ]
    consultation.save_revision().publish()
    response = fresh(1).post(
        consultation.url,
        {"block_id": "velo", f"velo-q{question.pk}": ["Des arceaux"] * 50},
    )
    assert response.status_code == 303
    [result] = survey_results.survey_results(survey, confidential=True)
    counts = {option.label: option.count for option in result.options}
    assert result.respondents == 1
    assert counts["Des arceaux"] == 1


# What the stranger types never reaches the owner's participant record


def test_the_strangers_language_is_not_applied_to_the_owner(
    page, box, django_capture_on_commit_callbacks
):
    """The first browser to type an address sets the participant's language for good: a
    stranger on the English site makes every later e-mail to her (idea status, results)
    English, though she took part in French."""
    from tests.proposals.conftest import valid

    factories.agenda(page.get_parent().get_parent())
    with translation.override("en"):
        english_form = reverse("proposals:propose")
    start = timezone.localtime() + timedelta(days=20)
    event = valid(
        email=VICTIM,
        start=start.strftime("%Y-%m-%dT%H:%M"),
        end=(start + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
    )
    assert fresh(1).post(english_form, event).status_code == 303
    victim = fresh(2)
    post(victim, page, "idees", title="Un banc", description="À l’ombre", email=VICTIM)
    confirm_by_link(victim, link_in(mail.outbox[-1]))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.change_status(idea=Idea.objects.get(), to_status=IdeaStatus.PUBLISHED, user=None)
    assert "Votre idée" in mail.outbox[-1].subject


# Erasing and purging leave nothing


def test_a_typed_address_never_confirmed_is_purged_with_what_waited(page, petition):
    """purge_unconfirmed deletes what waited on the link, but the participant row stays, with
    the address a stranger typed, for the whole retention period (36 months)."""
    post(fresh(1), page, "soutien", email=VICTIM, display_name="Insulte")
    Confirmation.objects.update(expires_at=timezone.now() - timedelta(days=8))
    services.purge_unconfirmed()
    assert not Participant.objects.filter(email=VICTIM).exists()


def test_the_retention_purge_leaves_no_public_name_on_confirmations(page, petition, settings):
    """purge_expired blanks the participant's address and name, but each used confirmation
    keeps the public name typed with it."""
    victim = fresh(1)
    post(victim, page, "soutien", email=VICTIM, display_name="Nadia Benali")
    confirm_by_link(victim, link_in(mail.outbox[-1]))
    later = timezone.now() + timedelta(days=31 * settings.PARTICIPATION_RETENTION_MONTHS)
    assert services.purge_expired(now=later) == 1
    assert not Confirmation.objects.filter(display_name="Nadia Benali").exists()


def test_erasing_leaves_no_waiting_confirmation_nor_contribution_holds(page, petition, survey, box):
    stranger = fresh(1)
    post(stranger, page, "soutien", email=VICTIM, display_name="Insulte")
    answer(stranger, page, survey, email=VICTIM)
    post(stranger, page, "idees", title="Au nom d’une autre", description="…", email=VICTIM)
    owner = Participant.objects.get(email=VICTIM)
    token = identity.data_token(owner)
    Client().post(reverse("participation:erase_my_data", args=[token]))
    assert not Participant.objects.exists()
    assert not Confirmation.objects.exists()
    assert not petition.supports.exists() and not SurveyResponse.objects.exists()
    assert not Idea.objects.exists()
    # The stranger's browser still points at the erased confirmation: it fails cleanly.
    assert post(stranger, page, "soutien", email=VICTIM).status_code == 303


# Links: forged, reused, other salts


@pytest.mark.parametrize(
    "token",
    ["x", "a" * 500, "eyJjIjoxfQ:1abc:forged", "%00", "..%2F..%2Fetc", "e30:1u:xx"],
)
def test_forged_confirmation_links_are_refused_cleanly_holds(page, token):
    for method in ("get", "post"):
        response = getattr(Client(), method)(
            reverse("participation:confirm", args=["placeholder"]).replace("placeholder", token)
        )
        assert response.status_code in (400, 404)


def test_a_my_data_link_is_not_a_confirmation_link_nor_the_reverse_holds(page):
    post(fresh(1), page, "soutien", email=VICTIM)
    owner = Participant.objects.get(email=VICTIM)
    data = identity.data_token(owner)
    assert Client().post(reverse("participation:confirm", args=[data])).status_code == 400
    confirmation_token = link_in(mail.outbox[-1]).rstrip("/").rsplit("/", 1)[-1]
    response = Client().get(reverse("participation:my_data", args=[confirmation_token]))
    assert response.status_code == 400


def test_confirming_cycles_the_session_key_holds(page):
    """Session fixation: a session key planted before the link is not the one signed in."""
    post(fresh(1), page, "soutien", email=VICTIM)
    victim = fresh(2)
    link = link_in(mail.outbox[-1])
    opened = victim.get(link)
    before = victim.session.session_key
    victim.post(link, {"shown": shown_on(opened)})
    assert victim.session.session_key != before
    assert victim.session[identity.SESSION_KEY]


# Client address


@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        ("10.0.0.2", "203.0.113.9, 198.51.100.1", "198.51.100.1"),
        ("10.0.0.2", "198.51.100.1, 10.0.0.3", "198.51.100.1"),
        ("10.0.0.2", "junk, 198.51.100.1", "198.51.100.1"),
        ("203.0.113.5", "198.51.100.1", "203.0.113.5"),  # not a proxy of ours
        ("10.0.0.2", "2001:db8::1", "2001:db8::1"),
    ],
)
def test_client_ip_reads_only_what_trusted_proxies_wrote_holds(
    rf, settings, remote, forwarded, expected
):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    http.trusted_proxies.cache_clear()
    try:
        request = rf.get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
        assert http.client_ip(request) == expected
    finally:
        http.trusted_proxies.cache_clear()


@pytest.mark.parametrize(
    ("ip", "key"),
    [
        ("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"),
        ("2001:db8:1:2:ffff::1", "2001:db8:1:2::/64"),
        ("::ffff:198.51.100.1", "198.51.100.1"),
        ("fe80::1%eth0", "fe80::/64"),
        ("", "unknown"),
    ],
)
def test_rate_keys_group_an_ipv6_household_holds(ip, key):
    assert http.rate_key(ip) == key


def test_the_my_data_page_is_never_stored_holds(page):
    post(fresh(1), page, "soutien", email=VICTIM)
    owner = Participant.objects.get(email=VICTIM)
    response = Client().get(reverse("participation:my_data", args=[identity.data_token(owner)]))
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "same-origin"
    assert factories is not None


# Hostile addresses


def test_an_address_that_grows_when_lowered_is_refused_cleanly(page):
    """ "İ" lowers to two characters: a valid 227-character address becomes 387 once
    normalised, longer than the column (254). PostgreSQL refuses the row: a 500."""
    long_address = "a" * 60 + "@" + ("İ" * 40 + ".") * 4 + "fr"
    response = post(fresh(1), page, "soutien", email=long_address)
    assert response.status_code in (303, 400)
    assert all(len(email) <= 254 for email in Participant.objects.values_list("email", flat=True))


# Concurrency (PostgreSQL)

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs a database with real concurrency"
)


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_one_link_pressed_in_many_browsers_at_once_counts_once_holds(home):
    today = timezone.localdate()
    consultation = factories.consultation(
        factories.consultation_index(home),
        "Le parc",
        phases=((today - timedelta(days=1), today + timedelta(days=1), None),),
    )
    consultation.phases.update(allows_supports=True)
    idea = factories.IdeaFactory(
        box=factories.IdeaBoxFactory(consultation=consultation), status="published"
    )
    petition = Petition.objects.create(title="Des fontaines", text="…")
    named = factories.named(VICTIM, display_name="Nadia")
    services.support(participant=named, petition=petition)
    services.support_idea(participant=named, idea=idea)
    confirmation = named.confirmation

    def press(_number):
        try:
            services.confirm(confirmation=confirmation)
            return "confirmed"
        except services.LinkUsed:
            return "used"
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=8) as pool:
        outcomes = list(pool.map(press, range(16)))
    assert outcomes.count("confirmed") == 1 and outcomes.count("used") == 15
    idea.refresh_from_db()
    assert idea.support_count == 1 == services.support_count(petition)


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_links_of_one_person_pressed_at_once_count_her_once_holds(home):
    """Two browsers typed her address and supported the same petition and idea and answered
    the same survey; she presses both links at the same moment."""
    today = timezone.localdate()
    consultation = factories.consultation(
        factories.consultation_index(home),
        "Le parc",
        phases=((today - timedelta(days=1), today + timedelta(days=1), None),),
    )
    consultation.phases.update(allows_supports=True)
    idea = factories.IdeaFactory(
        box=factories.IdeaBoxFactory(consultation=consultation), status="published"
    )
    petition = Petition.objects.create(title="Des fontaines", text="…")
    survey = SurveyFactory(one_answer_per_participant=True)
    question = QuestionFactory(survey=survey)
    confirmations = []
    for _browser in range(6):
        named = factories.named(VICTIM)
        services.support(participant=named, petition=petition)
        services.support_idea(participant=named, idea=idea)
        services.answer_survey(survey=survey, participant=named, answers={question: "Oui"})
        confirmations.append(named.confirmation)

    def press(confirmation):
        try:
            return len(services.confirm(confirmation=confirmation).dropped)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=6) as pool:
        dropped = list(pool.map(press, confirmations))
    assert sorted(dropped) == [0, 3, 3, 3, 3, 3]
    idea.refresh_from_db()
    assert idea.support_count == 1 == services.support_count(petition)
    assert SurveyResponse.objects.filter(confirmed=True).count() == 1


# Hostile input in every field of every form: a clear answer, never a 500

HOSTILE = [
    "\x00",
    "a\x00b",
    "x" * 20000,
    "Titre\r\nBcc: espion@example.org",
    "<script>alert(1)</script>",
    "İ" * 300,
    "-1",
    "1e309",
    "NaN",
    "9" * 400,
    "２",
    "0000-00-00",
    "99999-12-31",
    "",
    " ",
    "\u202e\u2028\x85",
    ["a", "b"],
]


@pytest.fixture
def everything(home, locales, settings):
    """A consultation page with a petition, a survey asking every kind of question and an
    idea box with every kind of extra field; limits out of the way."""
    from portal.pages.models import District, Theme
    from portal.participation.models import IdeaBox, IdeaField

    settings.PARTICIPATION_RATE_LIMITS = dict.fromkeys(
        settings.PARTICIPATION_RATE_LIMITS, (100000, 100000)
    )
    today = timezone.localdate()
    consultation = factories.consultation(
        factories.consultation_index(home),
        "Tout",
        phases=((today - timedelta(days=1), today + timedelta(days=30), None),),
    )
    consultation.phases.update(allows_supports=True)
    district = District.objects.create(locale=locales[0], name="Centre", slug="centre")
    theme = Theme.objects.create(locale=locales[0], name="Cadre", slug="cadre")
    survey = SurveyFactory(one_answer_per_participant=True)
    for kind in QuestionKind:
        QuestionFactory(
            survey=survey,
            kind=kind,
            required=False,
            choices="Un\nDeux",
            allow_other=True,
            scale_max=5,
        )
    box = IdeaBox(title="Boîte", consultation=consultation, opens_at=timezone.now())
    box.themes = [theme]
    box.districts = [district]
    box.extra_fields = [
        IdeaField(kind=kind, label=kind, required=False, choices="Un\nDeux", sort_order=number)
        for number, kind in enumerate(("checkbox", "choice", "text", "number"))
    ]
    box.save()
    petition = Petition.objects.create(title="P", text="…")
    consultation.body = [
        {"type": "support", "value": {"petition": petition.pk, "heading": ""}, "id": "soutien"},
        {"type": "survey", "value": {"survey": survey.pk, "heading": ""}, "id": "enquete"},
        {"type": "idea_form", "value": {"idea_box": box.pk, "heading": ""}, "id": "idees"},
    ]
    consultation.save_revision().publish()
    idea = factories.IdeaFactory(box=box, status="published")
    return consultation, survey, box, idea


def form_fields(response, block_id):
    """The names of the fields of one block's form, as the page renders them."""
    form = soup_of(response).select_one(f"#block-{block_id} form[method=post]")
    return sorted(
        {field["name"] for field in form.select("[name]") if field["name"] != "csrfmiddlewaretoken"}
    )


@pytest.mark.parametrize("block_id", ["soutien", "enquete", "idees"])
def test_hostile_input_in_any_field_never_fails_holds(everything, block_id):
    consultation, _survey, box, _idea = everything
    theme = box.themes.get().pk
    names = form_fields(Client().get(consultation.url), block_id)
    assert names
    for number, (name, value) in enumerate(
        (name, value) for name in [*names, "block_id", "action"] for value in HOSTILE
    ):
        data = dict.fromkeys(names, "")
        data.update({"block_id": block_id, f"{block_id}-email": f"n{number}@example.org"})
        # Valid values for the required fields, so that a hostile value may reach the database.
        data.update({"idees-title": "T", "idees-description": "D", "idees-theme": str(theme)})
        data[name] = value
        response = Client(REMOTE_ADDR=f"10.9.{number // 250}.{number % 250}").post(
            consultation.url, data
        )
        assert response.status_code in (303, 400), (name, repr(value)[:40])


def test_hostile_input_on_the_other_public_forms_never_fails_holds(everything, settings):
    *_rest, idea = everything
    targets = [
        (reverse("participation:new_link"), ["email", "website"]),
        (reverse("participation:sign_out"), ["next"]),
        (idea.get_absolute_url(), ["email", "display_name", "wants_results", "action"]),
    ]
    number = 0
    for url, names in targets:
        for name in names:
            for value in [*HOSTILE, "//evil.example/", "https://evil.example/"]:
                number += 1
                response = Client(REMOTE_ADDR=f"10.8.{number // 250}.{number % 250}").post(
                    url, {name: value}
                )
                assert response.status_code in (303, 400), (url, name, repr(value)[:40])
                if name == "next":
                    assert "evil" not in response["Location"]


@pytest.mark.parametrize(
    "query",
    [
        "theme=%00",
        "page=99999999999999999999999",
        "page=-1",
        "sort=random&seed=99999999999999999999",
        "sort=random&seed=%00",
        "district=1&district=2",
        "status=%C4%B0",
    ],
)
def test_hostile_filters_never_fail_holds(home, locales, query):
    from portal.participation.models import IdeaBox

    today = timezone.localdate()
    consultation = factories.consultation(
        factories.consultation_index(home),
        "Liste",
        phases=((today - timedelta(days=1), today + timedelta(days=30), None),),
    )
    box = IdeaBox.objects.create(title="B", consultation=consultation, opens_at=timezone.now())
    consultation.body = [
        {"type": "idea_list", "value": {"idea_box": box.pk, "heading": "", "per_page": 4}}
    ]
    consultation.save_revision().publish()
    assert Client().get(f"{consultation.url}?{query}").status_code in (200, 400)


# The page cache keeps nothing of one visitor for another


def test_a_message_shown_on_a_cached_page_is_never_served_to_another_visitor_holds(
    standard_page,
):
    owner = confirmed(VICTIM)
    resident = Client()
    session = resident.session
    session[identity.SESSION_KEY] = owner.pk
    session.save()
    response = resident.post(reverse("participation:sign_out"), {"next": standard_page.url})
    assert response["Location"] == standard_page.url
    shown = resident.get(standard_page.url)
    assert "déconnecté" in shown.content.decode()
    for _visit in range(2):
        other = Client().get(standard_page.url)
        assert "déconnecté" not in other.content.decode()
    assert other["X-Page-Cache"] in ("hit", "miss")


def test_a_signed_in_participant_leaves_nothing_of_hers_in_the_cache_holds(standard_page):
    owner = confirmed(VICTIM, display_name="Nadia Benali")
    resident = Client()
    session = resident.session
    session[identity.SESSION_KEY] = owner.pk
    session.save()
    resident.get(standard_page.url)
    other = Client().get(standard_page.url)
    assert "Nadia" not in other.content.decode() and VICTIM not in other.content.decode()


# Event proposals in a trusted organiser's name


def test_the_trusted_contact_sees_the_links_she_would_publish_unmoderated(home, in_june):
    """A stranger proposes an event as the trusted organiser, typing its contact's address,
    with his own registration link. The contact gets “propose the event … (organiser: …) for
    the agenda” — a colleague's, she may think — and one press publishes it at once, with no
    moderator: neither the e-mail nor the page shows the links it carries, nor that it skips
    moderation."""
    from portal.pages.models import EventPage, Organiser
    from tests.proposals.conftest import SECRET_ADDRESS, propose_url, valid

    agenda = factories.agenda(home)
    contact = confirmed(SECRET_ADDRESS)
    Organiser.objects.create(
        name="Les Amis du Parc", kind=Organiser.Kind.ASSOCIATION, trusted=True, contact=contact
    )
    stranger = fresh(1)
    stranger.post(propose_url(), valid(registration_url="https://phishing.example/inscription"))
    message = mail.outbox[-1]
    page_text = soup_of(fresh(2).get(link_in(message))).select_one("main").get_text()
    assert "phishing.example" in message.body and "phishing.example" in page_text
    assert agenda and not EventPage.objects.exists()


def test_the_moderator_is_told_a_trusted_name_comes_from_another_address(home, in_june):
    """An impostor, signed in with his own address, proposes under a trusted organiser's
    name: the review says only “trusted”, exactly as for the real contact, and ticking
    “trust” hands the organiser's trust to the impostor, silently taking it from her."""
    from portal.pages.models import Organiser
    from portal.proposals import services as proposals
    from portal.proposals.moderation import organiser_situation

    factories.agenda(home)
    contact = confirmed("asso@example.org")
    impostor = confirmed("imposteur@example.org")
    Organiser.objects.create(
        name="Les Amis du Parc", kind=Organiser.Kind.ASSOCIATION, trusted=True, contact=contact
    )
    fields = {
        "organiser_name": "Les Amis du Parc",
        "summary": "…",
        "start": timezone.now() + timedelta(days=20),
        "end": timezone.now() + timedelta(days=20, hours=2),
        "place_name": "Parc",
    }
    own = proposals.submit_proposal(contact=contact, title="Vrai", **fields)
    fake = proposals.submit_proposal(contact=impostor, title="Faux", **fields)
    assert own.status != fake.status  # hers is published at once, his waits for a moderator
    assert organiser_situation(fake) != organiser_situation(own)


def test_the_retention_purge_leaves_no_confidential_answer(box, settings):
    """Erasing on request drops the answers given to confidential fields; the retention purge,
    which anonymises the same person 36 months later, keeps them on her ideas."""
    author = confirmed(VICTIM, display_name="Nadia")
    role = box.extra_fields.get(confidential=True).key
    for title in ("En attente", "Publiée"):
        services.submit_idea(
            box=box, participant=author, title=title, description="…", extra={role: "Infirmière"}
        )
    services.change_status(
        idea=Idea.objects.get(title="Publiée"), to_status=IdeaStatus.PUBLISHED, user=None
    )
    later = timezone.now() + timedelta(days=31 * settings.PARTICIPATION_RETENTION_MONTHS)
    assert services.purge_expired(now=later) == 1
    assert not Idea.objects.filter(extra__has_key=role).exists()


# What waits on a link is not moderators' to publish


def test_an_idea_still_waiting_on_its_link_cannot_be_published(page, box, django_user_model):
    """The queue hides ideas whose link is unused, but the list filtered on “submitted” (or
    “all”) shows them like any other, and “publish” (one or in bulk) publishes them: what a
    stranger typed in a resident's name goes public without anyone confirming it, and
    purge_unconfirmed later deletes the published idea with its supports."""
    from tests.participation.test_moderation import IDEAS, bulk_url, titles

    post(fresh(1), page, "idees", title="Au nom d’une autre", description="…", email=VICTIM)
    moderator = Client()
    moderator.force_login(django_user_model.objects.create_superuser("m", "m@example.org", "x"))
    listed = titles(moderator.get(f"{IDEAS}?status=submitted"))
    assert "Au nom d’une autre" in listed
    moderator.post(bulk_url("publish", Idea.objects.get()))
    assert not Idea.objects.public().filter(confirmed=False).exists()


def test_the_confirm_button_cannot_be_framed_holds(page):
    """Clickjacking: a hostile site frames the stranger's own link and has a victim press
    the button, signing her browser in as the stranger."""
    post(fresh(1), page, "soutien", email="etranger@example.org")
    response = fresh(2).get(link_in(mail.outbox[-1]))
    policy = response.get("Content-Security-Policy", "")
    assert response["X-Frame-Options"] == "DENY" or "frame-ancestors 'none'" in policy


def test_counts_stay_exact_through_confirm_withdraw_erase_and_purge_holds(box, petition):
    idea = factories.IdeaFactory(box=box, status=IdeaStatus.PUBLISHED)
    owner = confirmed(VICTIM)
    services.support_idea(participant=owner, idea=idea)
    services.support(participant=owner, petition=petition)
    # A stranger's waiting supports in her name, and her own from a second browser.
    for _browser in range(2):
        waiting = factories.named(VICTIM)
        services.support_idea(participant=waiting, idea=idea)
        services.support(participant=waiting, petition=petition)
    services.confirm(confirmation=waiting.confirmation)  # duplicates: dropped
    idea.refresh_from_db()
    assert idea.support_count == 1 == services.support_count(petition)
    services.withdraw_idea_support(participant=owner, idea=idea)
    services.support_idea(participant=owner, idea=idea)
    other = confirmed("autre@example.org")
    services.support_idea(participant=other, idea=idea)
    Confirmation.objects.filter(used_at__isnull=True).update(
        expires_at=timezone.now() - timedelta(days=8)
    )
    services.purge_unconfirmed()
    services.erase(participant=Participant.objects.get(email=VICTIM))
    idea.refresh_from_db()
    assert idea.support_count == 1 == idea.supports.filter(confirmed=True).count()
    assert services.support_count(petition) == 0


def test_a_new_link_asked_from_an_expired_one_carries_the_contribution(page, petition):
    """The expired-link page says “Ask for a new one: your contribution is kept meanwhile.”
    The new link confirms nothing: new_link only reuses a confirmation that has not expired,
    in the same browser; the support is purged a week later."""
    victim = fresh(1)
    post(victim, page, "soutien", email=VICTIM)
    link = link_in(mail.outbox[-1])
    Confirmation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    expired = victim.get(link)
    assert "conservée" in soup_of(expired).select_one("h1 ~ p").get_text()
    victim.post(reverse("participation:new_link"), {"email": VICTIM})
    confirm_by_link(victim, link_in(mail.outbox[-1]))
    assert services.support_count(petition) == 1


def test_a_browser_signed_in_by_someone_elses_link_says_whose_address(page):
    """A stranger gets a link for his own address (“get a new link”) and has a resident press
    its button (“confirm to see the petition”). Her browser now takes part as him; every form
    then says only “You take part as Nadia.” — the public name he chose — or “anonymously”,
    never which address: she answers surveys (confidential questions included) that his "my
    data" link then shows him."""
    stranger_address = "etranger@example.net"
    confirmed(stranger_address, display_name="Nadia")
    fresh(1).post(reverse("participation:new_link"), {"email": stranger_address})
    resident = fresh(2)
    confirm_by_link(resident, link_in(mail.outbox[-1]))
    notice = soup_of(resident.get(page.url)).select_one(".participation__signout").get_text()
    assert "example.net" in notice


def test_a_contribution_that_races_the_button_is_not_left_behind(petition):
    """The stranger's browser reads its waiting confirmation (await_confirmation, no lock),
    the owner's press commits, then the support is stored on the used confirmation: it never
    counts, no link will ever confirm it, and purge_unconfirmed, which looks at unused links
    only, keeps it — in her name — for good."""
    other = Petition.objects.create(title="Autre", text="…")
    session = {}
    named = identity.await_confirmation(
        participant=identity.register(email=VICTIM), session=session
    )
    services.support(participant=named, petition=petition)
    racing = identity.await_confirmation(
        participant=identity.register(email=VICTIM), session=session
    )
    services.confirm(confirmation=named.confirmation)  # the owner presses meanwhile
    services.support(participant=racing, petition=other)  # the stranger's request ends
    Confirmation.objects.update(expires_at=timezone.now() - timedelta(days=8))
    services.purge_unconfirmed(now=timezone.now() + timedelta(days=30))
    assert not other.supports.exists()
