"""Machine translation of ideas: off by default; when the authority configures a service, a
visitor reading an idea in another language gets it translated in the background, labelled,
with the original one link away; each text goes to the service once."""

import logging
from datetime import date

import pytest
import requests
import time_machine
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.utils import translation
from django_tasks_db.models import DBTaskResult
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue

from portal.participation import services
from portal.participation.models import Idea, IdeaStatus, IdeaTranslation
from portal.settings.base import machine_translator
from tests import factories
from tests.factories import IdeaBoxFactory, IdeaFactory, paris

from .test_author_notices import DATABASE_TASKS, run_worker
from .test_ideas import post
from .test_membership import translate

TODAY = date(2026, 6, 10)


class FakeTranslator(BaseMachineTranslator):
    """Says which language it translated into, and counts the texts sent to it."""

    display_name = "Traducteur de test"
    sent = []

    def translate(self, source_locale, target_locale, strings):
        FakeTranslator.sent.extend(string.render_text() for string in strings)
        return {
            string: StringValue.from_plaintext(
                f"[{target_locale.language_code}] {string.render_text()}"
            )
            for string in strings
        }

    def can_translate(self, source_locale, target_locale):
        return source_locale.language_code != target_locale.language_code


class UnreachableTranslator(FakeTranslator):
    def translate(self, source_locale, target_locale, strings):
        FakeTranslator.sent.extend(string.render_text() for string in strings)
        raise requests.ConnectionError("the translation service is down")


def configure(settings, translator):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = translator and {
        "CLASS": f"{__name__}.{translator.__name__}"
    }


@pytest.fixture(autouse=True)
def frozen():
    FakeTranslator.sent = []
    with time_machine.travel(paris(TODAY, 12), tick=False):
        yield


@pytest.fixture
def consultation(home):
    return factories.consultation(factories.consultation_index(home), "La place du Marché")


@pytest.fixture
def idea(consultation):
    idea = IdeaFactory(
        box=IdeaBoxFactory(consultation=consultation),
        title="Des bancs à l’ombre",
        description="Près de l’aire de jeux.\nEt des fontaines.",
    )
    return services.change_status(idea=idea, to_status=IdeaStatus.PUBLISHED, user=None)


def url_in(language, idea):
    with translation.override(language):
        return idea.get_absolute_url()


def english_url(idea):
    return url_in("en", idea)


def read(client, url, capture):
    """The page as a visitor gets it, once the tasks its request queued have run (the
    immediate backend: at once)."""
    with capture(execute=True):
        response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def title_of(page):
    return page.select_one("h1").get_text(strip=True)


def test_an_english_visitor_reads_the_labelled_translation_with_the_original_one_link_away(
    client, idea, settings, django_capture_on_commit_callbacks
):
    configure(settings, FakeTranslator)
    url = english_url(idea)
    # The first reading asks for it; meanwhile the idea shows in its own words, marked French.
    page = read(client, url, django_capture_on_commit_callbacks)
    assert title_of(page) == "Des bancs à l’ombre"
    assert page.select_one("h1")["lang"] == "fr"
    assert not page.select(".machine-translation")

    response = client.get(url)
    assert "X-Page-Cache" not in response  # an idea's page is always rendered fresh
    page = BeautifulSoup(response.content, "html.parser")
    assert title_of(page) == "[en] Des bancs à l’ombre"
    assert not page.select_one("h1").has_attr("lang")
    assert "[en] Près de l’aire de jeux.<br/>Et des fontaines." in str(page.select_one(".prose"))
    assert page.title.get_text().startswith("[en] Des bancs")
    label = page.select_one(".machine-translation")
    assert label.get_text(" ", strip=True) == "Machine translation from French — see the original"
    # A plain link, no script: the original is one click away with or without JavaScript.
    link = label.select_one("a")
    assert (link["href"], link["hreflang"]) == ("?original=1", "fr")
    assert not page.select("script:not([src])")

    original = read(client, url + link["href"], django_capture_on_commit_callbacks)
    assert title_of(original) == "Des bancs à l’ombre"
    assert original.select_one("h1")["lang"] == "fr"
    back = original.select_one(".machine-translation")
    assert back.get_text(" ", strip=True).startswith("You are reading the idea as it was written.")
    assert back.select_one("a")["href"] == url
    # Three readings, one text sent: each text goes to the service once.
    assert FakeTranslator.sent == [
        "Des bancs à l’ombre",
        "Près de l’aire de jeux.\nEt des fontaines.",
    ]


