"""A third language is a settings change: named from Django's language info, and written
right to left where the language is (Arabic)."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ImproperlyConfigured
from wagtail.models import Locale

from portal.settings.base import languages
from tests.conftest import make_standard_page

THREE = [("fr", "Français"), ("en", "English"), ("ar", "العربيّة")]


def test_languages_are_named_in_themselves_from_their_codes():
    assert languages(["fr", "en", "ar", "fr"]) == THREE


@pytest.mark.parametrize("codes", [[], ["fr", "xx"], ["fr", "zh-cn"]])
def test_an_unknown_language_code_stops_the_site(codes):
    with pytest.raises(ImproperlyConfigured, match="PORTAL_LANGUAGES"):
        languages(codes)


@pytest.fixture
def arabic(settings, home, locales):
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = THREE
    locale = Locale.objects.create(language_code="ar")
    arabic_home = home.copy_for_translation(locale)
    arabic_home.title = "الصفحة الرئيسية"
    arabic_home.save_revision().publish()
    return arabic_home


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def test_an_arabic_page_is_written_right_to_left(client, arabic):
    make_standard_page(arabic, "كيف تشارك", slug="kayfa-tusharik")
    soup = soup_of(client.get("/ar/kayfa-tusharik/"))
    assert (soup.html["lang"], soup.html["dir"]) == ("ar", "rtl")
    assert soup.h1.get_text() == "كيف تشارك"
    french = soup_of(client.get("/fr/"))
    assert (french.html["lang"], french.html["dir"]) == ("fr", "ltr")


def test_the_switcher_offers_the_third_language_named_in_itself(client, home, arabic):
    links = soup_of(client.get("/fr/")).select(".language-switcher a")
    assert [(a["hreflang"], a["href"]) for a in links] == [
        ("fr", "/fr/"),
        ("en", f"/en/not-translated/{home.pk}/"),
        ("ar", "/ar/"),
    ]
    assert links[2].select_one(".visually-hidden").get_text() == " – العربيّة"


def test_a_page_not_in_arabic_says_so_right_to_left(client, home, arabic):
    make_standard_page(home, "Mentions légales", slug="mentions-legales")
    switcher = soup_of(client.get("/fr/mentions-legales/")).select_one('a[hreflang="ar"]')
    soup = soup_of(client.get(switcher["href"]))
    assert (soup.html["lang"], soup.html["dir"]) == ("ar", "rtl")
    assert "العربيّة" in soup.h1.get_text()  # no Arabic catalogue here: the words are French
    assert soup.select_one(".untranslated a[hreflang]")["href"] == "/fr/mentions-legales/"
    assert soup.select(".untranslated a")[1]["href"] == "/ar/"
