"""Themes and districts named in the visitor's language: forms offer them, rules state them."""

from wagtail.models import Locale


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
