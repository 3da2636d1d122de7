"""The ballot block as residents use it: the running total without JavaScript, the rules'
errors with nothing lost, voting (at once, or waiting on the e-mailed link), changing one's
vote, and input no form should send."""

import json
import re
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from wagtail.models import PageViewRestriction

from portal.budgets import services
from portal.budgets.models import Ballot, BallotChoice, VotingMethod
from portal.budgets.rules import describe
from portal.core import page_cache
from portal.participation import identity
from tests import factories
from tests.conftest import confirm_by_link
from tests.factories import confirmed

from .factories import EnvelopeFactory, ProjectFactory

BLOCK = "vote"


@pytest.fixture
def page(home):
    """A consultation page holding the ballot block, for all its envelopes."""
    return factories.consultation(
        factories.consultation_index(home),
        "Budget participatif 2027",
        body=[{"type": "ballot", "value": {"heading": "", "envelope": ""}, "id": BLOCK}],
    )


@pytest.fixture
def envelope(page):
    """A 100,000 € basket, open, with three projects."""
    envelope = EnvelopeFactory(consultation=page, title="Toute la ville", amount=100_000)
    for title, cost in (("Arbres", 40_000), ("Bancs", 30_000), ("Composteurs", 50_000)):
        ProjectFactory(envelope=envelope, title=title, cost=cost)
    return envelope


def projects(envelope):
    return {project.title: project for project in envelope.projects.all()}


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def section(response, envelope):
    return soup_of(response).select_one(f"#block-{BLOCK}-{envelope.pk}")


def form_address(page):
    """Where the ballot's form posts, as the page writes it in its own language."""
    with translation.override(page.locale.language_code):
        return page.participation_url


def post(client, page, envelope, action="vote", chosen=(), points=None, to=None, **data):
    """The form as a browser sends it: the boxes ticked (or the points typed) and the rest,
    to the form's address (or `to`)."""
    prefix = f"{BLOCK}-{envelope.pk}"
    fields = {f"{prefix}-{name}": value for name, value in data.items()}
    fields[f"{prefix}-projects"] = [str(getattr(p, "pk", p)) for p in chosen]
    for project, value in (points or {}).items():
        fields[f"{prefix}-p{project.pk}"] = str(value)
    return client.post(
        to or form_address(page),
        {"block_id": BLOCK, "envelope": str(envelope.pk), "action": action, **fields},
    )


def sign_in(client, participant):
    session = client.session
    session[identity.SESSION_KEY] = participant.pk
    session.save()


def ticked(block):
    return {
        box.find_next("label").select_one(".ballot__project-title").get_text()
        for box in block.select("input[type=checkbox][checked]")
    }


def counted(envelope):
    return {r.project.title: r.votes for r in services.results(envelope).projects if r.votes}


def confirmation_link():
    return re.search(r"https?://\S+/participation/confirmer/\S+", mail.outbox[-1].body).group(0)


def test_the_block_says_the_rules_and_lists_the_projects(client, page, envelope):
    response = client.get(page.url)
    assert response.status_code == 200
    block = section(response, envelope)
    # Spaces as a reader sees them: narrow and non-breaking ones read as spaces.
    rules = " ".join(block.select_one(".ballot__rules").get_text(" ", strip=True).split())
    assert "100 000 €" in rules
    with translation.override("fr"):
        for sentence in describe(envelope):
            if "papier" not in sentence:  # voting on paper is the paper ballot's to say
                assert " ".join(sentence.split()) in rules
    labels = [label.get_text(" ", strip=True) for label in block.select("fieldset label")]
    assert len(labels) == 3 and labels[0].startswith("Arbres")
    assert block.select_one("fieldset legend")
    assert block.select_one("[data-ballot-tally][role=status]")
    assert block.select_one("input[name=csrfmiddlewaretoken]")
    assert block.select_one(f"#id_{BLOCK}-{envelope.pk}-email")  # who votes is asked


