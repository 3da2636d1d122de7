"""Surveys, idea boxes and petitions in several languages, with one set of results.

Editors translate them with wagtail-localize, like pages. A translation is a copy that
carries texts only: the questions' wording, the options' labels, the thank-you message.
Everything residents give (answers, ideas, supports) belongs to the original, the version
every translation was made from, so that a survey answered in French and in English has
one set of results, one answer per participant and one count. The original is the version
with no `translation_of`; wagtail-localize makes a translation by `copy_for_translation`,
which names it. Dates, rules and the consultation are synchronised by wagtail-localize, so
a translation opens and closes with its original.

Choice options are keyed by their position in the original's list: a translation relabels
them (`OptionsField` hands translators one line at a time, so that a translated list keeps
its length) and answers store the original's wording, whatever the language of the form.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin
from wagtail_localize.segments import StringSegmentValue


class TranslatedItem(TranslatableMixin):
    """A survey, an idea box or a petition that can be translated (see the module)."""

    translation_of = models.ForeignKey(
        "self",
        verbose_name=_("translation of"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The original this version translates: what residents give belongs to it."),
    )

    # Figures the services keep on the original: a translation's stay at their default.
    original_only = ()

    class Meta(TranslatableMixin.Meta):
        abstract = True

    @property
    def original(self):
        """The version answers, ideas and supports belong to."""
        return self if self.translation_of_id is None else self.translation_of

    @property
    def original_id(self):
        return self.translation_of_id or self.pk

    def copy_for_translation(self, locale, exclude_fields=None):
        translation = super().copy_for_translation(locale, exclude_fields=exclude_fields)
        translation.translation_of_id = self.original_id
        for name in self.original_only:
            setattr(translation, name, self._meta.get_field(name).get_default())
        return translation

    def in_language(self, locale_id):
        """The version written in `locale_id` (a page's language), or this one if none is."""
        if locale_id is None or locale_id == self.locale_id:
            return self
        return self.get_translation_or_none(locale_id) or self


def shown_with_original(item, locale_id):
    """(the version to show in `locale_id`, the original that gathers the data) of a block's
    item, whichever version the block names: a page translated by wagtail-localize names the
    translated item, a page copied by hand still names the original."""
    if item is None:
        return None, None
    return item.in_language(locale_id), item.original


def counterparts(shown_children, original_children):
    """[(shown child, original child)] in the original's order: a question or a field of
    the original that no translation carries yet is shown as the original words it."""
    by_key = {child.translation_key: child for child in shown_children}
    return [(by_key.get(child.translation_key, child), child) for child in original_children]


def labelled_options(shown_options, original_options):
    """[(key, label)] of a choice: the original's wording as key, the translation's as label
    when the translation lists as many options (else the original's wording)."""
    if len(shown_options) != len(original_options):
        shown_options = original_options
    return list(zip(original_options, shown_options, strict=True))


class OptionsField(models.TextField):
    """Choice options, one per line; wagtail-localize asks for each line on its own."""

    def get_translatable_segments(self, value):
        lines = [line.strip() for line in (value or "").splitlines() if line.strip()]
        return [StringSegmentValue(str(index), line) for index, line in enumerate(lines)]

    def restore_translated_segments(self, value, segments):
        lines = [line.strip() for line in (value or "").splitlines() if line.strip()]
        for segment in segments:
            index = int(segment.path)
            if index < len(lines):
                lines[index] = segment.render_text()
        return "\n".join(lines)
