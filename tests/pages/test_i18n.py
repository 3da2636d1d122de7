"""French first, English complete: URLs, the language switcher and wagtail-localize."""

from bs4 import BeautifulSoup
from wagtail.models import Locale, Page

from home.models import HomePage


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def switcher(soup):
    return {a["hreflang"]: a["href"] for a in soup.select(".language-switcher a")}


def test_demo_pages_exist_in_both_languages_with_the_right_lang(client, demo):
    fr = soup_of(client.get("/fr/"))
    en = soup_of(client.get("/en/"))
    assert fr.html["lang"] == "fr" and en.html["lang"] == "en"
    assert fr.find("h1").get_text() != en.find("h1").get_text()
    assert en.select_one(".skip-links a").get_text() == "Skip to content"
    assert fr.select_one(".skip-links a").get_text() == "Aller au contenu"


def test_language_switcher_goes_to_the_translated_page(client, demo):
    soup = soup_of(client.get("/fr/mentions-legales/"))
    links = switcher(soup)
    assert links["en"] == "/en/legal-notice/"
    assert soup.select_one(".language-switcher a[aria-current]")["hreflang"] == "fr"
    assert switcher(soup_of(client.get("/en/legal-notice/")))["fr"] == "/fr/mentions-legales/"


def test_language_switcher_says_when_there_is_no_translation(client, demo):
    from portal.pages.models import StandardPage

    page = StandardPage(title="Page non traduite")
    demo.add_child(instance=page)
    page.save_revision().publish()
    links = switcher(soup_of(client.get(page.url)))
    assert links["en"] == f"/en/not-translated/{page.pk}/"
    assert soup_of(client.get(links["en"])).h1.get_text() == "This page is not available in English"


def test_language_switcher_on_search_keeps_the_query(client, demo):
    links = switcher(soup_of(client.get("/fr/recherche/", {"q": "vélo"})))
    assert links["en"] == "/en/search/?q=v%C3%A9lo"


def test_an_editor_translates_a_page_into_english_with_wagtail_localize(admin_client, home):
    from tests.conftest import make_standard_page

    page = make_standard_page(home, "Comment participer", summary="Le mode d’emploi.")
    en = Locale.objects.get(language_code="en")
    url = f"/admin/localize/submit/page/{page.pk}/"
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(url, {"locales": [en.pk]})
    assert response.status_code == 302
    translation = page.get_translation(en)
    assert translation.title == "Comment participer"  # ready for the translator, in draft
    assert HomePage.objects.filter(locale=en).exists()  # the parent came along
    editor = admin_client.get(f"/admin/pages/{translation.pk}/edit/")
    assert editor.status_code == 200


def test_english_interface_strings_are_complete_on_the_search_page(client, demo):
    soup = soup_of(client.get("/en/search/"))
    assert soup.find("h1").get_text(strip=True) == "Search"
    assert Page.objects.filter(locale__language_code="en").live().count() >= 6
