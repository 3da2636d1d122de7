"""The site served by gunicorn while its services stop and come back, each a private one
started by the test (tests/services.py), never the machine's: with Redis stopped, every page
type and the admin's sign-in answer without a single 500, a resident's support and a request
for a new link go through, the load balancer's health check keeps the server and the
monitoring's says the cache is away; with Redis not answering at all (paused), every address
and a form still answer, each worker waiting on Redis once, not at every cache call; with
PostgreSQL stopped, a clear 503 page that browsers and load balancers retry; each comes back
without restarting the site."""

import json
import os
import re
import signal
import time

import pytest

from tests.server import MODERATOR, Browser, demo_server, manage, served_env
from tests.services import postgres_server, redis_server

# Besides a page of each type (bench_urls): what else residents and officers open.
OTHER_URLS = """
import json
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page
from portal.budgets.models import BudgetProject
from portal.demo.projects import IDEA_LIST_PAGE
from portal.participation.models import Idea
with translation.override("fr"):
    urls = {
        "english_home": "/en/",
        "idea_list": Page.objects.live().get(slug=IDEA_LIST_PAGE["slug"]).url,
        "idea": Idea.objects.public().order_by("pk").first().get_absolute_url(),
        "budget_project": BudgetProject.objects.order_by("pk").first().get_absolute_url(),
        "open_data": reverse("opendata:index"),
        "new_link": reverse("participation:new_link"),
        "sitemap": "/sitemap.xml",
        "admin_sign_in": "/admin/login/",
    }
print("URLS", json.dumps(urls))
"""


RESIDENT = "sans-cache@example.org"
# Each worker goes on without Redis for so long once a call to it has failed
# (core/redis_pool.py); shorter than the default 5 s so that the test sees it come back.
RETRY_SECONDS = 1
# With Redis paused, each cache call would wait REDIS_TIMEOUT (0.5 s): about two minutes for
# the sweep. Once a call has failed, a worker waits again only every RETRY_SECONDS.
PAUSED_SWEEP_SECONDS = 30


def every_url(env):
    """{name: address}: a page of each type (its model's name), a search, and the other
    addresses above."""
    pages = {entry["name"]: entry["url"] for entry in json.loads(manage(env, "bench_urls"))}
    others = re.search(r"^URLS (.*)$", manage(env, "shell", "-c", OTHER_URLS), re.M).group(1)
    return {**pages, **json.loads(others)}


def statuses(base_url, urls):
    browser = Browser(base_url)
    return {url: browser.open(url)[0] for url in urls}


def mails_to(folder, address):
    """How many e-mails the served site wrote to `address`."""
    return sum(
        len(re.findall(rf"^To: {re.escape(address)}$", path.read_text(), re.M))
        for path in folder.glob("*.log")
    )


@pytest.fixture(scope="module")
def redis_site(tmp_path_factory):
    """A Redis of the tests' own, the demo served with it (its log and e-mails in `workdir`)
    and {name: address} of every_url; each test leaves Redis running."""
    workdir = tmp_path_factory.mktemp("redis")
    with (
        redis_server() as redis,
        demo_server(
            workdir,
            setup=[MODERATOR],
            REDIS_URL=redis.url,
            REDIS_RETRY_SECONDS=str(RETRY_SECONDS),
        ) as base_url,
    ):
        urls = every_url(served_env(workdir, base_url, REDIS_URL=redis.url))
        yield redis, base_url, urls, workdir


