"""The site served by gunicorn while its services stop and come back, each a private one
started by the test (tests/services.py), never the machine's: with Redis stopped, every page
type, the forms and the admin's sign-in answer without a single 500 and the health endpoint
says the cache is away; with PostgreSQL stopped, a clear 503 page that browsers and load
balancers retry; both come back without restarting the site."""

import json
import re

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
    urls = [
        "/en/",
        Page.objects.live().get(slug=IDEA_LIST_PAGE["slug"]).url,
        Idea.objects.public().order_by("pk").first().get_absolute_url(),
        BudgetProject.objects.order_by("pk").first().get_absolute_url(),
        reverse("opendata:index"),
        reverse("participation:new_link"),
        "/sitemap.xml",
        "/admin/login/",
    ]
print("URLS", json.dumps(urls))
"""


def every_url(env):
    """A page of each type, a search, and the other addresses above."""
    pages = [entry["url"] for entry in json.loads(manage(env, "bench_urls"))]
    others = re.search(r"^URLS (.*)$", manage(env, "shell", "-c", OTHER_URLS), re.M).group(1)
    return [*pages, *json.loads(others)]


def statuses(base_url, urls):
    browser = Browser(base_url)
    return {url: browser.open(url)[0] for url in urls}


def test_with_redis_stopped_nothing_answers_500_and_it_comes_back(tmp_path):
    with (
        redis_server() as redis,
        demo_server(tmp_path, setup=[MODERATOR], REDIS_URL=redis.url) as base_url,
    ):
        urls = every_url(served_env(tmp_path, base_url, REDIS_URL=redis.url))
        assert len(urls) >= 15
        assert set(statuses(base_url, urls).values()) == {200}  # and cached, for some
        assert Browser(base_url).open("/health/")[0] == 200

        redis.stop()
        down = statuses(base_url, urls)
        assert [url for url, status in down.items() if status != 200] == []
        browser = Browser(base_url)
        assert browser.sign_in() == 302
        assert browser.open("/admin/")[0] == 200
        # A form posted with mistakes is answered with them (its rate limit lives in Redis).
        idea = next(url for url in urls if "/idees/" in url or "/ideas/" in url)
        status, _, _ = browser.open(idea)
        assert status == 200
        status, _, html = browser.open(
            idea, {"csrfmiddlewaretoken": browser.csrf(), "action": "support"}
        )
        assert status in (303, 400), html[:500]
        health = Browser(base_url).open("/health/")
        assert health[0] == 503 and "Cache" not in health[2]  # no detail for the public

        redis.start()
        assert set(statuses(base_url, urls).values()) == {200}
        assert Browser(base_url).open("/health/")[0] == 200


def test_with_postgresql_stopped_a_503_then_the_site_comes_back_by_itself(tmp_path):
    with (
        postgres_server() as postgres,
        demo_server(tmp_path, setup=[MODERATOR], DATABASE_URL=postgres.url) as base_url,
    ):
        env = served_env(tmp_path, base_url, DATABASE_URL=postgres.url)
        urls = every_url(env)
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
