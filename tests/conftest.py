import re
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from wagtail.models import Locale, Page, Site

from home.models import HomePage
from portal.pages.models import StandardPage


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def locales(db):
    fr, _ = Locale.objects.get_or_create(language_code="fr")
    en, _ = Locale.objects.get_or_create(language_code="en")
    return fr, en


@pytest.fixture
def home(locales):
    """A French home page at the root of the default site."""
    root = Page.get_first_root_node()
    if root is None:  # a transactional test emptied the tree that migrations create
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locales[0]))
    for page in root.get_children().exact_type(Page):
        page.delete()
    home = HomePage(title="Accueil", slug="accueil", hero_title="Faisons la ville ensemble")
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "root_page": home, "site_name": "Test"},
    )
    return home


@pytest.fixture
def standard_page(home):
    return make_standard_page(home, "Mentions légales", slug="mentions-legales")


def make_standard_page(parent, title, **fields):
    page = StandardPage(title=title, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def demo(db):
    from portal.demo.loader import DemoLoader

    DemoLoader(log=lambda message: None).run()
    return HomePage.objects.get(locale__language_code="fr")


@pytest.fixture
def admin_client(client, django_user_model, db):
    user = django_user_model.objects.create_superuser("admin", "admin@example.org", "secret")
    client.force_login(user)
    return client


def confirm_by_link(client, link):
    """Open a confirmation link and press its button, as a resident does: the 303 back."""
    link = urlsplit(link).path  # whatever public address the e-mail was written for
    page = client.get(link)
    assert page.status_code == 200, page.status_code
    return client.post(link, {"shown": shown_on(page)})


def shown_on(page):
    """What a confirmation page signed into its form: what it showed."""
    return re.search(rb'name="shown" value="([^"]+)"', page.content).group(1).decode()