def test_updating_the_basket_shows_the_total_and_stores_nothing(client, page, envelope):
    chosen = projects(envelope)
    response = post(
        client,
        page,
        envelope,
        "update",
        [chosen["Arbres"], chosen["Bancs"]],
        email="nadia@example.org",
    )
    assert response.status_code == 200
    block = section(response, envelope)
    tally = block.select_one("[data-ballot-tally]").get_text().replace("\xa0", " ")
    assert "70 000 €" in tally and "30 000 €" in tally  # spent, and what remains
    assert ticked(block) == {"Arbres", "Bancs"}
    assert block.select_one(f"#id_{BLOCK}-{envelope.pk}-email")["value"] == "nadia@example.org"
    assert not block.select_one(".error-summary")  # the address is not checked yet
    assert not Ballot.objects.exists() and not mail.outbox


def test_a_basket_over_the_amount_is_said_at_the_top_and_at_the_projects(client, page, envelope):
    chosen = list(projects(envelope).values())
    for action in ("update", "vote"):
        response = post(client, page, envelope, action, chosen, email="nadia@example.org")
        assert response.status_code == 400
        block = section(response, envelope)
        summary = block.select_one(".error-summary")
        assert "20 000 €" in summary.get_text().replace("\xa0", " ")  # 120,000 € for 100,000 €
        link = summary.select_one("a")["href"]
        assert block.select_one(link) is not None  # leads to the first project's box
        group = block.select_one("fieldset.ballot__group")
        assert "field--error" in group["class"]
        assert "20 000 €" in group.select_one(".field__error").get_text().replace("\xa0", " ")
        assert group["aria-describedby"] == group.select_one(".field__error")["id"]
        assert ticked(block) == {"Arbres", "Bancs", "Composteurs"}  # nothing lost
        assert "ballot__tally--over" in block.select_one("[data-ballot-tally]")["class"]
    assert not Ballot.objects.exists() and not mail.outbox


def test_more_choices_than_allowed_are_refused_with_the_choices_kept(client, page):
    envelope = EnvelopeFactory(consultation=page, method=VotingMethod.CHOICES, max_choices=2)
    chosen = ProjectFactory.create_batch(3, envelope=envelope)
    sign_in(client, confirmed("k@example.org"))
    response = post(client, page, envelope, "vote", chosen)
    assert response.status_code == 400
    block = section(response, envelope)
    assert "jusqu’à 2 projets" in block.select_one(".error-summary").get_text()
    assert "jusqu’à 2 projets" in block.select_one(".ballot__group .field__error").get_text()
    assert len(block.select("input[type=checkbox][checked]")) == 3
    assert not Ballot.objects.exists()


def test_more_points_than_the_voter_has_are_refused_with_the_points_kept(client, page):
    envelope = EnvelopeFactory(consultation=page, method=VotingMethod.POINTS, points=100)
    square, trees = ProjectFactory.create_batch(2, envelope=envelope)
    sign_in(client, confirmed("k@example.org"))
    response = post(client, page, envelope, "update", points={square: 60, trees: 50})
    assert response.status_code == 400
    block = section(response, envelope)
    assert "110" in block.select_one(".error-summary").get_text()
    assert block.select_one(f"#id_{BLOCK}-{envelope.pk}-p{square.pk}")["value"] == "60"
    response = post(client, page, envelope, "vote", points={square: 60, trees: 40})
    assert response.status_code == 303
    assert counted(envelope) == {square.title: 60, trees.title: 40}


def test_a_proven_participant_votes_at_once_and_can_change_the_vote(client, page, envelope):
    chosen = projects(envelope)
    sign_in(client, confirmed("k@example.org"))
    response = post(client, page, envelope, "vote", [chosen["Arbres"]])
    assert response.status_code == 303
    assert response["Location"] == f"{page.url}#block-{BLOCK}-{envelope.pk}"
    assert counted(envelope) == {"Arbres": 1}
    block = section(client.get(page.url), envelope)
    assert "Vous avez voté le" in block.get_text()
    assert ticked(block) == {"Arbres"}  # the ballot, filled in again
    assert not block.select_one(f"#id_{BLOCK}-{envelope.pk}-email")
    post(client, page, envelope, "vote", [chosen["Bancs"], chosen["Composteurs"]])
    assert counted(envelope) == {"Bancs": 1, "Composteurs": 1}
    assert Ballot.objects.count() == 1


