"""Two app servers and a worker on loopback sharing one PostgreSQL, one Redis and one S3 bucket
(each a private one, tests/services.py), as the README deploys the portal at scale: a resident
confirms on one server and supports on the other; a publication on one refreshes the pages
both have cached; the report it queues is rendered by the worker, stored in the bucket and
linked from the other server's page."""

import email
import re
import urllib.request
from email import policy

import pytest

from tests.server import (
    ADMINISTRATOR,
    ADMINISTRATOR_LOGIN,
    Browser,
    demo_server,
    manage,
    served_env,
)
from tests.services import MEDIA_BUCKET, postgres_server, redis_server, s3_server

DATABASE_TASKS = "django_tasks_db.DatabaseBackend"
RESTITUTION = "/fr/concertations/parc-des-tilleuls/restitution/"
RESIDENT = "deux-serveurs@example.org"
# Two public ideas of the square's box, which takes supports, and the restitution's id.
FACTS = """
from portal.pages.models import RestitutionPage
from portal.participation import services
from portal.participation.models import Idea
ideas = [i for i in Idea.objects.public().order_by("pk") if services.idea_accepts_supports(i)]
print("FACTS", ideas[0].get_absolute_url(), ideas[1].get_absolute_url(),
      RestitutionPage.objects.get(url_path__endswith="/parc-des-tilleuls/restitution/",
                                  locale__language_code="fr").pk)
"""
NEW_TITLE = "Parc des Tilleuls : ce que nous avons retenu"
# The live row changed behind the cache's back (no publish, no signal): servers that cached the
# page go on serving their copy.
UNSEEN_TITLE = "Parc des Tilleuls : titre jamais publié"
BEHIND_THE_CACHE = f"""
from portal.pages.models import RestitutionPage
RestitutionPage.objects.filter(url_path__endswith="/parc-des-tilleuls/restitution/",
                               locale__language_code="fr").update(title={UNSEEN_TITLE!r})
"""
# An editor's draft of the restitution, waiting to be published.
DRAFT = f"""
from portal.pages.models import RestitutionPage
page = RestitutionPage.objects.get(url_path__endswith="/parc-des-tilleuls/restitution/",
                                   locale__language_code="fr")
page.title = {NEW_TITLE!r}
page.save_revision()
"""
SUPPORTS = f"""
from portal.participation.models import IdeaSupport
print("SUPPORTS", IdeaSupport.objects.filter(participant__email={RESIDENT!r}, confirmed=True)
      .count())
"""


def printed(output, label):
    return re.search(rf"^{label} (.*)$", output, re.M).group(1).split()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """Servers A and B and the environment of their worker; B serves the database A's demo
    was loaded into."""
    workdir = tmp_path_factory.mktemp("cluster")
    for server in ("a", "b"):
        (workdir / server).mkdir()
    with s3_server() as s3, redis_server() as redis, postgres_server() as postgres:
        shared = {
            "DATABASE_URL": postgres.url,
            "REDIS_URL": redis.url,
            "TASKS_BACKEND": DATABASE_TASKS,
            "E2E_MAIL_DIR": str(workdir / "mail"),
            **s3,
        }
        with (
            demo_server(workdir / "a", setup=[ADMINISTRATOR], **shared) as a,
            demo_server(workdir / "b", fresh=False, **shared) as b,
        ):
            worker = served_env(workdir / "a", a, **shared)
            yield a, b, worker, workdir / "mail"


def work(worker):
    """The worker takes every task queued, as `manage.py db_worker` does in production."""
    manage(worker, "db_worker", "--batch", "--no-startup-delay")


def last_mail(folder):
    latest = max(folder.glob("*.log"), key=lambda path: path.stat().st_mtime_ns)
    chunks = latest.read_bytes().split(b"\n" + b"-" * 79 + b"\n")
    return email.message_from_bytes([c for c in chunks if c.strip()][-1], policy=policy.default)


def page_title(html):
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()


def report_links(html):
    return re.findall(rf'href="([^"]*/{MEDIA_BUCKET}/reports/[^"]+\.pdf)"', html)


def test_a_resident_confirms_on_one_server_and_supports_on_the_other(cluster):
    a, b, worker, mail = cluster
    first, second, _restitution = printed(manage(worker, "shell", "-c", FACTS), "FACTS")
    resident = Browser(a)
    assert resident.open(first)[0] == 200
    status, _, html = resident.open(
        first,
        {"csrfmiddlewaretoken": resident.csrf(), "action": "support", "email": RESIDENT},
    )
    assert status == 303, html[:2000]
    work(worker)  # e-mails are tasks too
    link = re.search(r"https?://\S+", last_mail(mail).get_content()).group(0)
    assert link.startswith(a)  # the e-mail was written by server A
    path = link.removeprefix(a)
    status, _, page = resident.open(path)
    shown = re.search(r'name="shown" value="([^"]+)"', page).group(1)
    assert resident.open(path, {"csrfmiddlewaretoken": resident.csrf(), "shown": shown})[0] == 303

    on_b = resident.at(b)  # the same browser: its session cookie is the site's
    assert on_b.open(second)[0] == 200
    status, _, html = on_b.open(second, {"csrfmiddlewaretoken": on_b.csrf(), "action": "support"})
    assert status == 303, html[:2000]  # known on B at once: the session is in the database
    assert printed(manage(worker, "shell", "-c", SUPPORTS), "SUPPORTS") == ["2"]


def test_a_publication_on_one_server_refreshes_both_and_the_worker_renders_its_report(cluster):
    a, b, worker, _mail = cluster
    *_ideas, restitution = printed(manage(worker, "shell", "-c", FACTS), "FACTS")
    work(worker)  # the reports the demo's publications queued
    html = Browser(a).open(RESTITUTION)[2]
    first, title = report_links(html), page_title(html)
    assert first and report_links(Browser(b).open(RESTITUTION)[2]) == first
    manage(worker, "shell", "-c", BEHIND_THE_CACHE)
    for server in (a, b):  # both serve the page from the cache
        status, _, html = Browser(server).open(RESTITUTION)
        assert status == 200 and page_title(html) == title and UNSEEN_TITLE not in html

    manage(worker, "shell", "-c", DRAFT)
    administrator = Browser(a)
    username, password = ADMINISTRATOR_LOGIN
    administrator.open("/admin/login/")
    administrator.open(
        "/admin/login/",
        {"csrfmiddlewaretoken": administrator.csrf(), "username": username, "password": password},
    )
    publish = f"/admin/bulk/wagtailcore/page/publish/?id={restitution}"
    assert administrator.open(publish)[0] == 200
    assert administrator.open(publish, {"csrfmiddlewaretoken": administrator.csrf()})[0] == 302

    # Both servers show the new version at once, and link to no report until the worker has
    # rendered this version's.
    for server in (a, b):
        html = Browser(server).open(RESTITUTION)[2]
        assert NEW_TITLE in html and report_links(html) == []
    work(worker)
    second = report_links(Browser(b).open(RESTITUTION)[2])
    assert second and second != first
    with urllib.request.urlopen(second[0], timeout=30) as response:
        assert response.read(5) == b"%PDF-"
