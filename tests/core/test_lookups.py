"""What every page looks up (site, root page, locale, settings) comes from the cache until an
administrator changes it, and is never served stale after a change."""

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from portal.core import lookups, page_cache
from portal.core.models import PortalSettings
from tests.conftest import make_standard_page

LOOKED_UP = ("wagtailcore_site", "core_portalsettings")


@pytest.fixture
def page(home):
    return make_standard_page(home, "Le marché", slug="le-marche")


def tables_read(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in captured.captured_queries]


def test_a_page_reads_the_site_and_the_settings_once_per_publish(admin_client, page):
    """A signed-in editor's page is never cached whole: what it looks up is."""
    url = page.url
    cold = tables_read(admin_client, url)
    assert any(table in sql for sql in cold for table in LOOKED_UP)
    warm = tables_read(admin_client, url)
    assert not [sql for sql in warm if any(table in sql for table in LOOKED_UP)]
    assert len(warm) < len(cold)
    page.save_revision().publish()
    assert any(table in sql for sql in tables_read(admin_client, url) for table in LOOKED_UP)


def test_a_settings_change_shows_on_the_next_page(admin_client, page):
    admin_client.get(page.url)
    identity = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    identity.authority_name = "Ville de Test"
    identity.save()
    assert "Ville de Test" in admin_client.get(page.url).content.decode()


def test_a_new_site_serves_its_host_from_the_next_request(admin_client, home, settings):
    settings.ALLOWED_HOSTS = ["*"]
    other = make_standard_page(home, "Autre accueil", slug="autre-accueil")
    host = {"HTTP_HOST": "quartiers.example"}
    assert "Autre accueil" not in admin_client.get("/fr/", **host).content.decode()
    Site.objects.create(hostname="quartiers.example", root_page=other, site_name="Quartiers")
    assert "Autre accueil" in admin_client.get("/fr/", **host).content.decode()


def test_a_new_root_page_routes_the_next_request(admin_client, home, page):
    admin_client.get(page.url)
    other = make_standard_page(home, "Autre accueil", slug="autre-accueil")
    site = Site.objects.get(is_default_site=True)
    site.root_page = other
    site.save()
    response = admin_client.get("/fr/")
    assert response.status_code == 200
    assert "Autre accueil" in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_what_is_kept_while_a_change_commits_is_stale_once_it_has(home):
    """A request reading the settings between the change and its commit keeps the old ones:
    the version moves again at the commit, so that copy is never served."""
    site = Site.objects.get(is_default_site=True)
    with transaction.atomic():
        identity = PortalSettings.for_site(site)
        identity.authority_name = "Ville nouvelle"
        identity.save()
        page_cache.shared("kept-meanwhile", lambda: "before the commit")
    assert page_cache.shared("kept-meanwhile", lambda: "after the commit") == "after the commit"


def test_with_the_cache_unreachable_pages_look_everything_up(admin_client, page, monkeypatch):
    monkeypatch.setattr(cache, "get", lambda *args, **kwargs: None)
    monkeypatch.setattr(cache, "get_many", lambda *args, **kwargs: {})
    assert admin_client.get(page.url).status_code == 200
    assert any(table in sql for sql in tables_read(admin_client, page.url) for table in LOOKED_UP)


def test_a_logo_changed_makes_every_page_stale_and_another_image_does_not(home):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    image_model = get_image_model()
    logo = image_model.objects.create(title="Logo", file=get_test_image_file())
    other = image_model.objects.create(title="Un banc", file=get_test_image_file())
    identity = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    identity.logo = logo
    identity.save()
    version = page_cache.content_version()
    other.title = "Un banc neuf"
    other.save()
    assert page_cache.content_version() == version
    logo.title = "Logo 2027"
    logo.save()
    assert page_cache.content_version() > version
    version = page_cache.content_version()
    logo.delete()
    assert page_cache.content_version() > version


def test_what_decides_is_read_from_the_database_when_each_process_has_its_own_cache(settings):
    """With a cache in each process's memory, a change made in one would not reach the others:
    what decides whether a request is allowed is then never kept."""
    built = []
    settings.CACHE_SHARED_BY_PROCESSES = False
    for _ in range(2):
        page_cache.decisive("rule", lambda: built.append(1) or "the rule")
    assert len(built) == 2
    settings.CACHE_SHARED_BY_PROCESSES = True
    for _ in range(2):
        page_cache.decisive("rule", lambda: built.append(1) or "the rule")
    assert len(built) == 3


def test_nothing_is_kept_for_what_does_not_exist(db):
    page_cache.shared("no-such-page", lambda: None)
    assert cache.get(f"kept:{page_cache.content_version()}:no-such-page", "absent") == "absent"


def test_a_site_roots_new_translation_makes_every_page_stale_and_a_draft_does_not(home, locales):
    """Every page's address is made from the site roots (`lookups.site_root_paths`), which a
    new translation of the home page changes before anything is published."""
    market = make_standard_page(home, "Le marché", slug="le-marche")
    assert {root.language_code for root in lookups.site_root_paths()} == {"fr"}
    version = page_cache.content_version()
    market.save()
    home.save_revision()  # an editor's draft of the home page (autosaves too)
    assert page_cache.content_version() == version
    home.copy_for_translation(locales[1])
    assert page_cache.content_version() > version
    assert {root.language_code for root in lookups.site_root_paths()} == {"fr", "en"}


@pytest.mark.django_db(transaction=True)
def test_a_copy_of_the_site_roots_remade_during_a_change_is_dropped_once_committed(home):
    """Wagtail keeps its own copy of the site roots for an hour: one remade by a request while
    a site's change commits, from the rows before it, is never what pages use after."""
    from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION

    site = Site.objects.get(is_default_site=True)
    with transaction.atomic():
        site.hostname = "quartiers.example"
        site.save()
        remade = [
            root._replace(root_url="http://before.example") for root in Site.get_site_root_paths()
        ]
        cache.set(SITE_ROOT_PATHS_CACHE_KEY, remade, version=SITE_ROOT_PATHS_CACHE_VERSION)
    assert [root.root_url for root in lookups.site_root_paths()] == ["http://quartiers.example"]