def test_an_address_typed_waits_for_its_link_listed_in_the_email(client, page, envelope):
    chosen = projects(envelope)
    response = post(
        client,
        page,
        envelope,
        "vote",
        [chosen["Bancs"], chosen["Arbres"]],
        email="Nadia@Example.org",
        display_name="Nadia",
    )
    assert response.status_code == 303
    assert counted(envelope) == {}  # waits for the link
    ballot = Ballot.objects.get()
    assert not ballot.confirmed and ballot.confirmation is not None
    assert mail.outbox[-1].to == ["nadia@example.org"]
    assert "voter dans « Toute la ville » pour : Arbres, Bancs" in mail.outbox[-1].body
    block = section(client.get(page.url), envelope)
    assert "attend que vous confirmiez" in block.get_text()
    assert ticked(block) == {"Arbres", "Bancs"}
    page_shown = client.get(re.sub(r"https?://[^/]+", "", confirmation_link()))
    assert "Arbres, Bancs" in soup_of(page_shown).select_one("main").get_text()
    assert confirm_by_link(client, confirmation_link()).status_code == 303
    assert counted(envelope) == {"Arbres": 1, "Bancs": 1}
    ballot = Ballot.objects.get()
    assert ballot.confirmed and ballot.confirmation is None


def test_a_stranger_typing_an_address_never_replaces_its_owners_ballot(page, envelope):
    chosen = projects(envelope)
    owner, stranger = Client(), Client()
    sign_in(owner, confirmed("owner@example.org"))
    post(owner, page, envelope, "vote", [chosen["Arbres"]])
    post(stranger, page, envelope, "vote", [chosen["Composteurs"]], email="owner@example.org")
    assert counted(envelope) == {"Arbres": 1}
    assert ticked(section(owner.get(page.url), envelope)) == {"Arbres"}
    # The owner votes again meanwhile: the waiting ballot stands in nobody's way.
    post(owner, page, envelope, "vote", [chosen["Bancs"]])
    assert counted(envelope) == {"Bancs": 1}
    # Only the owner's mailbox holds the link; using it is changing the vote.
    assert "Composteurs" in mail.outbox[-1].body
    confirm_by_link(Client(), confirmation_link())
    assert counted(envelope) == {"Composteurs": 1}
    assert Ballot.objects.filter(envelope=envelope).count() == 1


def test_a_ballot_whose_vote_closed_before_the_link_is_dropped_and_said(client, page, envelope):
    post(client, page, envelope, "vote", [projects(envelope)["Arbres"]], email="l@example.org")
    envelope.closes_at = timezone.now() - timedelta(minutes=1)
    Ballot.objects.filter(envelope=envelope).update(updated_at=envelope.closes_at - timedelta(1))
    type(envelope).objects.filter(pk=envelope.pk).update(closes_at=envelope.closes_at)
    response = confirm_by_link(client, confirmation_link())
    assert not Ballot.objects.exists()
    notes = [str(m) for m in response.wsgi_request._messages]
    assert any("votre bulletin n’est pas compté" in note for note in notes)


def test_a_closed_or_upcoming_vote_shows_no_form(client, page, envelope):
    participant = confirmed("k@example.org")
    services.cast_ballot(
        envelope=envelope, participant=participant, choices=[projects(envelope)["Bancs"]]
    )
    envelope.closes_at = timezone.now() - timedelta(hours=1)
    type(envelope).objects.filter(pk=envelope.pk).update(closes_at=envelope.closes_at)
    later = EnvelopeFactory(
        consultation=page,
        title="Quartiers",
        opens_at=timezone.now() + timedelta(days=3),
        closes_at=timezone.now() + timedelta(days=9),
    )
    sign_in(client, participant)
    response = client.get(page.url)
    closed, upcoming = section(response, envelope), section(response, later)
    assert not closed.select("form") and not upcoming.select("form")
    assert "Le vote a fermé" in closed.get_text()
    assert (
        "définitif" in closed.get_text()
        and "Bancs" in closed.select_one(".callout--results").get_text()
    )
    assert "Le vote ouvre le" in upcoming.get_text()
    response = post(client, page, envelope, "vote", [projects(envelope)["Arbres"]])
    assert response.status_code == 303  # said in a message; the ballot stays as it was
    assert Ballot.objects.get().choices.get().project.title == "Bancs"