def test_with_redis_stopped_nothing_answers_500_and_it_comes_back(redis_site):
    redis, base_url, urls, workdir = redis_site
    assert len(urls) >= 15
    assert set(statuses(base_url, urls.values()).values()) == {200}  # and cached, for some
    assert Browser(base_url).open("/health/")[2] == "OK\n"

    redis.stop()
    down = statuses(base_url, urls.values())
    assert [url for url, status in down.items() if status != 200] == []
    browser = Browser(base_url)
    assert browser.sign_in() == 302
    assert browser.open("/admin/")[0] == 200
    # A resident's forms go through (their rate limits live in Redis): a support, whose link
    # is e-mailed, then a new link asked for the same address.
    resident = Browser(base_url)
    assert resident.open(urls["idea"])[0] == 200
    status, _, html = resident.open(
        urls["idea"],
        {"csrfmiddlewaretoken": resident.csrf(), "action": "support", "email": RESIDENT},
    )
    assert status == 303, html[:2000]
    assert mails_to(workdir / "mail", RESIDENT) == 1
    assert resident.open(urls["new_link"])[0] == 200
    status, headers, html = resident.open(
        urls["new_link"], {"csrfmiddlewaretoken": resident.csrf(), "email": RESIDENT}
    )
    assert status == 303, html[:2000]
    assert headers["Location"].endswith("?sent=1")
    assert mails_to(workdir / "mail", RESIDENT) == 2
    # The load balancer keeps the server, which serves without the cache; monitoring is told.
    status, _, text = Browser(base_url).open("/health/")
    assert (status, text) == (200, "Degraded\n")
    status, _, text = Browser(base_url).open("/health/services/")
    assert status == 503 and "Cache" not in text  # no detail for the public

    redis.start()
    time.sleep(RETRY_SECONDS + 0.5)  # each worker tries Redis again once this has passed
    assert set(statuses(base_url, urls.values()).values()) == {200}
    assert Browser(base_url).open("/health/services/")[0] == 200


def test_with_redis_paused_pages_answer_without_it_and_it_comes_back(redis_site):
    """Connections are accepted, then never answered: a server on a frozen machine."""
    redis, base_url, urls, _workdir = redis_site
    assert redis.process.poll() is None
    os.kill(redis.process.pid, signal.SIGSTOP)
    try:
        started = time.monotonic()
        paused = statuses(base_url, urls.values())
        assert time.monotonic() - started < PAUSED_SWEEP_SECONDS
        assert [url for url, status in paused.items() if status != 200] == []
        resident = Browser(base_url)
        assert resident.open(urls["new_link"])[0] == 200
        status, _, html = resident.open(
            urls["new_link"], {"csrfmiddlewaretoken": resident.csrf(), "email": RESIDENT}
        )
        assert status == 303, html[:2000]
    finally:
        os.kill(redis.process.pid, signal.SIGCONT)
    time.sleep(RETRY_SECONDS + 0.5)
    newcomer = Browser(base_url)
    newcomer.open(urls["eventpage"])
    assert newcomer.open(urls["eventpage"])[1]["X-Page-Cache"] == "hit"  # Redis used again


def test_with_postgresql_stopped_a_503_then_the_site_comes_back_by_itself(tmp_path):
    with (
        postgres_server() as postgres,
        demo_server(tmp_path, setup=[MODERATOR], DATABASE_URL=postgres.url) as base_url,
    ):
        env = served_env(tmp_path, base_url, DATABASE_URL=postgres.url)
        urls = every_url(env).values()
        assert set(statuses(base_url, urls).values()) == {200}

        postgres.stop()
        down = statuses(base_url, [*urls, "/fr/recherche/?q=place", "/health/"])
        # A page a newcomer was given may still come from the cache; the rest says 503.
        assert set(down.values()) <= {200, 503}
        assert down["/fr/recherche/?q=place"] == 503
        assert down["/health/"] == 503
        status, headers, html = Browser(base_url).open("/fr/recherche/?q=jardin")
        assert status == 503
        assert headers["Retry-After"] == "30"
        assert "no-cache" in headers["Cache-Control"]
        assert "momentanément indisponible" in html and 'lang="en"' in html
        assert Browser(base_url).sign_in() == 503

        postgres.start()  # the same server processes, never restarted
        assert set(statuses(base_url, urls).values()) == {200}
        assert Browser(base_url).sign_in() == 302
