"""The data commands of `make bench` run on the demo town and print what bench.py reads."""

import json
from importlib import import_module
from io import StringIO

from django.conf import settings
from django.core.management import call_command

from portal.budgets import services
from portal.budgets.models import Ballot, Envelope
from portal.participation import identity
from portal.participation.models import Idea, IdeaBox, Participant


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return json.loads(out.getvalue())


def test_participation_adds_ideas_and_signed_in_residents(demo, client, tmp_path):
    before = Idea.objects.count()
    sessions_file = tmp_path / "sessions.txt"
    data = run(
        "bench_participation", "--ideas", "20", "--residents", "3", "--sessions-file", sessions_file
    )
    assert Idea.objects.count() == before + 20
    for box in IdeaBox.objects.all():  # the count the services keep, though written in bulk
        assert box.public_idea_count == box.ideas.public().count()
    assert data.keys() == {"list_url", "consultation_url", "idea", "idea_url", "csrf"}
    for key in ("list_url", "consultation_url", "idea_url"):
        assert client.get(data[key]).status_code == 200, data[key]
    keys = sessions_file.read_text().split()
    assert len(keys) == 3
    store = import_module(settings.SESSION_ENGINE).SessionStore
    residents = {store(session_key=key)[identity.SESSION_KEY] for key in keys}
    assert Participant.objects.filter(pk__in=residents, email__startswith="bench").count() == 3
    # What wrk_residents.lua posts, as the first resident: counted once, as --count says.
    client.cookies[settings.SESSION_COOKIE_NAME] = keys[0]
    response = client.post(data["idea_url"], {"action": "support"})
    assert response.status_code == 303
    assert run("bench_participation", "--count", str(data["idea"])) == {"supports": 1}


def test_reference_is_the_home_page_with_a_body_rendered_on_every_request(demo, client):
    url = run("bench_reference")["url"] + "?reference=uncached"
    assert run("bench_reference")["url"] + "?reference=uncached" == url  # idempotent
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
    html = response.content.decode()
    assert "On a enfin pu dire ce qu’on voulait pour la place." in html
    assert 'alt="La place du Marché"' in html


def test_calendar_adds_events_and_times_the_feed(demo, client):
    data = run("bench_calendar", "--events", "8", "--runs", "2")
    assert len(data["build_ms"]) == 2
    assert data["bytes"] > 0 and data["queries"] > 0
    response = client.get(data["feed_url"])
    assert response.status_code == 200
    assert response.content.count(b"BEGIN:VEVENT") == data["events"]


def test_budget_adds_ballots_and_times_the_results(demo):
    data = run("bench_budget", "--ballots", "60", "--projects", "8", "--runs", "2")
    assert len(data["results_ms"]) == 2
    assert data["ballots"] == 60 and data["projects"] == 8
    assert 60 <= data["choices"] <= 360 and data["queries"] == 4
    envelope = Envelope.objects.get(title__startswith="Banc d’essai")
    assert Ballot.objects.filter(envelope=envelope).count() == 60
    assert len(services.winners(envelope)) == data["winners"] > 0


def test_ballots_prepares_a_ballot_the_site_takes_and_counts_it(demo, client, tmp_path):
    sessions_file = tmp_path / "voters.txt"
    data = run("bench_ballots", "--residents", "2", "--sessions-file", sessions_file)
    keys = sessions_file.read_text().split()
    assert len(keys) == 2 and data["chosen"]
    before = data["before"]
    assert before == run("bench_ballots", "--count", str(data["envelope"]))
    assert before["residents_ballots"] == 0
    # What wrk_residents.lua posts, as each resident (the first twice: a changed vote).
    for key in (keys[0], keys[1], keys[0]):
        client.cookies[settings.SESSION_COOKIE_NAME] = key
        response = client.post(
            data["url"], data["body"], content_type="application/x-www-form-urlencoded"
        )
        assert response.status_code == 303, response.content.decode()[:2000]
    after = run("bench_ballots", "--count", str(data["envelope"]))
    assert after["residents_ballots"] == 2
    assert after["ballots"] == before["ballots"] + 2
    for project, ballots in after["projects"].items():
        chosen = int(project) in data["chosen"]
        assert ballots == before["projects"][project] + (2 if chosen else 0)