def test_the_block_shows_one_envelope_when_the_editor_chose_one(client, home, page, envelope):
    other = EnvelopeFactory(consultation=page, title="Quartiers")
    page.body = json.dumps(
        [{"type": "ballot", "value": {"heading": "", "envelope": str(other.pk)}, "id": BLOCK}]
    )
    page.save_revision().publish()
    response = client.get(page.url)
    assert section(response, other) is not None and section(response, envelope) is None
    response = post(
        client, page, envelope, "vote", [projects(envelope)["Arbres"]], email="x@example.org"
    )  # not this block's envelope: refused, nothing kept
    assert response.status_code == 303 and not Ballot.objects.exists()


def other_envelopes_project(page):
    elsewhere = factories.consultation(page.get_parent(), "Autre concertation")
    return ProjectFactory(envelope=EnvelopeFactory(consultation=elsewhere), cost=1)


@pytest.mark.parametrize(
    "tamper",
    [
        lambda fields, p, e, page: fields.update({p: [str(other_envelopes_project(page).pk)]}),
        lambda fields, p, e, page: fields.update({p: ["abc"]}),
        lambda fields, p, e, page: fields.update({p: ["9" * 40]}),
        lambda fields, p, e, page: fields.update({p: ["-1"]}),
        lambda fields, p, e, page: fields.update({p: ["\x00"]}),
        lambda fields, p, e, page: fields.update({"envelope": "abc"}),
        lambda fields, p, e, page: fields.update({"envelope": "9" * 40}),
        lambda fields, p, e, page: fields.pop("envelope"),
        lambda fields, p, e, page: fields.update({"action": "drop table"}),
    ],
)
def test_hostile_ballots_get_a_clear_answer_and_store_nothing(client, page, envelope, tamper):
    sign_in(client, confirmed("k@example.org"))
    p = f"{BLOCK}-{envelope.pk}-projects"
    fields = {"block_id": BLOCK, "envelope": str(envelope.pk), "action": "vote", p: []}
    tamper(fields, p, envelope, page)
    response = client.post(page.url, fields)
    assert response.status_code in (303, 400)
    if response.status_code == 400:
        assert section(response, envelope).select_one(".error-summary")
    assert not Ballot.objects.exists()


@pytest.mark.parametrize("typed", ["abc", "-5", "9" * 40, "1e3", "2.5", "", "\x00"])
def test_hostile_points_are_refused_next_to_the_project(client, page, typed):
    envelope = EnvelopeFactory(consultation=page, method=VotingMethod.POINTS, points=100)
    project = ProjectFactory(envelope=envelope)
    sign_in(client, confirmed("k@example.org"))
    response = post(client, page, envelope, "vote", points={project: typed})
    assert response.status_code == 400
    block = section(response, envelope)
    assert block.select_one(".error-summary")
    assert not Ballot.objects.exists()


def test_a_project_sent_twice_counts_once(client, page, envelope):
    trees = projects(envelope)["Arbres"]
    sign_in(client, confirmed("k@example.org"))
    assert post(client, page, envelope, "vote", [trees, trees]).status_code == 303
    assert BallotChoice.objects.get().project == trees


def test_csrf_is_checked(page, envelope):
    client = Client(enforce_csrf_checks=True)
    response = post(
        client, page, envelope, "vote", [projects(envelope)["Arbres"]], email="x@example.org"
    )
    assert response.status_code == 403 and not Ballot.objects.exists()


