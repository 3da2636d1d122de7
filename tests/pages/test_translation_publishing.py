"""A page submitted for translation reaches the English site only when its translation is
published: never French text under /en/, whether the English tree exists or not."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from home.models import HomePage
from tests.conftest import make_standard_page

ENGLISH = {
    "Comment participer": "How to take part",
    "comment-participer": "how-to-take-part",
    "Le mode d’emploi.": "The instructions.",
}


@pytest.fixture
def english_home(home, locales):
    english = home.copy_for_translation(locales[1])
    english.title = "Home"
    english.hero_title = "Let's shape the town together"
    english.save_revision().publish()
    return english


@pytest.fixture
def french_page(home):
    return make_standard_page(home, "Comment participer", summary="Le mode d’emploi.")


def submit_for_translation(admin_client, page, commit):
    """The editor's "Translate" → English, as wagtail-localize's view does it."""
    english = Locale.objects.get(language_code="en")
    with commit(execute=True):  # wagtail-localize publishes on commit when it publishes
        response = admin_client.post(
            f"/admin/localize/submit/page/{page.pk}/", {"locales": [english.pk]}
        )
    assert response.status_code == 302
    return page.get_translation(english)


def translate_and_publish(admin_client, translated, commit):
    """The translator fills in every string, then presses "Publish in English"."""
    translation = Translation.objects.get(
        source__object_id=translated.translation_key, target_locale=translated.locale
    )
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=translated.locale,
            context=segment.context,
            data=ENGLISH.get(segment.string.data, segment.string.data),
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        )
    with commit(execute=True):
        response = admin_client.post(f"/admin/pages/{translated.pk}/edit/", {"action": "publish"})
    assert response.status_code == 302


def test_a_translation_goes_live_only_when_translated_and_published(
    admin_client, client, english_home, french_page, django_capture_on_commit_callbacks
):
    translated = submit_for_translation(
        admin_client, french_page, django_capture_on_commit_callbacks
    )
    assert translated.live is False
    assert client.get("/en/comment-participer/").status_code == 404
    assert client.get("/fr/comment-participer/").status_code == 200

    translate_and_publish(admin_client, translated, django_capture_on_commit_callbacks)
    translated.refresh_from_db()
    assert translated.live is True
    response = client.get("/en/how-to-take-part/")
    assert response.status_code == 200
    assert BeautifulSoup(response.content, "html.parser").h1.get_text() == "How to take part"


def test_untranslated_parents_do_not_put_french_on_the_english_site(
    admin_client, client, home, french_page, django_capture_on_commit_callbacks
):
    translated = submit_for_translation(
        admin_client, french_page, django_capture_on_commit_callbacks
    )
    english_home = translated.get_parent()
    assert english_home.alias_of_id == home.pk  # Wagtail mirrors the untranslated parent
    assert english_home.live is False
    assert not Page.objects.live().filter(locale__language_code="en").exists()
    assert client.get("/en/").status_code == 404
    assert client.get("/en/comment-participer/").status_code == 404

    home.title = "Bienvenue"  # publishing the French home does not republish the alias
    home.save_revision().publish()
    assert not HomePage.objects.get(pk=english_home.pk).live


def test_a_french_page_is_not_served_under_the_english_prefix(client, french_page):
    assert client.get("/fr/comment-participer/").status_code == 200
    assert client.get("/en/comment-participer/").status_code == 404
