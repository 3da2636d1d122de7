"""Blocks that give an account of a consultation: decisions and what comes next."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .text import RICH_TEXT_FEATURES


class DecisionBlock(blocks.StructBlock):
    """One answer of the authority: what it heard, what it decides, and why."""

    topic = blocks.CharBlock(label=_("Topic"), max_length=160)
    heard = blocks.RichTextBlock(label=_("What we heard"), features=RICH_TEXT_FEATURES)
    decided = blocks.RichTextBlock(label=_("What we decide"), features=RICH_TEXT_FEATURES)
    why = blocks.RichTextBlock(label=_("Why"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "tick-inverse"
        label = _("Decision")
        template = "blocks/decision.html"
        description = _("What residents said on a topic, what the town decides and why.")
        preview_value = {
            "topic": "Les arbres de la place",
            "heard": "<p>Une large majorité demande plus d’ombre en été.</p>",
            "decided": "<p>Vingt arbres seront plantés à l’automne 2027.</p>",
            "why": "<p>C’est la demande la plus partagée, et elle laisse la place au marché.</p>",
        }


class TimelineStepBlock(blocks.StructBlock):
    when = blocks.CharBlock(label=_("When"), max_length=60, help_text=_("e.g. “Autumn 2027”."))
    title = blocks.CharBlock(label=_("Step"), max_length=160)
    description = blocks.TextBlock(label=_("Description"), required=False, max_length=400)
    done = blocks.BooleanBlock(label=_("Done"), required=False)


class TimelineBlock(blocks.StructBlock):
    """The next steps, in order, with those already done marked as such."""

    title = blocks.CharBlock(label=_("Title"), required=False, max_length=160)
    steps = blocks.ListBlock(TimelineStepBlock(), label=_("Steps"), min_num=1)

    class Meta:
        icon = "time"
        label = _("Next steps")
        template = "blocks/timeline.html"
        description = _("A timeline of what happens next, and what is already done.")
        preview_value = {
            "title": "Et maintenant ?",
            "steps": [
                {"when": "Janvier 2027", "title": "Vote du budget", "done": True},
                {"when": "Printemps 2027", "title": "Études et plans détaillés"},
                {"when": "Automne 2027", "title": "Début des travaux"},
            ],
        }
