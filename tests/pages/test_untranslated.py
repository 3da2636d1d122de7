"""The language switcher on a page with no live translation: a page that says so, in the
language chosen, with the way home and the way back to the page in its own language."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from portal.pages.models import StandardPage
from tests.conftest import make_standard_page


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def switcher(response):
    return {a["hreflang"]: a["href"] for a in soup_of(response).select(".language-switcher a")}


@pytest.fixture
def english_home(home, locales):
    english = home.copy_for_translation(locales[1])
    english.title = "Home"
    english.save_revision().publish()
    return english


@pytest.fixture
def french_page(home):
    return make_standard_page(home, "Comment participer", slug="comment-participer")


def translate(page, locale, title, slug, publish=True):
    translation = page.copy_for_translation(locale)  # a draft, as wagtail-localize leaves it
    translation.title, translation.slug = title, slug
    revision = translation.save_revision()
    if publish:
        revision.publish()
    return translation


def test_a_page_with_a_live_translation_links_straight_to_it(client, english_home, french_page):
    translate(french_page, english_home.locale, "How to take part", "how-to-take-part")
    links = switcher(client.get("/fr/comment-participer/"))
    assert links == {"fr": "/fr/comment-participer/", "en": "/en/how-to-take-part/"}
    assert switcher(client.get("/en/how-to-take-part/"))["fr"] == "/fr/comment-participer/"


def test_an_untranslated_page_leads_to_a_page_saying_so_in_the_language_chosen(
    client, english_home, french_page
):
    link = switcher(client.get("/fr/comment-participer/"))["en"]
    assert link == f"/en/not-translated/{french_page.pk}/"

    soup = soup_of(client.get(link))
    assert soup.html["lang"] == "en" and soup.html["dir"] == "ltr"
    assert soup.h1.get_text() == "This page is not available in English"
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    original, home_link = soup.select(".untranslated a")
    assert original["href"] == "/fr/comment-participer/"
    assert original["hreflang"] == original["lang"] == "fr"
    assert original.get_text() == "Comment participer – Français"
    assert home_link["href"] == "/en/" and home_link.get_text() == "Back to the home page"
    # Its own switcher: back to the page in French, the same page in English.
    assert switcher(client.get(link)) == {"fr": f"/fr/non-traduite/{french_page.pk}/", "en": link}
    assert client.get(f"/fr/non-traduite/{french_page.pk}/").url == "/fr/comment-participer/"


def test_a_draft_translation_counts_as_none(client, english_home, french_page):
    translate(french_page, english_home.locale, "How to take part", "how-to-take-part", False)
    link = switcher(client.get("/fr/comment-participer/"))["en"]
    assert link == f"/en/not-translated/{french_page.pk}/"
    assert soup_of(client.get(link)).h1.get_text() == "This page is not available in English"


def test_an_english_page_without_french_says_so_in_french(client, english_home):
    page = make_standard_page(english_home, "Welcome desk", slug="welcome-desk")
    link = switcher(client.get("/en/welcome-desk/"))["fr"]
    soup = soup_of(client.get(link))
    assert soup.html["lang"] == "fr"
    assert soup.h1.get_text() == "Cette page n’est pas disponible en français"
    original = soup.select_one(".untranslated a[hreflang]")
    assert original["href"] == page.url and original["lang"] == "en"
    assert soup.select(".untranslated a")[1]["href"] == "/fr/"


def test_the_cached_page_links_to_the_translation_once_published(client, english_home, french_page):
    assert switcher(client.get("/fr/comment-participer/"))["en"].startswith("/en/not-translated/")
    assert switcher(client.get("/fr/comment-participer/"))["en"].startswith("/en/not-translated/")
    translate(french_page, english_home.locale, "How to take part", "how-to-take-part")
    assert switcher(client.get("/fr/comment-participer/"))["en"] == "/en/how-to-take-part/"
    # A link kept from before (a bookmark) goes to the translation too.
    response = client.get(f"/en/not-translated/{french_page.pk}/")
    assert response.status_code == 302 and response.url == "/en/how-to-take-part/"


def test_without_a_live_english_home_the_way_back_remains(client, home, french_page):
    soup = soup_of(client.get(f"/en/not-translated/{french_page.pk}/"))
    assert [a["href"] for a in soup.select(".untranslated a")] == ["/fr/comment-participer/"]


def test_a_private_page_is_not_found_but_by_who_may_see_it(client, english_home, french_page):
    """Its address and title may say what it is about: a stranger with its number gets
    nothing; who has its password is led to it."""
    restriction = PageViewRestriction.objects.create(
        page=french_page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert client.get(f"/en/not-translated/{french_page.pk}/").status_code == 404
    session = client.session  # as Wagtail's password form leaves it
    session[PageViewRestriction.passed_view_restrictions_session_key] = [restriction.pk]
    session.save()
    soup = soup_of(client.get(f"/en/not-translated/{french_page.pk}/"))
    assert soup.select_one(".untranslated a[hreflang]")["href"] == french_page.url


@pytest.mark.parametrize(
    "path",
    [
        "0/",
        "1/",  # the tree's root: live, but no site serves it
        "999999/",
        "99999999999999999999999999/",
        "-1/",
        "abc/",
        "1%00/",
        "%27%22/",
        "1/?q=%00",
    ],
)
def test_hostile_ids_are_not_found(client, english_home, path):
    assert client.get(f"/en/not-translated/{path}").status_code == 404


def test_a_draft_page_is_not_found(client, english_home, home):
    draft = StandardPage(title="Brouillon", live=False)
    home.add_child(instance=draft)
    assert client.get(f"/en/not-translated/{draft.pk}/").status_code == 404
