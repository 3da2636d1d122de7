"""Background work as production runs it: the database task backend, and `manage.py db_worker`
as a process of its own. The demo town is loaded with tasks queued, not run: until a worker
takes them, no restitution report exists and nobody is told the results; once it has, the
reports are downloadable from the site served and the participants who asked are told, by
e-mail, once. The health endpoint says whether tasks wait too long."""

import email
import re
import urllib.error
import urllib.request
from email import policy

import pytest

from tests.server import demo_server, manage, served_env

DATABASE_TASKS = "django_tasks_db.DatabaseBackend"
# The demo's residents asked to be told the results (after the demo's own publications, which
# queued the announcements: what they say is read when the worker runs them).
WANT_RESULTS = """
from portal.participation.models import Participant
Participant.objects.filter(email__startswith="habitant").update(wants_results=True)
"""
COUNTS = """
from django_tasks_db.models import DBTaskResult
from portal.reports.models import RestitutionReport
print("COUNTS", DBTaskResult.objects.ready().count(), RestitutionReport.objects.count())
"""


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("worker")
    with demo_server(
        workdir, setup=[WANT_RESULTS], workers=1, TASKS_BACKEND=DATABASE_TASKS
    ) as base_url:
        yield base_url, workdir


def worker_env(workdir, base_url):
    return served_env(workdir, base_url, TASKS_BACKEND=DATABASE_TASKS)


def counts(workdir, base_url):
    output = manage(worker_env(workdir, base_url), "shell", "-c", COUNTS)
    line = next(line for line in output.splitlines() if line.startswith("COUNTS "))
    _label, waiting, reports = line.split()
    return int(waiting), int(reports)


def mails(workdir):
    """Every e-mail sent so far (Django's file backend: several per file, between rules)."""
    messages = []
    for path in sorted((workdir / "mail").glob("*.log"), key=lambda p: p.stat().st_mtime_ns):
        for chunk in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            if chunk.strip():
                messages.append(email.message_from_bytes(chunk, policy=policy.default))
    return messages


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get_content_type(), error.read()


def test_a_worker_process_renders_the_reports_and_tells_the_participants(served):
    base_url, workdir = served
    waiting, reports = counts(workdir, base_url)
    assert waiting > 0 and reports == 0
    assert not [m for m in mails(workdir) if "résultats" in m["Subject"].lower()]
    assert get(base_url + "/health/")[:2] == (200, "text/plain")  # just queued: no lag

    manage(worker_env(workdir, base_url), "db_worker", "--batch", "--no-startup-delay")
    assert counts(workdir, base_url) == (0, 4)  # two restitutions, in French and English

    # Each report is a PDF the site serves, linked from its restitution.
    page = get(base_url + "/fr/concertations/parc-des-tilleuls/restitution/")
    assert page[0] == 200, page[0]
    links = [part.split('"')[0] for part in page[2].decode().split('href="')[1:]]
    pdfs = [link for link in links if link.startswith("/media/") and link.endswith(".pdf")]
    assert pdfs, "no report link on the restitution"
    status, kind, body = get(base_url + pdfs[0])
    assert (status, kind, body[:5]) == (200, "application/pdf", b"%PDF-")

    told = [m for m in mails(workdir) if m["To"].startswith("habitant")]
    assert told, [m["Subject"] for m in mails(workdir)]
    # Each says the results are published and links to a restitution that offers its report.
    links = set()
    for message in told:
        assert re.search(r"résultats|results", message["Subject"], re.I), message["Subject"]
        links.add(re.search(rf"{re.escape(base_url)}/\S+", message.get_content()).group(0))
    for link in links:
        status, _kind, body = get(link)
        assert status == 200 and re.search(rb'href="[^"]+\.pdf"', body), link
    addresses = [m["To"] for m in told]
    # Once per person and restitution: running the worker again sends nothing more.
    manage(worker_env(workdir, base_url), "db_worker", "--batch", "--no-startup-delay")
    assert [m["To"] for m in mails(workdir) if m["To"].startswith("habitant")] == addresses
    told_of = [(m["To"], m["Subject"]) for m in told]
    assert len(told_of) == len(set(told_of))  # one e-mail per person and consultation
