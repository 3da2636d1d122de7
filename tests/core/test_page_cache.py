"""Pages without per-visitor content are cached for anonymous visitors, until a publish."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Site

from portal.core.models import PortalSettings
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


@pytest.mark.parametrize("name", ["consultation", "index"])
def test_pages_with_participation_or_filters_are_not_cached(client, pages, name):
    url = pages[name].url
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


def test_query_strings_are_cached_separately(client, pages):
    url = pages["agenda"].url
    client.get(url)
    assert cache_state(client, url, data={"page": "abc"}) == "miss"
    assert cache_state(client, url) == "hit"


def test_a_response_that_sets_a_cookie_is_never_stored(rf):
    from django.contrib.auth.models import AnonymousUser
    from django.core.cache import cache
    from django.http import HttpResponse

    from portal.core import page_cache

    request = rf.get("/fr/mentions-legales/")
    request.user = AnonymousUser()
    response = HttpResponse("<p>Bonjour</p>")
    response.set_cookie("visitor", "42")
    page_cache.store(request, response)
    assert cache.get(page_cache.key_for(request)) is None
