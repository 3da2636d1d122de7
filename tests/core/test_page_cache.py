"""Pages without per-visitor content are cached for anonymous visitors, until a publish.

Nothing of one visitor (a private page, a CSRF token, a message, a session) reaches another,
random addresses do not fill the cache, and a cached page carries every header of a fresh one.
"""

from datetime import date, timedelta

import pytest
from django.contrib import messages
from django.middleware.csrf import get_token
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction, Site

from portal.core import page_cache
from portal.core.models import PortalSettings
from portal.pages.models import StandardPage
from portal.pages.taxonomy import District
from portal.participation.models import IdeaBox
from tests import factories
from tests.conftest import make_standard_page


@pytest.fixture
def pages(home):
    agenda = factories.agenda(home)
    event = factories.event(agenda, "Atelier", timezone.now() + timedelta(days=2))
    index = factories.consultation_index(home)
    consultation = factories.consultation(index, "Place du Marché")
    return {
        "standard": make_standard_page(home, "Mentions légales"),
        "agenda": agenda,
        "event": event,
        "tour": factories.tour(agenda),
        "restitution": factories.restitution(consultation),
        "consultation": consultation,
        "index": index,
    }


def cache_state(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200
    return response.get("X-Page-Cache")


@pytest.mark.parametrize("name", ["standard", "agenda", "event", "tour", "restitution"])
def test_pages_without_per_visitor_content_are_cached(client, pages, name):
    url = pages[name].url
    assert cache_state(client, url) == "miss"
    assert cache_state(client, url) == "hit"


@pytest.mark.parametrize("name", ["standard", "consultation"])
def test_with_the_versions_unknown_no_page_is_served_from_the_cache_or_stored(
    client, pages, name, monkeypatch
):
    """A flaky cache that could not say the version: a page stored or found under an unknown
    version could be of any time (made private since, say)."""
    monkeypatch.setattr(page_cache, "_version", lambda key: None)
    url = pages[name].url
    assert cache_state(client, url) is None
    assert cache_state(client, url) is None


def test_listings_of_consultations_are_not_cached(client, pages):
    url = pages["index"].url
    assert cache_state(client, url) is None
    assert cache_state(client, url) is None


def test_publishing_any_page_refreshes_the_cache(client, pages):
    url = pages["standard"].url
    client.get(url)
    assert cache_state(client, url) == "hit"
    event = pages["event"]
    event.title = "Atelier déplacé"
    event.save_revision().publish()
    response = client.get(pages["agenda"].url)
    assert response["X-Page-Cache"] == "miss"
    assert "Atelier déplacé" in response.content.decode()
    assert cache_state(client, url) == "miss"


def test_settings_change_refreshes_the_cache(client, pages):
    url = pages["standard"].url
    client.get(url)
    identity = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    identity.authority_name = "Ville de Test"
    identity.save()
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert "Ville de Test" in response.content.decode()


def test_logged_in_editors_never_get_cached_pages(admin_client, pages):
    url = pages["standard"].url
    assert cache_state(admin_client, url) is None
    assert cache_state(admin_client, url) is None


# Private pages (Wagtail's page privacy)


def make_private(page, password="tilleuls"):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=password
    )


def enter_password(client, restriction, page, password="tilleuls"):
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    response = client.post(url, {"password": password, "return_url": page.url})
    assert response.status_code == 302


@pytest.mark.parametrize("private", ["standard", "agenda"])
def test_a_private_page_or_one_below_it_is_never_stored(pages, private):
    """Neither the password form (with its CSRF token) nor the page an allowed visitor sees."""
    page = pages["standard"] if private == "standard" else pages["event"]
    restriction = make_private(pages[private])
    first, second = Client(), Client()
    form = first.get(page.url)
    assert b'name="password"' in form.content
    assert form.get("X-Page-Cache") is None
    assert second.get(page.url).get("X-Page-Cache") is None
    enter_password(first, restriction, pages[private])
    for _ in range(2):
        allowed = first.get(page.url)
        assert page.title in allowed.content.decode()
        assert allowed.get("X-Page-Cache") is None
    stranger = Client().get(page.url)
    assert b'name="password"' in stranger.content
    assert stranger.get("X-Page-Cache") is None
    assert stranger.cookies["csrftoken"].value != form.cookies["csrftoken"].value


def test_making_a_page_private_takes_it_out_of_the_cache(client, pages):
    url = pages["standard"].url
    client.get(url)
    assert cache_state(client, url) == "hit"
    make_private(pages["standard"])
    response = Client().get(url)
    assert b'name="password"' in response.content
    assert response.get("X-Page-Cache") is None


# Nothing of one visitor reaches the next


def use_csrf_token(request):
    get_token(request)


def show_a_message(request):
    messages.info(request, "Bienvenue Nadia")


def write_in_the_session(request):
    request.session["seen"] = True


