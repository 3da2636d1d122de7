"""Machine translation of public ideas (title and description) for visitors reading the site in
another language, through the translator the authority configured (MACHINE_TRANSLATOR, as
wagtail-localize's WAGTAILLOCALIZE_MACHINE_TRANSLATOR). Off by default.

Reading an idea asks for its translation; a background task calls the service and stores
the result (IdeaTranslation, keyed by the text it was made from), so each text is sent once
and no page waits on the service. Until then, or when the service fails, the idea shows in its
own words.
"""

import logging
from datetime import timedelta

from django.core.cache import cache
from django.db import transaction
from django_tasks import task
from wagtail.models import Locale
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.strings import StringValue

from ..models import Idea, IdeaTranslation

logger = logging.getLogger(__name__)

# A text asked for is not asked for again for this long: the task is on its way, or the
# service failed and is left alone meanwhile.
ASK_AGAIN_AFTER = timedelta(hours=1)


def translator(source, target):
    """The configured translator if it translates from language `source` into `target`."""
    configured = get_machine_translator()
    if configured is None or source == target:
        return None
    if not configured.can_translate(Locale(language_code=source), Locale(language_code=target)):
        return None
    return configured


def machine_translation(idea, language):
    """The stored translation of `idea`'s current text into `language`, or None.

    A public idea in another language without one has one asked for: a task, enqueued once
    per text (the cache remembers the asking), translates it after this request.
    """
    if not idea.is_public or translator(idea.language, language) is None:
        return None
    text_hash = idea.text_hash
    found = idea.machine_translations.filter(language=language, text_hash=text_hash).first()
    asked = f"machine-translation:{idea.pk}:{language}:{text_hash}"
    if found is None and cache.add(asked, True, ASK_AGAIN_AFTER.total_seconds()):
        idea_id = idea.pk
        # A queue that is down leaves the idea in its own words, never fails the page.
        transaction.on_commit(lambda: translate_idea.enqueue(idea_id, language), robust=True)
    return found


@task()
def translate_idea(idea_id, language):
    """Translate a public idea's title and description into `language` and store them,
    replacing the translation of an earlier text. A service that fails, cannot be reached or
    answers nothing is logged, and the idea keeps showing in its own words. Returns whether a
    translation was stored."""
    idea = Idea.objects.public().filter(pk=idea_id).first()
    service = idea and translator(idea.language, language)
    if not service:
        return False
    text_hash = idea.text_hash
    if idea.machine_translations.filter(language=language, text_hash=text_hash).exists():
        return False
    title, description = (
        StringValue.from_plaintext(text) for text in (idea.title, idea.description)
    )
    try:
        translated = service.translate(
            Locale(language_code=idea.language),
            Locale(language_code=language),
            [title, description],
        )
        texts = [translated[string].render_text().strip() for string in (title, description)]
    # Each service fails its own way (network errors, error pages, unexpected JSON).
    except Exception:
        logger.warning(
            "Machine translation of idea %s into %s failed", idea_id, language, exc_info=True
        )
        return False
    if not all(texts):
        logger.warning("Machine translation of idea %s into %s came back empty", idea_id, language)
        return False
    with transaction.atomic():
        idea.machine_translations.filter(language=language).exclude(text_hash=text_hash).delete()
        IdeaTranslation.objects.get_or_create(
            idea=idea,
            language=language,
            text_hash=text_hash,
            defaults={"title": " ".join(texts[0].split()), "description": texts[1]},
        )
    return True
