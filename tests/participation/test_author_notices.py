"""What an idea's author is e-mailed: one message per burst of changes, saying the final
state, with links on the public address; a rejection says why."""

import logging
from datetime import date, timedelta
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import translation

from portal.core import background
from portal.participation import services
from portal.participation.models import Idea, IdeaStatus
from tests import factories
from tests.factories import IdeaBoxFactory, IdeaFactory, ParticipantFactory, paris

START = paris(date(2026, 6, 10), 9)
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def consultation(home):
    return factories.consultation(factories.consultation_index(home), "La place du Marché")


@pytest.fixture
def box(consultation):
    return IdeaBoxFactory(consultation=consultation)


def run_worker():
    """What `manage.py db_worker` does in production: run every task that is due, then stop.

    The command sets its loggers' levels and handlers for the process: they are put back, so
    that later tests still see the tasks' log.
    """
    loggers = [logging.getLogger(name) for name in ("django_tasks", "django_tasks_db")]
    saved = [(each.level, list(each.handlers)) for each in loggers]
    try:
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0, stdout=StringIO())
    finally:
        for each, (level, handlers) in zip(loggers, saved, strict=True):
            each.setLevel(level)
            each.handlers[:] = handlers


@pytest.mark.django_db(transaction=True)
def test_changes_within_a_minute_send_one_email_that_says_the_final_state(home, settings):
    settings.TASKS = DATABASE_TASKS
    consultation = factories.consultation(factories.consultation_index(home), "La place")
    idea = IdeaFactory(box=IdeaBoxFactory(consultation=consultation), title="Des bancs")
    with time_machine.travel(START, tick=False) as clock:
        services.change_status(idea=idea, to_status=IdeaStatus.PUBLISHED, user=None)
        clock.shift(timedelta(seconds=20))
        services.change_status(idea=idea, to_status=IdeaStatus.UNDER_STUDY, user=None)
        clock.shift(timedelta(seconds=20))
        services.change_status(idea=idea, to_status=IdeaStatus.RETAINED, user=None)
        services.answer_idea(idea=idea, user=None, answer="Vingt bancs en septembre.")
        clock.shift(timedelta(seconds=30))
        run_worker()  # the first notices are due, but later changes replace them
        assert mail.outbox == []

        clock.shift(timedelta(seconds=31))
        run_worker()
        [message] = mail.outbox
        assert message.subject == "Votre idée « Des bancs » : Retenue"
        assert "Vingt bancs en septembre." in message.body

        clock.shift(timedelta(days=30))  # much later, a new change is a new e-mail
        services.change_status(idea=idea, to_status=IdeaStatus.REALISED, user=None)
        clock.shift(timedelta(seconds=61))
        run_worker()
    assert [message.subject for message in mail.outbox[1:]] == [
        "Votre idée « Des bancs » : Réalisée"
    ]


def test_a_status_and_an_answer_saved_together_make_one_email_with_public_links(
    admin_client, box, settings, django_capture_on_commit_callbacks
):
    settings.PUBLIC_BASE_URL = "https://participer.ville.example"
    idea = IdeaFactory(box=box, status=IdeaStatus.PUBLISHED, title="Un jardin")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/admin/snippets/participation/idea/edit/{idea.pk}/",
            {
                "title": idea.title,
                "description": idea.description,
                "new_status": IdeaStatus.NOT_RETAINED,
                "note": "Le terrain est réservé à l’école.",
                "answer": "Nous cherchons un autre terrain.",
            },
            HTTP_HOST="localhost",  # the moderator's host is not the public one
        )
    assert response.status_code == 302
    [message] = mail.outbox
    assert "Le terrain est réservé à l’école." in message.body
    assert "Nous cherchons un autre terrain." in message.body
    with translation.override("fr"):
        assert f"https://participer.ville.example{idea.get_absolute_url()}" in message.body
    assert "https://participer.ville.example/fr/participation/" in message.body  # my data
    assert "localhost" not in message.body


@pytest.mark.parametrize(
    ("language", "subject", "greeting"),
    [
        ("fr", "Votre idée « Des tags » n’a pas été publiée", "Bonjour,"),
        ("en", "Your idea “Des tags” was not published", "Hello,"),
    ],
)
def test_the_author_of_a_rejected_idea_is_told_why_once_in_their_language(
    box, consultation, locales, language, subject, greeting, django_capture_on_commit_callbacks
):
    english = consultation.copy_for_translation(locales[1], copy_parents=True)
    english.save_revision().publish()
    author = ParticipantFactory(language=language)
    idea = IdeaFactory(box=box, participant=author, title="Des tags")
    with django_capture_on_commit_callbacks(execute=True):
        services.change_status(
            idea=idea, to_status=IdeaStatus.REJECTED, user=None, note="Hors sujet."
        )
    [message] = mail.outbox
    assert message.to == [author.email]
    assert message.subject == subject
    assert message.body.startswith(greeting)
    assert "Hors sujet." in message.body
    shown = english if language == "en" else consultation
    assert f"http://testserver{shown.url}" in message.body  # its rules, in their language
    assert idea.get_absolute_url() not in message.body  # the idea has no public page


def test_an_idea_its_author_never_confirmed_is_neither_moderated_nor_mailed_about(
    box, django_capture_on_commit_callbacks
):
    """What waits on a link may be a stranger's, typed in someone's name: not moderators' to
    publish."""
    idea = IdeaFactory(box=box, confirmed=False)
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(services.InvalidTransition),
    ):
        services.change_status(idea=idea, to_status=IdeaStatus.PUBLISHED, user=None)
    assert mail.outbox == []
    assert Idea.objects.get().status == IdeaStatus.SUBMITTED


def test_a_queue_that_is_down_does_not_fail_the_moderation(
    box, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(*args):
        raise ConnectionError("the task queue is down")

    monkeypatch.setattr(background, "enqueue_later", broken)
    idea = IdeaFactory(box=box)
    with django_capture_on_commit_callbacks(execute=True):
        services.change_status(idea=idea, to_status=IdeaStatus.PUBLISHED, user=None)
    assert Idea.objects.get().status == IdeaStatus.PUBLISHED