def test_ballots_are_rate_limited_per_participant(client, page, envelope, settings):
    settings.PARTICIPATION_RATE_LIMITS = {**settings.PARTICIPATION_RATE_LIMITS, "ballot": (99, 2)}
    sign_in(client, confirmed("k@example.org"))
    trees = projects(envelope)["Arbres"]
    assert post(client, page, envelope, "vote", [trees]).status_code == 303
    assert post(client, page, envelope, "vote", [trees]).status_code == 303
    response = post(client, page, envelope, "vote", [projects(envelope)["Bancs"]])
    assert response.status_code == 400
    assert (
        "Trop de tentatives" in section(response, envelope).select_one(".error-summary").get_text()
    )
    assert counted(envelope) == {"Arbres": 1}


def test_rendering_costs_the_same_queries_for_3_or_30_projects(client, page, envelope):
    sign_in(client, confirmed("k@example.org"))
    services.cast_ballot(
        envelope=envelope,
        participant=confirmed("k@example.org"),
        choices=[projects(envelope)["Arbres"]],
    )

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(page.url).status_code == 200
        return len(captured)

    client.get(page.url)  # what is cached per process (the site, its settings) is cached
    few = queries()
    ProjectFactory.create_batch(27, envelope=envelope, cost=1_000)
    assert len(section(client.get(page.url), envelope).select("input[type=checkbox]")) == 30
    assert queries() == few


def test_the_form_posts_to_the_page_participation_address_which_the_page_url_equals(
    client, page, envelope
):
    form = section(client.get(page.url), envelope).select_one("form.ballot__form")
    assert form["action"] == f"{form_address(page)}#block-{BLOCK}-{envelope.pk}"
    assert form_address(page) == f"/fr/participer/{page.pk}/"
    sign_in(client, confirmed("k@example.org"))
    trees, benches = projects(envelope)["Arbres"], projects(envelope)["Bancs"]
    assert post(client, page, envelope, "vote", [trees], to=page.url).status_code == 303
    assert post(client, page, envelope, "vote", [benches]).status_code == 303
    assert counted(envelope) == {"Bancs": 1}


def test_a_ballot_costs_fewer_queries_than_routing_it_through_the_page(client, page, envelope):
    """The participation address skips Wagtail's routing and the body's other blocks."""
    for number in range(3):
        sign_in(client, confirmed(f"k{number}@example.org"))
        post(client, page, envelope, "vote", [projects(envelope)["Arbres"]])  # warm caches

    def queries(email, to=None):
        sign_in(client, confirmed(email))
        trees = projects(envelope)["Arbres"]
        with CaptureQueriesContext(connection) as captured:
            assert post(client, page, envelope, "vote", [trees], to=to).status_code == 303
        return len(captured)

    assert queries("a@example.org") < queries("b@example.org", to=page.url)


def test_a_ballot_costs_a_few_queries_whatever_the_envelope_holds(
    client, page, envelope, django_capture_on_commit_callbacks
):
    """What a vote needs and nothing more (`make bench` posts thousands): the session and the
    participant; then the transaction (a savepoint here, within the test's): the ballot
    inserted and its choices. The page, its view restrictions, the envelope
    with its projects and the eligibility rule are kept in the cache once the rules are
    locked, until the next change to any of them; with an empty cache they are read again."""
    ProjectFactory.create_batch(40, envelope=envelope, cost=1_000)
    for number in range(2):  # the rules locked (and committed), what is kept kept
        sign_in(client, confirmed(f"k{number}@example.org"))
        with django_capture_on_commit_callbacks(execute=True):
            post(client, page, envelope, "vote", [projects(envelope)["Arbres"]])
    sign_in(client, confirmed("a@example.org"))
    trees = projects(envelope)["Arbres"]
    with CaptureQueriesContext(connection) as captured:
        assert post(client, page, envelope, "vote", [trees]).status_code == 303
    statements = [query["sql"].split()[0] for query in captured]
    assert statements.count("SELECT") == 2, statements
    assert statements.count("INSERT") == 2 and len(statements) <= 6, statements
    kept = ("budgets_envelope", "budgets_budgetproject", "participation_eligibilityrule")
    assert not [q for q in captured if any(f'FROM "{table}"' in q["sql"] for table in kept)]
    cache.clear()
    sign_in(client, confirmed("b@example.org"))
    with CaptureQueriesContext(connection) as captured:
        assert post(client, page, envelope, "vote", [trees]).status_code == 303
    for table in kept:
        assert [q for q in captured if f'FROM "{table}"' in q["sql"]], table
    assert counted(envelope) == {"Arbres": 4}


