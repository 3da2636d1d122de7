"""Themes and districts named in the visitor's language: forms offer them, rules state them."""

from django.utils.translation import get_language
from wagtail.models import Locale

from portal.core import page_cache


def localized_choices(items):
    """(pk, name) of taxonomy items, named in the visitor's language when translated."""
    items = list(items)
    translated = (
        {
            item.translation_key: item.name
            for item in type(items[0])
            .objects.filter(
                translation_key__in=[item.translation_key for item in items],
                locale=Locale.get_active(),
            )
            .only("translation_key", "name")
        }
        if items
        else {}
    )
    choices = [(str(item.pk), translated.get(item.translation_key, item.name)) for item in items]
    return sorted(choices, key=lambda choice: choice[1])


def box_choices(box):
    """(themes, districts) an idea box offers, as choices named in the visitor's language.

    Its form and its list's filters both offer them: kept in the cache until the box changes
    (its live-data version) or a theme or district does (the content version).
    """
    return page_cache.live(
        f"idea-box-choices:{box.pk}:{get_language()}",
        lambda: (localized_choices(box.themes.all()), localized_choices(box.districts.all())),
    )
