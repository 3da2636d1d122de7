"""Blocks that arrange other content: accordions, key figures, columns."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .text import ParagraphBlock


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Question or title"), max_length=200)
    content = ParagraphBlock(label=_("Answer or content"))


class AccordionBlock(blocks.StructBlock):
    """Questions and answers that open one by one; built on <details>, so no JavaScript needed."""

    title = blocks.CharBlock(label=_("Title"), required=False, max_length=160)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Items"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Accordion / FAQ")
        template = "blocks/accordion.html"
        description = _("Frequently asked questions or details that open on demand.")
        preview_value = {
            "title": "Questions fréquentes",
            "items": [
                {
                    "title": "Qui peut participer ?",
                    "content": "<p>Toute personne qui vit, travaille ou étudie ici.</p>",
                },
                {
                    "title": "Que deviennent les contributions ?",
                    "content": "<p>Chacune reçoit une réponse publique de la Ville.</p>",
                },
            ],
        }


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("Figure"), max_length=20, help_text=_("e.g. 1 240 or 85 %"))
    label = blocks.CharBlock(label=_("What it counts"), max_length=120)
    detail = blocks.CharBlock(label=_("Detail"), required=False, max_length=200)


class KeyFiguresBlock(blocks.StructBlock):
    """A few figures that tell the story at a glance."""

    title = blocks.CharBlock(label=_("Title"), required=False, max_length=160)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Figures"), min_num=1, max_num=6)

    class Meta:
        icon = "order"
        label = _("Key figures")
        template = "blocks/key_figures.html"
        description = _("Up to six figures shown side by side.")
        preview_value = {
            "title": "La concertation en chiffres",
            "figures": [
                {"value": "1 240", "label": "participantes et participants"},
                {"value": "144", "label": "propositions"},
                {"value": "12", "label": "ateliers de quartier"},
            ],
        }