def test_without_a_shared_cache_a_ballot_reads_its_own_envelope_alone(
    client, page, envelope, settings
):
    """With each process's own memory nothing decisive is kept (`page_cache.decisive`): a
    ballot reads the envelope it was cast in, not the projects of every envelope on the page
    (a city's budget may hold hundreds)."""
    settings.CACHE_SHARED_BY_PROCESSES = False
    district = EnvelopeFactory(consultation=page, title="Quartier nord", amount=50_000)
    ProjectFactory.create_batch(20, envelope=district, cost=1_000)
    sign_in(client, confirmed("a@example.org"))
    trees = projects(envelope)["Arbres"]
    with CaptureQueriesContext(connection) as captured:
        assert post(client, page, envelope, "vote", [trees]).status_code == 303
    read = [q["sql"] for q in captured if 'FROM "budgets_budgetproject"' in q["sql"]]
    assert len(read) == 1 and f"IN ({envelope.pk})" in read[0], read
    assert counted(envelope) == {"Arbres": 1}
    response = client.get(page.url)  # the page still shows every envelope
    assert section(response, envelope) and section(response, district)


def test_a_ballot_reads_the_versions_from_the_cache_and_what_it_keeps_from_its_process(
    client, page, envelope, django_capture_on_commit_callbacks, cache_reads
):
    """A warm ballot reads the versions from the cache (Redis), in one round trip; the page,
    its view restrictions, the envelope and the rule kept under them come from the process's
    own copies (`page_cache.shared`), and the site roots its address is made from too."""
    for number in range(2):
        sign_in(client, confirmed(f"k{number}@example.org"))
        with django_capture_on_commit_callbacks(execute=True):
            post(client, page, envelope, "vote", [projects(envelope)["Arbres"]])
    sign_in(client, confirmed("a@example.org"))
    trees = projects(envelope)["Arbres"]
    cache_reads.clear()
    assert post(client, page, envelope, "vote", [trees]).status_code == 303
    assert cache_reads == [page_cache.VERSION_KEYS]
    assert counted(envelope) == {"Arbres": 3}


def test_a_ballot_reads_what_it_keeps_again_after_an_editors_change(client, page, envelope):
    """The envelope and its projects kept for the ballots (BallotBlock.envelopes) follow an
    editor's or an officer's change from the next ballot on."""
    sign_in(client, confirmed("k@example.org"))
    chosen = projects(envelope)
    assert post(client, page, envelope, "vote", [chosen["Arbres"]]).status_code == 303
    assert post(client, page, envelope, "vote", [chosen["Bancs"]]).status_code == 303
    benches = chosen["Bancs"]
    benches.cost = 90_000
    benches.save()
    over = post(client, page, envelope, "vote", [chosen["Arbres"], benches])
    assert over.status_code == 400  # 130,000 € of 100,000 €: refused with the new cost
    assert counted(envelope) == {"Bancs": 1}
    envelope.refresh_from_db()
    envelope.closes_at = timezone.now() - timedelta(minutes=1)
    envelope.save()
    post(client, page, envelope, "vote", [chosen["Arbres"]])
    assert counted(envelope) == {"Bancs": 1}


def test_a_page_made_private_refuses_its_ballots_at_once(client, page, envelope):
    sign_in(client, confirmed("k@example.org"))
    chosen = projects(envelope)
    assert post(client, page, envelope, "vote", [chosen["Arbres"]]).status_code == 303
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert post(client, page, envelope, "vote", [chosen["Bancs"]]).status_code == 404
    assert counted(envelope) == {"Arbres": 1}