def test_an_idea_proposed_in_english_is_labelled_in_french_for_a_french_visitor(
    client, idea, settings, django_capture_on_commit_callbacks
):
    configure(settings, FakeTranslator)
    Idea.objects.filter(pk=idea.pk).update(language="en", title="Benches in the shade")
    url = url_in("fr", Idea.objects.get(pk=idea.pk))
    read(client, url, django_capture_on_commit_callbacks)
    page = read(client, url, django_capture_on_commit_callbacks)
    assert title_of(page) == "[fr] Benches in the shade"
    label = page.select_one(".machine-translation").get_text(" ", strip=True)
    assert label == "Traduction automatique d’un texte en anglais — voir l’original"
    original = read(client, url + "?original=1", django_capture_on_commit_callbacks)
    assert original.select_one("h1")["lang"] == "en"
    assert original.select_one(".machine-translation").get_text(" ", strip=True) == (
        "Vous lisez l’idée telle qu’elle a été écrite. Lire sa traduction automatique"
    )


def test_a_french_visitor_reads_the_idea_as_written_and_nothing_is_sent(
    client, idea, settings, django_capture_on_commit_callbacks
):
    configure(settings, FakeTranslator)
    for _ in range(2):
        page = read(client, url_in("fr", idea), django_capture_on_commit_callbacks)
        assert title_of(page) == "Des bancs à l’ombre"
        assert not page.select(".machine-translation")
        assert not page.select_one("h1").has_attr("lang")
    assert FakeTranslator.sent == []


def test_an_idea_awaiting_moderation_is_never_sent(
    client, consultation, settings, admin_client, django_capture_on_commit_callbacks
):
    configure(settings, FakeTranslator)
    idea = IdeaFactory(box=IdeaBoxFactory(consultation=consultation), title="Pas encore lue")
    for _ in range(2):
        page = read(admin_client, english_url(idea), django_capture_on_commit_callbacks)
        assert title_of(page) == "Pas encore lue"
    assert FakeTranslator.sent == []


def translation_tasks():
    return DBTaskResult.objects.filter(task_path__endswith=".translate_idea")


@pytest.mark.django_db(transaction=True)
def test_off_by_default_nothing_changes_and_no_task_is_queued(home, settings, client):
    settings.TASKS = DATABASE_TASKS
    assert settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR is None
    consultation = factories.consultation(factories.consultation_index(home), "La place")
    idea = IdeaFactory(box=IdeaBoxFactory(consultation=consultation), title="Des bancs")
    services.change_status(idea=idea, to_status=IdeaStatus.PUBLISHED, user=None, notify=False)
    for _ in range(2):
        page = BeautifulSoup(client.get(english_url(idea)).content, "html.parser")
        assert title_of(page) == "Des bancs"
        assert not page.select(".machine-translation")
    assert not translation_tasks().exists()
    assert not IdeaTranslation.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_translation_is_made_by_a_worker_after_the_page_is_served(home, settings, client):
    """In production the database queues the task: no page waits on the service."""
    settings.TASKS = DATABASE_TASKS
    configure(settings, FakeTranslator)
    consultation = factories.consultation(factories.consultation_index(home), "La place")
    idea = IdeaFactory(box=IdeaBoxFactory(consultation=consultation), title="Des bancs")
    services.change_status(idea=idea, to_status=IdeaStatus.PUBLISHED, user=None, notify=False)
    url = english_url(idea)
    for _ in range(2):
        page = BeautifulSoup(client.get(url).content, "html.parser")
        assert title_of(page) == "Des bancs"
        assert not page.select(".machine-translation")
    assert FakeTranslator.sent == []
    assert translation_tasks().count() == 1  # asked for once, however many readers
    run_worker()
    page = BeautifulSoup(client.get(url).content, "html.parser")
    assert title_of(page) == "[en] Des bancs"
    assert page.select(".machine-translation")


def test_an_edited_idea_is_translated_again(
    client, idea, settings, django_capture_on_commit_callbacks
):
    configure(settings, FakeTranslator)
    url = english_url(idea)
    read(client, url, django_capture_on_commit_callbacks)
    assert title_of(read(client, url, django_capture_on_commit_callbacks)) == (
        "[en] Des bancs à l’ombre"
    )
    services.correct_idea(idea=idea, user=None, title="Des bancs et des arbres")
    url = english_url(idea)  # its address follows its title
    # The translation of the old words is not shown for the new ones.
    page = read(client, url, django_capture_on_commit_callbacks)
    assert title_of(page) == "Des bancs et des arbres"
    assert not page.select(".machine-translation")
    assert title_of(read(client, url, django_capture_on_commit_callbacks)) == (
        "[en] Des bancs et des arbres"
    )
    assert FakeTranslator.sent[2:] == ["Des bancs et des arbres", idea.description]
    assert IdeaTranslation.objects.get().title == "[en] Des bancs et des arbres"


