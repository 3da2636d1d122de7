"""What can be followed, found by topic and translation key in a reader's language."""

from django.utils.translation import get_language
from wagtail.models import Locale

from portal.pages.consultation import ConsultationPage
from portal.pages.taxonomy import District, Theme

from .models import Topic

MODELS = {Topic.THEME: Theme, Topic.DISTRICT: District}


def _in_language(candidates, language):
    """The candidate in `language`, else the original (the first created)."""
    candidates = list(candidates)
    for candidate in candidates:
        if candidate.locale.language_code == language:
            return candidate
    return min(candidates, key=lambda candidate: candidate.pk, default=None)


def find(topic, key, language=None):
    """The consultation page (live), theme or district followed as (topic, key), in
    `language` (the current one by default) when translated; None when there is none."""
    language = language or get_language()
    if topic == Topic.CONSULTATION:
        pages = ConsultationPage.objects.live().public().filter(translation_key=key)
        return _in_language(pages.select_related("locale"), language)
    if topic in MODELS:
        return _in_language(
            MODELS[topic].objects.filter(translation_key=key).select_related("locale"), language
        )
    return None


def name(target):
    return target.title if isinstance(target, ConsultationPage) else target.name


def locale_for(language):
    return Locale.objects.filter(language_code=language).first()