@pytest.mark.parametrize("effect", [use_csrf_token, show_a_message, write_in_the_session])
def test_a_page_holding_something_of_its_visitor_is_never_stored(pages, monkeypatch, effect):
    """Decided after the middlewares that turn these into cookies have run (a message shown
    at once leaves no cookie: it is the page that holds it)."""
    rendered = StandardPage.get_context
    visits = []

    def get_context(self, request, *args, **kwargs):
        if not visits:
            effect(request)
        visits.append(request)
        return rendered(self, request, *args, **kwargs)

    monkeypatch.setattr(StandardPage, "get_context", get_context)
    url = pages["standard"].url
    assert Client().get(url).get("X-Page-Cache") is None
    second = Client().get(url)
    assert second.get("X-Page-Cache") == "miss"  # rendered afresh, then kept
    assert "Bienvenue Nadia" not in second.content.decode()
    assert not second.cookies


# Query strings: only the page's own parameters, with values it uses, a bounded number


@pytest.fixture
def district(locales):
    return District.objects.create(locale=locales[0], name="Centre-ville", slug="centre")


def test_a_filtered_agenda_is_cached_under_its_filters(client, pages, district):
    url = pages["agenda"].url
    assert cache_state(client, url, data={"district": "centre"}) == "miss"
    assert cache_state(client, url, data={"district": "centre", "page": "1"}) == "miss"
    assert cache_state(client, url, data={"page": "1", "district": "centre"}) == "hit"
    assert cache_state(client, url) == "miss"


@pytest.mark.parametrize(
    "query",
    [
        "utm_source=lettre",  # a parameter the page does not read
        "district=centre&district=centre",  # given twice
        "district=nulle-part",  # a value the page ignores, with a message
        "page=abc",
        "page=01",  # page 1 under another spelling
        "start=2026-06-01",  # a period: each visitor's own
    ],
)
def test_other_query_strings_are_served_fresh_and_never_stored(client, pages, district, query):
    url = f"{pages['agenda'].url}?{query}"
    assert cache_state(client, url) is None
    assert cache_state(client, url) is None


@override_settings(PAGE_CACHE_VARIANTS=2)
def test_a_page_keeps_a_bounded_number_of_query_strings(client, pages, district):
    url = pages["agenda"].url
    assert cache_state(client, url, data={"district": "centre"}) == "miss"
    assert cache_state(client, url, data={"page": "1"}) == "miss"
    assert cache_state(client, url, data={"theme": ""}) is None
    assert cache_state(client, url, data={"district": "centre"}) == "hit"
    assert cache_state(client, url) == "miss"  # the plain address is always kept


@pytest.fixture
def idea_list(home, pages):
    box = IdeaBox.objects.create(
        title="Vos idées",
        consultation=pages["consultation"],
        opens_at=factories.paris(date(2026, 5, 18)),
        closes_at=factories.paris(date(2026, 8, 1)),
    )
    return make_standard_page(
        home,
        "Toutes les idées",
        body=[{"type": "idea_list", "value": {"idea_box": box.pk, "per_page": 12}, "id": "liste"}],
    )


def test_an_idea_list_is_cached_by_order_but_never_in_a_random_order(client, idea_list):
    url = idea_list.url
    assert cache_state(client, url, data={"sort": "supports"}) == "miss"
    assert cache_state(client, url, data={"sort": "supports"}) == "hit"
    for query in ({"sort": "random"}, {"sort": "random", "seed": "123456"}):
        assert cache_state(client, url, data=query) is None
        assert cache_state(client, url, data=query) is None


def test_a_restitution_filter_named_after_its_block_is_cached(client, pages):
    restitution = pages["restitution"]
    restitution.body = [
        {"type": "ideas_answers", "value": {"heading": "Vos idées", "statuses": []}, "id": "idees"}
    ]
    restitution.save_revision().publish()
    assert cache_state(client, restitution.url, data={"status-idees": "retained"}) == "miss"
    assert cache_state(client, restitution.url, data={"status-idees": "retained"}) == "hit"
    assert cache_state(client, restitution.url, data={"status-idees": "zzz"}) is None
    assert cache_state(client, restitution.url, data={"status-autre": "retained"}) is None


# A cached page is the fresh one, headers included


PRODUCTION_HEADERS = {
    "X_FRAME_OPTIONS": "DENY",
    "SECURE_CONTENT_TYPE_NOSNIFF": True,
    "SECURE_REFERRER_POLICY": "same-origin",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY": "same-origin",
    "SECURE_HSTS_SECONDS": 31536000,
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
    "SECURE_SSL_REDIRECT": True,
}


@override_settings(**PRODUCTION_HEADERS)
@pytest.mark.parametrize("name", ["standard", "agenda", "tour"])
def test_a_cached_page_has_every_header_of_a_fresh_one(client, pages, name):
    url = pages[name].url
    fresh = client.get(url, secure=True)
    cached = client.get(url, secure=True)
    assert (fresh["X-Page-Cache"], cached["X-Page-Cache"]) == ("miss", "hit")
    assert cached.content == fresh.content
    headers = {name: value for name, value in fresh.headers.items() if name != "X-Page-Cache"}
    assert {name: value for name, value in cached.headers.items() if name != "X-Page-Cache"} == (
        headers
    )
    for header in (
        "X-Frame-Options",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Cross-Origin-Opener-Policy",
        "Strict-Transport-Security",
        "Content-Security-Policy",
        "Content-Language",
        "Vary",
    ):
        assert header in headers
    # A cached page is not a way around the redirection to HTTPS either.
    assert client.get(url).status_code == 301
