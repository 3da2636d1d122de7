import re
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache, caches
from django.utils import translation
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from home.models import HomePage
from portal.pages.models import StandardPage


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def cache_reads(monkeypatch):
    """The keys read from the cache from now on, one entry per round trip (`get_many`'s list
    once, not each of its keys as the in-memory backend reads them)."""
    backend, reads, inside = caches["default"], [], []

    def spy(read):
        def spying(key, *args, **kwargs):
            if not inside:
                reads.append(key)
            inside.append(key)
            try:
                return read(key, *args, **kwargs)
            finally:
                inside.pop()

        return spying

    for name in ("get", "get_many"):
        monkeypatch.setattr(backend, name, spy(getattr(backend, name)))
    return reads


@pytest.fixture(autouse=True)
def _main_language():
    """Each test starts in the site's main language: a test client's request activates its
    page's language for the rest of the thread (LocaleMiddleware), and a test after one ending
    on an English page would otherwise create its data in English."""
    translation.deactivate()
    yield
    translation.deactivate()


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
def english_home(home, locales):
    """The English home page, a translation of the French one."""
    english = home.copy_for_translation(locales[1])
    english.title = "Home"
    english.save_revision().publish()
    return english


@pytest.fixture
def localize(django_capture_on_commit_callbacks):
    """Translate a page or a snippet with wagtail-localize's machinery, as its editor does:
    each string of its source translated (`words`, else kept), then the translation created
    or updated (a sync) and published (wagtail-localize publishes pages on commit)."""

    def translate(instance, locale, words):
        source, _created = TranslationSource.update_or_create_from_instance(instance)
        for segment in StringSegment.objects.filter(source=source).select_related("string"):
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": words.get(segment.string.data, segment.string.data),
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                },
            )
        with django_capture_on_commit_callbacks(execute=True):
            translation, _created = source.create_or_update_translation(
                locale, copy_parent_pages=True
            )
        translation.refresh_from_db()
        return getattr(translation, "specific", translation)

    return translate


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