def test_a_failing_service_leaves_the_original_and_is_logged(
    client, idea, settings, caplog, django_capture_on_commit_callbacks
):
    configure(settings, UnreachableTranslator)
    url = english_url(idea)
    with caplog.at_level(logging.WARNING, logger="portal.participation.services.translations"):
        for _ in range(3):
            page = read(client, url, django_capture_on_commit_callbacks)
            assert title_of(page) == "Des bancs à l’ombre"
            assert not page.select(".machine-translation")
            original = read(client, url + "?original=1", django_capture_on_commit_callbacks)
            assert title_of(original) == "Des bancs à l’ombre"
    assert [record.getMessage() for record in caplog.records] == [
        f"Machine translation of idea {idea.pk} into en failed"
    ]
    assert not IdeaTranslation.objects.exists()
    assert len(FakeTranslator.sent) == 2  # left alone for a while after failing


def test_a_hostile_original_parameter_gives_the_normal_page(
    client, idea, settings, django_capture_on_commit_callbacks
):
    configure(settings, FakeTranslator)
    url = english_url(idea)
    read(client, url, django_capture_on_commit_callbacks)
    for query in ("?original=%00", "?original=1&original=0", "?original=" + "x" * 5000):
        assert title_of(read(client, url + query, django_capture_on_commit_callbacks)) == (
            "[en] Des bancs à l’ombre"
        )


# The idea's language


@pytest.fixture
def form_page(consultation, locales):
    box = IdeaBoxFactory(consultation=consultation, title="Vos idées")
    consultation.body = [
        {"type": "idea_form", "value": {"idea_box": box.pk, "heading": ""}, "id": "idees"}
    ]
    consultation.save_revision().publish()
    return box, consultation, translate(consultation, locales[1])


def test_an_idea_is_recorded_in_the_language_of_the_site_it_was_proposed_on(client, form_page):
    box, french, english = form_page
    data = {"description": "De l’ombre.", "email": "nadia@example.org", "display_name": ""}
    assert post(client, french, {**data, "title": "Des arbres"}).status_code == 303
    assert post(client, english, {**data, "title": "Some trees"}).status_code == 303
    assert english.url.startswith("/en/")
    assert dict(Idea.objects.values_list("title", "language")) == {
        "Des arbres": "fr",
        "Some trees": "en",
    }


def test_an_idea_typed_in_from_paper_is_in_the_default_language(form_page):
    box, *_ = form_page
    with translation.override("en"):
        idea = services.enter_paper_idea(
            box=box, user=None, collected_at=None, title="Un banc", description="…"
        )
    assert idea.language == "fr"


# The configuration


def test_the_service_comes_from_the_environment_with_its_key(monkeypatch):
    assert machine_translator("") is None
    monkeypatch.delenv("DEEPL_API_KEY", raising=False)
    with pytest.raises(ImproperlyConfigured, match="DEEPL_API_KEY"):
        machine_translator("deepl")
    monkeypatch.setenv("DEEPL_API_KEY", "a-key:fx")
    assert machine_translator("deepl")["OPTIONS"]["AUTH_KEY"] == "a-key:fx"
    monkeypatch.setenv("LIBRETRANSLATE_URL", "https://translate.example.org/")
    libre = machine_translator("libretranslate")["OPTIONS"]
    assert (libre["LIBRETRANSLATE_URL"], libre["API_KEY"]) == ("https://translate.example.org", "")
    with pytest.raises(ImproperlyConfigured, match="google"):
        machine_translator("google")


def test_the_idea_forms_privacy_notice_names_the_service_only_when_there_is_one(
    client, form_page, settings
):
    _, french, _ = form_page
    notice = "Traducteur de test"
    assert notice not in client.get(french.url).content.decode()
    configure(settings, FakeTranslator)
    cache.clear()  # the page is cached for newcomers; the setting changes with a restart
    page = BeautifulSoup(client.get(french.url).content, "html.parser")
    text = page.select_one(".idea-form .privacy-notice").get_text(" ", strip=True)
    assert "sont transmis à Traducteur de test" in text
